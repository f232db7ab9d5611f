-- The exchange's data, set-based and deterministic. Names in braces are row counts from loader.Sizes.
-- hash01(i) is a multiplicative hash in [0, 1) that workload.py reproduces exactly, so that statement
-- parameters hit rows that exist (a user's own order, a deposit's tx hash); everything else draws from
-- random() after setseed. power(x, k) skews draws toward id 1: a few whale users and hot markets.
SELECT setseed({seed});

CREATE FUNCTION pg_temp.hash01(i bigint) RETURNS float8
    LANGUAGE sql IMMUTABLE AS 'SELECT ((i * 2654435761) % 4294967296) / 4294967296.0::float8';
CREATE FUNCTION pg_temp.order_user(o bigint, users bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE AS 'SELECT 1 + floor(users * power(pg_temp.hash01(o), 3))::bigint';

INSERT INTO markets
SELECT m, b || '-' || q, b, q, CASE WHEN q = 'BTC' THEN 0.00000001 ELSE 0.01 END,
       CASE WHEN m % 17 = 0 THEN 'halted' ELSE 'active' END
FROM (
    SELECT m,
           (ARRAY['BTC','ETH','SOL','XRP','ADA','DOGE','DOT','AVAX','LINK','LTC','TRX','ATOM','NEAR','APT',
                  'ARB','OP','SUI','TON','PEPE','UNI'])[1 + (m - 1) % 20] AS b,
           (ARRAY['USDT','USDC','BTC'])[1 + (m - 1) / 20] AS q
    FROM generate_series(1, 60) AS m
) AS s;

INSERT INTO users
SELECT i,
       CASE WHEN i % 7 = 0 THEN 'User' ELSE 'user' END || i || '@'
           || (ARRAY['gmail.com','proton.me','yahoo.com','outlook.com'])[1 + i % 4],
       (ARRAY['US','DE','SG','BR','KR','TR','NG','GB','JP','AR'])[1 + floor(10 * power(random(), 2))::int],
       floor(4 * random())::smallint,
       CASE WHEN random() < 0.03 THEN 'frozen' ELSE 'active' END,
       '2026-01-01 00:00:00+00'::timestamptz - interval '730 days' + (i * interval '730 days') / {users}
FROM generate_series(1, {users}) AS i;

-- Three accounts per user, so account_id = 3 * (user_id - 1) + asset position.
INSERT INTO accounts
SELECT 3 * (u - 1) + a, u, (ARRAY['USDT','BTC','ETH'])[a],
       round((power(random(), 4) * 1000000)::numeric, 6), 0,
       '2026-01-01 00:00:00+00'::timestamptz - random() * interval '30 days'
FROM generate_series(1, {users}) AS u, generate_series(1, 3) AS a;

INSERT INTO orders
SELECT i, pg_temp.order_user(i, {users}), market_id, 'c' || substr(md5(i::text), 1, 16), side,
       CASE WHEN r3 < 0.8 THEN 'limit' ELSE 'market' END,
       price, qty,
       CASE status WHEN 'filled' THEN qty WHEN 'partially_filled' THEN round(qty * r3::numeric, 8)
                   WHEN 'cancelled' THEN round(qty * (r3 * r3)::numeric, 8) ELSE 0 END,
       status, created_at, created_at + r3 * interval '10 minutes'
FROM (
    SELECT i, market_id, side, r3, created_at,
           round((100 * market_id * (0.9 + 0.2 * r2))::numeric, 2) AS price,
           round((0.001 + 5 * power(r2, 3))::numeric, 8) AS qty,
           CASE WHEN i > 0.97 * {orders} THEN
                    CASE WHEN r1 < 0.75 THEN 'open' WHEN r1 < 0.9 THEN 'partially_filled' ELSE 'cancelled' END
                ELSE
                    CASE WHEN r1 < 0.002 THEN 'open' WHEN r1 < 0.55 THEN 'filled' ELSE 'cancelled' END
           END AS status
    FROM (
        SELECT i, random() AS r1, random() AS r2, random() AS r3,
               1 + floor(60 * power(random(), 4))::int AS market_id,
               CASE WHEN random() < 0.5 THEN 'buy' ELSE 'sell' END AS side,
               '2026-01-01 00:00:00+00'::timestamptz - interval '30 days' + (i * interval '30 days') / {orders}
                   AS created_at
        FROM generate_series(1, {orders}) AS i
    ) AS draws
) AS shaped;

-- Trades follow orders in time: trade j fills orders placed shortly before it.
INSERT INTO trades
SELECT j, market_id, taker, maker, pg_temp.order_user(taker, {users}), pg_temp.order_user(maker, {users}),
       CASE WHEN random() < 0.5 THEN 'buy' ELSE 'sell' END,
       round((100 * market_id * (0.9 + 0.2 * random()))::numeric, 2),
       round((0.001 + 2 * power(random(), 3))::numeric, 8),
       round((0.0001 * random())::numeric, 8),
       executed_at
FROM (
    SELECT j, 1 + floor(60 * power(random(), 4))::int AS market_id,
           greatest(1, least({orders}, floor(j::float8 * {orders} / {trades})::bigint - floor(50 * random())::bigint))
               AS taker,
           greatest(1, floor(j::float8 * {orders} / {trades} * random())::bigint) AS maker,
           '2026-01-01 00:00:00+00'::timestamptz - interval '30 days' + (j * interval '30 days') / {trades}
               AS executed_at
    FROM generate_series(1, {trades}) AS j
) AS fills;

-- One candle per market and minute, written minute by minute as a candle job does.
INSERT INTO candles
SELECT market_id, bucket, open, greatest(open, close) * 1.001, least(open, close) * 0.999, close,
       round((power(random(), 2) * 1000 / market_id)::numeric, 8), floor(200 * random() / market_id)::int
FROM (
    SELECT m.market_id, b.bucket,
           round((100 * m.market_id * (0.95 + 0.1 * random()))::numeric, 2) AS open,
           round((100 * m.market_id * (0.95 + 0.1 * random()))::numeric, 2) AS close
    FROM generate_series(0, {candle_minutes} - 1) AS t(minute)
    CROSS JOIN LATERAL (
        SELECT '2026-01-01 00:00:00+00'::timestamptz - ({candle_minutes} - t.minute) * interval '1 minute' AS bucket
    ) AS b
    CROSS JOIN generate_series(1, 60) AS m(market_id)
) AS c;

INSERT INTO ledger_entries
SELECT e, account_id, kind, amount, round((1000 * random())::numeric, 6), e,
       '2026-01-01 00:00:00+00'::timestamptz - interval '30 days' + (e * interval '30 days') / {ledger}
FROM (
    SELECT e, 3 * floor({users} * power(random(), 3))::bigint + 1 + floor(3 * random())::bigint AS account_id,
           (ARRAY['trade','trade','trade','fee','deposit','withdrawal'])[1 + floor(6 * random())::int] AS kind,
           round(((random() - 0.5) * 1000)::numeric, 6) AS amount
    FROM generate_series(1, {ledger}) AS e
) AS postings;

INSERT INTO deposits
SELECT i, 1 + floor({users} * power(random(), 3))::bigint, (ARRAY['USDT','BTC','ETH'])[1 + floor(3 * random())::int],
       round((power(random(), 3) * 50000)::numeric, 6), '0x' || md5('d' || i) || md5('t' || i),
       CASE WHEN i > 0.99 * {deposits} THEN floor(12 * random())::int ELSE 12 END,
       CASE WHEN i > 0.99 * {deposits} THEN 'pending' WHEN random() < 0.01 THEN 'rejected' ELSE 'credited' END,
       '2026-01-01 00:00:00+00'::timestamptz - interval '365 days' + (i * interval '365 days') / {deposits}
FROM generate_series(1, {deposits}) AS i;

INSERT INTO withdrawals
SELECT i, user_id, asset, amount, '0x' || substr(md5('a' || user_id), 1, 40),
       CASE WHEN status = 'completed' THEN '0x' || md5('w' || i) || md5('x' || i) END,
       status, requested_at,
       CASE WHEN status IN ('completed', 'rejected') THEN requested_at + interval '20 minutes' END
FROM (
    SELECT i, 1 + floor({users} * power(random(), 3))::bigint AS user_id,
           (ARRAY['USDT','BTC','ETH'])[1 + floor(3 * random())::int] AS asset,
           round((power(random(), 3) * 20000)::numeric, 6) AS amount,
           CASE WHEN i > 0.995 * {withdrawals} THEN 'pending_review'
                WHEN random() < 0.03 THEN 'rejected' ELSE 'completed' END AS status,
           '2026-01-01 00:00:00+00'::timestamptz - interval '365 days' + (i * interval '365 days') / {withdrawals}
               AS requested_at
    FROM generate_series(1, {withdrawals}) AS i
) AS w;

INSERT INTO api_keys
SELECT i, 1 + floor({users} * power(random(), 2))::bigint, substr(md5('k' || i), 1, 12), md5('s' || i),
       (ARRAY['read','read,trade','read,trade,withdraw'])[1 + floor(3 * random())::int], created_at,
       CASE WHEN random() < 0.3 THEN created_at + interval '30 days' END
FROM (
    SELECT i, '2026-01-01 00:00:00+00'::timestamptz - interval '365 days' + (i * interval '365 days') / {api_keys}
              AS created_at
    FROM generate_series(1, {api_keys}) AS i
) AS k;

INSERT INTO audit_log
SELECT i, action,
       jsonb_build_object('user_id', (1 + floor({users} * power(random(), 3))::bigint)::text, 'action', action,
                          'ip', '10.' || floor(256 * random()) || '.' || floor(256 * random()) || '.1',
                          'user_agent', (ARRAY['web','ios','android','api'])[1 + floor(4 * random())::int]),
       '2026-01-01 00:00:00+00'::timestamptz - interval '90 days' + (i * interval '90 days') / {audit}
FROM (
    SELECT i, (ARRAY['login','login','api_call','password_change','withdrawal_request','2fa_change'])
                  [1 + floor(6 * random())::int] AS action
    FROM generate_series(1, {audit}) AS i
) AS a;

ALTER TABLE accounts ADD FOREIGN KEY (user_id) REFERENCES users;
ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users, ADD FOREIGN KEY (market_id) REFERENCES markets;
ALTER TABLE trades ADD FOREIGN KEY (market_id) REFERENCES markets,
    ADD FOREIGN KEY (taker_order_id) REFERENCES orders, ADD FOREIGN KEY (maker_order_id) REFERENCES orders;
ALTER TABLE candles ADD FOREIGN KEY (market_id) REFERENCES markets;
ALTER TABLE ledger_entries ADD FOREIGN KEY (account_id) REFERENCES accounts;
ALTER TABLE deposits ADD FOREIGN KEY (user_id) REFERENCES users;
ALTER TABLE withdrawals ADD FOREIGN KEY (user_id) REFERENCES users;
ALTER TABLE api_keys ADD FOREIGN KEY (user_id) REFERENCES users;

-- Explicit ids were loaded, so identities continue after them.
SELECT setval(pg_get_serial_sequence(t, c), greatest(n, 1))
FROM (VALUES ('users', 'user_id', {users}), ('accounts', 'account_id', 3 * {users}),
             ('orders', 'order_id', {orders}), ('trades', 'trade_id', {trades}),
             ('ledger_entries', 'entry_id', {ledger}), ('deposits', 'deposit_id', {deposits}),
             ('withdrawals', 'withdrawal_id', {withdrawals}), ('api_keys', 'api_key_id', {api_keys}),
             ('audit_log', 'audit_id', {audit})) AS v(t, c, n);
