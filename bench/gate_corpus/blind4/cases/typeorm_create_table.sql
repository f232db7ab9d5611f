-- typeorm migration:run (query logging)
START TRANSACTION;
CREATE TABLE "risk_limit" ("id" SERIAL NOT NULL, "asset" character varying NOT NULL, "daily_withdraw_cap" numeric NOT NULL, CONSTRAINT "PK_risk_limit" PRIMARY KEY ("id"));
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
