-- blind6: a crypto OTC desk and payments-and-payouts processor (RFQs, quotes, trades, settlements, wallets,
-- payouts, KYC, fee schedules, an audit log and partitioned event and ledger tables), a few hundred rows a table.
CREATE TYPE quote_side AS ENUM ('buy', 'sell');
CREATE TYPE rfq_status AS ENUM ('open', 'quoted', 'accepted', 'expired', 'cancelled');
CREATE TYPE payout_status AS ENUM ('pending', 'processing', 'sent', 'failed', 'returned');
CREATE TYPE kyc_level AS ENUM ('none', 'basic', 'enhanced', 'institutional');

CREATE DOMAIN asset_code AS varchar(12) CHECK (VALUE ~ '^[A-Z0-9]{2,12}$');
CREATE DOMAIN positive_amount AS numeric(38, 18) CHECK (VALUE > 0);
CREATE DOMAIN iban_text AS text;

CREATE SEQUENCE trade_ref_seq START 100000;

CREATE TABLE counterparties (
    id bigserial PRIMARY KEY,
    legal_name text NOT NULL,
    country char(2),
    kyc kyc_level NOT NULL DEFAULT 'basic',
    lei varchar(20),
    email varchar(120),
    tier smallint NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kyc_checks (
    id serial PRIMARY KEY,
    counterparty_id bigint NOT NULL REFERENCES counterparties (id),
    provider text NOT NULL,
    status text NOT NULL,
    score integer,
    checked_at timestamp NOT NULL,
    payload jsonb
);

CREATE TABLE assets (
    code asset_code PRIMARY KEY,
    name text NOT NULL,
    decimals smallint NOT NULL,
    network text,
    is_active boolean NOT NULL DEFAULT true
);

CREATE TABLE fee_schedules (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    maker_bps numeric(6, 2) NOT NULL,
    taker_bps numeric(6, 2) NOT NULL,
    min_fee numeric(20, 8) NOT NULL DEFAULT 0,
    valid_from date NOT NULL,
    valid_to date
);

CREATE TABLE rfqs (
    id bigserial PRIMARY KEY,
    counterparty_id bigint NOT NULL REFERENCES counterparties (id),
    base_asset asset_code NOT NULL REFERENCES assets (code),
    quote_asset asset_code NOT NULL REFERENCES assets (code),
    side quote_side NOT NULL,
    quantity numeric(38, 18) NOT NULL,
    status rfq_status NOT NULL DEFAULT 'open',
    requested_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz,
    notes text
);
CREATE INDEX rfqs_counterparty_idx ON rfqs (counterparty_id);

CREATE TABLE quotes (
    id bigserial PRIMARY KEY,
    rfq_id bigint NOT NULL REFERENCES rfqs (id),
    dealer text NOT NULL,
    price numeric(24, 8) NOT NULL,
    quantity numeric(38, 18) NOT NULL,
    valid_until timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    accepted boolean NOT NULL DEFAULT false,
    ref uuid
);
CREATE INDEX quotes_rfq_idx ON quotes (rfq_id);

CREATE TABLE trades (
    id bigserial PRIMARY KEY,
    quote_id bigint NOT NULL REFERENCES quotes (id),
    counterparty_id bigint NOT NULL REFERENCES counterparties (id),
    fee_schedule_id integer REFERENCES fee_schedules (id),
    executed_at timestamptz NOT NULL,
    notional numeric(24, 2) NOT NULL,
    fee numeric(20, 8) NOT NULL DEFAULT 0,
    trade_ref varchar(32) NOT NULL DEFAULT 'T' || nextval('trade_ref_seq')
);
CREATE INDEX trades_executed_idx ON trades (executed_at);

CREATE TABLE settlements (
    id bigserial PRIMARY KEY,
    trade_id bigint NOT NULL REFERENCES trades (id),
    asset asset_code NOT NULL,
    amount numeric(38, 18) NOT NULL,
    status text NOT NULL DEFAULT 'pending',
    tx_hash varchar(66),
    settled_at timestamptz
);

CREATE TABLE wallets (
    id bigserial PRIMARY KEY,
    counterparty_id bigint NOT NULL REFERENCES counterparties (id),
    asset asset_code NOT NULL,
    address varchar(100) NOT NULL,
    label text,
    balance numeric(38, 18) NOT NULL DEFAULT 0,
    is_cold boolean,
    created_at timestamp NOT NULL DEFAULT now()
);

CREATE TABLE payouts (
    id bigserial PRIMARY KEY,
    wallet_id bigint NOT NULL REFERENCES wallets (id),
    amount positive_amount NOT NULL,
    status payout_status NOT NULL DEFAULT 'pending',
    idempotency_key text,
    requested_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz,
    failure_reason text,
    updated_at timestamptz
);
CREATE INDEX payouts_status_idx ON payouts (status);

CREATE TABLE bank_accounts (
    id serial PRIMARY KEY,
    counterparty_id bigint NOT NULL REFERENCES counterparties (id),
    iban iban_text NOT NULL,
    bic varchar(11),
    currency char(3) NOT NULL,
    verified boolean NOT NULL DEFAULT false
);

CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    actor text NOT NULL,
    action text NOT NULL,
    entity text NOT NULL,
    entity_id bigint,
    at timestamptz NOT NULL DEFAULT now(),
    detail jsonb
);

