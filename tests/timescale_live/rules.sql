-- One case per TimescaleDB rule that should fire (tests/timescale_live/test_rules.py), beside a healthy table.
SELECT setseed(0.5);

-- PT002: a plain, append-only trades table read by time ranges, with an identity primary key.
CREATE TABLE trades (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    market_id integer NOT NULL,
    price numeric NOT NULL,
    qty numeric NOT NULL,
    executed_at timestamptz NOT NULL
);
CREATE INDEX trades_market_id_executed_at_idx ON trades (market_id, executed_at);
INSERT INTO trades (market_id, price, qty, executed_at)
SELECT g % 40, 100 + g % 89, g % 7, now() - INTERVAL '20 days' + g * (INTERVAL '20 days' / 120000)
FROM generate_series(1, 120000) g;

-- A small keyed table: nothing to say about its key or its size.
CREATE TABLE markets (id integer PRIMARY KEY, symbol text NOT NULL);
INSERT INTO markets SELECT g, 'M' || g FROM generate_series(0, 39) g;

-- PT003 (too large for the memory): 30-day chunks, 300,000 rows written over the last 2 days.
CREATE TABLE quotes (market_id integer NOT NULL, bid numeric NOT NULL, ask numeric NOT NULL, ts timestamptz NOT NULL);
SELECT create_hypertable('quotes', by_range('ts', INTERVAL '30 days'));
CREATE INDEX quotes_market_id_ts_idx ON quotes (market_id, ts DESC);
INSERT INTO quotes SELECT g % 40, 100, 101, now() - INTERVAL '2 days' + g * (INTERVAL '2 days' / 300000)
FROM generate_series(1, 300000) g;

-- PT003 (too small): 1-hour chunks of 10 rows over 2 days.
CREATE TABLE funding (market_id integer NOT NULL, rate numeric NOT NULL, ts timestamptz NOT NULL);
SELECT create_hypertable('funding', by_range('ts', INTERVAL '1 hour'));
INSERT INTO funding SELECT g % 40, 0.0001, now() - INTERVAL '2 days' + g * (INTERVAL '2 days' / 480)
FROM generate_series(1, 480) g;

-- PT004 (old chunks never compressed) and PT008 (an index no statement uses), with candle statements (PT007).
CREATE TABLE orders (
    user_id integer NOT NULL, market_id integer NOT NULL, status text NOT NULL, price numeric NOT NULL,
    qty numeric NOT NULL, created_at timestamptz NOT NULL
);
SELECT create_hypertable('orders', by_range('created_at', INTERVAL '1 day'));
CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX orders_user_id_created_at_idx ON orders (user_id, created_at DESC);
INSERT INTO orders SELECT g % 500, g % 40, (ARRAY['open', 'filled', 'cancelled'])[1 + g % 3], 100 + g % 13, 1 + g % 5,
    now() - INTERVAL '20 days' + g * (INTERVAL '20 days' / 100000)
FROM generate_series(1, 100000) g;

-- PT005: compressed segmented by a column nobody filters on; TimescaleDB's own default reads account_id's index.
CREATE TABLE fills (
    account_id integer NOT NULL, market_id integer NOT NULL, side text NOT NULL, qty numeric NOT NULL,
    ts timestamptz NOT NULL
);
SELECT create_hypertable('fills', by_range('ts', INTERVAL '1 day'));
CREATE INDEX fills_account_id_ts_idx ON fills (account_id, ts DESC);
INSERT INTO fills SELECT g % 300, g % 40, (ARRAY['buy', 'sell'])[1 + g % 2], 1 + g % 9,
    now() - INTERVAL '5 days' + g * (INTERVAL '5 days' / 50000)
FROM generate_series(1, 50000) g;
ALTER TABLE fills SET (timescaledb.compress, timescaledb.compress_segmentby = 'side',
    timescaledb.compress_orderby = 'ts DESC');

-- PT007: an aggregate without a refresh policy, and one whose window is shorter than its schedule.
CREATE MATERIALIZED VIEW fills_1h WITH (timescaledb.continuous) AS
SELECT time_bucket(INTERVAL '1 hour', ts) AS bucket, market_id, sum(qty) AS volume
FROM fills GROUP BY bucket, market_id WITH NO DATA;
CREATE MATERIALIZED VIEW quotes_1m WITH (timescaledb.continuous) AS
SELECT time_bucket(INTERVAL '1 minute', ts) AS bucket, market_id, max(ask) AS high
FROM quotes GROUP BY bucket, market_id WITH NO DATA;
SELECT add_continuous_aggregate_policy('quotes_1m', start_offset => INTERVAL '10 minutes',
    end_offset => INTERVAL '1 minute', schedule_interval => INTERVAL '1 hour', initial_start => now() + INTERVAL '1 day');

-- PT006: a job that fails every run, and one that has not run yet.
CREATE PROCEDURE settle_positions(job_id integer, config jsonb) LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'settlement feed unreachable';
END $$;
SELECT add_job('settle_positions', INTERVAL '1 hour');
SELECT add_job('settle_positions', INTERVAL '1 hour', initial_start => now() + INTERVAL '1 day');
ANALYZE;
