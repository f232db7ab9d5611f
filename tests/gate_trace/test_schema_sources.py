"""Static failures and whole-table DML from what a schema source gives, through the CLI: the file alone,
earlier migrations as ``--history`` (a directory, read up to the checked file; a ``pg_dump --schema-only``
as Rails' structure.sql and dbmate's schema.sql are), and the catalog's pg_stats through ``--dsn``."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pgtune.cli import main

SCHEMA = """
CREATE TABLE ledger (id bigint PRIMARY KEY, account text, memo text, ref text, state text NOT NULL DEFAULT 'new',
                     note varchar(20), alt text);
INSERT INTO ledger SELECT g, 'acct' || (g % 7), CASE WHEN g % 4 = 0 THEN NULL ELSE 'm' END, 'r' || g, 'new', 'n',
       CASE WHEN g % 5 = 0 THEN NULL ELSE 'a' || g END
FROM generate_series(1, 400) g;
CREATE VIEW ledger_open AS SELECT id, account FROM ledger WHERE state = 'new';
ANALYZE ledger;
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
        found.setdefault(f["rule"], []).append(f["message"])
    return found


def _file(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text)
    return path


# --- the file alone -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "fails"),
    [
        ("ALTER TABLE t ADD COLUMN doc json;\nSELECT DISTINCT doc FROM t;\n", True),
        ("ALTER TABLE t ADD COLUMN doc json;\nSELECT DISTINCT * FROM t;\n", False),  # t's other columns unknown
        ("CREATE TABLE t (id int, doc json);\nSELECT DISTINCT * FROM t;\n", True),
        ("CREATE TABLE t (id int, doc json);\nINSERT INTO u SELECT doc, count(*) FROM t GROUP BY doc;\n", True),
        ("CREATE TABLE t (id int, doc json);\nCREATE VIEW v AS SELECT DISTINCT ON (doc) id FROM t;\n", True),
        ("CREATE TABLE t (id int, doc jsonb);\nSELECT DISTINCT doc FROM t;\n", False),
        ("CREATE TABLE t (id int, doc json);\nSELECT DISTINCT doc::text FROM t;\n", False),
        ("CREATE TABLE t (id int, doc json);\nCREATE INDEX t_doc ON t (doc);\n", True),
        ("CREATE TABLE t (id int, doc json);\nCREATE INDEX t_doc ON t ((doc->>'k'));\n", False),
        ("CREATE TABLE t (id int, doc json);\nALTER TABLE t ADD CONSTRAINT t_doc UNIQUE (doc);\n", True),
    ],
)
def test_json_has_no_equality_operator(tmp_path, sql, fails):
    _, report = _check(str(_file(tmp_path, "0001_json.sql", sql)))
    assert ("MG021" in _rules(report)) is fails


# --- earlier migrations as --history -------------------------------------------------------------------


def _migrations(tmp_path: Path) -> Path:
    directory = tmp_path / "migrations"
    _file(directory, "0001_ledger.sql", SCHEMA.split("INSERT")[0])
    _file(directory, "0002_view.sql", "CREATE VIEW ledger_open AS SELECT id FROM ledger WHERE state = 'new';\n")
    return directory


