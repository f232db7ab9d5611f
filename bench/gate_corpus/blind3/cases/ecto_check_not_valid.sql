BEGIN;
SET LOCAL lock_timeout TO '3s'
;ALTER TABLE "api_keys" ADD CONSTRAINT "scopes_not_empty" CHECK (cardinality(scopes) > 0) NOT VALID;
INSERT INTO "schema_migrations" ("version","inserted_at") VALUES ('20261202093005','2026-12-02 09:30:00');
COMMIT;
