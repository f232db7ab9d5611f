-- Deploy exchange:bic_not_null to pg

BEGIN;

SET lock_timeout = '2s';
ALTER TABLE bank_accounts ALTER COLUMN bic SET NOT NULL;

COMMIT;
