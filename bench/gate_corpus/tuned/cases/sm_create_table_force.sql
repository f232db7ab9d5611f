BEGIN;
DROP TABLE IF EXISTS "venues";
CREATE TABLE "venues" ("id" bigserial primary key, "name" character varying);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
