SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN margin positive_amount;
