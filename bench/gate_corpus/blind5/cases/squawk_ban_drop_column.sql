SET lock_timeout = '2s';
ALTER TABLE card_payments DROP COLUMN merchant_name;
