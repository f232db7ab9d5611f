-- typeorm migration:run (query logging)
START TRANSACTION;
SET lock_timeout = '2s';
ALTER DOMAIN asset_code VALIDATE CONSTRAINT asset_code_upper;
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
