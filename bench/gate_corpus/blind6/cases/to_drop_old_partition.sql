-- typeorm migration:run (query logging)
START TRANSACTION;
DROP TABLE "events_2026_10";
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
