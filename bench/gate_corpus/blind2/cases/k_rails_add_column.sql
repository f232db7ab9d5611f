BEGIN;
ALTER TABLE "clients" ADD "nickname" character varying;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
