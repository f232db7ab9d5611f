BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "tickers" RENAME TO "market_tickers";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
