BEGIN;
SET lock_timeout = '2s';
ALTER TABLE insurance_funds ADD COLUMN custodian text;
SELECT pg_sleep(2.5);
COMMIT;
