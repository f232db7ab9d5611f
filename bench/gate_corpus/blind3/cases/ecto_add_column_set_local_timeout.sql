BEGIN;
SET LOCAL lock_timeout TO '3s'
;ALTER TABLE "margin_accounts" ADD COLUMN "auto_deleverage" boolean DEFAULT false NOT NULL;
INSERT INTO "schema_migrations" ("version","inserted_at") VALUES ('20261202093001','2026-12-02 09:30:00');
COMMIT;
