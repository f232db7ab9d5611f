-- typeorm migration:run (query logging)
START TRANSACTION;
CREATE INDEX CONCURRENTLY "IDX_positions_closed_at" ON "positions" ("closed_at");
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
