START TRANSACTION;
SET lock_timeout = '2s';
ALTER TABLE "api_keys" ADD "expires_at" TIMESTAMP WITH TIME ZONE;
INSERT INTO "migrations"("timestamp", "name") VALUES (1764667800000, 'ApiKeyExpiry1764667800000');
COMMIT;
