SET lock_timeout = '2s';
ALTER TABLE kyc_cases ADD CONSTRAINT kyc_cases_customer_opened_key UNIQUE (customer_id, opened_at);
