BEGIN;
SET LOCAL lock_timeout TO '3s'
;ALTER TABLE "positions" ALTER COLUMN "leverage" TYPE numeric;
INSERT INTO "schema_migrations" ("version","inserted_at") VALUES ('20261202093003','2026-12-02 09:30:00');
COMMIT;