@pytest.mark.parametrize(
    ("sql", "rule", "flagged"),
    [
        ("DROP VIEW ledger_closed;\n", "MG021", True),
        ("DROP VIEW ledger_open;\n", "MG021", False),
        ("DROP VIEW IF EXISTS ledger_closed;\n", "MG021", False),
        ("DROP TABLE ledger_archive;\n", "MG021", True),
        ("CREATE TABLE ledger_archive (id int);\nDROP TABLE ledger_archive;\n", "MG021", False),
        ("SET lock_timeout = '1s';\nUPDATE ledger SET state = upper(state) WHERE state IS NOT NULL;\n", "MG016", True),
        ("SET lock_timeout = '1s';\nUPDATE ledger SET memo = upper(memo) WHERE memo IS NOT NULL;\n", "MG016", False),
        (
            "SET lock_timeout = '1s';\nUPDATE ledger SET state = 'x' WHERE state IS NOT NULL AND id < 10;\n",
            "MG016",
            False,
        ),
        ("ALTER TABLE ledger ADD COLUMN memo text;\n", "MG021", True),
        ("ALTER TABLE ledger ADD COLUMN IF NOT EXISTS memo text;\n", "MG021", False),
        ("ALTER TABLE ledger DROP COLUMN fee;\n", "MG021", True),
        ("ALTER TABLE ledger DROP COLUMN IF EXISTS fee;\n", "MG021", False),
        ("ALTER TABLE ledger RENAME COLUMN fee TO fees;\n", "MG021", True),
        ("ALTER TABLE ledger_archive ADD COLUMN x int;\n", "MG021", True),
        ("ALTER TABLE IF EXISTS ledger_archive ADD COLUMN x int;\n", "MG021", False),
        ("CREATE TABLE ledger (id int);\n", "MG021", True),
        ("CREATE TABLE IF NOT EXISTS ledger (id int);\n", "MG021", False),
        ("ALTER TABLE ledger RENAME TO journal;\nDROP TABLE journal;\n", "MG021", False),
        ("ALTER VIEW ledger_open RENAME TO open_entries;\nDROP VIEW open_entries;\n", "MG021", False),
        # A DO block or a function may create what no DDL text shows: absence is no longer provable.
        (
            "DO $$ BEGIN EXECUTE 'CREATE TABLE ledger_archive (id int)'; END $$;\nDROP TABLE ledger_archive;\n",
            "MG021",
            False,
        ),
        (
            "SELECT partman.create_parent('public.ledger_log', 'ts', 'native', 'daily');\nDROP TABLE ledger_log_p1;\n",
            "MG021",
            False,
        ),
    ],
)
def test_history_knows_every_table_and_view(tmp_path, sql, rule, flagged):
    directory = _migrations(tmp_path)
    checked = _file(directory, "0003_change.sql", sql)
    _, report = _check(str(checked), "--history", str(directory))
    assert (rule in _rules(report)) is flagged
    _, alone = _check(str(checked))
    assert rule not in _rules(alone)  # the file alone cannot know


def test_history_directory_is_read_only_up_to_the_checked_file(tmp_path):
    directory = _migrations(tmp_path)
    checked = _file(directory, "0003_drop.sql", "DROP VIEW ledger_summary;\n")
    _file(directory, "0004_summary.sql", "CREATE VIEW ledger_summary AS SELECT account FROM ledger;\n")
    _, report = _check(str(checked), "--history", str(directory))
    assert "MG021" in _rules(report)  # 0004 runs after 0003: its view does not exist yet
    assert any("1 file(s) after the first checked one" in n for n in report["notes"])
    _, before = _check(str(directory / "0004_summary.sql"), "--history", str(directory))
    assert "MG021" not in _rules(before)


# --- a real server: its catalog and a pg_dump of it ----------------------------------------------------


@pytest.fixture(scope="module")
def ledger(database):
    database.execute(SCHEMA)
    return database


@pytest.mark.parametrize(
    ("sql", "fails"),
    [
        ("ALTER TABLE ledger ALTER COLUMN memo SET NOT NULL;\n", "NULL in 25 % of rows"),
        ("ALTER TABLE ledger ALTER COLUMN ref SET NOT NULL;\n", None),
        ("UPDATE ledger SET memo = '' WHERE memo IS NULL;\nALTER TABLE ledger ALTER COLUMN memo SET NOT NULL;\n", None),
        (
            "ALTER TABLE ledger ADD CONSTRAINT memo_nn CHECK (memo IS NOT NULL) NOT VALID;\n"
            "ALTER TABLE ledger VALIDATE CONSTRAINT memo_nn;\nALTER TABLE ledger ALTER COLUMN memo SET NOT NULL;\n",
            None,  # a validated CHECK proves the statistics stale
        ),
        ("ALTER TABLE ledger ADD CONSTRAINT ledger_account_key UNIQUE (account);\n", "repeated values"),
        ("ALTER TABLE ledger ADD CONSTRAINT ledger_ref_key UNIQUE (ref);\n", None),
        ("CREATE UNIQUE INDEX CONCURRENTLY ledger_account_idx ON ledger (account);\n", "repeated values"),
        ("ALTER TABLE ledger ADD CONSTRAINT ledger_alt_key UNIQUE (alt);\n", None),  # unique, NULLs allowed
        ("ALTER TABLE ledger DROP CONSTRAINT ledger_pkey, ADD PRIMARY KEY (alt);\n", "NULL in 20 % of rows"),
    ],
)
def test_pg_stats_of_the_catalog_say_what_fails(ledger, tmp_path, sql, fails):
    _, report = _check(str(_file(tmp_path, "0001_m.sql", "SET lock_timeout = '1s';\n" + sql)), "--dsn", ledger.dsn)
    messages = _rules(report).get("MG021", [])
    if fails is None:
        assert messages == []
    else:
        assert any(fails in m and "pg_stats" in m for m in messages), messages


