"""What the constants a migration writes and the schema it runs on already say, through the CLI with the schema
as ``--history``, each case then run with ``--trace`` on the suite's server holding that schema: the static
verdict (a rule, or nothing) must be the trace's. Enum labels, domain CHECKs and lengths, identity and
generated columns, rows no partition accepts, duplicates of inserted rows, a sequence's room, USING INDEX,
generated-column dependencies, inline CHECKs, DEFAULT-partition scans, folded UNIQUE expressions, a backfill
written as a tautology, a DELETE emptying a one-day partition, a BEFORE trigger's WHEN reading NEW of a
generated column, a setval's position, rows computed from INSERT ... SELECT over generate_series (and
unnest), CREATE EXTENSION of one the server lacks, and diesel's trigger helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_schema_rules import _check as _checked
from .test_schema_rules import _decided_with_history, _file
from .test_schema_rules import _rules as _found


def _check(*args: str) -> dict:
    return _checked(*args)[1]


# diesel's own initial setup migration (diesel_migrations' 00000000000000_diesel_initial_setup/up.sql).
DIESEL_SETUP = """
CREATE OR REPLACE FUNCTION diesel_manage_updated_at(_tbl regclass) RETURNS VOID AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s
                    FOR EACH ROW EXECUTE PROCEDURE diesel_set_updated_at()', _tbl);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION diesel_set_updated_at() RETURNS trigger AS $$
BEGIN
    IF (
        NEW IS DISTINCT FROM OLD AND
        NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at
    ) THEN
        NEW.updated_at := current_timestamp;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""
