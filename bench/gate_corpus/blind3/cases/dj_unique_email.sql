BEGIN;
--
-- Alter field email on user
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Alter field email on user
--
ALTER TABLE "users" ADD CONSTRAINT "users_email_key" UNIQUE ("email");
CREATE INDEX "users_email_like" ON "users" ("email" text_pattern_ops);
COMMIT;
