-- Deploy exchange:iban_alt to pg

BEGIN;

SET lock_timeout = '2s';
ALTER TABLE bank_accounts ADD COLUMN iban_alt iban_text;

COMMIT;
