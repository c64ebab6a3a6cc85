-- The saga's last step: the customer's devices hear that the order was dispatched (OrderDispatched on fulfillment).
alter table push_notifications drop constraint push_notifications_event_type_check;
alter table push_notifications add constraint push_notifications_event_type_check
    check (event_type in ('OrderPaid', 'PaymentFailed', 'OrderDispatched'));