SCHEMA = """
CREATE DOMAIN ticker_code AS varchar(8) CHECK (VALUE ~ '^[A-Z]{2,8}$');
CREATE TYPE bar_size AS ENUM ('1m', '5m', '1h');
CREATE SEQUENCE batch_seq AS integer MAXVALUE 2147483647 START 2147483000;
CREATE TABLE batches (id integer PRIMARY KEY DEFAULT nextval('batch_seq'), venue text NOT NULL);
ALTER SEQUENCE batch_seq OWNED BY batches.id;
INSERT INTO batches (venue) SELECT 'v' FROM generate_series(1, 600);
CREATE SEQUENCE entry_seq AS integer;
CREATE TABLE entries (id integer PRIMARY KEY DEFAULT nextval('entry_seq'), memo text);
ALTER SEQUENCE entry_seq OWNED BY entries.id;
INSERT INTO entries (id, memo) SELECT g, 'e' FROM generate_series(1, 50) g;
SELECT setval('entry_seq', 2147483600);
CREATE TABLE tickers (id smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code ticker_code NOT NULL UNIQUE,
    px numeric(20, 8) NOT NULL, qty numeric(20, 8) NOT NULL,
    notional numeric(40, 8) GENERATED ALWAYS AS (px * qty) STORED, email text, updated_at timestamptz);
INSERT INTO tickers (code, px, qty, email) VALUES ('BTC', 1, 2, 'desk@x.io'), ('ETH', 3, 4, 'DESK@x.io');
CREATE TABLE bars (ticker smallint, size bar_size NOT NULL, at timestamptz NOT NULL) PARTITION BY LIST (size);
CREATE TABLE bars_1m PARTITION OF bars FOR VALUES IN ('1m');
CREATE TABLE bars_5m PARTITION OF bars FOR VALUES IN ('5m');
CREATE TABLE venues (id int, region text) PARTITION BY LIST (region);
CREATE TABLE venues_eu PARTITION OF venues FOR VALUES IN ('eu');
CREATE TABLE venues_us PARTITION OF venues FOR VALUES IN ('us');
CREATE TABLE sites (id int, region text) PARTITION BY LIST (region);
CREATE TABLE sites_eu PARTITION OF sites FOR VALUES IN ('eu');
CREATE TABLE sites_rest PARTITION OF sites DEFAULT;
CREATE TABLE prints (id bigint, day date NOT NULL, note text) PARTITION BY RANGE (day);
CREATE TABLE prints_d1 PARTITION OF prints FOR VALUES FROM ('2026-12-01') TO ('2026-12-02');
CREATE TABLE prints_d2 PARTITION OF prints FOR VALUES FROM ('2026-12-02') TO ('2026-12-04');
CREATE TABLE prints_rest PARTITION OF prints DEFAULT;
INSERT INTO prints SELECT g, date '2026-12-01' + g % 3, 'n' FROM generate_series(1, 90) g;
INSERT INTO prints SELECT g, date '2026-12-10' + g % 3, 'late' FROM generate_series(100, 130) g;
CREATE TABLE fees (id int, bps numeric(8, 2) CHECK (bps >= 0), cap numeric(8, 2), code varchar(8),
    CONSTRAINT fees_code CHECK (code <> ''));
INSERT INTO fees SELECT g, g, g, 'f' || g FROM generate_series(1, 50) g;
ALTER TABLE fees ADD CONSTRAINT fees_cap_pos CHECK (cap > 0) NOT VALID;
CREATE TABLE quotes (day date NOT NULL, px numeric(20, 8) CHECK (px > 0), qty numeric(20, 8)) PARTITION BY RANGE (day);
CREATE TABLE quotes_d1 PARTITION OF quotes FOR VALUES FROM ('2026-12-01') TO ('2026-12-02');
CREATE TABLE quotes_d2 PARTITION OF quotes FOR VALUES FROM ('2026-12-02') TO ('2026-12-03');
INSERT INTO quotes SELECT date '2026-12-01' + g % 2, g, g FROM generate_series(1, 40) g;
CREATE TABLE accounts (id int PRIMARY KEY, tag text);
INSERT INTO accounts SELECT g, 't' || g FROM generate_series(1, 300) g;
CREATE TABLE transfers (id int, account_id int, payer_id int, amount numeric(12, 2), ref text, code text);
INSERT INTO transfers SELECT g, CASE WHEN g % 97 = 0 THEN 90000 + g ELSE 1 + g % 300 END, 1 + g % 300,
    (g % 50) * 0.5 + CASE WHEN g % 211 = 0 THEN -100 ELSE 1 END, 'R' || (g % 390), md5('t' || g)
FROM generate_series(1, 400) g;
ALTER TABLE transfers ADD CONSTRAINT transfers_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE transfers ADD CONSTRAINT transfers_payer_fk FOREIGN KEY (payer_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE transfers ADD CONSTRAINT transfers_amount_pos CHECK (amount > 0) NOT VALID;
ALTER TABLE transfers ADD CONSTRAINT transfers_amount_floor CHECK (amount > -1000) NOT VALID;
CREATE TABLE members (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, sponsor_id int, name text);
INSERT INTO members (name) SELECT 'm' || g FROM generate_series(1, 100) g;
INSERT INTO members (name, sponsor_id) VALUES ('late', 5), ('lost', 5000);
ALTER TABLE members ADD CONSTRAINT members_sponsor_fk FOREIGN KEY (sponsor_id) REFERENCES members NOT VALID;
CREATE TABLE visits (member_id int, at int);
INSERT INTO visits SELECT 1 + g % 102, g FROM generate_series(1, 300) g;
ALTER TABLE visits ADD CONSTRAINT visits_member_fk FOREIGN KEY (member_id) REFERENCES members NOT VALID;
CREATE TABLE visits_late (member_id int);
INSERT INTO visits_late SELECT 100 + g FROM generate_series(1, 3) g;
ALTER TABLE visits_late ADD CONSTRAINT visits_late_member_fk FOREIGN KEY (member_id) REFERENCES members NOT VALID;
CREATE TABLE cards (id int, amount_minor bigint, fee_minor int, status text);
INSERT INTO cards SELECT g, CASE WHEN g % 50 = 0 THEN 3000000000 + g ELSE g END, 0,
    CASE WHEN g % 2 = 0 THEN 'open' ELSE 'shut' END
FROM generate_series(1, 100) g;
CREATE TABLE books (id int PRIMARY KEY, code text UNIQUE, shelf text);
INSERT INTO books SELECT g, 'B-' || lpad(g::text, 3, '0'), s.shelf
FROM generate_series(1, 50) g, LATERAL (SELECT (ARRAY['a', 'b'])[1 + g % 2] AS shelf) s;
CREATE TABLE pairs (symbol text PRIMARY KEY, base text, quote text);
INSERT INTO pairs SELECT b || '-' || q, b, q FROM unnest('{BTC,ETH}'::text[]) b, unnest(ARRAY['USD', 'EUR']) q;
CREATE TABLE slots (day int, hour int, tag text);
INSERT INTO slots SELECT d, h, 'h' || (h % 3) FROM generate_series(1, 3) d, generate_series(0, 23) h;
CREATE UNLOGGED TABLE scratch (id int);
INSERT INTO scratch SELECT generate_series(1, 20);
CREATE TABLE ledger (id bigint PRIMARY KEY, memo text, amount numeric);
INSERT INTO ledger SELECT g, CASE WHEN g % 2 = 0 THEN 'm' || g END, g FROM generate_series(1, 300) g;
CREATE UNIQUE INDEX ledger_memo_key ON ledger (memo) WHERE memo IS NOT NULL;
CREATE INDEX ledger_amount_idx ON ledger (amount);
"""
LOCKED = "SET lock_timeout = '1s';\n"
_TRIGGER = "CREATE TRIGGER touch {0} UPDATE ON {1} FOR EACH ROW WHEN ({2}) EXECUTE FUNCTION diesel_set_updated_at();\n"
# (migration, the rule the schema as --history makes report it, a phrase of its message); None: nothing.
CASES = [
    ("INSERT INTO batches (venue) SELECT 'w' FROM generate_series(1, 100);\n", "MG021", "maximum value of sequence"),
    ("INSERT INTO batches (venue) SELECT 'w' FROM generate_series(1, 40);\n", None, None),
    (
        "SELECT setval('batch_seq', 1);\nINSERT INTO batches (venue) SELECT 'w' FROM generate_series(1, 100);\n",
        None,
        None,
    ),
    (
        "ALTER SEQUENCE batch_seq RESTART WITH 1;\n"
        "INSERT INTO batches (venue) SELECT 'w' FROM generate_series(1, 100);\n",
        None,
        None,
    ),
    # setval moves the sequence: the room is counted from the position it sets (is_called false: that value next).
    ("INSERT INTO entries (memo) SELECT 'w' FROM generate_series(1, 48);\n", "MG021", "47 left before its MAXVALUE"),
    ("INSERT INTO entries (memo) SELECT 'w' FROM generate_series(1, 47);\n", None, None),
    (
        "SELECT setval('entry_seq', 2147483600, false);\n"
        "INSERT INTO entries (memo) SELECT 'w' FROM generate_series(1, 48);\n",
        None,
        None,
    ),
    (
        "SELECT setval('entry_seq', 2147483640);\nINSERT INTO entries (memo) SELECT 'w' FROM generate_series(1, 8);\n",
        "MG021",
        "7 left before its MAXVALUE",
    ),
    # The file alone: a serial or identity of a small type against the rows the file itself inserts.
    (
        "CREATE TABLE marks (id smallserial, v int);\nINSERT INTO marks (v) SELECT 1 FROM generate_series(1, 40000);\n",
        "MG021",
        "maximum value of sequence public.marks_id_seq",
    ),
    (
        "CREATE TABLE marks (id smallserial, v int);\nINSERT INTO marks (v) SELECT 1 FROM generate_series(1, 32767);\n",
        None,
        None,
    ),
    (
        "CREATE TABLE marks (id smallint GENERATED ALWAYS AS IDENTITY (START WITH 32760), v int);\n"
        "INSERT INTO marks (v) VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9);\n",
        "MG021",
        "8 left before its MAXVALUE",
    ),
    ("INSERT INTO tickers (code, px, qty) VALUES ('sol', 1, 1);\n", "MG021", "domain ticker_code"),
    ("INSERT INTO tickers (code, px, qty) VALUES ('SOLANAUSD', 1, 1);\n", "MG021", "value too long"),
    ("INSERT INTO tickers (code, px, qty) VALUES ('SOL', 1, 1);\n", None, None),
    ("INSERT INTO tickers (code, px, qty) VALUES ('BTC', 1, 1);\n", "MG021", "duplicate key value"),
    ("INSERT INTO tickers (code, px, qty) VALUES ('BTC', 1, 1) ON CONFLICT (code) DO NOTHING;\n", None, None),
    (
        "INSERT INTO tickers (code, px, qty) VALUES ('BTC', 1, 1) ON CONFLICT (code) DO UPDATE SET qty=2;\n",
        None,
        None,
    ),
    ("INSERT INTO tickers (id, code, px, qty) VALUES (9, 'XRP', 1, 1);\n", "MG021", "non-DEFAULT value"),
    ("INSERT INTO tickers (id, code, px, qty) OVERRIDING SYSTEM VALUE VALUES (9, 'XRP', 1, 1);\n", None, None),
    ("INSERT INTO tickers (code, px, qty, notional) VALUES ('XRP', 1, 1, 5);\n", "MG021", "non-DEFAULT value"),
    ("UPDATE tickers SET notional = 0 WHERE id = 1;\n", "MG021", "only be updated to DEFAULT"),
    ("UPDATE tickers SET px = 2 WHERE id = 1;\n", None, None),
    ("INSERT INTO bars VALUES (1, '1h', now());\n", "MG021", "no partition of relation public.bars"),
    ("INSERT INTO bars VALUES (1, '15m', now());\n", "MG021", "invalid input value for enum bar_size"),
    ("INSERT INTO bars VALUES (1, '5m', now());\n", None, None),
    ("INSERT INTO venues VALUES (1, 'apac');\n", "MG021", "no partition of relation public.venues"),
    ("INSERT INTO sites VALUES (1, 'apac');\n", None, None),
    (LOCKED + "CREATE TABLE bars_15m PARTITION OF bars FOR VALUES IN ('15m');\n", "MG021", "enum bar_size"),
    (LOCKED + "CREATE TABLE bars_1h PARTITION OF bars FOR VALUES IN ('1h');\n", None, None),
    (LOCKED + "ALTER TABLE tickers ALTER COLUMN px TYPE numeric(30, 8);\n", "MG021", "used by a generated column"),
    (LOCKED + "ALTER TABLE tickers ALTER COLUMN email TYPE text;\n", None, None),
    # A type change that keeps the table still re-validates each valid CHECK reading the column, on every row.
    (LOCKED + "ALTER TABLE fees ALTER COLUMN bps TYPE numeric(12, 2);\n", "MG006", "re-validates CHECK fees_bps_check"),
    (LOCKED + "ALTER TABLE fees ALTER COLUMN code TYPE varchar(16);\n", "MG006", "re-validates CHECK fees_code"),
    (LOCKED + "ALTER TABLE fees ALTER COLUMN cap TYPE numeric(12, 2);\n", None, None),
    (
        LOCKED + "ALTER TABLE fees VALIDATE CONSTRAINT fees_cap_pos;\n"
        "ALTER TABLE fees ALTER COLUMN cap TYPE numeric(12, 2);\n",
        "MG006",
        "re-validates CHECK fees_cap_pos",
    ),
    (
        LOCKED + "ALTER TABLE fees DROP CONSTRAINT fees_bps_check;\n"
        "ALTER TABLE fees ALTER COLUMN bps TYPE numeric(12, 2);\n",
        None,
        None,
    ),
    (LOCKED + "ALTER TABLE quotes ALTER COLUMN px TYPE numeric(30, 8);\n", "MG006", "CHECK quotes_px_check"),
    (LOCKED + "ALTER TABLE quotes ALTER COLUMN qty TYPE numeric(30, 8);\n", None, None),
    # Rows an INSERT ... SELECT over generate_series wrote, computed: a CHECK, a foreign key or a UNIQUE index
    # they break fails, and so does a constant key they already hold; an UPDATE of the table voids the claim.
    (LOCKED + "ALTER TABLE transfers VALIDATE CONSTRAINT transfers_amount_pos;\n", "MG021", "amount = -94.5"),
    (LOCKED + "ALTER TABLE transfers VALIDATE CONSTRAINT transfers_amount_floor;\n", None, None),
    (
        LOCKED + "ALTER TABLE transfers VALIDATE CONSTRAINT transfers_account_fk;\n",
        "MG021",
        "no row of public.accounts",
    ),
    (LOCKED + "ALTER TABLE transfers VALIDATE CONSTRAINT transfers_payer_fk;\n", None, None),
    ("CREATE UNIQUE INDEX CONCURRENTLY transfers_ref_key ON transfers (ref);\n", "MG021", "more than once"),
    ("CREATE UNIQUE INDEX CONCURRENTLY transfers_code_key ON transfers (code);\n", None, None),
    ("INSERT INTO accounts (id, tag) VALUES (5, 'x');\n", "MG021", "already holds id = 5"),
    ("INSERT INTO accounts (id, tag) VALUES (301, 'x');\n", None, None),
    # The referenced keys an identity drew (1 to 102 here), the key a bare REFERENCES names, and constant rows.
    (LOCKED + "ALTER TABLE members VALIDATE CONSTRAINT members_sponsor_fk;\n", "MG021", "(sponsor_id) = (5000)"),
    (LOCKED + "ALTER TABLE visits VALIDATE CONSTRAINT visits_member_fk;\n", None, None),
    (LOCKED + "ALTER TABLE visits_late VALIDATE CONSTRAINT visits_late_member_fk;\n", "MG021", "(member_id) = (103)"),
    ("INSERT INTO books VALUES (51, 'B-007', 'a');\n", "MG021", "code = B-007"),
    ("INSERT INTO books VALUES (51, 'B-051', 'a');\n", None, None),
    # Cross products of series and of unnest over constant arrays.
    ("INSERT INTO pairs VALUES ('ETH-EUR', 'ETH', 'EUR');\n", "MG021", "symbol = ETH-EUR"),
    ("INSERT INTO pairs VALUES ('SOL-EUR', 'SOL', 'EUR');\n", None, None),
    ("CREATE UNIQUE INDEX CONCURRENTLY slots_day_tag_key ON slots (day, tag);\n", "MG021", "more than once"),
    ("CREATE UNIQUE INDEX CONCURRENTLY slots_day_hour_key ON slots (day, hour);\n", None, None),
    # An UPDATE writing an integer its column cannot hold, in a row its WHERE matches.
    ("UPDATE cards SET fee_minor = amount_minor WHERE status = 'open';\n", "MG021", "integer out of range"),
    ("UPDATE cards SET fee_minor = amount_minor WHERE status = 'shut';\n", None, None),
    ("UPDATE cards SET fee_minor = amount_minor / 100 WHERE status = 'open';\n", None, None),
    (
        "UPDATE transfers SET amount = 1 WHERE amount <= 0;\n"
        + LOCKED
        + "ALTER TABLE transfers VALIDATE CONSTRAINT transfers_amount_pos;\n",
        None,
        None,
    ),
    # SET LOGGED / UNLOGGED of a table that already is so changes nothing; the other way it copies the table.
    (LOCKED + "ALTER TABLE ledger SET LOGGED;\n", None, None),
    (LOCKED + "ALTER TABLE ledger SET UNLOGGED;\n", "MG013", "rewrites public.ledger"),
    (LOCKED + "ALTER TABLE scratch SET UNLOGGED;\n", None, None),
    (LOCKED + "ALTER TABLE scratch SET LOGGED;\n", "MG013", "rewrites public.scratch"),
    # A column of a domain with a CHECK rewrites the table even when NULL (no fast default); a plain type does not.
    (LOCKED + "ALTER TABLE tickers ADD COLUMN alias ticker_code;\n", "MG005", "domain ticker_code has constraints"),
    (LOCKED + "ALTER TABLE tickers ADD COLUMN alias varchar(8);\n", None, None),
    # A NOT VALID constraint checks nothing stored, but the domain has constraints from then on.
    (
        LOCKED + "CREATE DOMAIN desk_code AS text;\nALTER DOMAIN desk_code ADD CONSTRAINT desk_code_len "
        "CHECK (length(VALUE) < 9) NOT VALID;\nALTER TABLE tickers ADD COLUMN desk desk_code;\n",
        "MG005",
        "domain desk_code has constraints",
    ),
    (LOCKED + "CREATE DOMAIN desk_code AS text;\nALTER TABLE tickers ADD COLUMN desk desk_code;\n", None, None),
    (
        LOCKED + "ALTER TABLE ledger ADD CONSTRAINT ledger_memo_uniq UNIQUE USING INDEX ledger_memo_key;\n",
        "MG021",
        "partial or on an expression",
    ),
    (
        LOCKED + "ALTER TABLE ledger ADD CONSTRAINT ledger_amount_uniq UNIQUE USING INDEX ledger_amount_idx;\n",
        "MG021",
        "not unique",
    ),
    (
        LOCKED + "ALTER TABLE ledger ADD CONSTRAINT ledger_id_uniq UNIQUE USING INDEX ledger_pkey;\n",
        "MG021",
        "already associated with a constraint",
    ),
    (
        "CREATE UNIQUE INDEX CONCURRENTLY ledger_amount_key ON ledger (amount);\n"
        + LOCKED
        + "ALTER TABLE ledger ADD CONSTRAINT ledger_amount_key UNIQUE USING INDEX ledger_amount_key;\n",
        None,
        None,
    ),
    (LOCKED + "ALTER TABLE ledger ADD COLUMN risk smallint CHECK (risk BETWEEN 0 AND 100);\n", "MG008", "with a CHECK"),
    (LOCKED + "ALTER TABLE ledger ADD COLUMN risk smallint;\n", None, None),
    (LOCKED + "ALTER TABLE ledger ADD COLUMN risk smallint DEFAULT -1 CHECK (risk >= 0);\n", "MG021", "its CHECK"),
    ("DELETE FROM prints WHERE day = DATE '2026-12-01';\n", "MG016", "public.prints_d1"),
    ("DELETE FROM prints WHERE day = DATE '2026-12-02';\n", None, None),
    ("UPDATE ledger SET amount = 0 WHERE memo IS NULL OR memo IS NOT NULL;\n", "MG016", "every row"),
    ("UPDATE ledger SET amount = 0 WHERE memo IS NULL;\n", None, None),
    (
        LOCKED + "CREATE TABLE prints_d5 PARTITION OF prints FOR VALUES FROM ('2026-12-05') TO ('2026-12-06');\n",
        "MG014",
        "DEFAULT partition public.prints_rest",
    ),
    (LOCKED + "CREATE TABLE venues_apac PARTITION OF venues FOR VALUES IN ('apac');\n", None, None),
    (
        LOCKED + "CREATE TABLE venues_apac (LIKE venues);\nINSERT INTO venues_apac VALUES (1, 'eu');\n"
        "ALTER TABLE venues ATTACH PARTITION venues_apac FOR VALUES IN ('apac');\n",
        "MG021",
        "outside the bound",
    ),
    (
        LOCKED + "CREATE TABLE venues_apac (LIKE venues);\nINSERT INTO venues_apac VALUES (1, 'apac');\n"
        "ALTER TABLE venues ATTACH PARTITION venues_apac FOR VALUES IN ('apac');\n",
        None,
        None,
    ),
    (
        "CREATE UNIQUE INDEX CONCURRENTLY tickers_email_lower ON tickers (lower(email));\n",
        "MG021",
        "may fail",
    ),
    ("CREATE TABLE fresh (email text);\nCREATE UNIQUE INDEX fresh_email_lower ON fresh (lower(email));\n", None, None),
    # A BEFORE row trigger's WHEN may read neither NEW of a generated column nor the whole NEW row of its table.
    (LOCKED + _TRIGGER.format("BEFORE", "tickers", "OLD IS DISTINCT FROM NEW"), "MG021", "whole NEW row"),
    (LOCKED + _TRIGGER.format("BEFORE", "tickers", "NEW.notional > 0"), "MG021", "(notional)"),
    (LOCKED + _TRIGGER.format("BEFORE", "tickers", "NEW.px IS DISTINCT FROM OLD.px"), None, None),
    (LOCKED + _TRIGGER.format("AFTER", "tickers", "OLD IS DISTINCT FROM NEW"), None, None),
    (LOCKED + _TRIGGER.format("BEFORE", "ledger", "OLD IS DISTINCT FROM NEW"), None, None),
    ("SELECT diesel_manage_updated_at('ledger');\n", "MG019", "CREATE TRIGGER"),
    (LOCKED + "SELECT diesel_manage_updated_at('ledger');\n", None, None),
]


