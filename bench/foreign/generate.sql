-- Set-based and deterministic: row g's columns are integer functions of g (``(g * prime) % n``), which the
-- workload reproduces in Python so that its parameters hit existing rows. Times are spread over the 30 days
-- before the load, in id order. Placeholders: {users} {instruments} {orders} {trades} {minutes} {ledger}
-- {transfers} {sessions} {alerts}.
INSERT INTO users SELECT g, 'user' || g || '@example.com', (ARRAY['US', 'DE', 'SG', 'BR', 'JP', 'GB'])[1 + g % 6],
    1 + g % 4, now() - interval '400 days' + g * (interval '400 days' / {users})
FROM generate_series(1::bigint, {users}) g;
INSERT INTO instruments SELECT g, 'B' || g, (ARRAY['USD', 'USDT', 'EUR'])[1 + g % 3], 0.01, g % 10 <> 0
FROM generate_series(1::bigint, {instruments}) g;
INSERT INTO accounts SELECT g, 1 + (g - 1) / 3, (ARRAY['USD', 'BTC', 'ETH'])[1 + (g - 1) % 3],
    (g * 7907) % 100000, (g * 31) % 100, now() - interval '1 day'
FROM generate_series(1::bigint, {users} * 3) g;
INSERT INTO orders (id, user_id, instrument_id, side, type, status, price, qty, filled_qty, client_order_id,
    placed_at, updated_at)
SELECT g, 1 + (g * 7919) % {users}, 1 + (g * 104729) % {instruments}, CASE WHEN g % 2 = 0 THEN 'B' ELSE 'S' END,
    (ARRAY['limit', 'limit', 'limit', 'market', 'stop'])[1 + g % 5],
    CASE WHEN (g * 613) % 100 < 70 THEN 'filled' WHEN (g * 613) % 100 < 90 THEN 'cancelled'
         WHEN (g * 613) % 100 < 95 THEN 'new' WHEN (g * 613) % 100 < 98 THEN 'partial' ELSE 'rejected' END,
    100 + (g * 37) % 900, 1 + g % 10, CASE WHEN (g * 613) % 100 < 70 THEN 1 + g % 10 ELSE 0 END, 'c' || g,
    now() - interval '30 days' + g * (interval '30 days' / {orders}),
    now() - interval '30 days' + g * (interval '30 days' / {orders})
FROM generate_series(1::bigint, {orders}) g;
SELECT setval(pg_get_serial_sequence('orders', 'id'), {orders});
INSERT INTO trades (id, instrument_id, taker_order_id, maker_order_id, price, qty, fee, executed_at)
SELECT g, 1 + (g * 104729) % {instruments}, 1 + (g::bigint * {orders}) / {trades},
    greatest(1, 1 + (g::bigint * {orders}) / {trades} - 1 - (g * 7) % 5000), 100 + (g * 37) % 900, 1 + g % 7,
    (g % 50) * 0.01, now() - interval '30 days' + g * (interval '30 days' / {trades})
FROM generate_series(1::bigint, {trades}) g;
SELECT setval(pg_get_serial_sequence('trades', 'id'), {trades});
INSERT INTO candles_1m
SELECT i, date_trunc('minute', now()) - m * interval '1 minute', 100 + (i * m) % 900, 101 + (i * m) % 900,
    99 + (i * m) % 900, 100 + (i * m + 3) % 900, (i + m) % 1000
FROM generate_series(1::bigint, {instruments}) i, generate_series(0::bigint, {minutes} - 1) m;
INSERT INTO ledger_entries (id, account_id, entry_type, amount, balance_after, ref_id, created_at)
SELECT g, 1 + (g * 7901) % ({users} * 3), (ARRAY['trade', 'trade', 'trade', 'fee', 'deposit', 'withdrawal', 'transfer'])[1 + g % 7],
    (g % 2000) - 1000, (g * 13) % 100000, CASE WHEN g % 7 < 4 THEN 1 + g % {trades} END,
    now() - interval '30 days' + g * (interval '30 days' / {ledger})
FROM generate_series(1::bigint, {ledger}) g;
SELECT setval(pg_get_serial_sequence('ledger_entries', 'id'), {ledger});
INSERT INTO transfers (id, account_from, account_to, amount, status, created_at)
SELECT g, 1 + (g * 7883) % ({users} * 3), 1 + (g * 7877) % ({users} * 3), 1 + g % 500,
    CASE WHEN g % 100 < 2 THEN 'pending' WHEN g % 100 < 5 THEN 'failed' ELSE 'done' END,
    now() - interval '90 days' + g * (interval '90 days' / {transfers})
FROM generate_series(1::bigint, {transfers}) g;
SELECT setval(pg_get_serial_sequence('transfers', 'id'), {transfers});
INSERT INTO kyc_reviews SELECT g, g, CASE WHEN g % 50 = 0 THEN 'pending' WHEN g % 10 = 1 THEN 'rejected' ELSE 'approved' END,
    CASE WHEN g % 50 <> 0 THEN 'reviewer' || g % 7 END, now() - interval '400 days' + g * (interval '400 days' / {users})
FROM generate_series(1::bigint, {users}) g;
INSERT INTO api_sessions SELECT g, md5(g::text), 1 + (g * 7867) % {users}, now() + interval '1 day'
FROM generate_series(1::bigint, {sessions}) g;
INSERT INTO price_alerts SELECT g, 1 + (g * 7853) % {users}, 1 + (g * 104723) % {instruments},
    CASE WHEN g % 2 = 0 THEN 'above' ELSE 'below' END, 100 + (g * 41) % 900, g % 10 < 7
FROM generate_series(1::bigint, {alerts}) g;
