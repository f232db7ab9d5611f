CREATE OR REPLACE VIEW open_orders AS SELECT id, account_id, price FROM orders WHERE status = 'open';
