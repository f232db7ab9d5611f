SET lock_timeout = '2s';
ALTER TABLE card_payments ALTER COLUMN fee_minor TYPE bigint;
