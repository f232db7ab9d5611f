SET lock_timeout = '2s';
-- Modify "positions" table
ALTER TABLE "positions" ADD CONSTRAINT "leverage_cap" CHECK (leverage <= 100);
