"""What the server refuses before a statement does anything, through the CLI: commands that cannot run inside a
transaction block, syntax newer than ``--pg-version`` (the release table), and, with the schema as ``--history``,
DETACH CONCURRENTLY beside a DEFAULT partition, a NOT VALID foreign key on a partitioned table before 18,
CREATE OR REPLACE VIEW that drops or renames a column, REFRESH ... CONCURRENTLY without a usable unique index,
and ALTER SEQUENCE bounds that exclude START. Also UPDATE ... FROM joined only (MG016), DROP MATERIALIZED VIEW
(MG017) and a SET LOGGED the trace saw change nothing (MG013). Each claim of failure is run with ``--trace`` on
the suite's PostgreSQL 15: the server must refuse it."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from pgtune.cli import main

HISTORY = """
CREATE TABLE markets (id bigint PRIMARY KEY, symbol text NOT NULL);
CREATE TABLE positions (id bigint PRIMARY KEY, market_id bigint, size numeric, mark numeric);
CREATE TABLE trades (id bigint, market_id bigint, px numeric, at timestamptz NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE trades_2026_11 PARTITION OF trades FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE trades_rest PARTITION OF trades DEFAULT;
CREATE TABLE books (id bigint, market_id bigint, px numeric) PARTITION BY LIST (market_id);
CREATE TABLE books_1 PARTITION OF books FOR VALUES IN (1);
CREATE TABLE books_2 PARTITION OF books FOR VALUES IN (2);
CREATE VIEW open_books AS SELECT p.id, p.market_id, p.size FROM positions p;
CREATE MATERIALIZED VIEW volume AS SELECT market_id, count(*) AS n FROM positions GROUP BY market_id;
CREATE MATERIALIZED VIEW volume_keyed AS SELECT market_id, count(*) AS n FROM positions GROUP BY market_id;
CREATE UNIQUE INDEX volume_keyed_key ON volume_keyed (market_id);
CREATE MATERIALIZED VIEW volume_partial AS SELECT market_id, count(*) AS n FROM positions GROUP BY market_id;
CREATE UNIQUE INDEX volume_partial_key ON volume_partial (market_id) WHERE market_id > 0;
CREATE SEQUENCE ticket_seq AS integer START 2000000000;
CREATE TABLE fills (id bigint, market_id bigint, filled_at timestamp NOT NULL, note varchar(20));
CREATE INDEX fills_filled_at_idx ON fills (filled_at);
CREATE INDEX fills_note_idx ON fills (note);
CREATE TABLE ticks (market_id bigint, ts timestamptz NOT NULL, px numeric) PARTITION BY RANGE (ts);
CREATE TABLE ticks_2026_11 PARTITION OF ticks FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE INDEX ticks_market_ts_idx ON ticks (market_id, ts);
CREATE TABLE ticks_2026_12 (LIKE ticks);
CREATE TABLE ticks_2027_01 (LIKE ticks);
CREATE TABLE ticks_2027_02 (LIKE ticks INCLUDING ALL);
CREATE INDEX ticks_2027_01_market_ts ON ticks_2027_01 (market_id, ts);
SELECT nextval('ticket_seq') FROM generate_series(1, 3);
"""
DATA = """
INSERT INTO markets VALUES (1, 'BTC'), (2, 'ETH');
INSERT INTO positions SELECT g, 1 + g % 2, g, g FROM generate_series(1, 50) g;
INSERT INTO trades SELECT g, 1, g, timestamptz '2026-11-01' + g * interval '1 day' FROM generate_series(0, 40) g;
INSERT INTO fills SELECT g, 1, timestamp '2026-11-01' + g * interval '1 hour', 'n' FROM generate_series(1, 200) g;
INSERT INTO ticks_2026_12 SELECT 1, timestamptz '2026-12-01' + g * interval '1 hour', g FROM generate_series(0, 200) g;
INSERT INTO ticks_2027_01 SELECT 1, timestamptz '2027-01-01' + g * interval '1 hour', g FROM generate_series(0, 200) g;
REFRESH MATERIALIZED VIEW volume; REFRESH MATERIALIZED VIEW volume_keyed; REFRESH MATERIALIZED VIEW volume_partial;
"""
MERGE_RETURNING = (
    "MERGE INTO markets m USING (VALUES (3, 'SOL')) AS v(id, symbol) ON m.id = v.id\n"
    "WHEN NOT MATCHED THEN INSERT VALUES (v.id, v.symbol) RETURNING merge_action(), m.id;\n"
)
PARTITIONED_FK = (
    "SET lock_timeout = '2s';\n"
    "ALTER TABLE trades ADD CONSTRAINT trades_market_fk FOREIGN KEY (market_id) REFERENCES markets (id) NOT VALID;\n"
)

# (file, what MG021 says; None: MG021 is silent). Against PostgreSQL 15, with the schema as --history.
FAILS = [
    ("BEGIN;\nVACUUM positions;\nCOMMIT;\n", "VACUUM cannot run inside a transaction block"),
    ("BEGIN;\nREINDEX SCHEMA public;\nCOMMIT;\n", "REINDEX SCHEMA cannot run inside a transaction block"),
    ("BEGIN;\nCLUSTER;\nCOMMIT;\n", "CLUSTER without a table cannot run inside a transaction block"),
    ("BEGIN;\nCREATE DATABASE pgtune_never;\nCOMMIT;\n", "CREATE DATABASE cannot run inside a transaction block"),
    (MERGE_RETURNING, "MERGE ... RETURNING is new in PostgreSQL 17"),
    (
        "SELECT * FROM JSON_TABLE('[1, 2]'::jsonb, '$[*]' COLUMNS (v int PATH '$')) AS jt;\n",
        "JSON_TABLE is new in PostgreSQL 17",
    ),
    (
        "SET lock_timeout = '2s';\n"
        "ALTER TABLE positions ADD COLUMN notional numeric GENERATED ALWAYS AS (size * mark);\n",
        "virtual generated column",
    ),
    (
        "SET lock_timeout = '2s';\nALTER TABLE positions ADD CONSTRAINT positions_mark_nn NOT NULL mark NOT VALID;\n",
        "NOT NULL ... NOT VALID is new in PostgreSQL 18",
    ),
    (
        "ALTER TABLE trades DETACH PARTITION trades_2026_11 CONCURRENTLY;\n",
        "cannot detach partitions concurrently when a default partition exists",
    ),
    (PARTITIONED_FK, "a NOT VALID foreign key on a partitioned table is new in PostgreSQL 18"),
    ("CREATE OR REPLACE VIEW open_books AS SELECT p.id, p.market_id FROM positions p;\n", "cannot drop columns"),
    (
        "CREATE OR REPLACE VIEW open_books AS SELECT p.id, p.market_id AS market, p.size FROM positions p;\n",
        'cannot change name of view column "market_id" to "market"',
    ),
    ("REFRESH MATERIALIZED VIEW CONCURRENTLY volume;\n", 'cannot refresh materialized view "public.volume"'),
    ("REFRESH MATERIALIZED VIEW CONCURRENTLY volume_partial;\n", "concurrently: it needs a unique index"),
    ("ALTER SEQUENCE ticket_seq MAXVALUE 1000000000;\n", "START value (2000000000) cannot be greater than MAXVALUE"),
    ("ALTER SEQUENCE ticket_seq AS smallint;\n", "cannot be greater than MAXVALUE (32767)"),
    ("ALTER SEQUENCE ticket_seq RESTART WITH 2147483000 MAXVALUE 2100000000;\n", "RESTART value (2147483000)"),
    ("ALTER SEQUENCE ticket_seq MAXVALUE 3000000000;\n", "out of range for sequence data type integer"),
    ("ALTER SEQUENCE ticket_seq MINVALUE 2000000000 MAXVALUE 2000000000;\n", "must be less than MAXVALUE"),
]
# Built-in functions and settings 15 lacks, and options it refuses: the file alone decides these too.
NEWER_THAN_15 = [
    ("CREATE VIEW one_symbol AS SELECT market_id, any_value(px) AS px FROM trades GROUP BY 1;\n", "any_value() is new"),
    ("SELECT pg_input_is_valid('12', 'integer');\n", "pg_input_is_valid() is new in PostgreSQL 16"),
    ("SET transaction_timeout = '5s';\n", "the setting transaction_timeout is new in PostgreSQL 17"),
    ("DROP INDEX CONCURRENTLY fills_note_idx CASCADE;\n", "DROP INDEX CONCURRENTLY does not support CASCADE"),
]
SILENT = [
    "CREATE FUNCTION any_value(numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT $1 $$;\n"
    "SELECT any_value(px) FROM trades;\n",
    "VACUUM positions;\n",
    "BEGIN;\nANALYZE positions;\nCOMMIT;\n",
    "MERGE INTO markets m USING (VALUES (3, 'SOL')) AS v(id, symbol) ON m.id = v.id\n"
    "WHEN NOT MATCHED THEN INSERT VALUES (v.id, v.symbol);\n",
    "ALTER TABLE books DETACH PARTITION books_2 CONCURRENTLY;\n",
    "SET lock_timeout = '2s';\n"
    "ALTER TABLE positions ADD CONSTRAINT positions_market_fk FOREIGN KEY (market_id) REFERENCES markets (id) "
    "NOT VALID;\n",
    "CREATE OR REPLACE VIEW open_books AS SELECT p.id, p.market_id, p.size, p.mark FROM positions p;\n",
    "REFRESH MATERIALIZED VIEW CONCURRENTLY volume_keyed;\n",
    "CREATE MATERIALIZED VIEW fresh AS SELECT 1 AS k;\nCREATE UNIQUE INDEX fresh_k ON fresh (k);\n"
    "REFRESH MATERIALIZED VIEW CONCURRENTLY fresh;\n",
    "ALTER SEQUENCE ticket_seq MAXVALUE 2100000000;\n",
    "ALTER SEQUENCE ticket_seq AS bigint;\n",
    "ALTER SEQUENCE ticket_seq AS bigint MAXVALUE 3000000000;\n",
    "ALTER SEQUENCE ticket_seq RESTART WITH 2000000001;\n",
]


def _check(*args: str) -> dict:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", *args, "--format", "json"])
    assert code in (0, 1), err.getvalue()
    return json.loads(out.getvalue())


def _messages(report: dict, rule: str) -> list[str]:
    return [f["message"] for f in report["findings"] if f["rule"] == rule]


def _file(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text)
    return path


@pytest.fixture
def history(tmp_path) -> Path:
    return _file(tmp_path / "schema", "schema.sql", HISTORY)


@pytest.mark.parametrize(("sql", "phrase"), FAILS + NEWER_THAN_15)
def test_the_statement_will_fail(tmp_path, history, sql, phrase):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    report = _check(str(path), "--history", str(history), "--pg-version", "15")
    assert any(phrase in m for m in _messages(report, "MG021")), report["findings"]


@pytest.mark.parametrize("sql", SILENT)
def test_what_the_server_accepts_is_not_claimed_to_fail(tmp_path, history, sql):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    report = _check(str(path), "--history", str(history), "--pg-version", "15")
    assert _messages(report, "MG021") == []


@pytest.mark.parametrize(
    ("sql", "version", "fails"),
    [
        (MERGE_RETURNING, "16", True),
        (MERGE_RETURNING, "17", False),
        ("MERGE INTO markets m USING markets s ON m.id = s.id WHEN MATCHED THEN DO NOTHING;\n", "14", True),
        ("CREATE UNIQUE INDEX markets_symbol ON markets (symbol) NULLS NOT DISTINCT;\n", "14", True),
        ("CREATE UNIQUE INDEX markets_symbol ON markets (symbol) NULLS NOT DISTINCT;\n", "15", False),
        ("SELECT '{}' IS JSON;\n", "15", True),
        ("SELECT '{}' IS JSON;\n", "16", False),
        (PARTITIONED_FK, "17", True),
        (PARTITIONED_FK, "18", False),
    ],
)
def test_the_release_table_follows_the_target(tmp_path, history, sql, version, fails):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    report = _check(str(path), "--history", str(history), "--pg-version", version)
    assert bool(_messages(report, "MG021")) is fails


def test_a_tools_transaction_counts_as_a_block(tmp_path):
    path = _file(tmp_path / "m", "20261202_vacuum.sql", "-- migrate:up\nVACUUM positions;\n-- migrate:down\n")
    assert any("cannot run inside a transaction block" in m for m in _messages(_check(str(path)), "MG021"))
    path.write_text("-- migrate:up transaction:false\nVACUUM positions;\n-- migrate:down\n")
    assert _messages(_check(str(path)), "MG021") == []


def test_the_file_alone_claims_no_schema_dependent_failure(tmp_path):
    for sql, _ in FAILS[8:]:  # DETACH onwards: what only the schema shows
        path = _file(tmp_path / "m", "0042_m.sql", sql)
        assert _messages(_check(str(path), "--pg-version", "15"), "MG021") == [], sql


@pytest.mark.parametrize(
    ("sql", "rule", "flagged"),
    [
        ("UPDATE positions p SET mark = m.id FROM markets m WHERE m.id = p.market_id;\n", "MG016", True),
        ("DELETE FROM positions p USING markets m WHERE p.market_id = m.id;\n", "MG016", True),
        (
            "UPDATE positions p SET mark = m.id FROM markets m WHERE m.id = p.market_id AND p.size > 10;\n",
            "MG016",
            False,
        ),
        ("DELETE FROM positions p USING markets m WHERE p.market_id = m.id AND m.symbol = 'ETH';\n", "MG016", False),
        ("SET lock_timeout = '2s';\nDROP MATERIALIZED VIEW volume;\n", "MG017", True),
        ("DROP MATERIALIZED VIEW IF EXISTS never_made;\n", "MG017", False),
    ],
)
def test_whole_table_joins_and_dropped_materialized_views(tmp_path, history, sql, rule, flagged):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    report = _check(str(path), "--history", str(history))
    assert bool(_messages(report, rule)) is flagged, report["findings"]


# --- the suite's PostgreSQL 15: the trace must agree ------------------------------------------------------


@pytest.fixture(scope="module")
def trading(database):
    database.execute(HISTORY + DATA)
    return database


# The tracer does not run CREATE DATABASE (its effect would outlive the clone), so that case is not traced.
@pytest.mark.parametrize("sql", [case[0] for case in FAILS + NEWER_THAN_15 if "CREATE DATABASE" not in case[0]])
def test_the_server_refuses_what_the_static_check_says_fails(trading, tmp_path, sql):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    traced = _check(str(path), "--trace", "--dsn", trading.dsn)
    refused = [f for f in traced["findings"] if f["rule"] == "MG021" and f["confidence"] == "high"]
    assert refused, traced["findings"]


@pytest.mark.parametrize("sql", SILENT)
def test_the_server_accepts_what_the_static_check_passes(trading, tmp_path, sql):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    traced = _check(str(path), "--trace", "--dsn", trading.dsn)
    assert [f for f in traced["findings"] if f["rule"] == "MG021"] == [], traced["findings"]


@pytest.mark.parametrize(("sql", "flagged"), [("SET LOGGED", False), ("SET UNLOGGED", True)])
def test_a_persistence_change_is_judged_by_what_the_trace_saw(trading, tmp_path, sql, flagged):
    """markets is logged already: SET LOGGED is a no-op the server does without a rewrite, SET UNLOGGED copies it."""
    path = _file(tmp_path / "m", "0042_m.sql", f"SET lock_timeout = '2s';\nALTER TABLE markets {sql};\n")
    assert _messages(_check(str(path)), "MG013"), "the file alone cannot tell: both are flagged"
    traced = _check(str(path), "--trace", "--dsn", trading.dsn)
    assert bool(_messages(traced, "MG013")) is flagged, traced["findings"]


ATTACH_DECEMBER = "ALTER TABLE ticks ATTACH PARTITION ticks_2026_12 FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');\n"
BOUNDED = "SET lock_timeout = '2s';\nSET TIME ZONE 'UTC';\n"
INDEX_CASES = [
    # LIKE ... INCLUDING ALL copied the parent's indexes: ATTACH links them.
    (
        BOUNDED
        + "ALTER TABLE ticks ATTACH PARTITION ticks_2027_02\n    FOR VALUES FROM ('2027-02-01') TO ('2027-03-01');\n",
        None,
    ),
    # timestamp → timestamptz keeps fills under UTC, but timestamp_ops ≠ timestamptz_ops: the index is rebuilt.
    (BOUNDED + "ALTER TABLE fills ALTER COLUMN filled_at TYPE timestamptz;\n", "public.fills_filled_at_idx"),
    (BOUNDED + "ALTER TABLE fills ALTER COLUMN note TYPE varchar(40);\n", None),  # same opclass: kept
    (BOUNDED + "ALTER TABLE fills ALTER COLUMN note TYPE text;\n", None),
    (
        BOUNDED + ATTACH_DECEMBER,
        "public.ticks_market_ts_idx on public.ticks_2026_12",
    ),
    (
        BOUNDED
        + "ALTER TABLE ticks ATTACH PARTITION ticks_2027_01 FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');\n",
        None,
    ),
    (
        BOUNDED
        + "CREATE INDEX CONCURRENTLY ticks_2026_12_market_ts ON ticks_2026_12 (market_id, ts);\n"
        + ATTACH_DECEMBER,
        None,
    ),
]


@pytest.mark.parametrize(("sql", "phrase"), INDEX_CASES)
def test_indexes_built_under_the_lock(tmp_path, history, sql, phrase):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    messages = _messages(_check(str(path), "--history", str(history)), "MG024")
    assert any(phrase in m for m in messages) if phrase else messages == []
    assert _messages(_check(str(path)), "MG024") == []  # the indexes are not known from the file alone


def test_the_server_rebuilds_the_index_and_keeps_the_table(trading):
    """What MG024 says of timestamp → timestamptz under UTC, on the server itself (in a rolled-back block)."""
    with trading.connect() as conn:
        before = dict(
            conn.execute(
                "SELECT relname, relfilenode FROM pg_class WHERE relname IN ('fills', 'fills_filled_at_idx', "
                "'fills_note_idx')"
            ).fetchall()
        )
        with conn.transaction(force_rollback=True):
            conn.execute("SET LOCAL TimeZone = 'UTC'")
            conn.execute("ALTER TABLE fills ALTER COLUMN filled_at TYPE timestamptz")
            conn.execute("ALTER TABLE fills ALTER COLUMN note TYPE varchar(40)")
            after = dict(
                conn.execute(
                    "SELECT relname, relfilenode FROM pg_class WHERE relname IN ('fills', 'fills_filled_at_idx', "
                    "'fills_note_idx')"
                ).fetchall()
            )
    assert after["fills"] == before["fills"]
    assert after["fills_note_idx"] == before["fills_note_idx"]
    assert after["fills_filled_at_idx"] != before["fills_filled_at_idx"]


@pytest.mark.parametrize(
    ("sql", "version", "phrase"),
    [
        ("BEGIN;\nALTER DATABASE app SET TABLESPACE fast;\nCOMMIT;\n", "15", "SET TABLESPACE cannot run inside"),
        ("BEGIN;\nDROP TABLESPACE fast;\nCOMMIT;\n", "15", "DROP TABLESPACE cannot run inside"),
        ("BEGIN;\nCREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p;\nCOMMIT;\n", "15", "create_slot"),
        (
            "BEGIN;\nCREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (connect = false);\nCOMMIT;\n",
            "15",
            None,
        ),
        ("BEGIN;\nALTER DATABASE app SET work_mem = '8MB';\nCOMMIT;\n", "15", None),
        (
            "VACUUM (BUFFER_USAGE_LIMIT '1MB') positions;\n",
            "15",
            "VACUUM option BUFFER_USAGE_LIMIT is new in PostgreSQL 16",
        ),
        ("COPY positions FROM STDIN (ON_ERROR ignore);\n", "16", "COPY option ON_ERROR is new in PostgreSQL 17"),
        ("COPY positions FROM STDIN (ON_ERROR ignore);\n", "17", None),
    ],
)
def test_more_refusals_and_options(tmp_path, sql, version, phrase):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    messages = _messages(_check(str(path), "--pg-version", version), "MG021")
    assert any(phrase in m for m in messages) if phrase else messages == [], messages
