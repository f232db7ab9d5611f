-- mix ecto.migrate --log-migrations-sql
CREATE INDEX CONCURRENTLY "margin_accounts_updated_at_index" ON "margin_accounts" ("updated_at");
