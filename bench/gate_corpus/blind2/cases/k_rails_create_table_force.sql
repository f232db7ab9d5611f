BEGIN;
DROP TABLE IF EXISTS "address_book" CASCADE;
CREATE TABLE "address_book" ("id" bigserial primary key, "client_id" bigint NOT NULL, "address" character varying NOT NULL);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
