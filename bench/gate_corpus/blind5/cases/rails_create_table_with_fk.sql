BEGIN;
CREATE TABLE "loan_repayments" ("id" bigserial primary key, "loan_id" bigint NOT NULL, "amount" numeric(38,18) NOT NULL, "paid_at" timestamp(6) NOT NULL, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL, CONSTRAINT "fk_rails_81d0b1f7c2" FOREIGN KEY ("loan_id") REFERENCES "loans" ("id"));
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
