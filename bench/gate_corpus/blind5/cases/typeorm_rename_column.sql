-- typeorm migration:run (query logging)
START TRANSACTION;
ALTER TABLE "margin_calls" RENAME COLUMN "resolution" TO "outcome";
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
