-- Revert perp:add_index from pg

BEGIN;

DROP INDEX margin_accounts_updated_idx;

COMMIT;
