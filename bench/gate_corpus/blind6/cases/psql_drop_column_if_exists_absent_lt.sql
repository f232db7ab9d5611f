SET lock_timeout = '2s';
ALTER TABLE payouts DROP COLUMN IF EXISTS legacy_ref;
