-- mix ecto.migrate --log-migrations-sql
CREATE INDEX CONCURRENTLY settlements_trade_id_index ON settlements (trade_id);
