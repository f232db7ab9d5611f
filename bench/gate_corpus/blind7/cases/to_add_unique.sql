-- typeorm migration:run (query logging)
START TRANSACTION;
SET lock_timeout = '2s';
ALTER TABLE "api_keys" ADD CONSTRAINT "UQ_api_keys_key_hash" UNIQUE ("key_hash");
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
