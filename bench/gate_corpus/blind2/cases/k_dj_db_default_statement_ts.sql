BEGIN;
--
-- Add field reviewed_at to withdrawal
--
SET lock_timeout = '2s';
ALTER TABLE "withdrawals" ADD COLUMN "reviewed_at" timestamp with time zone DEFAULT (STATEMENT_TIMESTAMP()) NOT NULL;
COMMIT;
