SET lock_timeout = '2s';
ALTER TABLE balances ADD CONSTRAINT balances_available_nonneg CHECK (available >= 0) NOT VALID;
