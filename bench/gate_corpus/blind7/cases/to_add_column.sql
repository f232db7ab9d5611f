-- typeorm migration:run (query logging)
START TRANSACTION;
ALTER TABLE "positions" ADD "stop_loss" numeric(28,10);
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
