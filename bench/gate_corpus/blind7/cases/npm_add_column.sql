-- Up Migration
SET lock_timeout = '2s';
ALTER TABLE "margin_accounts" ADD COLUMN "auto_deleverage" boolean;

-- Down Migration
ALTER TABLE "margin_accounts" DROP COLUMN "auto_deleverage";
