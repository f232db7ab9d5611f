"""Migrations that fail when they run, decided statically with the schema as ``--history`` and checked against the
trace on the suite's server: a LANGUAGE sql body naming what the schema lacks, an index expression or predicate
calling a function that is not immutable, a DO block whose guard raises, and rows the schema inserted that an
UPDATE (NOT VALID CHECKs, division by zero), an INSERT (an orphan key) or VALIDATE CONSTRAINT (IS NOT NULL) meets."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_schema_rules import LOCKED, _decided_with_history, _file
from .test_schema_rules import _check as _checked
from .test_schema_rules import _rules as _found

SCHEMA = """
CREATE TABLE acc (id int PRIMARY KEY, bal int, qty int, fee int, lei text, ts timestamptz, tsn timestamp, note text);
INSERT INTO acc (id, bal, qty, fee, lei) VALUES (1, -5, 0, 1, NULL), (2, 10, 2, 0, 'L2');
CREATE TABLE ord (id int PRIMARY KEY, acc_id int REFERENCES acc (id));
ALTER TABLE acc ADD CONSTRAINT bal_pos CHECK (bal >= 0) NOT VALID;
ALTER TABLE acc ADD CONSTRAINT lei_present CHECK (lei IS NOT NULL) NOT VALID;
CREATE FUNCTION pv(int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN $1; END $$;
CREATE FUNCTION pi(int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN $1; END $$;
CREATE FUNCTION fv(int) RETURNS int LANGUAGE sql AS $$ SELECT $1 $$;
CREATE TABLE pos (id int PRIMARY KEY, n int NOT NULL, d int);
INSERT INTO pos VALUES (1, 5, 0), (2, 6, 3);
"""
_GUARD = "DO $$ BEGIN IF {} THEN RAISE EXCEPTION 'stop'; END IF; END $$;\n"
_COLUMN = "EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'acc' AND column_name = '{}')"
CASES = [
    (
        LOCKED + "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT count(*)::int FROM nope $$;\n",
        "MG021",
        'relation "public.nope"',
    ),
    (
        LOCKED + "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT max(zz) FROM acc; END;\n",
        "MG021",
        'column "zz"',
    ),
    (
        LOCKED + "CREATE FUNCTION f(zz int) RETURNS int LANGUAGE sql AS $$ SELECT max(bal) + zz FROM acc $$;\n",
        None,
        None,
    ),
    (
        LOCKED + "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT 1 FROM nope); END $$;\n",
        None,
        None,
    ),
    (LOCKED + "CREATE FUNCTION f(x anyelement) RETURNS int LANGUAGE sql AS $$ SELECT 1 FROM nope $$;\n", None, None),
    (
        "SET check_function_bodies = off;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 FROM nope $$;\n",
        None,
        None,
    ),
    ("CREATE INDEX CONCURRENTLY acc_day ON acc ((ts::date));\n", "MG021", "timestamptz → date"),
    ("CREATE INDEX CONCURRENTLY acc_day ON acc ((tsn::date));\n", None, None),
    ("CREATE INDEX CONCURRENTLY acc_day ON acc (date_trunc('day', ts));\n", "MG021", "date_trunc()"),
    ("CREATE INDEX CONCURRENTLY acc_day ON acc (date_trunc('day', tsn));\n", None, None),
    ("CREATE INDEX CONCURRENTLY acc_day ON acc ((date_trunc('day', ts AT TIME ZONE 'UTC')));\n", None, None),
    ("CREATE INDEX CONCURRENTLY acc_y ON acc ((to_char(tsn, 'YYYY')));\n", "MG021", "to_char()"),
    ("CREATE INDEX CONCURRENTLY acc_t ON acc (bal) WHERE ts > now();\n", "MG021", "index predicate"),
    ("CREATE INDEX CONCURRENTLY acc_t ON acc (bal) WHERE ts > CURRENT_TIMESTAMP;\n", "MG021", "CURRENT_DATE"),
    ("CREATE INDEX CONCURRENTLY acc_t ON acc (bal) WHERE ts < '2020-01-01';\n", None, None),
    ("CREATE INDEX CONCURRENTLY acc_v ON acc ((pv(bal)));\n", "MG021", "pv() is declared VOLATILE"),
    ("CREATE INDEX CONCURRENTLY acc_v ON acc ((pi(bal)));\n", None, None),
    ("CREATE INDEX CONCURRENTLY acc_v ON acc ((fv(bal)));\n", None, None),  # a SQL function is inlined first
    (_GUARD.format("NOT " + _COLUMN.format("zz")), "MG021", "'stop'"),
    (_GUARD.format(_COLUMN.format("bal")), "MG021", "'stop'"),
    (_GUARD.format("NOT " + _COLUMN.format("bal")), None, None),
    (_GUARD.format("EXISTS (SELECT 1 FROM acc WHERE qty = 0)"), "MG021", "'stop'"),
    (_GUARD.format("EXISTS (SELECT 1 FROM acc WHERE qty = 5)"), None, None),
    (LOCKED + "UPDATE acc SET fee = 3 WHERE id = 1;\n", "MG021", 'check constraint "bal_pos"'),
    (LOCKED + "UPDATE acc SET fee = 3, bal = 0, lei = 'L1' WHERE id = 1;\n", None, None),
    (LOCKED + "UPDATE acc SET fee = bal / qty WHERE id = 2;\n", None, None),
    (LOCKED + "UPDATE acc SET bal = 0, lei = 'x', fee = bal / qty WHERE id = 1;\n", "MG021", "division by zero"),
    (LOCKED + "UPDATE acc SET bal = 0, lei = 'x', fee = bal / NULLIF(qty, 0) WHERE id = 1;\n", None, None),
    (LOCKED + "INSERT INTO ord VALUES (1, 3);\n", "MG021", "violates foreign key"),
    (LOCKED + "INSERT INTO ord VALUES (1, 2), (2, NULL);\n", None, None),
    (LOCKED + "ALTER TABLE acc VALIDATE CONSTRAINT lei_present;\n", "MG021", "lei = NULL"),
]


@pytest.fixture
def history(tmp_path) -> Path:
    return _file(tmp_path / "schema", "schema.sql", SCHEMA)


@pytest.fixture(scope="module")
def loaded(database):
    database.execute(SCHEMA + "ANALYZE;")
    return database


@pytest.mark.parametrize(("sql", "rule", "phrase"), CASES)
def test_the_schema_and_its_rows_decide(tmp_path, history, sql, rule, phrase):
    _decided_with_history(tmp_path, history, sql, rule, phrase)


@pytest.mark.parametrize(("sql", "rule", "phrase"), CASES)
def test_the_trace_agrees(loaded, tmp_path, sql, rule, phrase):
    """The same file on a clone of a database holding the schema: it fails exactly where the static rule said."""
    traced = _checked(str(_file(tmp_path / "m", "0042_m.sql", sql)), "--trace", "--dsn", loaded.dsn)[1]
    failed = [f for f in traced["findings"] if f["rule"] == "MG021" and f["confidence"] == "high"]
    assert bool(failed) == (rule == "MG021"), traced["findings"]


@pytest.mark.parametrize(
    ("sql", "phrase"),
    [
        (LOCKED + "UPDATE acc SET fee = 3;\n", "sampled a row of public.acc with bal = -5"),
        (LOCKED + "UPDATE pos SET n = n / d;\n", "sampled a row with d = 0"),
        (LOCKED + "UPDATE acc SET bal = 3, lei = 'x';\n", None),
        (LOCKED + "UPDATE pos SET n = n / NULLIF(d, 0);\n", None),
    ],
)
def test_with_dsn_the_sample_decides_an_update_of_every_row(loaded, tmp_path, sql, phrase):
    """pg_stats' sampled values are real rows: an UPDATE of every row meets them (no --history given)."""
    found = _found(_checked(str(_file(tmp_path / "m", "0042_m.sql", sql)), "--dsn", loaded.dsn)[1])
    failures = found.get("MG021", [])
    assert any(phrase in m for m in failures) if phrase else not failures, found


def test_a_table_the_files_never_filled_is_not_known_empty(tmp_path):
    """Rows the application wrote are in no file: an INSERT referencing a table the files never filled is no claim."""
    schema = _file(
        tmp_path / "schema",
        "schema.sql",
        "CREATE TABLE venue (id int PRIMARY KEY);\n"
        "CREATE TABLE fills (id int PRIMARY KEY, venue_id int REFERENCES venue (id));\n",
    )
    migration = _file(tmp_path / "m", "0042_m.sql", "INSERT INTO fills VALUES (1, 7);\n")
    assert "MG021" not in _found(_checked(str(migration), "--history", str(schema))[1])


@pytest.mark.parametrize(
    ("sql", "fails"),
    [
        (LOCKED + "UPDATE acc SET fee = 3 WHERE id = 1;\n", True),
        (LOCKED + "UPDATE acc SET fee = 3 WHERE id = 2;\n", False),
        (LOCKED + "UPDATE pos SET n = n / d WHERE id = 1;\n", True),
        (LOCKED + "UPDATE pos SET n = n / d WHERE id = 2;\n", False),
    ],
)
def test_a_probe_asks_the_rows_an_update_writes(loaded, tmp_path, sql, fails):
    """One read-only count of the rows the UPDATE matches that a NOT VALID CHECK rejects or that divide by zero."""
    report = _checked(str(_file(tmp_path / "m", "0042_m.sql", sql)), "--dsn", loaded.dsn, "--probe")[1]
    probed = [m for m in _found(report).get("MG021", []) if "probed read-only" in m]
    assert bool(probed) == fails, report["findings"]
