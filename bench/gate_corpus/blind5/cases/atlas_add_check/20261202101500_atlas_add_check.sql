SET lock_timeout = '2s';
-- Modify "loans" table
ALTER TABLE "loans" ADD CONSTRAINT "outstanding_le_principal" CHECK (outstanding <= principal);
