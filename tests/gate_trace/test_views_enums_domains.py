"""What the trace sees of views, enum values and domains on the suite's PostgreSQL 15, through the CLI: a view
the application reads dropped, an enum value it writes renamed, a domain constraint checked against every
table using the domain (SHARE on each, no DEBUG1 message: the reads are counted), and readers of a view
queued behind CREATE OR REPLACE VIEW's ACCESS EXCLUSIVE lock. Each hazard beside its safe twin; the trace's
hazards (the corpus labels) and ``check --trace``'s findings must say the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from pgtune.gate.config import CheckConfig
from pgtune.gate.trace import trace_paths

from .test_release_rules import _check

SCHEMA = """
CREATE TYPE desk_state AS ENUM ('cold', 'warm', 'hot');
CREATE DOMAIN country_code AS text;
CREATE TABLE clients (id bigint PRIMARY KEY, country country_code, state desk_state NOT NULL DEFAULT 'warm');
CREATE TABLE addresses (client_id bigint, country country_code);
CREATE TABLE fees (id bigint, bps int);
INSERT INTO clients SELECT g, 'US', 'warm' FROM generate_series(1, 200) g;
INSERT INTO fees SELECT g, g FROM generate_series(1, 50) g;
CREATE VIEW client_exposure AS SELECT id, country FROM clients;
"""
LOCKED = "SET lock_timeout = '2s';\n"
CASES = [
    # (migration, the rule --trace reports, a phrase of its message, a phrase of the trace's hazard); None: safe.
    (
        LOCKED + "DROP VIEW client_exposure;\n",
        "MG017",
        "Dropping public.client_exposure",
        "drops public.client_exposure",
    ),
    (LOCKED + "CREATE VIEW scratch AS SELECT id FROM clients;\nDROP VIEW scratch;\n", None, None, None),
    (
        LOCKED + "ALTER TYPE desk_state RENAME VALUE 'warm' TO 'tepid';\n",
        "MG018",
        "Renaming value 'warm' of enum public.desk_state to 'tepid'",
        "renames value 'warm' of enum public.desk_state to 'tepid'",
    ),
    (LOCKED + "ALTER TYPE desk_state ADD VALUE 'boiling';\n", None, None, None),
    (
        LOCKED + "CREATE TYPE tier AS ENUM ('a', 'b');\nALTER TYPE tier RENAME VALUE 'a' TO 'gold';\n",
        None,
        None,
        None,
    ),
    (
        LOCKED + "ALTER DOMAIN country_code ADD CONSTRAINT country_upper CHECK (VALUE = upper(VALUE));\n",
        "MG023",
        "reads every row of public.addresses",
        "scans public.clients while writes wait",
    ),
    (
        LOCKED + "ALTER DOMAIN country_code ADD CONSTRAINT country_upper CHECK (VALUE = upper(VALUE)) NOT VALID;\n",
        None,
        None,
        None,
    ),
    (
        LOCKED + "ALTER DOMAIN country_code ADD CONSTRAINT country_upper CHECK (VALUE = upper(VALUE)) NOT VALID;\n"
        "ALTER DOMAIN country_code VALIDATE CONSTRAINT country_upper;\n",
        "MG023",
        "VALIDATE CONSTRAINT country_upper on domain country_code reads every row of public.addresses",
        "scans public.clients while writes wait",
    ),
    (
        LOCKED + "CREATE DOMAIN lot AS int;\n"
        "ALTER DOMAIN lot ADD CONSTRAINT lot_positive CHECK (VALUE > 0) NOT VALID;\n"
        "ALTER DOMAIN lot VALIDATE CONSTRAINT lot_positive;\n",
        None,
        None,
        None,
    ),
    # The UPDATE reads clients itself (a sequential scan) under the ALTER's lock: no domain check, no full read.
    (
        "BEGIN;\n" + LOCKED + "ALTER TABLE clients ADD COLUMN tag text;\n"
        "UPDATE clients SET tag = 'x' WHERE state = 'hot';\nCOMMIT;\n",
        None,
        None,
        None,
    ),
    (
        "CREATE OR REPLACE VIEW client_exposure AS SELECT id, country FROM clients WHERE id > 0;\n",
        "MG019",
        "ACCESS EXCLUSIVE lock on public.client_exposure with no lock_timeout",
        "ACCESS EXCLUSIVE on public.client_exposure with no lock_timeout",
    ),
    (
        LOCKED + "CREATE OR REPLACE VIEW client_exposure AS SELECT id, country FROM clients WHERE id > 0;\n",
        None,
        None,
        None,
    ),
]


@pytest.fixture(scope="module")
def desk(database):
    database.execute(SCHEMA)
    return database


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "0042_change.sql"
    path.write_text(text)
    return path


@pytest.mark.parametrize(("sql", "rule", "message", "hazard"), CASES)
def test_the_trace_sees_it_and_check_reports_it(desk, tmp_path, sql, rule, message, hazard):
    path = _write(tmp_path, sql)
    trace, notes = trace_paths([path], desk.dsn, CheckConfig())
    assert notes == []
    hazards = trace.files[0].hazards()
    report = _check(str(path), "--trace", "--dsn", desk.dsn)
    found = [f for f in report["findings"] if f["severity"] != "info"]
    if rule is None:
        assert hazards == [] and found == [], (hazards, found)
        return
    assert any(hazard in h for h in hazards), hazards
    traced = [f for f in found if f["rule"] == rule and f["confidence"] == "high"]
    assert any(message in f["message"] for f in traced), found


def test_domain_reads_are_counted_on_each_table_using_it_and_writes_wait(desk, tmp_path):
    path = _write(tmp_path, LOCKED + "ALTER DOMAIN country_code SET NOT NULL;\n")
    statement = trace_paths([path], desk.dsn, CheckConfig())[0].files[0].statements[1]
    assert set(statement.scanned) == {"public.clients", "public.addresses"}  # addresses is empty: read all the same
    assert set(statement.writes_waited) == {"public.clients", "public.addresses"} and statement.reads_waited == ()
    assert {(h.relation, h.mode.value) for h in statement.new_locks} == {
        ("public.clients", "SHARE"),
        ("public.addresses", "SHARE"),
    }


@pytest.mark.parametrize("sql", [case[0] for case in CASES])
def test_static_with_the_schema_reports_what_the_trace_reports(desk, tmp_path, sql):
    """Dropped views, renamed enum values, domain checks and replaced views are read from the file alone
    too: with the schema as --history, the same rules as the trace's, and the same silence for the twins."""
    history = tmp_path / "schema" / "schema.sql"
    history.parent.mkdir()
    history.write_text(SCHEMA)
    path = _write(tmp_path, sql)
    static = _check(str(path), "--history", str(history))
    traced = _check(str(path), "--trace", "--dsn", desk.dsn)
    assert [f["rule"] for f in static["findings"]] == [f["rule"] for f in traced["findings"]], (static, traced)


