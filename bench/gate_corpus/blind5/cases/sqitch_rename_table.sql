-- Deploy exchange:rename_wallets to pg

BEGIN;

SET lock_timeout = '2s';
ALTER TABLE treasury_wallets RENAME TO custody_wallets;

COMMIT;
