-- typeorm migration:run (query logging)
START TRANSACTION;
ALTER TABLE "markets" DROP COLUMN "base_asset";
ALTER TABLE "markets" ADD "base_asset" character varying(16) NOT NULL;
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
