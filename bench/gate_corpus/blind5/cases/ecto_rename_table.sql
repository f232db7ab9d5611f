BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET LOCAL lock_timeout = '5s';
ALTER TABLE "margin_calls" RENAME TO "ltv_calls";
COMMIT;
