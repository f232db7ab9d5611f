BEGIN;
-- mix ecto.migrate --log-migrations-sql
CREATE INDEX settlements_trade_id_index ON settlements (trade_id);
COMMIT;
