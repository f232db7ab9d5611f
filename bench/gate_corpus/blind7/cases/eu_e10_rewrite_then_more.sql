BEGIN;
SET lock_timeout = '2s';
ALTER TABLE fee_tiers ALTER COLUMN maker_bps TYPE numeric(8, 4);
ALTER TABLE fee_tiers ADD COLUMN note text;
COMMIT;
