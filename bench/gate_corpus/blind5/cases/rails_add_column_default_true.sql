BEGIN;
ALTER TABLE "loans" ADD "auto_liquidate" boolean DEFAULT TRUE NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
