BEGIN;
SET lock_timeout = '2s';
ALTER TABLE currencies ADD COLUMN decimals int;
ALTER TABLE currencies ALTER COLUMN name TYPE varchar(50);
COMMIT;