@pytest.fixture
def history(tmp_path) -> Path:
    return _file(tmp_path / "schema", "schema.sql", DIESEL_SETUP + SCHEMA)


@pytest.fixture(scope="module")
def loaded(database):
    database.execute(DIESEL_SETUP + SCHEMA + "ANALYZE;")
    return database


@pytest.mark.parametrize(("sql", "rule", "phrase"), CASES)
def test_the_schema_and_the_constants_decide(tmp_path, history, sql, rule, phrase):
    _decided_with_history(tmp_path, history, sql, rule, phrase)


@pytest.mark.parametrize(("sql", "rule", "phrase"), CASES)
def test_the_trace_agrees(loaded, tmp_path, sql, rule, phrase):
    """The same file on a clone of a database holding the schema: the server does what the static rule said."""
    traced = _check(str(_file(tmp_path / "m", "0042_m.sql", sql)), "--trace", "--dsn", loaded.dsn)
    found = _found(traced)
    if rule is None:
        assert found == {}, found
        return
    assert rule in found, traced["findings"]
    if rule == "MG021":
        # The server refused it: the finding is the trace's own (high confidence), not the static claim.
        assert [f for f in traced["findings"] if f["rule"] == "MG021" and f["confidence"] == "high"]


@pytest.mark.parametrize("sql", [c[0] for c in CASES if c[1] == "MG021" and c[2] != "may fail"])
def test_nothing_is_claimed_from_the_file_alone(tmp_path, sql):
    """Without the schema the reader knows no enum, domain, sequence, index or partition: no failure claimed."""
    if any(own in sql for own in ("CREATE TABLE venues_apac", "CREATE TABLE marks", "DEFAULT -1")):
        pytest.skip("the file itself shows it: its own table's row, or a default its CHECK rejects on every row")
    assert "MG021" not in _found(_check(str(_file(tmp_path / "m", "0042_m.sql", sql))))


