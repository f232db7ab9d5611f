-- typeorm migration:run (query logging)
START TRANSACTION;
CREATE TABLE "notification_preferences" ("customerId" bigint NOT NULL, "channel" character varying NOT NULL, "enabled" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_9b8a7c6d5e4f" PRIMARY KEY ("customerId", "channel"));
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
