"""Every version-specific path on a real server of the version that has it, through the CLI.

pgbench's schema and transactions (a workload this project did not write) beside the exchange demo, on
14, 15, 16, 17 and 18. HypoPG exists only on the Debian 15 server: elsewhere index advice is heuristic and
must say so.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from pgtune.cli import main
from pgtune.errors import ExitCode
from pgtune.facts import Snapshot
from pgtune.resources import data_dir
from pgtune.store import open_store

from .conftest import DBNAME, VersionedServer, start_cluster

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs" / "report.schema.json"


def pgtune(*args: str) -> subprocess.CompletedProcess[str]:
    """The user's door: ``python3 -m pgtune …`` in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "pgtune", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The same door in this process (``pgtune.cli.main``), where coverage sees it and no start-up is paid."""
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="session")
def snapshot_file(versioned: VersionedServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp(f"pg{versioned.major}") / "snapshot.json"
    assert main(["snapshot", "--dsn", versioned.dsn(), "--output", str(path)]) == 0
    return path


def test_doctor_names_the_version_and_what_it_lacks(versioned):
    result = pgtune("doctor", "--format", "json", "--dsn", versioned.dsn())
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    checks = {check["name"]: check for check in report["checks"]}
    assert report["can_analyze"] and checks["server"]["detail"].startswith(f"PostgreSQL {versioned.major}.")
    assert checks["pg_stat_statements extension"]["status"] == "ok"
    if versioned.hypopg:
        assert checks["hypopg"]["status"] == "ok"
    else:
        assert checks["hypopg"]["status"] == "warn"
        assert f"postgresql-{versioned.major}-hypopg" in checks["hypopg"]["fix"]


def test_statement_counters_each_version_has(versioned, snapshot_file):
    snapshot = Snapshot.load(snapshot_file)
    assert not [gap for gap in snapshot.gaps if gap.source == "pg_stat_statements"]
    pgbench = [s for s in snapshot.statements if "pgbench_accounts" in s.query]
    assert pgbench and all(s.calls > 0 and s.shared_blks_hit > 0 for s in pgbench)
    assert all(s.blk_read_ms >= 0 and s.wal_records is not None for s in snapshot.statements)
    # JIT timings from 15, per-entry start from 17, parallel workers from 18.
    assert all((s.jit_ms is None) is (versioned.major < 15) for s in snapshot.statements)
    assert all((s.stats_since is None) is (versioned.major < 17) for s in snapshot.statements)
    has_workers = [s.parallel_workers_launched is not None for s in snapshot.statements]
    assert set(has_workers) == {versioned.major >= 18}
    if versioned.major >= 17:
        assert all(snapshot.statements_reset_at <= s.stats_since <= snapshot.collected_at for s in pgbench)


TRACKED, LOGGED = "pgtune_tracked", "pgtune_logged"


@pytest.fixture(scope="session")
def roles(versioned: VersionedServer) -> dict[str, str]:
    """DSNs of two roles besides the superuser: one whose statements pg_stat_statements tracks (pg_monitor,
    no SET on pg_stat_statements.track), and a superuser whose statements the server logs."""
    with versioned.connect() as conn:
        conn.execute(
            f"DROP ROLE IF EXISTS {TRACKED}; CREATE ROLE {TRACKED} LOGIN PASSWORD 'tracked';"
            f"GRANT pg_monitor, pg_read_all_data TO {TRACKED};"
            f"DROP ROLE IF EXISTS {LOGGED}; CREATE ROLE {LOGGED} LOGIN SUPERUSER PASSWORD 'logged';"
            f"ALTER ROLE {LOGGED} SET log_statement = 'all'"
        )
    return {
        TRACKED: versioned.cluster.dsn(DBNAME, user=TRACKED, password="tracked"),
        LOGGED: versioned.cluster.dsn(DBNAME, user=LOGGED, password="logged"),
    }


def test_pgtune_own_queries_stay_out_of_the_workload(versioned, roles, tmp_path):
    """From 18 pg_stat_statements drops a statement's leading comment, which used to mark pgtune's own; a
    role that may not turn tracking off leaves them there for the next run to recognise."""
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main(["snapshot", "--dsn", roles[TRACKED], "--output", str(first)]) == 0
    with versioned.connect() as conn:
        own = conn.execute(
            "SELECT count(*) FROM pg_stat_statements WHERE query ~ 'AS checkpoints_requested|pg_stat_statements_info'"
        ).fetchone()[0]
    assert own >= 2
    assert main(["snapshot", "--dsn", roles[TRACKED], "--output", str(second)]) == 0
    texts = [s.query for s in Snapshot.load(second).statements]
    assert not [t for t in texts if "checkpoints_requested" in t or "pg_stat_statements_info" in t]
    bodies = [p.read_text().split("\nSELECT", 1)[-1][:40] for p in data_dir("sql").glob("*.sql")]
    assert not [t for t in texts for body in bodies if body in t]


def test_generic_plans_by_prepare_before_16_and_generic_plan_from_16(versioned, roles, snapshot_file, tmp_path):
    snapshot = Snapshot.load(snapshot_file)
    update = next(p for p in snapshot.plans if p.query.startswith("UPDATE pgbench_accounts"))
    assert update.generic and update.error is None
    assert "pgbench_accounts_pkey" in {node.index_name for node in update.root.walk()}
    # Untracked (a superuser turns tracking off): the server's own log says which path planned.
    log = versioned.cluster.log_file
    offset = log.stat().st_size
    assert main(["snapshot", "--dsn", roles[LOGGED], "--output", str(tmp_path / "logged.json")]) == 0
    with log.open(errors="replace") as lines:
        lines.seek(offset)
        logged = lines.read()
    by_option = "EXPLAIN (GENERIC_PLAN, FORMAT JSON)" in logged
    by_prepare = 'PREPARE "pgtune_plan" AS' in logged
    assert (by_option, by_prepare) == (versioned.major >= 16, versioned.major < 16)
    # Tracked: every plan goes through the one prepared statement, on every version, so pg_stat_statements
    # holds one EXPLAIN EXECUTE entry per parameter count, not one per statement planned.
    assert main(["snapshot", "--dsn", roles[TRACKED], "--output", str(tmp_path / "tracked.json")]) == 0
    with versioned.connect() as conn:
        texts = [row[0] for row in conn.execute("SELECT query FROM pg_stat_statements")]
    assert [t for t in texts if t.startswith('EXPLAIN (FORMAT JSON) EXECUTE "pgtune_plan"')]
    assert not [t for t in texts if t.startswith("EXPLAIN (GENERIC_PLAN")]


def test_checkpointer_counters_and_backend_writes(versioned, snapshot_file):
    """pg_stat_bgwriter before 17; pg_stat_checkpointer and pg_stat_io (backends' writes) from 17."""
    checkpointer = Snapshot.load(snapshot_file).checkpointer
    assert checkpointer.checkpoints_requested >= 1
    assert checkpointer.buffers_backend is not None and checkpointer.buffers_backend >= 0
    assert checkpointer.stats_reset is not None


def test_snapshot_round_trip_through_file_and_store(versioned, snapshot_file, tmp_path):
    snapshot = Snapshot.load(snapshot_file)
    assert Snapshot.from_json(snapshot.to_json()) == snapshot
    store = f"sqlite:///{tmp_path / 'history.sqlite3'}"
    assert main(["snapshot", "--dsn", versioned.dsn(), "--store", store, "--no-plans"]) == 0
    with open_store(store, create=False) as history:
        (stored,) = history.snapshots(history.servers()[0])
        loaded = history.load_snapshot(stored.id)
    assert loaded.server.version_num // 10000 == versioned.major
    by_id = {s.queryid: s for s in loaded.statements}
    assert {s.queryid for s in snapshot.statements if s.queryid in by_id}
    for original in snapshot.statements:
        if original.queryid in by_id:
            assert by_id[original.queryid].stats_since == original.stats_since
            assert by_id[original.queryid].parallel_workers_launched == original.parallel_workers_launched


def test_analyze_end_to_end(versioned, tmp_path, capsys):
    report = tmp_path / "report.json"
    assert main(["analyze", "--dsn", versioned.dsn(), "--format", "json", "--output", str(report)]) == 0
    document = json.loads(report.read_text())
    jsonschema.validate(document, json.loads(SCHEMA.read_text()), format_checker=jsonschema.FormatChecker())
    assert document["server_version"].startswith(f"{versioned.major}.")
    recommendations = document["recommendations"]
    assert recommendations
    # 14 and 15 plan by PREPARE, which once refused the exchange's jsonb_build_object($4, ...) insert.
    refused = [s for s in document["skipped"] if "the planner refused it" in s["reason"]]
    assert refused == [] and not [g for g in document["not_seen"] if g["source"] == "plans"]
    if versioned.hypopg:
        assert document["whatif"]["verified"] and {r["confidence"] for r in recommendations} == {"high"}
    else:
        assert not document["whatif"]["verified"] and {r["confidence"] for r in recommendations} == {"low"}
        assert [g for g in document["not_seen"] if g["source"] == "hypopg"]
        code, out, err = cli(capsys, "analyze", "--dsn", versioned.dsn(), "--top", "3")
        assert code == 0, err
        assert "(heuristic: HypoPG not available)" in out


# Each migration on a table of its own, judged by the gate for that major and then run on the server:
# a rewrite is a new relfilenode. (migration, first major it runs on)
TABLE = (
    "CREATE TABLE {t} (id bigint PRIMARY KEY, name varchar(20), price numeric(10,2), qty integer, note text,"
    " twice bigint GENERATED ALWAYS AS (id * 2) STORED);"
)
REWRITE_CASES = {
    "widen_varchar": ("ALTER TABLE {t} ALTER COLUMN name TYPE varchar(50);", 14),
    "narrow_varchar": ("ALTER TABLE {t} ALTER COLUMN name TYPE varchar(10);", 14),
    "varchar_to_text": ("ALTER TABLE {t} ALTER COLUMN name TYPE text;", 14),
    "int_to_bigint": ("ALTER TABLE {t} ALTER COLUMN qty TYPE bigint;", 14),
    "numeric_precision": ("ALTER TABLE {t} ALTER COLUMN price TYPE numeric(12,2);", 14),
    "numeric_scale": ("ALTER TABLE {t} ALTER COLUMN price TYPE numeric(12,4);", 14),
    "default_constant": ("ALTER TABLE {t} ADD COLUMN c int DEFAULT 0;", 14),
    "default_now": ("ALTER TABLE {t} ADD COLUMN c timestamptz DEFAULT now();", 14),
    "default_volatile": ("ALTER TABLE {t} ADD COLUMN c uuid DEFAULT gen_random_uuid();", 14),
    "default_uuidv7": ("ALTER TABLE {t} ADD COLUMN c uuid DEFAULT uuidv7();", 18),
    "bigserial": ("ALTER TABLE {t} ADD COLUMN c bigserial;", 14),
    "identity": ("ALTER TABLE {t} ADD COLUMN c bigint GENERATED ALWAYS AS IDENTITY;", 14),
    "generated_stored": ("ALTER TABLE {t} ADD COLUMN c int GENERATED ALWAYS AS (qty * 2) STORED;", 14),
    "generated_virtual": ("ALTER TABLE {t} ADD COLUMN c int GENERATED ALWAYS AS (qty * 2) VIRTUAL;", 18),
    "set_unlogged": ("ALTER TABLE {t} SET UNLOGGED;", 14),
    "set_expression_stored": ("ALTER TABLE {t} ALTER COLUMN twice SET EXPRESSION AS (id * 3);", 17),
    "set_expression_virtual": (
        "ALTER TABLE {t} ADD COLUMN thrice bigint GENERATED ALWAYS AS (id * 3) VIRTUAL;\n"
        "ALTER TABLE {t} ALTER COLUMN thrice SET EXPRESSION AS (id * 4);",
        18,
    ),
}
REWRITE_RULES = {"MG005", "MG006", "MG013", "MG022"}


def _gate(capsys, major: int, history: Path, files: list[Path]) -> dict[str, set[str]]:
    """The rules the gate raises per file, for --pg-version ``major``."""
    args = ["check", "--pg-version", str(major), "--history", str(history), "--format", "json", *map(str, files)]
    code, out, err = cli(capsys, *args)
    assert code in (0, 1), err
    found: dict[str, set[str]] = {str(f): set() for f in files}
    for finding in json.loads(out)["findings"]:
        found[finding["location"]["file"]].add(finding["rule"])
    return found


def test_gate_rewrite_verdicts_match_the_server(versioned, tmp_path, capsys):
    major, tables = versioned.major, {name: f"rw_{name}" for name in REWRITE_CASES}
    history = tmp_path / "history.sql"
    history.write_text("\n".join(TABLE.format(t=t) for t in tables.values()) + "\n")
    files = {}
    for name, (migration, _) in REWRITE_CASES.items():
        files[name] = tmp_path / f"{name}.sql"
        files[name].write_text("SET lock_timeout = '1s';\n" + migration.format(t=tables[name]) + "\n")
    verdicts = _gate(capsys, major, history, list(files.values()))
    with versioned.connect() as conn:
        conn.execute(history.read_text())
        for table in tables.values():
            conn.execute(f"INSERT INTO {table} SELECT g, 'n' || g, g, g, 'x' FROM generate_series(1, 500) g")
        observed = {}
        for name, (migration, since) in REWRITE_CASES.items():
            before = conn.execute("SELECT pg_relation_filenode(%s)", (tables[name],)).fetchone()[0]
            if major < since:
                with pytest.raises(Exception):  # noqa: B017 - the syntax error or missing function varies
                    conn.execute(migration.format(t=tables[name]))
                continue
            conn.execute(migration.format(t=tables[name]))
            after = conn.execute("SELECT pg_relation_filenode(%s)", (tables[name],)).fetchone()[0]
            observed[name] = before != after
        conn.execute("; ".join(f"DROP TABLE {t}" for t in tables.values()))
    flagged = {name: bool(verdicts[str(files[name])] & REWRITE_RULES) for name in observed}
    assert flagged == observed
    assert observed["narrow_varchar"] and not observed["widen_varchar"] and not observed["default_constant"]


NOT_NULL_CASES = {
    # table: (migration, first major it runs on, whether a validated CHECK proves the column beforehand)
    "nn_plain": ("ALTER TABLE nn_plain ALTER COLUMN note SET NOT NULL;", 14, False),
    "nn_checked": ("ALTER TABLE nn_checked ALTER COLUMN note SET NOT NULL;", 14, True),
    "nn_constraint": ("ALTER TABLE nn_constraint ADD CONSTRAINT nn_constraint_note NOT NULL note;", 18, False),
    "nn_constraint_checked": (
        "ALTER TABLE nn_constraint_checked ADD CONSTRAINT nn_constraint_checked_note NOT NULL note;",
        18,
        True,
    ),
}


def test_gate_set_not_null_scans_unless_a_check_proves_it(versioned, tmp_path, capsys):
    """SET NOT NULL (and 18's ADD CONSTRAINT ... NOT NULL) reads the whole table, unless a validated
    CHECK (c IS NOT NULL) already proves it: MG007 exactly when the server scans."""
    major = versioned.major
    cases = {table: case for table, case in NOT_NULL_CASES.items() if major >= case[1]}
    history = tmp_path / "history.sql"
    lines = [f"CREATE TABLE {table} (id int PRIMARY KEY, note text);" for table in cases]
    lines += [f"ALTER TABLE {t} ADD CONSTRAINT {t}_present CHECK (note IS NOT NULL);" for t, c in cases.items() if c[2]]
    history.write_text("\n".join([*lines, "CREATE TABLE nn_sentinel (id int);"]) + "\n")
    files = {table: tmp_path / f"{table}.sql" for table in cases}
    for table, (migration, _, _) in cases.items():
        files[table].write_text(f"SET lock_timeout = '1s';\n{migration}\n")
    verdicts = _gate(capsys, major, history, list(files.values()))
    with versioned.connect() as conn:
        conn.execute(history.read_text())
        for table in cases:
            conn.execute(f"INSERT INTO {table} SELECT g, 'x' FROM generate_series(1, 500) g")
    before = _seq_scans(versioned)
    with versioned.connect() as conn:
        for migration, _, _ in cases.values():
            conn.execute(migration)
        conn.execute("SELECT count(*) FROM nn_sentinel")
    after = _seq_scans(versioned, until_sentinel_above=before["nn_sentinel"])
    with versioned.connect() as conn:
        conn.execute(f"DROP TABLE {', '.join(cases)}, nn_sentinel")
    scanned = {table: after[table] > before[table] for table in cases}
    assert scanned == {table: not case[2] for table, case in cases.items()}
    assert {table: "MG007" in verdicts[str(files[table])] for table in cases} == scanned


def _seq_scans(server: VersionedServer, until_sentinel_above: int | None = None) -> dict[str, int]:
    """Sequential scans per table, once the statistics of the last session have arrived (14 sends them to
    a collector process, a little later; 15+ at session exit)."""
    deadline = time.monotonic() + 10
    while True:
        with server.connect() as conn:
            rows = dict(conn.execute("SELECT relname, seq_scan FROM pg_stat_user_tables WHERE relname LIKE 'nn_%'"))
        if until_sentinel_above is None or rows["nn_sentinel"] > until_sentinel_above or time.monotonic() > deadline:
            return rows
        time.sleep(0.2)


def test_a_server_older_than_14_is_refused_with_exit_3(tmp_path, capsys):
    cluster = start_cluster(13, compute_query_id=None)
    try:
        result = pgtune("doctor", "--dsn", cluster.dsn())
        outcomes = [(result.returncode, result.stdout, result.stderr)]
        for command in (["analyze"], ["snapshot", "--output", str(tmp_path / "s.json")]):
            outcomes.append(cli(capsys, *command, "--dsn", cluster.dsn()))
    finally:
        cluster.stop()
    for code, out, err in outcomes:
        assert code == ExitCode.CANNOT_CONNECT and out == "" and err.count("\n") == 1, err
        assert err.startswith("pgtune: error: PostgreSQL 13 is not supported (server_version_num 1300")
        assert "pgtune supports PostgreSQL 14 to 18" in err


def test_in_lists_and_parallel_workers_as_each_version_counts_them(versioned, capsys):
    """18 keeps one pg_stat_statements entry for IN lists of any length (QR008 is for the others) and counts
    the parallel workers a plan asked for and got (CF011 reports those that never launched)."""
    with versioned.connect() as conn:
        conn.execute("ALTER SYSTEM SET max_parallel_workers = 0")
        conn.execute("SELECT pg_reload_conf()")
    try:
        with versioned.connect() as conn:
            for length in (2, 3, 5, 8):
                ids = ", ".join(str(i) for i in range(1, length + 1))
                conn.execute(f"SELECT abalance FROM pgbench_accounts WHERE aid IN ({ids}) AND bid > 0").fetchall()
            conn.execute(
                "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0"
            )
            for _ in range(3):
                conn.execute("SELECT count(*) FROM pgbench_accounts WHERE abalance > 12345").fetchone()
            entries = [
                row[0]
                for row in conn.execute("SELECT query FROM pg_stat_statements WHERE query LIKE '%aid IN (%AND bid >%'")
            ]
        code, out, err = cli(capsys, "analyze", "--dsn", versioned.dsn(), "--format", "json", "--no-whatif")
    finally:
        with versioned.connect() as conn:
            conn.execute("ALTER SYSTEM RESET max_parallel_workers")
            conn.execute("SELECT pg_reload_conf()")
    assert code == 0, err
    findings = json.loads(out)["findings"]
    qr008 = [f for f in findings if f["rule"] == "QR008"]
    short = [f for f in findings if f["rule"] == "CF011" and "parallel workers their plans asked for" in f["message"]]
    if versioned.major < 18:
        assert len(entries) == 4 and len(qr008) == 1 and qr008[0]["message"].startswith("4 pg_stat_statements")
        assert short == []
        return
    (entry,) = entries
    assert "/*, ... */" in entry and qr008 == []
    (finding,) = short
    assert finding["message"].startswith("statements got 0 of ") and "max_parallel_workers is 0" in finding["message"]
    source = "pg_stat_statements parallel_workers_to_launch / parallel_workers_launched"
    assert {"label": "source", "value": source, "quantity": None, "unit": "text"} in finding["evidence"]


def test_every_collector_reads_its_view(versioned, snapshot_file):
    """What a collector could not read is a gap; on a superuser's session only the absent extensions are."""
    snapshot = Snapshot.load(snapshot_file)
    absent = {"pg_qualstats"} if versioned.hypopg else {"pg_qualstats", "hypopg"}
    assert {gap.source for gap in snapshot.gaps} <= absent, snapshot.gaps
    assert snapshot.tables and snapshot.indexes and snapshot.column_stats and snapshot.constraints
    assert snapshot.database is not None and snapshot.activity is not None and snapshot.server.settings
    assert snapshot.server.version_num // 10000 == versioned.major
    # MT001 caps autovacuum's threshold with it where the server has it (18+) and nowhere else.
    names = {setting.name for setting in snapshot.server.settings}
    assert ("autovacuum_vacuum_max_threshold" in names) is (versioned.major >= 18)


def test_fleet_snapshot_over_asyncpg(versioned, tmp_path, capsys):
    """The fleet path (asyncpg) runs the same SQL variants and leaves its guards' SETs out of the workload."""
    code, _out, err = cli(
        capsys, "snapshot", "--dsn", versioned.dsn(), "--dsn", versioned.dsn("postgres"), "--output", str(tmp_path)
    )
    assert code == 0, err
    snapshot = Snapshot.load(tmp_path / "versions.json")
    assert snapshot.server.version_num // 10000 == versioned.major and Snapshot.load(tmp_path / "postgres.json")
    texts = [s.query for s in snapshot.statements]
    assert [t for t in texts if t.startswith("UPDATE pgbench_accounts")]
    assert not [t for t in texts if "statement_timeout" in t or "checkpoints_requested" in t]
    assert all((s.stats_since is None) is (versioned.major < 17) for s in snapshot.statements)


def test_the_gate_release_table_matches_each_servers_catalog(versioned, tmp_path, capsys):
    """Each function and setting the gate calls new in a release: ``check --pg-version`` of this major claims the
    call fails exactly when this server's pg_proc / pg_settings lacks it."""
    from pgtune.query.ddl_release import _FUNCTION_RELEASES, _SETTING_RELEASES

    statements = {f"SELECT {name}();": ("pg_proc", "proname", name) for name in _FUNCTION_RELEASES}
    statements |= {f"SET {name} = 0;": ("pg_settings", "name", name) for name in _SETTING_RELEASES}
    with versioned.connect() as conn:
        for sql, (catalog, column, name) in statements.items():
            present = conn.execute(f"SELECT count(*) > 0 FROM {catalog} WHERE {column} = %s", (name,)).fetchone()[0]
            path = tmp_path / f"{name}.sql"
            path.write_text(sql + "\n")
            code, out, err = cli(capsys, "check", "--pg-version", str(versioned.major), "--format", "json", str(path))
            claimed = any(f["rule"] == "MG021" for f in json.loads(out)["findings"])
            assert code in (0, 1) and claimed is not present, (versioned.major, name, err)
