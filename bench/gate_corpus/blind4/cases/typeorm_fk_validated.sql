-- typeorm migration:run (query logging)
START TRANSACTION;
ALTER TABLE "referral_payouts" ADD CONSTRAINT "FK_ref_code" FOREIGN KEY ("code") REFERENCES "referral_codes"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
