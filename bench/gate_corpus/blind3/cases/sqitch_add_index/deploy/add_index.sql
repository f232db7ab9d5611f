-- Deploy perp:margin_accounts_updated_idx to pg

BEGIN;

CREATE INDEX margin_accounts_updated_idx ON margin_accounts (updated_at);

COMMIT;
