BEGIN;
--
-- Rename model Balance to Wallet
--
SET lock_timeout = '2s';
ALTER TABLE "balances" RENAME TO "wallets";
COMMIT;
