-- typeorm migration:run (query logging)
START TRANSACTION;
SET lock_timeout = '2s';
CREATE TABLE "funding_overrides" ("id" SERIAL NOT NULL, "market_id" smallint NOT NULL, "rate" numeric(12,10) NOT NULL, CONSTRAINT "PK_funding_overrides" PRIMARY KEY ("id"));
ALTER TABLE "funding_overrides" ADD CONSTRAINT "FK_funding_overrides_market" FOREIGN KEY ("market_id") REFERENCES "markets"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
