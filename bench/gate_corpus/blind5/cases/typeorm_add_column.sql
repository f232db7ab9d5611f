-- typeorm migration:run (query logging)
START TRANSACTION;
ALTER TABLE "customers" ADD "marketing_opt_in" boolean NOT NULL DEFAULT false;
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
