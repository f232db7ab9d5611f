-- migrate:up
CREATE OR REPLACE FUNCTION wallet_headroom(w treasury_wallets) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT w.balance - coalesce(w.min_balance, 0) $$;
CREATE VIEW wallets_below_minimum AS SELECT id, label, asset, balance FROM treasury_wallets WHERE balance < coalesce(min_balance, 0);

-- migrate:down
DROP VIEW wallets_below_minimum;
DROP FUNCTION wallet_headroom(treasury_wallets);
