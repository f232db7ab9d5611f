SET lock_timeout = '2s';
ALTER TABLE "users" ADD CONSTRAINT "users_login_null" CHECK ("login" IS NOT NULL) NOT VALID;
SET lock_timeout = '2s';
ALTER TABLE "users" VALIDATE CONSTRAINT "users_login_null";
ALTER TABLE "users" ALTER COLUMN "login" SET NOT NULL;
ALTER TABLE "users" DROP CONSTRAINT "users_login_null";
