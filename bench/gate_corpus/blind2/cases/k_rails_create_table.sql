BEGIN;
CREATE TABLE "signing_sessions" ("id" bigserial primary key, "withdrawal_id" bigint NOT NULL, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
