-- typeorm migration:run: DepositWallet1764670800000
START TRANSACTION;
SET lock_timeout = '2s';
ALTER TABLE "deposits" ADD CONSTRAINT "FK_7c1e3d2b9a0f4e5d6c7b8a9e0f1" FOREIGN KEY ("wallet_id") REFERENCES "wallets"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
INSERT INTO "migrations"("timestamp", "name") VALUES (1764670800000, 'DepositWallet1764670800000');
COMMIT;
