BEGIN;
CREATE TABLE "accounts_markets" ("account_id" bigint NOT NULL, "market_id" bigint NOT NULL);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
