BEGIN;
SET lock_timeout = '2s';
ALTER TABLE customers DISABLE TRIGGER customers_updated_at;
UPDATE customers SET kyc_tier = 1 WHERE kyc_tier = 0;
ALTER TABLE customers ENABLE TRIGGER customers_updated_at;
COMMIT;
