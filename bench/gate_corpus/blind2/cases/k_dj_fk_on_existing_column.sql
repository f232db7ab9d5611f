BEGIN;
--
-- Alter field withdrawal on approval
--
SET lock_timeout = '2s';
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_withdrawal_id_8d2e_fk_withdrawals_id" FOREIGN KEY ("withdrawal_id") REFERENCES "withdrawals" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
