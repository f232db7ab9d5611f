SET lock_timeout = '2s';
ALTER TABLE liquidations ADD CONSTRAINT liquidations_ref_key UNIQUE (ref);
