"""``pgtune check --trace`` on the suite's real server: the clone made and dropped, the source untouched,
failures reported, and a blocking lock seen by the second session."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import psycopg
import pytest

from pgtune.cli import main
from pgtune.gate.config import CheckConfig
from pgtune.gate.trace import trace_paths

SCHEMA = """
CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, qty int, note varchar(20), status text);
INSERT INTO accounts SELECT g, 'a' || g FROM generate_series(1, 50) g;
INSERT INTO orders SELECT g, 1 + g % 50, g, NULL, 'open' FROM generate_series(1, 300) g;
"""


@pytest.fixture(scope="module")
def source(database):
    database.execute(SCHEMA)
    return database


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", *args])
    return code, out.getvalue(), err.getvalue()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def _clones(db) -> list[str]:
    with db.connect() as conn:
        return [r[0] for r in conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'pgtune_trace_%'")]


def _columns(db, table: str) -> list[str]:
    with db.connect() as conn:
        rows = conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
            (table,),
        )
        return [r[0] for r in rows]


def test_trace_runs_on_a_clone_that_is_dropped_and_leaves_the_source_alone(source, tmp_path):
    migration = _write(
        tmp_path, "0001_add.sql", "ALTER TABLE orders ADD COLUMN fee numeric;\nUPDATE orders SET fee = 0;\n"
    )
    before = _columns(source, "orders")
    code, out, err = _run(str(migration), "--trace", "--dsn", source.dsn, "--format", "json")
    assert code == 1, err
    report = json.loads(out)
    assert report["summary"]["traced_files"] == 1
    assert _columns(source, "orders") == before  # the named database is never written
    assert _clones(source) == []  # the clone was dropped
    rules = {f["rule"] for f in report["findings"]}
    assert {"MG019", "MG016"} <= rules
    traced = [f for f in report["findings"] if f["confidence"] == "high"]
    assert traced and all(any(e["label"] == "traced" for e in f["evidence"]) for f in traced)


def test_second_session_shows_which_reads_and_writes_would_wait(source, tmp_path):
    migration = _write(
        tmp_path,
        "0002_index.sql",
        "CREATE INDEX orders_qty_idx ON orders (qty);\nALTER TABLE accounts ADD COLUMN x int;\n",
    )
    trace, notes = trace_paths([migration], source.dsn, CheckConfig())
    assert notes == []
    index, column = trace.files[0].statements
    assert index.writes_waited == ("public.orders",) and index.reads_waited == ()
    assert index.scanned == ("public.orders",)
    assert [(h.relation, h.mode.value) for h in index.new_locks if h.relation == "public.orders"] == [
        ("public.orders", "SHARE")
    ]
    assert column.reads_waited == ("public.accounts",) and column.writes_waited == ("public.accounts",)
    assert (
        column.lock_timeout_ms == 0 and "ACCESS EXCLUSIVE on public.accounts with no lock_timeout" in column.hazards()
    )


def test_rewrites_scans_and_lock_timeout_come_from_the_server(source, tmp_path):
    migration = _write(
        tmp_path,
        "0003_types.sql",
        "SET lock_timeout = '2s';\n"
        "ALTER TABLE orders ALTER COLUMN note TYPE varchar(40);\n"  # a widening: no rewrite
        "ALTER TABLE orders ALTER COLUMN qty TYPE bigint;\n"  # a rewrite
        "ALTER TABLE orders ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;\n"
        "ALTER TABLE orders VALIDATE CONSTRAINT qty_positive;\n",
    )
    statements = trace_paths([migration], source.dsn, CheckConfig())[0].files[0].statements
    widen, rewrite, not_valid, validate = statements[1:]
    assert widen.rewritten == () and rewrite.rewritten == ("public.orders",)
    assert not_valid.scanned == () and validate.scanned == ("public.orders",)
    assert validate.writes_waited == () and validate.reads_waited == ()
    assert rewrite.lock_timeout_ms == 2000 and widen.hazards() == [] and validate.hazards() == []
    code, out, _ = _run(str(migration), "--trace", "--dsn", source.dsn, "--format", "json")
    assert code == 1 and [f["rule"] for f in json.loads(out)["findings"]] == ["MG006"]  # the widening passes


def test_a_failing_statement_is_a_finding_and_stops_the_file(source, tmp_path):
    migration = _write(
        tmp_path,
        "0004_fails.sql",
        "SET lock_timeout = '2s';\nALTER TABLE orders ALTER COLUMN note SET NOT NULL;\n"
        "ALTER TABLE orders ADD COLUMN y int;\n",
    )
    code, out, _ = _run(str(migration), "--trace", "--dsn", source.dsn, "--format", "json")
    findings = json.loads(out)["findings"]
    failed = [f for f in findings if f["rule"] == "MG021"]
    assert (
        code == 1
        and len(failed) == 1
        and "23502" in failed[0]["message"]
        and "contains null values" in failed[0]["message"]
    )
    trace = trace_paths([migration], source.dsn, CheckConfig())[0].files[0]
    assert trace.not_run == 1 and trace.failure.line == 2


def test_concurrently_runs_outside_a_transaction_and_in_one_fails(source, tmp_path):
    cic = "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n"
    alone = _write(tmp_path, "0005_cic.sql", cic)
    wrapped = _write(tmp_path, "0006_cic.sql", f"BEGIN;\n{cic}COMMIT;\n")
    trace = trace_paths([alone, wrapped], source.dsn, CheckConfig())[0]
    bare, block = trace.files[0].statements[0], trace.files[1].statements[1]
    assert not bare.failed and not bare.probed and bare.scanned == ("public.orders",)
    assert block.error_sqlstate == "25001"
    assert _run(str(alone), "--trace", "--dsn", source.dsn)[0] == 0


CIC = "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n"


def test_flyway_runs_a_file_of_non_transactional_statements_outside_a_transaction(source, tmp_path):
    # Flyway's PostgreSQL parser marks CREATE INDEX CONCURRENTLY non-transactional and runs the file bare.
    alone = _write(tmp_path, "V6__cic.sql", CIC)
    code, out, err = _run(str(alone), "--trace", "--dsn", source.dsn, "--format", "json")
    assert code == 0, out + err
    assert _run(str(alone))[0] == 0  # the static reader agrees: no MG003
    statement = trace_paths([alone], source.dsn, CheckConfig())[0].files[0].statements[0]
    assert not statement.failed and not statement.in_transaction


@pytest.mark.parametrize(
    ("name", "text", "conf"),
    [
        # Flyway refuses a file mixing both kinds (mixed=false): checked as one transaction, which fails.
        ("V7__mixed.sql", "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN memo text;\n" + CIC, None),
        # The file's own configuration keeps it in a transaction (flyway/flyway#3854's workaround).
        ("V8__cic.sql", CIC, "executeInTransaction=true\n"),
    ],
    ids=["mixed", "script-configuration"],
)
def test_flyway_keeps_the_transaction_when_mixed_or_told_to(source, tmp_path, name, text, conf):
    migration = _write(tmp_path, name, text)
    if conf:
        _write(tmp_path, f"{name}.conf", conf)
    code, out, _ = _run(str(migration), "--trace", "--dsn", source.dsn, "--format", "json")
    failed = [f for f in json.loads(out)["findings"] if f["rule"] == "MG021"]
    assert code == 1 and len(failed) == 1 and "25001" in failed[0]["message"]
    assert "MG003" in {f["rule"] for f in json.loads(_run(str(migration), "--format", "json")[1])["findings"]}


def test_flyway_script_configuration_can_take_the_transaction_away(tmp_path):
    migration = _write(tmp_path, "V9__index.sql", "ALTER TABLE orders ADD COLUMN memo text;\n" + CIC)
    _write(tmp_path, "V9__index.sql.conf", "executeInTransaction = false\n")
    report = json.loads(_run(str(migration), "--format", "json")[1])
    assert "MG003" not in {f["rule"] for f in report["findings"]}


LOOP = (
    "DECLARE n integer;\nBEGIN\n  LOOP\n"
    "    UPDATE orders SET status = 'done' WHERE id IN (SELECT id FROM orders WHERE status = 'open' LIMIT 100);\n"
    "    GET DIAGNOSTICS n = ROW_COUNT;\n    EXIT WHEN n = 0;\n    COMMIT;\n  END LOOP;\nEND $$"
)


@pytest.mark.parametrize(
    "batches",
    [
        f"DO $$\n{LOOP};\n",
        f"CREATE PROCEDURE pgtune_batches() LANGUAGE plpgsql AS $$\n{LOOP};\nCALL pgtune_batches();\n",
    ],
    ids=["do", "call"],
)
def test_a_block_that_commits_runs_outside_a_transaction_as_psql_runs_it(source, tmp_path, batches):
    bare = _write(tmp_path, "0011_batches.sql", batches)
    code, out, err = _run(str(bare), "--trace", "--dsn", source.dsn, "--format", "json")
    assert code == 0, out + err
    statements = trace_paths([bare], source.dsn, CheckConfig())[0].files[0].statements
    assert not any(s.failed for s in statements) and all(s.hazards() == [] for s in statements)


def test_a_do_block_that_commits_fails_inside_the_files_own_transaction(source, tmp_path):
    # psql fails the same way there: 2D000 stands.
    block = _write(tmp_path, "0012_batches.sql", f"BEGIN;\nDO $$\n{LOOP};\nCOMMIT;\n")
    code, out, _ = _run(str(block), "--trace", "--dsn", source.dsn, "--format", "json")
    failed = [f for f in json.loads(out)["findings"] if f["rule"] == "MG021"]
    assert code == 1 and len(failed) == 1 and "2D000" in failed[0]["message"]


def test_a_delete_that_empties_one_partition_touches_every_row_of_it(source, tmp_path):
    with source.connect() as conn:
        conn.execute(
            "CREATE TABLE fills (id bigint, at date NOT NULL) PARTITION BY RANGE (at);"
            "CREATE TABLE fills_2026_10 PARTITION OF fills FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');"
            "CREATE TABLE fills_2026_11 PARTITION OF fills FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');"
            "CREATE TABLE fills_2026_12 PARTITION OF fills FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');"
            "INSERT INTO fills SELECT g, DATE '2026-10-01' + g % 61 FROM generate_series(1, 600) g;"
        )
    try:
        month = _write(tmp_path, "0013_retention.sql", "DELETE FROM fills WHERE at < '2026-11-01';\n")
        some = _write(tmp_path, "0014_retention.sql", "DELETE FROM fills WHERE at < '2026-10-15';\n")
        # Not pruned: every partition is a target, and December was empty before (nothing of it deleted).
        unpruned = _write(tmp_path, "0015_odd.sql", "DELETE FROM fills WHERE at < '2026-11-01' OR id % 2 = 0;\n")
        # All of October and a day of November: more rows than November holds, but not all of November's.
        update = _write(
            tmp_path, "0016_fix.sql", "UPDATE fills SET id = id WHERE at < '2026-11-01' OR at = '2026-11-05';\n"
        )
        files = trace_paths([month, some, unpruned, update], source.dsn, CheckConfig())[0].files
        emptied, partial, odd, updated = (f.statements[0] for f in files)
        assert emptied.every_row == ("public.fills_2026_10",) and emptied.every_row_parents == ("public.fills",)
        assert "touches every row of public.fills_2026_10" in emptied.hazards()
        assert partial.every_row == () and partial.hazards() == []
        assert odd.every_row == ("public.fills_2026_10",) and updated.every_row == ("public.fills_2026_10",)
        code, out, _ = _run(str(month), "--trace", "--dsn", source.dsn, "--format", "json")
        assert code == 1 and "MG016" in {f["rule"] for f in json.loads(out)["findings"]}
        assert _run(str(some), "--trace", "--dsn", source.dsn)[0] == 0
    finally:
        with source.connect() as conn:
            conn.execute("DROP TABLE fills")


def test_cluster_wide_statements_are_not_run(source, tmp_path):
    migration = _write(
        tmp_path,
        "0007_role.sql",
        "CREATE ROLE pgtune_trace_probe_role;\nGRANT SELECT ON orders TO pgtune_trace_probe_role;\n",
    )
    statements = trace_paths([migration], source.dsn, CheckConfig())[0].files[0].statements
    assert statements[0].skipped and statements[1].after_skipped and statements[1].hazards() == []
    with source.connect() as conn:
        assert (
            conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'pgtune_trace_probe_role'").fetchone()[0] == 0
        )


def test_alter_system_in_a_block_fails_without_being_run(source, tmp_path):
    # The server refuses it in a block before touching postgresql.auto.conf; bare, psql would change every
    # database's setting, so the trace never runs it either way.
    inside = _write(tmp_path, "0011.sql", "BEGIN;\nALTER SYSTEM SET max_locks_per_transaction = 256;\nCOMMIT;\n")
    bare = _write(tmp_path, "0012.sql", "ALTER SYSTEM SET max_locks_per_transaction = 256;\n")
    (traced,) = trace_paths([inside], source.dsn, CheckConfig())[0].files
    assert traced.hazards() == ["line 2: fails: 25001 ALTER SYSTEM cannot run inside a transaction block"]
    assert traced.not_run == 1
    (statement,) = trace_paths([bare], source.dsn, CheckConfig())[0].files[0].statements
    assert statement.skipped and statement.hazards() == []
    with source.connect() as conn:
        assert (
            conn.execute("SELECT count(*) FROM pg_file_settings WHERE name = 'max_locks_per_transaction'").fetchone()[0]
            == 0
        )


def test_copy_from_stdin_sends_its_inline_data(source, tmp_path):
    # The check constraint fails only if the first data row was loaded: the data reached the server as data.
    text = (
        "CREATE TABLE prices (market_id smallint, price numeric);\nCOPY prices FROM stdin;\n1\t101.5\n2\t55.25\n\\.\n"
        "ALTER TABLE prices ADD CONSTRAINT above_one CHECK (market_id > 1);\n"
    )
    migration = _write(tmp_path, "0013_copy.sql", text)
    code, out, _ = _run(str(migration))
    assert code == 0 and "unreadable" not in out and "meta-command" not in out
    (traced,) = trace_paths([migration], source.dsn, CheckConfig())[0].files
    (failure,) = traced.hazards()
    assert failure.startswith("line 6: fails: 23514")


def test_refused_without_createdb(source, tmp_path):
    with source.connect() as conn:
        conn.execute("DROP ROLE IF EXISTS pgtune_nocreatedb")
        conn.execute("CREATE ROLE pgtune_nocreatedb LOGIN PASSWORD 'pw-not-shown'")
    migration = _write(tmp_path, "0008.sql", "ALTER TABLE orders ADD COLUMN z int;\n")
    dsn = f"host={source.host} port={source.port} dbname={source.dbname} user=pgtune_nocreatedb password=pw-not-shown"
    code, out, err = _run(str(migration), "--trace", "--dsn", dsn)
    assert code == 3 and out == ""
    assert "CREATEDB" in err and "pw-not-shown" not in err and len(err.strip().splitlines()) == 1


def test_refused_while_the_template_is_in_use(source, tmp_path):
    migration = _write(tmp_path, "0009.sql", "ALTER TABLE orders ADD COLUMN z int;\n")
    with psycopg.connect(source.dsn):
        code, _, err = _run(str(migration), "--trace", "--dsn", source.dsn)
    assert code == 3 and "other sessions are connected" in err and len(err.strip().splitlines()) == 1
    assert _clones(source) == []


def test_trace_needs_a_dsn(tmp_path):
    migration = _write(tmp_path, "0010.sql", "SELECT 1;\n")
    code, _, err = _run(str(migration), "--trace")
    assert code == 2 and "--dsn" in err
