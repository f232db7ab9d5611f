BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "approvals" ADD CONSTRAINT "fk_rails_5e1a2b3c4d" FOREIGN KEY ("withdrawal_id") REFERENCES "withdrawals" ("id") NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
