SET lock_timeout = '3s';
SET statement_timeout = '15min';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS order_events_pkey ON order_events (id);
ALTER TABLE order_events ADD CONSTRAINT order_events_pkey PRIMARY KEY USING INDEX order_events_pkey;
