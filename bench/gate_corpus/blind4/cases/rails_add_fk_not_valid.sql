BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "referral_payouts" ADD CONSTRAINT "fk_rails_ref_code" FOREIGN KEY ("code") REFERENCES "referral_codes" ("code") NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