def test_pg_stats_with_no_null_make_is_not_null_every_row(ledger, tmp_path):
    sql = "SET lock_timeout = '1s';\nUPDATE ledger SET ref = upper(ref) WHERE ref IS NOT NULL;\n"
    _, report = _check(str(_file(tmp_path, "0001_m.sql", sql)), "--dsn", ledger.dsn)
    assert "MG016" in _rules(report)
    sql = "SET lock_timeout = '1s';\nUPDATE ledger SET memo = upper(memo) WHERE memo IS NOT NULL;\n"
    _, report = _check(str(_file(tmp_path, "0002_m.sql", sql)), "--dsn", ledger.dsn)
    assert "MG016" not in _rules(report)


def test_a_pg_dump_of_the_schema_is_history(ledger, tmp_path):
    pg_dump = shutil.which("pg_dump")
    assert pg_dump, "pg_dump is installed with the server (scripts/install-deps.sh)"
    dump = tmp_path / "structure.sql"
    subprocess.run([pg_dump, "--schema-only", "--no-owner", "--file", str(dump), ledger.dsn], check=True)
    narrow = _file(
        tmp_path / "m",
        "0001_narrow.sql",
        "SET lock_timeout = '1s';\nALTER TABLE ledger ALTER COLUMN note TYPE varchar(10);\n",
    )
    _, report = _check(str(narrow), "--history", str(dump))
    assert any(f["rule"] == "MG006" and f["severity"] != "info" for f in report["findings"])
    _, alone = _check(str(narrow))
    assert all(f["severity"] == "info" for f in alone["findings"] if f["rule"] == "MG006")
    views = _file(tmp_path / "m", "0002_views.sql", "DROP VIEW ledger_open;\nDROP VIEW ledger_closed;\n")
    _, report = _check(str(views), "--history", str(dump))
    (failure,) = _rules(report)["MG021"]
    assert 'view "public.ledger_closed" does not exist' in failure


@pytest.mark.parametrize(
    "sql",
    [
        "ALTER TABLE ledger ALTER COLUMN memo SET NOT NULL;\n",
        "ALTER TABLE ledger ADD CONSTRAINT ledger_account_key UNIQUE (account);\n",
        "ALTER TABLE ledger ADD CONSTRAINT ledger_alt_key UNIQUE (alt);\n",
        "CREATE TABLE t (id int, doc json);\nCREATE INDEX t_doc ON t (doc);\n",
        "CREATE TABLE t (id int, doc json);\nCREATE VIEW v AS SELECT DISTINCT ON (doc) id FROM t;\n",
        "CREATE TABLE t (id int, doc jsonb);\nCREATE VIEW v AS SELECT DISTINCT doc FROM t;\n",
    ],
)
def test_the_server_agrees_with_the_static_failure(ledger, tmp_path, sql):
    path = _file(tmp_path, "0001_m.sql", "SET lock_timeout = '1s';\n" + sql)
    _, static = _check(str(path), "--dsn", ledger.dsn)
    _, traced = _check(str(path), "--trace", "--dsn", ledger.dsn)
    failed = [f for f in traced["findings"] if f["rule"] == "MG021"]
    assert bool(failed) is ("MG021" in _rules(static))
    assert all(f["confidence"] == "high" for f in failed)
