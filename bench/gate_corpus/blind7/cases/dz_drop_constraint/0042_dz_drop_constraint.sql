SET lock_timeout = '2s';
ALTER TABLE "margin_accounts" DROP CONSTRAINT "margin_accounts_account_id_collateral_asset_key";
