-- typeorm migration:run (query logging)
START TRANSACTION;
CREATE INDEX CONCURRENTLY "IDX_a1b2c3d4e5f60718293a4b5c6d" ON "loans" ("closed_at");
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
