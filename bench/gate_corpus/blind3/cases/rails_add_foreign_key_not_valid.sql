BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "margin_calls" ADD CONSTRAINT "fk_rails_4f1a9c2b7e" FOREIGN KEY ("account_id") REFERENCES "margin_accounts" ("id") NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
