SET lock_timeout = '2s';
SET statement_timeout = '30s';
ALTER TABLE insurance_funds ADD COLUMN custodian text;
