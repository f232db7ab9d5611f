CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS kyc_cases_customer_opened_key ON kyc_cases (customer_id, opened_at);
SET lock_timeout = '2s';
ALTER TABLE kyc_cases ADD CONSTRAINT kyc_cases_customer_opened_key UNIQUE USING INDEX kyc_cases_customer_opened_key;
