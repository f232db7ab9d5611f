BEGIN;
-- mix ecto.migrate --log-migrations-sql
CREATE DOMAIN tx_hash_text AS varchar(66) CHECK (VALUE ~ '^0x[0-9a-f]{64}$');
COMMIT;
