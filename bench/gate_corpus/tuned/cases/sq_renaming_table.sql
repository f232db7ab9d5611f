SET lock_timeout = '2s';
ALTER TABLE order_events RENAME TO order_audit;
