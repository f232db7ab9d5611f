BEGIN;
CREATE TABLE "maintenance_windows" ("id" bigserial primary key, "starts_at" timestamp(6) NOT NULL, "ends_at" timestamp(6) NOT NULL, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
