BEGIN;
CREATE TABLE "loan_repayments" ("id" bigserial primary key, "loan_id" bigint NOT NULL, "amount" numeric(38,18) NOT NULL, "paid_at" timestamp(6) NOT NULL, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL);
CREATE INDEX "index_loan_repayments_on_loan_id" ON "loan_repayments" ("loan_id");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
