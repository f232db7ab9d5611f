-- mix ecto.migrate --log-migrations-sql
DROP INDEX CONCURRENTLY IF EXISTS "customers_created_idx";
