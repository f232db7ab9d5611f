BEGIN;
SET lock_timeout = '2s';
ALTER TABLE funding_rates ADD CONSTRAINT funding_rates_rate_bound CHECK (abs(rate) < 0.01) NOT VALID;
ALTER TABLE funding_rates VALIDATE CONSTRAINT funding_rates_rate_bound;
COMMIT;
