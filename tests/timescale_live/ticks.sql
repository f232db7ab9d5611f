-- The ticks setup of issue 21: a hypertable of 500,000 rows in 1-day chunks over 10 days, three chunks compressed
-- segmented by market_id, and a continuous aggregate (its refresh and policy follow in workloads.load_ticks: CALL
-- cannot run in this multi-statement string's transaction).
CREATE TABLE ticks (
    market_id integer NOT NULL,
    price numeric NOT NULL,
    qty numeric NOT NULL,
    ts timestamptz NOT NULL
);
SELECT create_hypertable('ticks', by_range('ts', INTERVAL '1 day'));
CREATE INDEX ticks_market_id_ts_idx ON ticks (market_id, ts DESC);
SELECT setseed(0.21);
INSERT INTO ticks (market_id, price, qty, ts)
SELECT 1 + (g % 50), 100 + random() * 10, random(), now() - INTERVAL '10 days' + g * (INTERVAL '10 days' / 500000)
FROM generate_series(1, 500000) g;
ALTER TABLE ticks SET (timescaledb.compress, timescaledb.compress_segmentby = 'market_id',
    timescaledb.compress_orderby = 'ts DESC');
SELECT compress_chunk(c) FROM (SELECT c FROM show_chunks('ticks') c ORDER BY c LIMIT 3) oldest;
ANALYZE ticks;
CREATE MATERIALIZED VIEW ticks_1m WITH (timescaledb.continuous) AS
SELECT time_bucket(INTERVAL '1 minute', ts) AS bucket, market_id, max(price) AS high, min(price) AS low,
    sum(qty) AS volume
FROM ticks GROUP BY bucket, market_id WITH NO DATA;
