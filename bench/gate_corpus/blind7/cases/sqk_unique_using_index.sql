CREATE UNIQUE INDEX CONCURRENTLY liquidations_ref_idx ON liquidations (ref);
SET lock_timeout = '2s';
ALTER TABLE liquidations ADD CONSTRAINT liquidations_ref_key UNIQUE USING INDEX liquidations_ref_idx;
