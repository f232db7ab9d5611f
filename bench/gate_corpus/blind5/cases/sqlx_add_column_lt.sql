-- Add migration script here
SET lock_timeout = '2s';
ALTER TABLE card_payments ADD COLUMN three_ds_version TEXT;
