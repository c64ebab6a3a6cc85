-- The four default rules of CONTRACT.md, inserted once: editable and deletable like any other, never re-created.
-- The API-destination and workflow target types come later; their rules start DISABLED and GET /rules says why.
insert into rules (name, description, event_pattern, state, targets) values
('orders-to-log',
 'Every orderflow event into the log group /orderflow/events/orders',
 '{"source": [{"prefix": "orderflow."}]}',
 'ENABLED',
 '[{"id": "orders-log", "type": "log", "logGroup": "/orderflow/events/orders"}]'),
('us-orders-to-api',
 'Paid orders for US locations to the us-warehouse API destination',
 '{"detail-type": ["OrderPaid"], "detail": {"location": [{"prefix": "us-"}]}}',
 'DISABLED',
 '[{"id": "us-warehouse", "type": "api-destination", "destination": "us-warehouse"}]'),
('eu-orders-to-workflow',
 'Paid orders for EU locations to the eu-fulfillment workflow',
 '{"detail-type": ["OrderPaid"], "detail": {"location": [{"prefix": "eu-"}]}}',
 'DISABLED',
 '[{"id": "eu-fulfillment", "type": "workflow", "workflow": "eu-fulfillment"}]'),
('paid-orders-to-store',
 'Every paid order stored and dispatched, once per order',
 '{"detail-type": ["OrderPaid"]}',
 'ENABLED',
 '[{"id": "store", "type": "store-and-dispatch"}]');