def test_a_probe_settles_a_folded_unique_index(loaded, tmp_path, history):
    sql = "CREATE UNIQUE INDEX CONCURRENTLY tickers_email_lower ON tickers (lower(email));\n"
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    probed = _check(str(path), "--history", str(history), "--dsn", loaded.dsn, "--probe")
    messages = [f["message"] for f in probed["findings"] if f["rule"] == "MG021" and f["severity"] == "critical"]
    assert any("probed read-only" in m for m in messages), probed["findings"]
    clean = "CREATE UNIQUE INDEX CONCURRENTLY tickers_code_lower ON tickers (lower(code));\n"
    passed = _check(str(_file(tmp_path / "m", "0043_m.sql", clean)), "--history", str(history), "--dsn", loaded.dsn)
    assert "MG021" in _found(passed)  # without the probe the folded expression may collide
    probed = _check(
        str(_file(tmp_path / "m", "0043_m.sql", clean)), "--history", str(history), "--dsn", loaded.dsn, "--probe"
    )
    assert "MG021" not in _found(probed), probed["findings"]


def test_the_catalog_says_how_much_a_sequence_has_left(loaded, tmp_path):
    """With --dsn alone (no history), pg_sequences' last_value, max_value and increment_by give the room."""
    tight = _file(tmp_path / "m", "0042_m.sql", "INSERT INTO batches (venue) SELECT 'w' FROM generate_series(1, 49);\n")
    found = _found(_check(str(tight), "--dsn", loaded.dsn))
    assert any("maximum value of sequence public.batch_seq" in m for m in found.get("MG021", [])), found
    fits = _file(tmp_path / "m", "0043_m.sql", "INSERT INTO batches (venue) SELECT 'w' FROM generate_series(1, 48);\n")
    assert "MG021" not in _found(_check(str(fits), "--dsn", loaded.dsn))


