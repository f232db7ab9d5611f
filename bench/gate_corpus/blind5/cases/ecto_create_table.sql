BEGIN;
-- mix ecto.migrate --log-migrations-sql
CREATE TABLE "staking_epochs" ("id" bigserial, "network" varchar(255) NOT NULL, "epoch" integer NOT NULL, "started_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "staking_epochs_network_epoch_index" ON "staking_epochs" ("network", "epoch");
COMMIT;
