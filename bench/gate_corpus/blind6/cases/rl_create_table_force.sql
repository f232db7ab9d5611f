BEGIN;
DROP TABLE IF EXISTS "bank_accounts" CASCADE;
CREATE TABLE "bank_accounts" ("id" bigserial primary key, "counterparty_id" bigint NOT NULL, "iban" character varying NOT NULL);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
