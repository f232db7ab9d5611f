BEGIN;
--
-- Alter unique_together for treasurywallet (1 constraint(s))
--
SET lock_timeout = '2s';
ALTER TABLE "treasury_wallets" ADD CONSTRAINT "treasury_wallets_label_asset_uniq" UNIQUE ("label", "asset");
COMMIT;
