SET lock_timeout = '2s';
ALTER TABLE funding_payments ALTER COLUMN account_id TYPE smallint;
