CREATE UNIQUE INDEX CONCURRENTLY order_events_id_key ON order_events (id);
SET lock_timeout = '2s';
ALTER TABLE order_events ALTER COLUMN id SET NOT NULL;
ALTER TABLE order_events ADD CONSTRAINT order_events_pkey PRIMARY KEY USING INDEX order_events_id_key;
