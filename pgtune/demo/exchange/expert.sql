-- The expert's index set for the exchange workload: the bar pgtune's advice has to reach.
-- Every index names the templates it serves; each one also slows the writes to its table, so an index
-- whose reads are rare or already cheap is left out (see the notes at the end).

-- user_by_email: logins look users up case-insensitively.
CREATE INDEX users_lower_email_idx ON users (lower(email));

-- account_balances, update_balance: equality on user_id, then asset. Balance is left out of the index on
-- purpose: including it would make every balance update a non-HOT update.
CREATE INDEX accounts_user_asset_idx ON accounts (user_id, asset);

-- order_history: a user's orders, newest first.
CREATE INDEX orders_user_created_idx ON orders (user_id, created_at);

-- open_orders_by_user: a whale's few open orders hide among hundreds of thousands of closed ones; the
-- partial index holds only the open few percent, so it is small and cheap to maintain.
CREATE INDEX orders_user_open_idx ON orders (user_id, created_at) WHERE status IN ('open', 'partially_filled');

-- order_by_client_id: the API's idempotency lookup, a user's own client order id.
CREATE INDEX orders_user_client_idx ON orders (user_id, client_order_id);

-- order_book: only the few percent of orders that rest in the book, with the depth read from the index
-- (covering), so the heap is not visited; price order answers ORDER BY price LIMIT 50 directly.
CREATE INDEX orders_book_idx ON orders (market_id, side, price) INCLUDE (qty, filled_qty)
    WHERE status IN ('open', 'partially_filled');

-- recent_trades: the tape of one market, newest first.
CREATE INDEX trades_market_executed_idx ON trades (market_id, executed_at);

-- user_trades: one user's fills as taker, newest first.
CREATE INDEX trades_taker_user_executed_idx ON trades (taker_user_id, executed_at);

-- order_fills: the trades of one order.
CREATE INDEX trades_taker_order_idx ON trades (taker_order_id);

-- market_volume_window, trades_retention: trades are appended in time order, so a BRIN index a few
-- pages long finds any time range.
CREATE INDEX trades_executed_brin ON trades USING brin (executed_at);

-- ledger_by_account: an account's statement, newest first.
CREATE INDEX ledger_account_created_idx ON ledger_entries (account_id, created_at);

-- deposit_by_tx_hash: the chain watcher matches incoming transactions.
CREATE INDEX deposits_tx_hash_idx ON deposits (tx_hash);

-- user_deposits: a user's deposit history, newest first.
CREATE INDEX deposits_user_created_idx ON deposits (user_id, created_at);

-- user_withdrawals: a user's withdrawal history, newest first.
CREATE INDEX withdrawals_user_requested_idx ON withdrawals (user_id, requested_at);

-- pending_withdrawals, review_withdrawal: the compliance queue is a handful of rows among all withdrawals.
CREATE INDEX withdrawals_pending_idx ON withdrawals (requested_at) WHERE status = 'pending_review';

-- api_key_auth: every API request authenticates; only live keys, answered from the index alone.
CREATE INDEX api_keys_live_prefix_idx ON api_keys (key_prefix) INCLUDE (user_id, permissions)
    WHERE revoked_at IS NULL;

-- audit_by_user: support looks up a user's recent security events by the user id inside the payload.
CREATE INDEX audit_log_user_created_idx ON audit_log ((payload ->> 'user_id'), created_at);

-- Left out on purpose:
--   volume_by_market_report reads every trade; no index helps (a rollup table or TimescaleDB's
--   continuous aggregate would). ticker_24h aggregates a day of every market's minute candles: it is
--   bound by the aggregation, not by finding the rows (measured: a BRIN index on candles (bucket) gains
--   nothing, and PostgreSQL 15 keeps the parallel sequential scan); a rollup serves it too. active_markets reads a 60-row table. candles_chart, user_profile,
--   order_by_id, cancel_order and fill_order are served by primary keys. trades would rather be
--   partitioned by executed_at: retention becomes DROP of a partition instead of a DELETE.
