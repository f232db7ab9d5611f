BEGIN;
ALTER TABLE "withdrawals" ADD "market_id" smallint;
CREATE INDEX "index_withdrawals_on_market_id" ON "withdrawals" ("market_id");
ALTER TABLE "withdrawals" ADD CONSTRAINT "fk_rails_7e1a" FOREIGN KEY ("market_id") REFERENCES "markets" ("id");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
