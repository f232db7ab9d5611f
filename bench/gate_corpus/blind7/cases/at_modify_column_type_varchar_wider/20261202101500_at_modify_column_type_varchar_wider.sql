SET lock_timeout = '2s';
-- Modify "accounts" table
ALTER TABLE "accounts" ALTER COLUMN "email" TYPE character varying(255);
