BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "settlements" ADD CONSTRAINT "fk_rails_settlements_asset" FOREIGN KEY ("asset") REFERENCES "assets" ("code") NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
