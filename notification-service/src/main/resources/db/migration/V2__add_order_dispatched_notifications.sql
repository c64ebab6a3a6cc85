-- The saga's last step: a customer hears that the order was dispatched (OrderDispatched on the fulfillment topic).
alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check
    check (type in ('DEPOSIT_ACCEPTED', 'ORDER_PAID', 'PAYMENT_FAILED', 'ORDER_DISPATCHED', 'DIRECT'));
