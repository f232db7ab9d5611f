SET lock_timeout = '2s';
ALTER TABLE liquidations ADD COLUMN engine_trace json;
