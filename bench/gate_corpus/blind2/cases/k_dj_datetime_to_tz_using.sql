BEGIN;
--
-- Alter field seen_at on deposit
--
SET lock_timeout = '2s';
ALTER TABLE "deposits" ALTER COLUMN "seen_at" TYPE timestamp with time zone USING "seen_at"::timestamp with time zone;
COMMIT;
