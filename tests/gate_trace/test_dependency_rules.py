"""What the catalog decides once the schema is known (``--history``, and ``--dsn`` where said): what depends on
a sequence, type or table (2BP01), TRUNCATE and DELETE through foreign keys, an enum's labels, partition
bounds that overlap, the indexes ATTACH PARTITION builds, and the session statements and no-ops that are safe.
Each claim of failure is run with ``--trace`` on the same server, which must refuse it; each false alarm
removed is traced too, and must show no hazard."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_schema_rules import _check, _file, _rules, history_decides

HISTORY = """
CREATE TYPE side AS ENUM ('buy', 'wait', 'sell');
CREATE TYPE venue_kind AS ENUM ('lit', 'dark');
CREATE DOMAIN lot_size AS int CHECK (VALUE > 0);
CREATE SEQUENCE order_ref_seq;
CREATE SEQUENCE spare_seq;
CREATE TABLE accounts (id bigserial PRIMARY KEY, name text NOT NULL, kinds venue_kind[]);
CREATE INDEX accounts_name_idx ON accounts (name);
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    ref text NOT NULL DEFAULT 'O' || nextval('order_ref_seq'),
    side side NOT NULL,
    lots lot_size
);
CREATE TABLE fills (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE, qty int);
CREATE TABLE notes (id bigint, account_id bigint REFERENCES accounts (id) ON DELETE SET NULL, body text);
CREATE TABLE staging (id bigint, body text, body_length int GENERATED ALWAYS AS (length(body)) STORED);
CREATE VIEW open_orders AS SELECT id, ref FROM orders;
CREATE TABLE ledger (id bigint NOT NULL, booked_on date NOT NULL, amount numeric NOT NULL, PRIMARY KEY (id, booked_on))
    PARTITION BY RANGE (booked_on);
CREATE INDEX ledger_amount_idx ON ledger (amount);
CREATE TABLE ledger_2026_11 PARTITION OF ledger FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE ledger_2026_12 PARTITION OF ledger FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
CREATE TABLE ledger_2027_01 (LIKE ledger INCLUDING DEFAULTS);
ALTER TABLE ledger_2027_01 ADD CONSTRAINT ledger_2027_01_range
    CHECK (booked_on >= DATE '2027-01-01' AND booked_on < DATE '2027-02-01');
CREATE TABLE ledger_2027_02 (id bigint NOT NULL, booked_on date NOT NULL, amount numeric NOT NULL);
ALTER TABLE ledger_2027_02 ADD CONSTRAINT ledger_2027_02_range
    CHECK (booked_on >= DATE '2027-02-01' AND booked_on < DATE '2027-03-01');
