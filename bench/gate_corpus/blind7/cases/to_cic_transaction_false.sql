-- typeorm migration:run --transaction each (Perps: transaction = false)
CREATE INDEX CONCURRENTLY "IDX_positions_closed_at" ON "positions" ("closed_at");
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764813600000, 'Perps1764813600000');
