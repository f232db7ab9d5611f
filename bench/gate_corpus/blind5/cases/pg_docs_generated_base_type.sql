SET lock_timeout = '2s';
ALTER TABLE card_payments ALTER COLUMN amount_minor TYPE numeric(20, 0);