@pytest.mark.parametrize(
    "sql",
    [
        LOCKED + "ALTER DOMAIN country_code ADD CONSTRAINT country_upper CHECK (VALUE = upper(VALUE));\n",
        LOCKED + "ALTER DOMAIN country_code ADD CONSTRAINT country_upper CHECK (VALUE = upper(VALUE)) NOT VALID;\n",
        LOCKED + "CREATE DOMAIN lot AS int;\nALTER DOMAIN lot ADD CONSTRAINT lot_positive CHECK (VALUE > 0);\n",
        LOCKED + "ALTER DOMAIN country_code ADD CONSTRAINT country_upper CHECK (VALUE = upper(VALUE)) NOT VALID;\n"
        "ALTER DOMAIN country_code VALIDATE CONSTRAINT country_upper;\n",
        LOCKED + "ALTER DOMAIN country_code SET NOT NULL;\n",
        LOCKED + "ALTER DOMAIN country_code DROP NOT NULL;\n",
    ],
)
def test_static_mg023_with_the_schema_agrees_with_the_trace(desk, tmp_path, sql):
    history = tmp_path / "schema" / "schema.sql"
    history.parent.mkdir()
    history.write_text(SCHEMA)
    path = _write(tmp_path, sql)
    static = _check(str(path), "--history", str(history))
    traced = _check(str(path), "--trace", "--dsn", desk.dsn)
    assert [f["rule"] for f in static["findings"]] == [f["rule"] for f in traced["findings"]]
