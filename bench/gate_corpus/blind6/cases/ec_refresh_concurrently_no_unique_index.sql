-- mix ecto.migrate --log-migrations-sql
REFRESH MATERIALIZED VIEW CONCURRENTLY counterparty_exposure;