CREATE UNIQUE INDEX ledger_2027_02_key ON ledger_2027_02 (id, booked_on);
CREATE INDEX ledger_2027_02_amount_idx ON ledger_2027_02 (amount);
ALTER TABLE ledger_2027_02 ADD CONSTRAINT ledger_2027_02_pkey PRIMARY KEY USING INDEX ledger_2027_02_key;
CREATE TABLE ledger_2027_03 (id bigint, booked_on date NOT NULL, amount numeric NOT NULL);
CREATE TABLE buckets (id int, k text) PARTITION BY LIST (k);
CREATE TABLE buckets_ab PARTITION OF buckets FOR VALUES IN ('a', 'b');
CREATE TABLE shards (id int) PARTITION BY HASH (id);
CREATE TABLE shards_0 PARTITION OF shards FOR VALUES WITH (MODULUS 2, REMAINDER 0);
"""
DATA = """
INSERT INTO accounts (name) SELECT 'a' || g FROM generate_series(1, 50) g;
INSERT INTO orders (account_id, side, lots) SELECT 1 + g % 50, 'buy', 1 + g % 5 FROM generate_series(1, 500) g;
INSERT INTO fills SELECT g, 1 + g % 500, g % 7 FROM generate_series(1, 2000) g;
INSERT INTO notes SELECT g, 1 + g % 50, 'n' FROM generate_series(1, 100) g;
INSERT INTO staging SELECT g, 's' FROM generate_series(1, 100) g;
INSERT INTO ledger SELECT g, DATE '2026-11-01' + g % 60, g FROM generate_series(1, 3000) g;
INSERT INTO ledger_2027_01 SELECT g, DATE '2027-01-01' + g % 31, g FROM generate_series(1, 1000) g;
INSERT INTO ledger_2027_02 SELECT g, DATE '2027-02-01' + g % 28, g FROM generate_series(1, 1000) g;
INSERT INTO ledger_2027_03 SELECT g, DATE '2027-03-01' + g % 31, g FROM generate_series(1, 1000) g;
"""
LOCKED = "SET lock_timeout = '1s';\n"

# (migration, rule that must report it with the schema as history, a phrase of its message); None: nothing.
CASES = [
    ("ALTER TYPE side ADD VALUE 'hold' AFTER 'pause';\n", "MG021", '"pause" is not an existing enum label'),
    ("ALTER TYPE side ADD VALUE 'hold' BEFORE 'sell';\n", None, None),
    ("ALTER TYPE side ADD VALUE 'buy';\n", "MG021", 'enum label "buy" already exists'),
    # IF NOT EXISTS skips before the neighbour is looked up.
    ("ALTER TYPE side ADD VALUE IF NOT EXISTS 'buy' AFTER 'pause';\n", None, None),
    ("ALTER TYPE side ADD VALUE IF NOT EXISTS 'hold' AFTER 'pause';\n", "MG021", "not an existing enum label"),
    ("ALTER TYPE side RENAME VALUE 'pause' TO 'hold';\n", "MG021", "not an existing enum label"),
    ("DROP SEQUENCE order_ref_seq;\n", "MG021", "the default of public.orders.ref"),
    ("DROP SEQUENCE accounts_id_seq;\n", "MG021", "the default of public.accounts.id"),
    ("DROP SEQUENCE orders_id_seq CASCADE;\n", "MG021", "column id of table public.orders requires it"),
    ("DROP SEQUENCE spare_seq;\n", None, None),
    (LOCKED + "ALTER TABLE orders ALTER COLUMN ref DROP DEFAULT;\nDROP SEQUENCE order_ref_seq;\n", None, None),
    (LOCKED + "DROP SEQUENCE order_ref_seq CASCADE;\n", "MG017", "drops the default of public.orders.ref"),
    ("DROP TYPE side;\n", "MG021", "column side of table public.orders"),
    ("DROP TYPE venue_kind;\n", "MG021", "column kinds of table public.accounts"),
    ("DROP DOMAIN lot_size;\n", "MG021", "column lots of table public.orders"),
    (LOCKED + "DROP TYPE side CASCADE;\n", "MG017", "column side of public.orders"),
    (LOCKED + "DROP TABLE accounts;\n", "MG021", "constraint orders_account_id_fkey on table public.orders"),
    (LOCKED + "DROP TABLE accounts CASCADE;\n", "MG017", "Dropping public.accounts"),
    (LOCKED + "ALTER TABLE staging DROP COLUMN body;\n", "MG021", "column body_length of table public.staging"),
    (LOCKED + "ALTER TABLE orders DROP COLUMN ref;\n", "MG021", "(view public.open_orders)"),
    (LOCKED + "ALTER TABLE accounts DROP COLUMN id;\n", "MG021", "constraint orders_account_id_fkey"),
    (LOCKED + "DROP TABLE orders;\n", "MG021", "view public.open_orders"),
    (LOCKED + "ALTER TABLE orders DROP COLUMN ref CASCADE;\n", "MG017", "Dropping public.open_orders"),
    (LOCKED + "TRUNCATE orders;\n", "MG021", 'table "public.fills" references "public.orders"'),
    (LOCKED + "TRUNCATE orders, fills;\n", "MG012", "TRUNCATE empties public.fills"),
    (LOCKED + "TRUNCATE accounts CASCADE;\n", "MG012", "TRUNCATE empties public.fills"),
    ("DELETE FROM orders WHERE id = 7;\n", None, None),
    ("DELETE FROM orders;\n", "MG016", "public.fills"),
    # Which rows the history holds is not known: it may fail; with --dsn (row counts) it does (LIVE_CASES).
    ("DELETE FROM accounts;\n", "MG021", "fails (23503) if a row of public.orders references"),
    ("DELETE FROM accounts WHERE id = 3;\n", "MG021", "fails (23503) if a row of public.orders references"),
    (
        LOCKED + "CREATE TABLE ledger_late PARTITION OF ledger FOR VALUES FROM ('2026-11-15') TO ('2026-12-15');\n",
        "MG021",
        'overlap partition "public.ledger_2026_11"',
    ),
    (
        LOCKED + "CREATE TABLE ledger_none PARTITION OF ledger FOR VALUES FROM ('2027-05-01') TO ('2027-05-01');\n",
        "MG021",
        "empty range bound",
    ),
    (
        LOCKED + "CREATE TABLE ledger_2027_05 PARTITION OF ledger FOR VALUES FROM ('2027-05-01') TO ('2027-06-01');\n",
        None,
        None,
    ),
    (
        LOCKED + "ALTER TABLE ledger DETACH PARTITION ledger_2026_12;\n"
        "CREATE TABLE ledger_dec PARTITION OF ledger FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');\n",
        None,
        None,
    ),
    (LOCKED + "CREATE TABLE buckets_bc PARTITION OF buckets FOR VALUES IN ('b', 'c');\n", "MG021", "overlap"),
    (LOCKED + "CREATE TABLE buckets_cd PARTITION OF buckets FOR VALUES IN ('c', 'd');\n", None, None),
    (
        LOCKED + "CREATE TABLE buckets_x PARTITION OF buckets DEFAULT;\n"
        "CREATE TABLE buckets_y PARTITION OF buckets DEFAULT;\n",
        "MG021",
        "conflicts with existing default partition",
    ),
    (
        LOCKED + "CREATE TABLE shards_1 PARTITION OF shards FOR VALUES WITH (MODULUS 3, REMAINDER 1);\n",
        "MG021",
        "must be a factor of the next larger one",
    ),
    (
        LOCKED + "CREATE TABLE shards_2 PARTITION OF shards FOR VALUES WITH (MODULUS 4, REMAINDER 2);\n",
        "MG021",
        "overlap",
    ),
    (LOCKED + "CREATE TABLE shards_1 PARTITION OF shards FOR VALUES WITH (MODULUS 4, REMAINDER 1);\n", None, None),
    (
        LOCKED
        + "ALTER TABLE ledger ATTACH PARTITION ledger_2027_01 FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');\n",
        "MG024",
        "public.ledger_amount_idx, public.ledger_pkey",
    ),
    (
        LOCKED
        + "ALTER TABLE ledger ATTACH PARTITION ledger_2027_02 FOR VALUES FROM ('2027-02-01') TO ('2027-03-01');\n",
        None,
        None,
    ),
    (
        LOCKED
        + "ALTER TABLE ledger ATTACH PARTITION ledger_2027_03 FOR VALUES FROM ('2027-03-01') TO ('2027-04-01');\n",
        "MG021",
        'column "id" in child table public.ledger_2027_03 must be marked NOT NULL',
    ),
    ("SELECT set_config('lock_timeout', '2s', false);\nALTER TABLE staging ADD COLUMN note text;\n", None, None),
    (
        "BEGIN;\nSELECT set_config('lock_timeout', '2s', true);\nALTER TABLE staging ADD COLUMN note text;\nCOMMIT;\n",
        None,
        None,
    ),
    # is_local outside a transaction block lasts for the SELECT's own transaction only.
    ("SELECT set_config('lock_timeout', '2s', true);\nALTER TABLE staging ADD COLUMN note text;\n", "MG019", "no lock"),
    (LOCKED + "CREATE INDEX IF NOT EXISTS accounts_name_idx ON accounts (name);\n", None, None),
    (LOCKED + "CREATE INDEX IF NOT EXISTS accounts_pkey ON accounts (name);\n", None, None),
    ("CREATE INDEX IF NOT EXISTS accounts_name_idx ON accounts (name);\n", "MG019", "SHARE lock on public.accounts"),
    (LOCKED + "CREATE INDEX accounts_name_idx ON accounts (id);\n", "MG021", "already exists"),
    (LOCKED + "ALTER TABLE staging DROP COLUMN IF EXISTS legacy;\n", None, None),
]


@pytest.fixture
def history(tmp_path) -> Path:
    return _file(tmp_path / "schema", "schema.sql", HISTORY)


@pytest.mark.parametrize(("sql", "rule", "phrase"), CASES)
def test_the_schema_as_history_decides(tmp_path, history, sql, rule, phrase):
    history_decides(tmp_path, history, sql, rule, phrase)


# An empty range, or two DEFAULT partitions in one file, fail whatever the schema.
_THE_FILE_SAYS = ("empty range bound", "conflicts with existing default partition")


@pytest.mark.parametrize("sql", [c[0] for c in CASES if c[1] == "MG021" and c[2] not in _THE_FILE_SAYS])
def test_nothing_is_claimed_from_the_file_alone(tmp_path, sql):
    _, report = _check(str(_file(tmp_path / "m", "0042_m.sql", sql)))
    assert "MG021" not in _rules(report)


# --- a real server: the catalog read live, and the trace on the same database -----------------------------


@pytest.fixture(scope="module")
def trading(database):
    database.execute(HISTORY + DATA + "ANALYZE;")
    return database


# A snapshot lists no views nor generation expressions: those dependents come from --history only.
LIVE_CASES = [
    ("DROP SEQUENCE order_ref_seq;\n", "MG021", "the default of public.orders.ref"),
    ("DROP SEQUENCE orders_id_seq;\n", "MG021", "requires it"),
    (LOCKED + "DROP SEQUENCE order_ref_seq CASCADE;\n", "MG017", "drops the default of public.orders.ref"),
    ("DROP TYPE side;\n", "MG021", "column side of table public.orders"),
    (LOCKED + "DROP TABLE accounts;\n", "MG021", "orders_account_id_fkey"),
    (LOCKED + "ALTER TABLE accounts DROP COLUMN id;\n", "MG021", "constraint orders_account_id_fkey"),
    (LOCKED + "TRUNCATE orders;\n", "MG021", "cannot truncate a table referenced"),
    (LOCKED + "TRUNCATE accounts CASCADE;\n", "MG012", "TRUNCATE empties public.fills"),
    ("DELETE FROM accounts;\n", "MG021", "violates foreign key constraint"),
]


@pytest.mark.parametrize(("sql", "rule", "phrase"), LIVE_CASES)
def test_the_catalog_read_live_decides(trading, tmp_path, sql, rule, phrase):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    _, report = _check(str(path), "--dsn", trading.dsn, "--fail-on", "info")
    assert any(phrase in f["message"] for f in report["findings"] if f["rule"] == rule), report["findings"]


@pytest.mark.parametrize("sql", [case[0] for case in CASES if case[1] == "MG021"])
def test_the_server_refuses_what_the_static_check_says_fails(trading, tmp_path, sql):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    _, traced = _check(str(path), "--trace", "--dsn", trading.dsn)
    assert [f for f in traced["findings"] if f["rule"] == "MG021" and f["confidence"] == "high"], traced["findings"]


@pytest.mark.parametrize("sql", [case[0] for case in CASES if case[1] is None])
def test_the_server_sees_no_hazard_where_the_static_check_sees_none(trading, tmp_path, sql):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    _, traced = _check(str(path), "--trace", "--dsn", trading.dsn)
    assert _rules(traced) == {}, traced["findings"]


def test_the_server_builds_the_parents_primary_key_on_the_attached_table(trading, tmp_path):
    sql = CASES[[c[2] for c in CASES].index("public.ledger_amount_idx, public.ledger_pkey")][0]
    _, traced = _check(str(_file(tmp_path / "m", "0042_m.sql", sql)), "--trace", "--dsn", trading.dsn)
    assert "MG024" in _rules(traced) or "MG014" in _rules(traced), traced["findings"]
