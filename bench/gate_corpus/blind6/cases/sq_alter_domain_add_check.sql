-- Deploy exchange:amount_cap to pg

BEGIN;

SET lock_timeout = '2s';
ALTER DOMAIN positive_amount ADD CONSTRAINT positive_amount_cap CHECK (VALUE < 1000000000000);

COMMIT;
