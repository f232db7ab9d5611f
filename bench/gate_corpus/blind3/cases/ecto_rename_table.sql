BEGIN;
SET LOCAL lock_timeout TO '3s'
;ALTER TABLE "margin_calls" RENAME TO "margin_alerts";
INSERT INTO "schema_migrations" ("version","inserted_at") VALUES ('20261202093007','2026-12-02 09:30:00');
COMMIT;