-- The processor's event stream: monthly partitions and a DEFAULT that caught January's early events.
CREATE TABLE events (
    id bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    kind text NOT NULL,
    payload jsonb,
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE TABLE events_2026_10 PARTITION OF events FOR VALUES FROM ('2026-10-01 00:00+00') TO ('2026-11-01 00:00+00');
CREATE TABLE events_2026_11 PARTITION OF events FOR VALUES FROM ('2026-11-01 00:00+00') TO ('2026-12-01 00:00+00');
CREATE TABLE events_2026_12 PARTITION OF events FOR VALUES FROM ('2026-12-01 00:00+00') TO ('2027-01-01 00:00+00');
CREATE TABLE events_default PARTITION OF events DEFAULT;

-- The double-entry ledger, partitioned by booking month, no DEFAULT partition.
CREATE TABLE ledger_entries (
    id bigint NOT NULL,
    booked_on date NOT NULL,
    account text NOT NULL,
    amount numeric(38, 18) NOT NULL,
    trade_id bigint,
    PRIMARY KEY (id, booked_on)
) PARTITION BY RANGE (booked_on);
CREATE TABLE ledger_entries_2026_10 PARTITION OF ledger_entries FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
CREATE TABLE ledger_entries_2026_11 PARTITION OF ledger_entries FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE ledger_entries_2026_12 PARTITION OF ledger_entries FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');

CREATE VIEW payout_queue AS
    SELECT id, wallet_id, amount, status, requested_at FROM payouts WHERE status = 'pending';
CREATE VIEW open_rfqs AS
    SELECT r.id, c.legal_name, r.base_asset, r.quote_asset, r.side, r.quantity, r.expires_at
    FROM rfqs r JOIN counterparties c ON c.id = r.counterparty_id WHERE r.status = 'open';

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER payouts_touch BEFORE UPDATE ON payouts FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE FUNCTION audit_payout() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_log (actor, action, entity, entity_id, detail)
    VALUES (current_user, TG_OP, 'payout', NEW.id, jsonb_build_object('status', NEW.status));
    RETURN NEW;
END
$$;
CREATE TRIGGER payouts_audit AFTER UPDATE OF status ON payouts FOR EACH ROW EXECUTE FUNCTION audit_payout();

-- Price snapshots from the market-data feed: no primary key yet, two unique indexes a later migration may promote.
CREATE TABLE price_snapshots (
    asset asset_code NOT NULL,
    taken_at timestamptz NOT NULL,
    price numeric(24, 8) NOT NULL,
    source text
);
CREATE UNIQUE INDEX price_snapshots_key ON price_snapshots (asset, taken_at);
CREATE UNIQUE INDEX price_snapshots_source_key ON price_snapshots (source, taken_at);
CREATE UNIQUE INDEX quotes_ref_uidx ON quotes (ref);

-- Ledger months loaded beside the partitioned table, not attached yet: August with a matching CHECK, September without.
CREATE TABLE ledger_entries_2026_08 (LIKE ledger_entries INCLUDING DEFAULTS);
ALTER TABLE ledger_entries_2026_08 ADD CONSTRAINT ledger_entries_2026_08_range
    CHECK (booked_on >= DATE '2026-08-01' AND booked_on < DATE '2026-09-01');
CREATE TABLE ledger_entries_2026_09 (LIKE ledger_entries INCLUDING DEFAULTS);

-- The migration tools' own bookkeeping tables.
CREATE TABLE schema_migrations (version varchar PRIMARY KEY);
CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
INSERT INTO alembic_version VALUES ('3f2a9c1d7e10');
CREATE TABLE knex_migrations (id serial PRIMARY KEY, name varchar(255), batch integer, migration_time timestamptz);
CREATE TABLE "SequelizeMeta" (name varchar(255) PRIMARY KEY);
CREATE TABLE typeorm_migrations (id serial PRIMARY KEY, "timestamp" bigint NOT NULL, name varchar NOT NULL);
CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);

