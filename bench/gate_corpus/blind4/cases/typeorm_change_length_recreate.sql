-- typeorm migration:run (query logging)
START TRANSACTION;
ALTER TABLE "markets" DROP COLUMN "status";
ALTER TABLE "markets" ADD "status" character varying(32) NOT NULL DEFAULT 'trading';
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
