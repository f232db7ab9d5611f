-- typeorm migration:run (query logging)
START TRANSACTION;
ALTER TABLE "treasury_wallets" DROP COLUMN "network";
ALTER TABLE "treasury_wallets" ADD "network" character varying(32) NOT NULL;
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