-- Data: a few hundred rows a table.
INSERT INTO assets (code, name, decimals, network)
SELECT code, 'Asset ' || code, 8, CASE WHEN n % 2 = 0 THEN 'ethereum' ELSE 'bitcoin' END
FROM (VALUES (1, 'BTC'), (2, 'ETH'), (3, 'USDT'), (4, 'USDC'), (5, 'SOL'), (6, 'XRP'), (7, 'ADA'), (8, 'DOT'),
             (9, 'AVAX'), (10, 'LTC'), (11, 'LINK'), (12, 'MATIC'), (13, 'EUR'), (14, 'USD'), (15, 'GBP'),
             (16, 'CHF'), (17, 'DAI'), (18, 'TRX'), (19, 'ATOM'), (20, 'XLM')) AS a (n, code);
INSERT INTO fee_schedules (name, maker_bps, taker_bps, min_fee, valid_from, valid_to)
SELECT 'tier-' || g, 10 - g * 0.5, 20 - g, g * 0.1, date '2026-01-01' + g, NULL FROM generate_series(1, 10) g;
INSERT INTO counterparties (legal_name, country, kyc, lei, email, tier, created_at)
SELECT 'Counterparty ' || g || ' Ltd', (ARRAY['CH', 'GB', 'SG', 'US', 'DE'])[1 + g % 5],
       (ARRAY['basic', 'enhanced', 'institutional'])[1 + g % 3]::kyc_level,
       CASE WHEN g % 7 = 0 THEN NULL ELSE lpad(g::text, 20, 'L') END,
       'desk' || g || '@example.com', 1 + g % 3, timestamptz '2026-01-01 00:00+00' + g * interval '1 day'
FROM generate_series(1, 300) g;
INSERT INTO kyc_checks (counterparty_id, provider, status, score, checked_at, payload)
SELECT g, (ARRAY['sumsub', 'onfido', 'manual'])[1 + g % 3], (ARRAY['passed', 'review', 'failed'])[1 + g % 3],
       CASE WHEN g % 10 = 0 THEN NULL ELSE g % 100 END, timestamp '2026-02-01' + g * interval '3 hours',
       jsonb_build_object('ref', 'k' || g)
FROM generate_series(1, 300) g;
INSERT INTO rfqs (counterparty_id, base_asset, quote_asset, side, quantity, status, requested_at, expires_at, notes)
SELECT 1 + g % 300, (ARRAY['BTC', 'ETH', 'SOL', 'XRP'])[1 + g % 4], (ARRAY['USD', 'EUR', 'USDT'])[1 + g % 3],
       (ARRAY['buy', 'sell'])[1 + g % 2]::quote_side, g * 0.25,
       (ARRAY['open', 'quoted', 'accepted', 'expired', 'cancelled'])[1 + g % 5]::rfq_status,
       timestamptz '2026-11-01 00:00+00' + g * interval '10 minutes',
       timestamptz '2026-11-01 00:00+00' + g * interval '10 minutes' + interval '30 seconds',
       CASE WHEN g % 4 = 0 THEN 'call back desk' END
FROM generate_series(1, 400) g;
INSERT INTO quotes (rfq_id, dealer, price, quantity, valid_until, created_at, accepted, ref)
SELECT 1 + g % 400, (ARRAY['desk-a', 'desk-b', 'desk-c'])[1 + g % 3], 30000 + g, g * 0.2,
       timestamptz '2026-11-01 00:00+00' + g * interval '7 minutes',
       timestamptz '2026-11-01 00:00+00' + g * interval '6 minutes', g % 2 = 0,
       md5(g::text)::uuid
FROM generate_series(1, 600) g;
INSERT INTO trades (quote_id, counterparty_id, fee_schedule_id, executed_at, notional, fee)
SELECT 2 * g, 1 + g % 300, 1 + g % 10, timestamptz '2026-11-01 00:00+00' + g * interval '12 minutes', g * 1000.5, g * 0.3
FROM generate_series(1, 300) g;
INSERT INTO settlements (trade_id, asset, amount, status, tx_hash, settled_at)
SELECT g, (ARRAY['BTC', 'ETH', 'USDT'])[1 + g % 3], g * 0.01, (ARRAY['pending', 'settled', 'failed'])[1 + g % 3],
       CASE WHEN g % 3 = 1 THEN '0x' || md5(g::text) || md5((g + 1)::text) END,
       CASE WHEN g % 3 = 1 THEN timestamptz '2026-11-02 00:00+00' + g * interval '1 hour' END
