-- typeorm migration:run (query logging)
START TRANSACTION;
SET lock_timeout = '3s';
CREATE TYPE "public"."customers_segment_enum" AS ENUM('retail', 'vip', 'institutional');
ALTER TABLE "customers" ADD "segment" "public"."customers_segment_enum" NOT NULL DEFAULT 'retail';
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
