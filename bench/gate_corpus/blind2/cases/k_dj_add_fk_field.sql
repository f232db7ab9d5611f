BEGIN;
--
-- Add field wallet to approval
--
ALTER TABLE "approvals" ADD COLUMN "wallet_id" bigint NULL CONSTRAINT "approvals_wallet_id_3c1f2a9e_fk_wallets_id" REFERENCES "wallets"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "approvals_wallet_id_3c1f2a9e_fk_wallets_id" IMMEDIATE;
CREATE INDEX "approvals_wallet_id_3c1f2a9e" ON "approvals" ("wallet_id");
COMMIT;