FROM generate_series(1, 300) g;
INSERT INTO wallets (counterparty_id, asset, address, label, balance, is_cold, created_at)
SELECT 1 + g % 300, (ARRAY['BTC', 'ETH', 'USDT', 'SOL'])[1 + g % 4], 'addr' || md5(g::text),
       CASE WHEN g % 5 = 0 THEN NULL ELSE 'wallet ' || g END, g * 1.5, CASE WHEN g % 6 = 0 THEN NULL ELSE g % 2 = 0 END,
       timestamp '2026-03-01' + g * interval '1 day'
FROM generate_series(1, 300) g;
INSERT INTO payouts (wallet_id, amount, status, idempotency_key, requested_at, sent_at, failure_reason)
SELECT 1 + g % 300, g * 0.5, (ARRAY['pending', 'processing', 'sent', 'failed', 'returned'])[1 + g % 5]::payout_status,
       -- a client retried a handful of payouts with the same key
       'po-' || CASE WHEN g % 97 = 0 THEN 1 ELSE g END,
       timestamptz '2026-11-10 00:00+00' + g * interval '15 minutes',
       CASE WHEN g % 5 = 2 THEN timestamptz '2026-11-10 01:00+00' + g * interval '15 minutes' END,
       CASE WHEN g % 5 = 3 THEN 'insufficient liquidity' END
FROM generate_series(1, 400) g;
INSERT INTO bank_accounts (counterparty_id, iban, bic, currency, verified)
SELECT g, 'CH93' || lpad(g::text, 17, '0'), 'UBSWCHZH80A', (ARRAY['CHF', 'EUR', 'USD'])[1 + g % 3], g % 2 = 0
FROM generate_series(1, 200) g;
INSERT INTO audit_log (actor, action, entity, entity_id, at, detail)
SELECT 'svc-' || g % 4, (ARRAY['create', 'update', 'approve'])[1 + g % 3], (ARRAY['rfq', 'payout', 'trade'])[1 + g % 3],
       g, timestamptz '2026-11-01 00:00+00' + g * interval '5 minutes', jsonb_build_object('n', g)
FROM generate_series(1, 500) g;
INSERT INTO events (id, occurred_at, kind, payload)
SELECT g, timestamptz '2026-10-01 00:00+00' + g * interval '6 hours', (ARRAY['quote', 'trade', 'payout'])[1 + g % 3],
       jsonb_build_object('seq', g)
FROM generate_series(1, 400) g;
INSERT INTO ledger_entries (id, booked_on, account, amount, trade_id)
SELECT g, date '2026-10-01' + (g % 90), (ARRAY['client', 'fees', 'treasury'])[1 + g % 3], g * 2.5, 1 + g % 300
FROM generate_series(1, 360) g;
INSERT INTO price_snapshots (asset, taken_at, price, source)
SELECT (ARRAY['BTC', 'ETH', 'SOL'])[1 + g % 3], timestamptz '2026-11-20 00:00+00' + g * interval '1 minute', 30000 + g,
       (ARRAY['kaiko', 'coinmetrics'])[1 + g % 2]
FROM generate_series(1, 300) g;
INSERT INTO ledger_entries_2026_08 (id, booked_on, account, amount, trade_id)
SELECT 10000 + g, date '2026-08-01' + (g % 31), 'client', g, NULL FROM generate_series(1, 200) g;
INSERT INTO ledger_entries_2026_09 (id, booked_on, account, amount, trade_id)
SELECT 20000 + g, date '2026-09-01' + (g % 30), 'client', g, NULL FROM generate_series(1, 200) g;
SELECT setval('trade_ref_seq', 100300);

CREATE MATERIALIZED VIEW daily_volume AS
    SELECT date_trunc('day', executed_at) AS day, count(*) AS trades, sum(notional) AS notional
    FROM trades GROUP BY 1;
CREATE UNIQUE INDEX daily_volume_day_idx ON daily_volume (day);
CREATE MATERIALIZED VIEW counterparty_exposure AS
    SELECT counterparty_id, sum(notional) AS notional FROM trades GROUP BY 1;

-- Constraints an earlier release added NOT VALID, left for a later migration to validate.
ALTER TABLE quotes ADD CONSTRAINT quotes_price_positive CHECK (price > 0) NOT VALID;
ALTER TABLE counterparties ADD CONSTRAINT counterparties_lei_present CHECK (lei IS NOT NULL) NOT VALID;
ALTER TABLE wallets ADD CONSTRAINT wallets_asset_fk FOREIGN KEY (asset) REFERENCES assets (code) NOT VALID;
ALTER TABLE bank_accounts ADD CONSTRAINT bank_accounts_bic_nn CHECK (bic IS NOT NULL);
ALTER DOMAIN asset_code ADD CONSTRAINT asset_code_upper CHECK (VALUE = upper(VALUE)) NOT VALID;
