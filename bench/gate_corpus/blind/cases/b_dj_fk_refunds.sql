BEGIN;
--
-- Alter field payment on refund
--
SET lock_timeout = '2s';
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fk" FOREIGN KEY ("payment_id") REFERENCES "payments" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
