SET lock_timeout = '2s';
ALTER TABLE "deposits" ALTER COLUMN "confirmations" SET DATA TYPE integer;
