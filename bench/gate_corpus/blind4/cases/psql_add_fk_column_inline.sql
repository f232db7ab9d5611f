SET lock_timeout = '2s';
ALTER TABLE deposits ADD COLUMN batch_id integer REFERENCES settlement_batches (id);
