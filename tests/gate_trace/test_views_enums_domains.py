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
BEGIN, DROP = "BEGIN;\n", "DROP VIEW client_exposure;\n"
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
    # A view is read by name as a table is: renaming it, or one of its columns, breaks its readers.
    (
        LOCKED + "ALTER VIEW client_exposure RENAME TO exposures;\n",
        "MG018",
        "Renaming public.client_exposure to exposures",
        "renames public.client_exposure",
    ),
    (
        LOCKED + "ALTER TABLE client_exposure RENAME TO exposures;\n",
        "MG018",
        "Renaming public.client_exposure to exposures",
        "renames public.client_exposure",
    ),
    # SET SCHEMA moves the name: the application's queries of public.client_exposure fail from then on.
    (
        "CREATE SCHEMA archive;\n" + LOCKED + "ALTER VIEW client_exposure SET SCHEMA archive;\n",
        "MG018",
        "Renaming public.client_exposure to archive.client_exposure",
        "renames public.client_exposure",
    ),
    (
        LOCKED + "ALTER VIEW client_exposure RENAME COLUMN country TO cc;\n",
        "MG018",
        "Renaming column country of public.client_exposure to cc",
        "renames public.client_exposure.country",
    ),
    (
        LOCKED + "CREATE VIEW scratch AS SELECT id FROM clients;\nALTER VIEW scratch RENAME TO scratch2;\n",
        None,
        None,
        None,
    ),
    # Dropped and created again in one transaction with every column it had: readers wait, as for CREATE OR
    # REPLACE VIEW, and find the new view; in two transactions (or without a column) it is a drop.
    (
        BEGIN + LOCKED + DROP + "CREATE VIEW client_exposure AS SELECT id, country, state FROM clients;\nCOMMIT;\n",
        None,
        None,
        None,
    ),
    (
        BEGIN + LOCKED + DROP + "CREATE OR REPLACE VIEW client_exposure AS SELECT id, country FROM clients;\nCOMMIT;\n",
        None,
        None,
        None,
    ),
    (
        BEGIN + DROP + "CREATE VIEW client_exposure AS SELECT id, country FROM clients WHERE id > 0;\nCOMMIT;\n",
        "MG019",
        "DROP VIEW waits for an ACCESS EXCLUSIVE lock on public.client_exposure with no lock_timeout",
        "ACCESS EXCLUSIVE on public.client_exposure with no lock_timeout",
    ),
    (
        LOCKED + DROP + "CREATE VIEW client_exposure AS SELECT id, country FROM clients;\n",
        "MG017",
        "Dropping public.client_exposure",
        "drops public.client_exposure",
    ),
    (
        BEGIN + LOCKED + DROP + "CREATE VIEW client_exposure AS SELECT id, state FROM clients;\nCOMMIT;\n",
        "MG017",
        "Dropping public.client_exposure",
        "drops public.client_exposure",
    ),
    # IF EXISTS of what is not there drops nothing; the column's table is still locked first.
    (LOCKED + "DROP VIEW IF EXISTS client_summary;\n", None, None, None),
    (LOCKED + "ALTER TABLE fees DROP COLUMN IF EXISTS legacy_bps;\n", None, None, None),
    (
        "ALTER TABLE fees DROP COLUMN IF EXISTS legacy_bps;\n",
        "MG019",
        "ACCESS EXCLUSIVE lock on public.fees with no lock_timeout",
        "ACCESS EXCLUSIVE on public.fees with no lock_timeout",
    ),
    (
        LOCKED + "ALTER TABLE fees DROP COLUMN IF EXISTS bps;\n",
        "MG017",
        "Dropping column bps of public.fees",
        "drops public.fees.bps",
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


@pytest.mark.parametrize(
    ("sql", "rules"),
    [
        ("DROP VIEW IF EXISTS client_summary;\n", set()),
        ("DROP VIEW IF EXISTS client_exposure;\n", {"MG017", "MG019"}),
        ("DROP MATERIALIZED VIEW IF EXISTS client_totals;\n", set()),
    ],
)
def test_drop_view_if_exists_of_a_view_the_live_catalog_lacks_does_nothing(desk, tmp_path, sql, rules):
    """With --dsn the catalog lists every view: IF EXISTS of another is a notice, no drop and no lock. From the
    file alone the view may be there."""
    path = _write(tmp_path, sql)
    live = _check(str(path), "--dsn", desk.dsn)
    assert {f["rule"] for f in live["findings"]} == rules, live["findings"]
    assert {f["rule"] for f in _check(str(path))["findings"]} >= {"MG017"}


def test_a_view_dropped_and_created_again_in_one_transaction_is_replaced_not_dropped(desk, tmp_path):
    path = _write(tmp_path, BEGIN + DROP + "CREATE VIEW client_exposure AS SELECT id, country FROM clients;\nCOMMIT;\n")
    statement = trace_paths([path], desk.dsn, CheckConfig())[0].files[0].statements[1]
    assert statement.replaced == ("public.client_exposure",) and statement.dropped == ()
    assert statement.reads_waited == ("public.client_exposure",)
    assert [f["rule"] for f in _check(str(path), "--trace", "--dsn", desk.dsn)["findings"]] == ["MG019"]
    assert [f["rule"] for f in _check(str(path))["findings"]] == ["MG019"]
