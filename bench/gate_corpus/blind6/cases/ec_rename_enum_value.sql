BEGIN;
-- mix ecto.migrate --log-migrations-sql
ALTER TYPE rfq_status RENAME VALUE 'cancelled' TO 'canceled';
COMMIT;
