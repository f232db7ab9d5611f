BEGIN;
DROP TABLE IF EXISTS "loan_fee_schedules" CASCADE;
CREATE TABLE "loan_fee_schedules" ("id" bigserial primary key, "product_id" smallint NOT NULL, "fee_bps" integer NOT NULL);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
