-- The blind corpus's database (payments): written after the rules were tuned, scored once, never tuned on.
CREATE TABLE merchants (id bigint PRIMARY KEY, name varchar(80) NOT NULL, mcc char(4), created_at timestamp DEFAULT now(), rating numeric(3,1), tags text[]);
CREATE TABLE payments (id bigint PRIMARY KEY, merchant_id bigint NOT NULL, amount numeric(14,2) NOT NULL, currency char(3), state varchar(12), captured_at timestamp, meta jsonb, attempt smallint);
CREATE INDEX payments_merchant_idx ON payments (merchant_id);
CREATE TABLE refunds (id bigint PRIMARY KEY, payment_id bigint, amount numeric(14,2), reason text);
CREATE TABLE payouts (id bigint, merchant_id bigint, paid_on date NOT NULL) PARTITION BY RANGE (paid_on);
CREATE TABLE payouts_2026q1 PARTITION OF payouts FOR VALUES FROM ('2026-01-01') TO ('2026-04-01');
CREATE TABLE payouts_2026q2 (id bigint, merchant_id bigint, paid_on date NOT NULL);
CREATE TABLE settings (key text PRIMARY KEY, value text);
CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY);
CREATE TABLE schema_migrations (version varchar PRIMARY KEY);
INSERT INTO merchants SELECT g, 'm' || g, '5411', now(), 4.5, '{a}' FROM generate_series(1, 200) g;
INSERT INTO payments SELECT g, 1 + g % 200, g, 'EUR', CASE WHEN g % 9 = 0 THEN NULL ELSE 'captured' END, now(), '{}', 1 FROM generate_series(1, 800) g;
INSERT INTO refunds SELECT g, g, 1, 'dup' FROM generate_series(1, 100) g;
INSERT INTO payouts SELECT g, 1 + g % 200, '2026-02-01' FROM generate_series(1, 100) g;
INSERT INTO payouts_2026q2 SELECT g, 1, '2026-05-01' FROM generate_series(1, 20) g;
INSERT INTO settings VALUES ('a', '1'), ('b', '2');
INSERT INTO alembic_version VALUES ('3f2a9c1d7e10');
ANALYZE;