@pytest.mark.parametrize(
    "sql",
    [
        LOCKED + "ALTER TABLE ledger ADD COLUMN risk smallint CHECK (risk BETWEEN 0 AND 100) NOT ENFORCED;\n",
        LOCKED + "ALTER TABLE ledger ADD CONSTRAINT ledger_amount_pos CHECK (amount > 0) NOT ENFORCED;\n",
    ],
)
def test_a_not_enforced_check_scans_nothing_on_18_and_fails_before(loaded, tmp_path, history, sql):
    """18's NOT ENFORCED CHECK is stored NOT VALID and never read against the rows; earlier servers refuse the
    syntax, as the suite's 15 does when the file is traced."""
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    assert _found(_check(str(path), "--history", str(history), "--pg-version", "18")) == {}
    found = _found(_check(str(path), "--history", str(history), "--pg-version", "17"))
    assert any("NOT ENFORCED constraint is new in PostgreSQL 18" in m for m in found.get("MG021", [])), found
    traced = _check(str(path), "--trace", "--dsn", loaded.dsn)
    assert [f for f in traced["findings"] if f["rule"] == "MG021" and f["confidence"] == "high"]


def test_rows_the_files_inserted_are_forgotten_once_emptied(tmp_path):
    base = "CREATE TABLE codes (code text PRIMARY KEY);\nINSERT INTO codes VALUES ('a');\n"
    again = "INSERT INTO codes VALUES ('a');\n"
    assert "MG021" in _found(_check(str(_file(tmp_path, "0001_m.sql", base + again))))
    for emptied in ("TRUNCATE codes;\n", "DELETE FROM codes;\n"):
        assert "MG021" not in _found(_check(str(_file(tmp_path, "0002_m.sql", base + emptied + again))))


@pytest.mark.parametrize(("extension", "available"), [("pgtune_no_such_extension", False), ("pg_trgm", True)])
def test_the_server_says_which_extensions_it_can_install(loaded, tmp_path, extension, available):
    """With --dsn, pg_available_extensions: CREATE EXTENSION of one the server lacks fails, IF NOT EXISTS or not."""
    path = _file(tmp_path / "m", "0042_m.sql", f"CREATE EXTENSION IF NOT EXISTS {extension};\n")
    assert "MG021" not in _found(_check(str(path))), "the file alone cannot tell"
    found = _found(_check(str(path), "--dsn", loaded.dsn))
    assert any("is not available" in m for m in found.get("MG021", [])) is not available, found
    traced = _check(str(path), "--trace", "--dsn", loaded.dsn)
    refused = [f for f in traced["findings"] if f["rule"] == "MG021" and f["confidence"] == "high"]
    assert bool(refused) is not available, traced["findings"]
