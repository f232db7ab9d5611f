BEGIN;
SET lock_timeout = '2s';
CREATE TABLE "payout_approvals" ("id" bigserial primary key, "payout_id" bigint NOT NULL, "approver" character varying NOT NULL, "created_at" timestamp(6) NOT NULL, CONSTRAINT "fk_rails_payout_approvals" FOREIGN KEY ("payout_id") REFERENCES "payouts" ("id"));
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
