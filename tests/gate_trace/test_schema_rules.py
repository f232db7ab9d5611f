"""Rules that follow from PostgreSQL's documented behaviour once the schema (``--history``) or its statistics
(``--dsn``) are known, through the CLI: objects a statement names that do not exist, partitioned tables,
type changes judged by the old type and the file's TimeZone, SET LOCAL outside a transaction, ALTER DOMAIN,
DML that empties whole partitions, and what ANALYZE's sample already shows to fail. Each claim of failure is
also run with ``--trace`` on the same server: the server must refuse what the static check says it will."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from pgtune.cli import main

HISTORY = """
CREATE DOMAIN venue_code AS text;
CREATE TABLE venues (id bigint PRIMARY KEY, code venue_code, name varchar(40) CHECK (length(name) > 0),
                     fee_bps int, CONSTRAINT venues_fee_range CHECK (fee_bps >= 0));
CREATE TABLE fills (id bigint, venue_id bigint, qty int, filled_at timestamp NOT NULL, note text)
    PARTITION BY RANGE (filled_at);
CREATE TABLE fills_old PARTITION OF fills FOR VALUES FROM (MINVALUE) TO ('2026-09-01');
CREATE TABLE fills_2026_09 PARTITION OF fills FOR VALUES FROM ('2026-09-01') TO ('2026-10-01');
CREATE TABLE fills_2026_10 PARTITION OF fills FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
CREATE TABLE fills_rest PARTITION OF fills DEFAULT;
CREATE INDEX fills_venue_idx ON fills (venue_id);
CREATE TABLE quotes (id bigint PRIMARY KEY, venue_id bigint, px numeric(20,8), seen_at timestamp, tag text,
                     size_lots bigint);
CREATE VIEW quote_prices AS SELECT q.id, q.px FROM quotes q;
CREATE TABLE tiers (venue_id bigint, tier int) PARTITION BY LIST (tier);
CREATE TABLE tiers_low PARTITION OF tiers FOR VALUES IN (1, 2);
CREATE TABLE tiers_rest PARTITION OF tiers DEFAULT;
CREATE TABLE fills_2027_q1 (LIKE fills);
CREATE TABLE fills_2027_q2 (LIKE fills);
"""
# Added after the data is loaded, as a release that left old rows unchecked would have.
UNCHECKED = "ALTER TABLE quotes ADD CONSTRAINT quotes_px_small CHECK (px < 100) NOT VALID;\n"
DATA = """
INSERT INTO venues SELECT g, 'v' || g, 'venue ' || g, g % 50 FROM generate_series(1, 200) g;
INSERT INTO fills SELECT g, 1 + g % 200, g % 9, timestamp '2026-09-01' + g * interval '10 minutes', 'n'
FROM generate_series(1, 12000) g;  -- September and October, the rest in the DEFAULT partition (into December)
INSERT INTO quotes SELECT g, 1 + g % 200, g / 7.0, timestamp '2026-01-01' + g * interval '1 hour',
       CASE WHEN g % 3 = 0 THEN 'a-rather-long-tag-' || g ELSE 't' END, g::bigint * 1000000
