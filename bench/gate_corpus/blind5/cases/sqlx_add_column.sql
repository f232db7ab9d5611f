-- Add migration script here
ALTER TABLE card_payments ADD COLUMN three_ds_version TEXT;
