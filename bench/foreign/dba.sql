-- The index set a senior DBA wrote for this workload, written before pgtune was ever run on it. Each line
-- names the statements (bench/foreign/workload.py) it is for. It accepts that the partial indexes on
-- orders.status make the fills' and cancels' updates non-HOT.
CREATE INDEX ON orders (user_id, placed_at DESC);                                     -- user_order_history, order_counts_by_status
CREATE INDEX ON orders (user_id, placed_at DESC) WHERE status IN ('new', 'partial');   -- user_open_orders
CREATE INDEX ON orders (instrument_id, side, price) WHERE status IN ('new', 'partial'); -- order_book_bids/asks
CREATE INDEX ON orders (user_id, client_order_id);                                     -- order_by_client_id
CREATE INDEX ON orders (placed_at) WHERE status = 'new';                               -- stale_open_orders
CREATE INDEX ON trades (taker_order_id);                                               -- fills_of_order, user_trades_7d, top_takers_1h
CREATE INDEX ON trades (maker_order_id);                                               -- fills_of_order, user_maker_fills
CREATE INDEX ON trades (instrument_id, executed_at DESC);                              -- recent_trades, volume_24h, trades_window
CREATE INDEX ON trades (instrument_id, id DESC);                                       -- last_price
CREATE INDEX ON trades USING brin (executed_at);                                       -- top_takers_1h, daily_fees
CREATE INDEX ON accounts (user_id, currency) INCLUDE (balance, locked);                -- account_balance, user_accounts
CREATE INDEX ON ledger_entries (account_id, created_at DESC);                          -- ledger_recent, ledger_period_sums
CREATE INDEX ON ledger_entries (ref_id);                                               -- ledger_by_ref
CREATE INDEX ON users (lower(email));                                                  -- user_by_email
CREATE INDEX ON users (country, created_at DESC);                                      -- new_users_by_country
CREATE INDEX ON transfers (created_at) WHERE status = 'pending';                       -- pending_transfers
CREATE INDEX ON transfers (account_from, created_at DESC);                             -- transfers_of_account
CREATE INDEX ON transfers (account_to, created_at DESC);                               -- transfers_of_account
CREATE INDEX ON kyc_reviews (submitted_at) WHERE state = 'pending';                    -- kyc_queue
CREATE INDEX ON kyc_reviews (user_id, submitted_at DESC);                              -- kyc_of_user
CREATE INDEX ON api_sessions (token);                                                  -- session_lookup
CREATE INDEX ON price_alerts (instrument_id, direction, target) WHERE NOT triggered;   -- alerts_to_fire
CREATE INDEX ON price_alerts (user_id);                                                -- user_alerts