FROM generate_series(1, 3000) g;
INSERT INTO tiers SELECT g, 1 + g % 4 FROM generate_series(1, 400) g;
INSERT INTO fills_2027_q1 SELECT g, 1, 1, timestamp '2027-01-01' + g * interval '1 hour', 'q1'
FROM generate_series(0, 2000) g;
INSERT INTO fills_2027_q2 SELECT g, 1, 1, timestamp '2027-04-01' + g * interval '1 hour', 'q2'
FROM generate_series(0, 2000) g;
"""


def _check(*args: str) -> tuple[int, dict]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", *args, "--format", "json"])
    assert code in (0, 1), err.getvalue()
    return code, json.loads(out.getvalue())


def _rules(report: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in report["findings"]:
        if f["severity"] != "info":
            found.setdefault(f["rule"], []).append(f["message"])
    return found


def _decided_with_history(tmp_path: Path, history: Path, sql: str, rule: str | None, phrase: str) -> None:
    """``check --history``: ``rule`` reports a message holding ``phrase``; with no rule, nothing is reported."""
    found = _rules(_check(str(_file(tmp_path / "m", "0042_m.sql", sql)), "--history", str(history))[1])
    if rule is None:
        assert found == {}, found
    else:
        assert any(phrase in m for m in found.get(rule, [])), found


def _file(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text)
    return path


@pytest.fixture
def history(tmp_path) -> Path:
    return _file(tmp_path / "schema", "schema.sql", HISTORY + UNCHECKED)


LOCKED = "SET lock_timeout = '1s';\n"
# (migration, rule that must report it with the schema as history, a phrase of its message); None: nothing.
SCHEMA_CASES = [
    (LOCKED + "ALTER TABLE venues DROP CONSTRAINT venues_fee_check;\n", "MG021", 'constraint "venues_fee_check"'),
    (LOCKED + "ALTER TABLE venues DROP CONSTRAINT venues_fee_range;\n", None, None),
    (LOCKED + "ALTER TABLE venues DROP CONSTRAINT venues_name_check;\n", None, None),  # PostgreSQL's own name
    (LOCKED + "ALTER TABLE venues DROP CONSTRAINT IF EXISTS venues_fee_check;\n", None, None),
    # Dynamic SQL in a DO block may create anything; a body that is read (PERFORM 1) does not void the claim.
    (
        LOCKED
        + "DO $$ BEGIN EXECUTE current_setting('x.y'); END $$;\nALTER TABLE venues DROP CONSTRAINT venues_fee_check;\n",
        None,
        None,
    ),
    (
        LOCKED + "DO $$ BEGIN PERFORM 1; END $$;\nALTER TABLE venues DROP CONSTRAINT venues_fee_check;\n",
        "MG021",
        "does not exist",
    ),
    (LOCKED + "ALTER TABLE venues VALIDATE CONSTRAINT venues_fee_chk;\n", "MG021", "does not exist"),
    (LOCKED + "ALTER TABLE venues RENAME CONSTRAINT venues_fee_chk TO x;\n", "MG021", "does not exist"),
    (
        LOCKED + "ALTER TABLE quotes ADD CONSTRAINT quotes_venue_fk FOREIGN KEY (venue_id) REFERENCES venue (id) "
        "NOT VALID;\n",
        "MG021",
        'relation "public.venue" does not exist',
    ),
    (
        LOCKED + "ALTER TABLE quotes ADD CONSTRAINT quotes_venue_fk FOREIGN KEY (venue_id) REFERENCES venues (id) "
        "NOT VALID;\n",
        None,
        None,
    ),
    ("CREATE INDEX CONCURRENTLY quotes_tags_idx ON quotes (tags);\n", "MG021", 'column "tags"'),
    ("CREATE INDEX CONCURRENTLY quotes_tag_idx ON quotes (tag) INCLUDE (pxx);\n", "MG021", 'column "pxx"'),
    ("CREATE INDEX CONCURRENTLY quotes_tag_idx ON quotes (tag) INCLUDE (px);\n", None, None),
    ("DROP INDEX CONCURRENTLY fills_venue_idx;\n", "MG021", "cannot drop partitioned index"),
    (LOCKED + "CREATE UNIQUE INDEX fills_id_key ON fills (id);\n", "MG021", "every partition key column"),
    (LOCKED + "ALTER TABLE fills ADD CONSTRAINT fills_id_key UNIQUE (id);\n", "MG021", "partition key"),
    (LOCKED + "ALTER TABLE quotes ALTER COLUMN px TYPE numeric(30,8);\n", "MG021", "used by a view"),
    (LOCKED + "ALTER TABLE quotes ALTER COLUMN tag TYPE varchar(10);\n", "MG006", "rewrites public.quotes"),
    # With the view gone the type change is allowed (no MG021); the drop itself breaks the view's readers.
    (
        LOCKED + "DROP VIEW quote_prices;\nALTER TABLE quotes ALTER COLUMN px TYPE numeric(30,8);\n",
        "MG017",
        "Dropping public.quote_prices",
    ),
    (
        "DELETE FROM fills WHERE filled_at < '2026-10-01';\n",
        "MG016",
        "partition(s) public.fills_old, public.fills_2026_09",
    ),
    ("DELETE FROM fills WHERE filled_at >= '2026-09-10' AND filled_at < '2026-09-15';\n", None, None),
    ("DELETE FROM fills WHERE '2026-10-01' > filled_at;\n", "MG016", "public.fills_old, public.fills_2026_09"),
    (
        "DELETE FROM fills WHERE filled_at BETWEEN '2026-09-01' AND '2026-10-01 00:00:00+00';\n",
        "MG016",
        "partition(s) public.fills_2026_09",
    ),
    ("DELETE FROM fills WHERE filled_at >= '2026-10-01' AND filled_at < '2026-10-20';\n", None, None),
    ("UPDATE fills SET note = 'x' WHERE filled_at >= '2026-10-01' AND filled_at < '2026-11-01';\n", "MG016", "2026_10"),
    ("DELETE FROM fills WHERE note = 'x' AND filled_at < '2026-10-01';\n", None, None),
    ("SET LOCAL lock_timeout = '1s';\nALTER TABLE quotes ADD COLUMN venue_side text;\n", "MG019", "no lock_timeout"),
    ("BEGIN;\nSET LOCAL lock_timeout = '1s';\nALTER TABLE quotes ADD COLUMN venue_side text;\nCOMMIT;\n", None, None),
    (
        "SET TIME ZONE 'Europe/Berlin';\n" + LOCKED + "ALTER TABLE quotes ALTER COLUMN seen_at TYPE timestamptz;\n",
        "MG006",
        "TimeZone Europe/Berlin",
    ),
    ("SET TIME ZONE 'UTC';\n" + LOCKED + "ALTER TABLE quotes ALTER COLUMN seen_at TYPE timestamptz;\n", None, None),
    # A plain USING keeps the table; the CHECK on name is still re-validated against every row.
    (
        LOCKED + "ALTER TABLE venues ALTER COLUMN name TYPE varchar(80) USING (name::varchar(80));\n",
        "MG006",
        "keeps public.venues but re-validates CHECK venues_name_check",
    ),
    (LOCKED + "ALTER TABLE venues ALTER COLUMN name TYPE varchar(80) USING upper(name);\n", "MG006", "USING"),
    ("ALTER DOMAIN venue_code ADD CONSTRAINT venue_code_lower CHECK (VALUE = lower(VALUE));\n", "MG023", "venues"),
    ("ALTER DOMAIN venue_code ADD CONSTRAINT venue_code_lower CHECK (VALUE = lower(VALUE)) NOT VALID;\n", None, None),
    (
        "CREATE DOMAIN lot AS int;\nALTER DOMAIN lot ADD CONSTRAINT lot_positive CHECK (VALUE > 0);\n",
        None,
        None,
    ),
]


def history_decides(tmp_path: Path, history: Path, sql: str, rule: str | None, phrase: str | None) -> None:
    """Checked with ``history`` as --history, ``sql`` gets a finding of ``rule`` saying ``phrase`` (None: none)."""
    _, report = _check(str(_file(tmp_path / "m", "0042_m.sql", sql)), "--history", str(history))
    found = _rules(report)
    if rule is None:
        assert found == {}, found
    else:
        assert any(phrase in m for m in found.get(rule, [])), found


@pytest.mark.parametrize(("sql", "rule", "phrase"), SCHEMA_CASES)
def test_the_schema_as_history_decides(tmp_path, history, sql, rule, phrase):
    history_decides(tmp_path, history, sql, rule, phrase)


@pytest.mark.parametrize(
    "sql",
    [case[0] for case in SCHEMA_CASES if case[1] == "MG021"],
)
def test_no_absence_is_claimed_from_the_file_alone(tmp_path, sql):
    _, report = _check(str(_file(tmp_path / "m", "0042_m.sql", sql)))
    assert "MG021" not in _rules(report)


def test_set_local_outside_a_transaction_is_a_note(tmp_path, history):
    sql = "SET LOCAL lock_timeout = '1s';\nALTER TABLE quotes ADD COLUMN venue_side text;\n"
    _, report = _check(str(_file(tmp_path / "m", "0042_m.sql", sql)), "--history", str(history))
    assert any("SET LOCAL lock_timeout outside a transaction block has no effect" in n for n in report["notes"])


def test_timezone_set_by_the_file_decides_an_unknown_old_type(tmp_path):
    berlin = "SET TIME ZONE 'Europe/Berlin';\n" + LOCKED + "ALTER TABLE t ALTER COLUMN at TYPE timestamptz;\n"
    _, report = _check(str(_file(tmp_path, "0001_m.sql", berlin)))
    assert "MG006" in _rules(report)
    _, report = _check(str(_file(tmp_path, "0002_m.sql", berlin.replace("Europe/Berlin", "UTC"))))
    assert "MG006" not in _rules(report)


@pytest.mark.parametrize(("version", "rule"), [("15", "MG021"), ("17", "MG022")])
def test_a_rule_of_a_later_release_is_not_run_against_an_earlier_target(tmp_path, version, rule):
    schema = _file(tmp_path / "h", "0001_g.sql", "CREATE TABLE g (a int, b int GENERATED ALWAYS AS (a * 2) STORED);\n")
    path = _file(tmp_path / "m", "0002_m.sql", LOCKED + "ALTER TABLE g ALTER COLUMN b SET EXPRESSION AS (a * 3);\n")
    _, report = _check(str(path), "--history", str(schema), "--pg-version", version)
    assert set(_rules(report)) == {rule}
    skipped = [n for n in report["notes"] if "MG022" in n and "not run" in n]
    assert bool(skipped) is (version == "15")


# --- a real server: pg_stats read live, and the trace on the same database -------------------------------


@pytest.fixture(scope="module")
def venues(database):
    database.execute(HISTORY + DATA + UNCHECKED + "ANALYZE;")
    return database


STATS_CASES = [
    (LOCKED + "ALTER TABLE quotes VALIDATE CONSTRAINT quotes_px_small;\n", "MG021", "which the CHECK rejects"),
    (LOCKED + "ALTER TABLE quotes ADD CONSTRAINT quotes_px_pos CHECK (px >= 0);\n", "MG008", "ADD CHECK"),
    (LOCKED + "ALTER TABLE quotes ADD CONSTRAINT quotes_px_cap CHECK (px < 400) NOT VALID;\n", None, None),
    (
        LOCKED + "CREATE TABLE fills_2026_11 PARTITION OF fills FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');\n",
        "MG021",
        "default partition public.fills_rest",
    ),
    (
        LOCKED + "CREATE TABLE fills_2027_03 PARTITION OF fills FOR VALUES FROM ('2027-03-01') TO ('2027-04-01');\n",
        None,
        None,
    ),
    (
        LOCKED + "ALTER TABLE fills ATTACH PARTITION fills_2027_q1 FOR VALUES FROM ('2027-01-01') TO ('2027-03-01');\n",
        "MG021",
        "outside the bound",
    ),
    (
        LOCKED + "ALTER TABLE fills ATTACH PARTITION fills_2027_q2 FOR VALUES FROM ('2027-04-01') TO ('2027-07-01');\n",
        None,
        None,
    ),
    (LOCKED + "CREATE TABLE tiers_3 PARTITION OF tiers FOR VALUES IN (3);\n", "MG021", "tier = 3"),
    (LOCKED + "CREATE TABLE tiers_7 PARTITION OF tiers FOR VALUES IN (7, 8);\n", None, None),
    (
        LOCKED + "ALTER TABLE quotes ADD CONSTRAINT quotes_px_cap CHECK (px BETWEEN 0 AND 300);\n",
        "MG021",
        "px =",
    ),
    (LOCKED + "ALTER TABLE quotes ADD CONSTRAINT quotes_px_cap CHECK (1000 > px);\n", "MG008", "ADD CHECK"),
    ("DELETE FROM quotes WHERE seen_at < '2027-01-01';\n", "MG016", "every sampled value inside its WHERE"),
    ("DELETE FROM quotes WHERE seen_at < '2026-02-01';\n", None, None),
    (LOCKED + "ALTER TABLE quotes ALTER COLUMN size_lots TYPE int;\n", "MG021", "out of range for int4"),
    (LOCKED + "ALTER TABLE venues ALTER COLUMN fee_bps TYPE smallint;\n", "MG006", "rewrites public.venues"),
    (LOCKED + "ALTER TABLE quotes ALTER COLUMN tag TYPE varchar(5);\n", "MG021", "too long for varchar(5)"),
]


@pytest.mark.parametrize(("sql", "rule", "phrase"), STATS_CASES)
def test_pg_stats_read_live_decide(venues, tmp_path, history, sql, rule, phrase):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    _, report = _check(str(path), "--history", str(history), "--dsn", venues.dsn, "--fail-on", "info")
    messages = [f["message"] for f in report["findings"] if f["rule"] == rule] if rule else []
    if rule is None:
        assert [f for f in report["findings"] if f["rule"] in ("MG021", "MG016")] == []
    else:
        assert any(phrase in m for m in messages), report["findings"]
        if rule == "MG021" or phrase.startswith("every sampled"):
            assert any("pg_stats" in m for m in messages)
    # Without the statistics nothing data-dependent is claimed.
    _, alone = _check(str(path), "--history", str(history))
    assert not any("pg_stats" in f["message"] for f in alone["findings"])


@pytest.mark.parametrize(
    "sql", [case[0] for case in SCHEMA_CASES + STATS_CASES if case[1] == "MG021" and "DO $$" not in case[0]]
)
def test_the_server_refuses_what_the_static_check_says_fails(venues, tmp_path, history, sql):
    path = _file(tmp_path / "m", "0042_m.sql", sql)
    _, static = _check(str(path), "--history", str(history), "--dsn", venues.dsn)
    assert "MG021" in _rules(static)
    _, traced = _check(str(path), "--trace", "--dsn", venues.dsn)
    assert [f for f in traced["findings"] if f["rule"] == "MG021" and f["confidence"] == "high"], traced["findings"]
