SET lock_timeout = '2s';
ALTER TABLE "markets" ALTER COLUMN "quote_asset" DROP NOT NULL;
