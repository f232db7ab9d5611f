-- The database the held-out corpus migrates (written before the rules were tuned; never tuned on).
-- A web shop (Django), a Prisma app, a Rails app, an event log partitioned by month, with data.
CREATE TABLE shop_customer (
  id bigserial PRIMARY KEY, email varchar(254) NOT NULL, name varchar(100), created timestamp NOT NULL DEFAULT now(),
  seen_at timestamptz, score numeric(8,2), flags integer, nickname varchar(30), country char(2)
);
CREATE TABLE shop_invoice (
  id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES shop_customer (id), total numeric(12,2) NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'new', note text, issued_at timestamp, paid boolean, ref varchar(40)
);
CREATE INDEX shop_invoice_customer_id_idx ON shop_invoice (customer_id);
CREATE INDEX shop_invoice_status_idx ON shop_invoice (status);
CREATE TABLE shop_line (id bigserial PRIMARY KEY, invoice_id bigint NOT NULL, sku varchar(32), qty integer, price numeric(10,2));
CREATE TABLE "User" (id text PRIMARY KEY, email text NOT NULL, name text, "createdAt" timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, role text);
CREATE UNIQUE INDEX "User_email_key" ON "User" (email);
CREATE TABLE "Post" (id serial PRIMARY KEY, title varchar(191) NOT NULL, "authorId" text, published boolean NOT NULL DEFAULT false, views integer);
CREATE TABLE users (id bigint PRIMARY KEY, login varchar(50), age smallint, balance numeric(10,2), last_seen timestamp, bio text);
CREATE TABLE comments (id bigint PRIMARY KEY, user_id bigint, body text, created_at timestamp);
CREATE TABLE events (id bigint, happened_at timestamptz NOT NULL, kind text) PARTITION BY RANGE (happened_at);
CREATE TABLE events_2026_01 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE events_2026_02 PARTITION OF events FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE TABLE events_2026_03 (id bigint, happened_at timestamptz NOT NULL, kind text);
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE diary (id bigint PRIMARY KEY, feeling mood);
CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY);
CREATE TABLE schema_migrations (version varchar PRIMARY KEY);
CREATE TABLE ledger (id bigint PRIMARY KEY, amount numeric, memo varchar(30), booked_at timestamp);
CREATE MATERIALIZED VIEW invoice_totals AS SELECT customer_id, sum(total) AS total FROM shop_invoice GROUP BY customer_id;
CREATE UNIQUE INDEX invoice_totals_customer_idx ON invoice_totals (customer_id);
INSERT INTO shop_customer (email, name, seen_at, score, flags, nickname, country)
  SELECT 'c' || g || '@shop.test', 'Customer ' || g, now(), g % 100, g % 4, 'nick' || g, 'DE' FROM generate_series(1, 300) g;
INSERT INTO shop_invoice (customer_id, total, status, note, issued_at, paid, ref)
  SELECT 1 + g % 300, g, CASE WHEN g % 3 = 0 THEN 'paid' ELSE 'new' END, CASE WHEN g % 2 = 0 THEN 'n' END, now(), g % 2 = 0, 'R' || (g % 50)
  FROM generate_series(1, 600) g;
INSERT INTO shop_line (invoice_id, sku, qty, price) SELECT 1 + g % 600, 'SKU' || g, 1, 9.99 FROM generate_series(1, 900) g;
INSERT INTO "User" (id, email, name, role) SELECT 'u' || g, 'u' || g || '@app.test', 'User ' || g, 'member' FROM generate_series(1, 200) g;
INSERT INTO "Post" (title, "authorId", views) SELECT 'Post ' || g, 'u' || (1 + g % 200), g FROM generate_series(1, 400) g;
INSERT INTO users SELECT g, 'login' || g, 20 + g % 50, g, now(), CASE WHEN g % 5 = 0 THEN NULL ELSE 'bio' END FROM generate_series(1, 300) g;
INSERT INTO comments SELECT g, 1 + g % 300, 'c', now() FROM generate_series(1, 500) g;
INSERT INTO events SELECT g, '2026-01-05'::timestamptz + (g % 50) * interval '1 day', 'k' FROM generate_series(1, 300) g;
INSERT INTO events_2026_03 SELECT g, '2026-03-10', 'k' FROM generate_series(1, 50) g;
INSERT INTO diary SELECT g, 'ok' FROM generate_series(1, 50) g;
INSERT INTO alembic_version VALUES ('3f2a9c1d7e10');
INSERT INTO ledger SELECT g, g, 'm', now() FROM generate_series(1, 300) g;
REFRESH MATERIALIZED VIEW invoice_totals;
ANALYZE;
