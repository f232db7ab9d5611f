BEGIN;
SET lock_timeout = '2s';
ALTER TABLE customers ADD COLUMN pep_flag boolean;
COMMENT ON COLUMN customers.pep_flag IS 'politically exposed person';
COMMIT;
