-- Up Migration
CREATE TABLE "vault_shares" ("id" serial PRIMARY KEY, "account_id" bigint NOT NULL, "shares" numeric NOT NULL);

-- Down Migration
DROP TABLE "vault_shares";
