-- The tables the corpus migrates, with a few rows each: loaded by tests/test_gate_corpus.py to check
-- the doubtful labels on the real server. Column types match snapshot.json.
CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(255));
CREATE TABLE currencies (code text PRIMARY KEY, name text);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  account_id bigint,
  price numeric(12,2),
  qty int,
  status text,
  side text,
  venue varchar(16),
  client_ref varchar(64),
  fee_currency text,
  legacy_fee numeric NOT NULL DEFAULT 0,
  created_at timestamptz DEFAULT now()
);
CREATE INDEX orders_status_idx ON orders (status);
CREATE TABLE fills (
  id bigint PRIMARY KEY,
  order_id bigint,
  trade_id bigint,
  account_id bigint,
  qty int,
  price numeric,
  side text,
  settled boolean,
  created_at timestamptz DEFAULT now()
);
CREATE INDEX fills_order_id_idx ON fills (order_id);
CREATE TABLE balances (account_id bigint, amount numeric(20,8));
CREATE TABLE order_events (id bigint, created_at timestamptz DEFAULT now());
CREATE UNLOGGED TABLE orders_staging (id bigint);
CREATE TABLE trades (id bigint, traded_at timestamptz NOT NULL) PARTITION BY RANGE (traded_at);
CREATE TABLE trades_2026_10 PARTITION OF trades FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
CREATE TABLE trades_2026_12 (id bigint, traded_at timestamptz NOT NULL);
-- What the tools and the application expect to find (Alembic's version table, a reporting role).
CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY);
INSERT INTO alembic_version VALUES ('4b2e');
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reporting') THEN CREATE ROLE reporting; END IF; END $$;
INSERT INTO accounts SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 200) g;
INSERT INTO orders (id, account_id, price, qty, status, side)
  SELECT g, 1 + g % 200, 10 + g, g, 'open', 'buy' FROM generate_series(1, 6000) g;
INSERT INTO fills (id, order_id, trade_id, account_id, qty, price, side)
  SELECT g, g, g, 1 + g % 200, 1, 10, 'buy' FROM generate_series(1, 500) g;
INSERT INTO balances SELECT g, g FROM generate_series(1, 200) g;
INSERT INTO order_events SELECT g FROM generate_series(1, 500) g;
INSERT INTO orders_staging SELECT g FROM generate_series(1, 50) g;
INSERT INTO trades SELECT g, '2026-10-15' FROM generate_series(1, 50) g;
INSERT INTO trades_2026_12 SELECT g, '2026-12-15' FROM generate_series(1, 50) g;
