BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "margin_calls" ADD CONSTRAINT "fk_rails_3c1f0f2a9b" FOREIGN KEY ("loan_id") REFERENCES "loans" ("id") NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
