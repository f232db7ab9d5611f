-- Deploy exchange:payout_fee to pg

BEGIN;

SET lock_timeout = '2s';
ALTER TABLE payouts ADD COLUMN fee positive_amount;

COMMIT;
