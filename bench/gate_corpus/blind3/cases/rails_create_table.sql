BEGIN;
CREATE TABLE "fee_schedules" ("id" bigserial primary key, "tier" smallint NOT NULL, "maker_bps" decimal(6,2) NOT NULL, "taker_bps" decimal(6,2) NOT NULL, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
