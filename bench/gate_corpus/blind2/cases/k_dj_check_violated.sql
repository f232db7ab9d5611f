BEGIN;
--
-- Create constraint clients_risk_cap on model client
--
SET lock_timeout = '2s';
ALTER TABLE "clients" ADD CONSTRAINT "clients_risk_cap" CHECK ("risk_score" <= 25);
COMMIT;
