"""The migration gate end to end without a server: files, tools, config, context, exit codes, CLI."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pgtune.advisors.migrations import _common
from pgtune.advisors.migrations.context import MigrationContext
from pgtune.cli import main
from pgtune.errors import BadInput
from pgtune.facts import (
    ColumnFacts,
    ConstraintFacts,
    DatabaseStats,
    IndexFacts,
    PlanNode,
    ServerFacts,
    Snapshot,
    StatementPlan,
    StatementStats,
    TableFacts,
)
from pgtune.findings import Severity
from pgtune.gate import files
from pgtune.gate.config import CheckConfig, load_config
from pgtune.gate.run import check_paths
from pgtune.report.units import evidence_text

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
GB = 1024**3


def snapshot() -> Snapshot:
    orders = TableFacts(
        "public",
        "orders",
        columns=(ColumnFacts("note", "character varying(20)"), ColumnFacts("qty", "integer")),
        size_bytes=14 * GB,
        total_size_bytes=20 * GB,
        n_live_tup=90_000_000,
        n_tup_ins=50_000_000,
        n_tup_upd=27_000_000,
        n_tup_del=650_000,
    )
    tiny = TableFacts("public", "currencies", size_bytes=64 * 1024, n_tup_ins=10)
    plan = PlanNode("Limit", 0, 10, 1, children=(PlanNode("Index Scan", 0, 8, 1, index_name="orders_account_idx"),))
    return Snapshot(
        server=ServerFacts(160004, "16.4", "exchange", "app"),
        collected_at=NOW,
        database=DatabaseStats("exchange", stats_reset=NOW - timedelta(days=1)),
        tables=(orders, tiny),
        indexes=(IndexFacts("public", "orders", "orders_account_idx", "CREATE INDEX ..."),),
        constraints=(
            ConstraintFacts("public", "orders", "orders_qty_nn", "c", definition="CHECK ((qty IS NOT NULL))"),
        ),
        statements=(StatementStats(42, "SELECT * FROM orders WHERE account_id = $1", 120_000, 3_600.0, 0.03),),
        plans=(
            StatementPlan(42, "SELECT ...", generic=True, analyzed=False, root=plan),
            StatementPlan(7, "x", True, False),
        ),
    )


def _write(directory: Path, name: str, text: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def _rules(result) -> list[tuple[str, int]]:
    return [(f.rule, f.location.line) for f in result.findings]


def test_migration_order_is_natural_and_tool_files_are_filtered(tmp_path):
    for name in ("V10__c.sql", "V2__b.sql", "U2__undo.sql", "V1__a.sql", "x.down.sql", "x.up.sql"):
        _write(tmp_path, name, "SELECT 1;")
    _write(tmp_path, "sqitch/deploy/a.sql", "SELECT 1;")
    _write(tmp_path, "sqitch/revert/a.sql", "SELECT 1;")
    _write(tmp_path, "sqitch/verify/a.sql", "SELECT 1;")
    _write(tmp_path, "notes.txt", "not sql")
    found, problems = files.discover([tmp_path, tmp_path / "V1__a.sql", tmp_path / "missing.sql"])
    assert [p.name for p in found] == ["a.sql", "V1__a.sql", "V2__b.sql", "V10__c.sql", "x.up.sql"]
    assert [p.message for p in problems] == ["no such file or directory"]


@pytest.mark.parametrize(
    ("name", "tool", "wraps"),
    [("V3__x.sql", "flyway", True), ("0001_x.up.sql", "golang-migrate", False), ("deploy/x.sql", "sqitch", False)],
)
def test_tool_detection(tmp_path, name, tool, wraps):
    migration = files.read(_write(tmp_path, name, "SELECT 1;"))
    assert (migration.tool, migration.wraps_by_default) == (tool, wraps)


def test_dbmate_checks_only_the_up_section_and_keeps_line_numbers(tmp_path):
    text = "-- migrate:up\nCREATE INDEX i ON orders (a);\n\n-- migrate:down\nDROP INDEX i;\n"
    migration = files.read(_write(tmp_path, "20260101_x.sql", text))
    assert migration.tool == "dbmate" and migration.wraps_by_default
    assert "DROP INDEX" not in migration.text and migration.text.count("\n") == text.count("\n")
    no_tx = files.read(_write(tmp_path, "y.sql", "-- migrate:up transaction:false\nSELECT 1;\n"))
    assert not no_tx.wraps_by_default
    config = CheckConfig()
    assert config.wraps("dbmate", True) and not config.wraps("dbmate", False) and config.wraps("flyway", True)
    assert not config.wraps("plain", False)


def test_psql_meta_commands_are_skipped_with_a_note(tmp_path):
    path = _write(tmp_path, "m.sql", "\\set ON_ERROR_STOP on\nCREATE INDEX i ON orders (a);\n  \\i other.sql\n")
    result = check_paths([path], MigrationContext.empty(), CheckConfig())
    assert _rules(result) == [("MG001", 2), ("MG019", 2)]
    assert result.notes == (f"{path}:1: skipped psql meta-command \\set", f"{path}:3: skipped psql meta-command \\i")


BAD_FILES = [
    ("empty.sql", b"  \n", "empty file"),
    ("binary.sql", b"\x00\x01\x02", "binary file"),
    ("latin1.sql", "SELECT 1;\nSELECT 'caf\xe9';".encode("latin-1"), "not UTF-8"),
    ("broken.sql", b"CREATE TABLE (;", "syntax error"),
    ("comments.sql", b"-- nothing here\n", "no SQL statements"),
    ("markdown.sql", b"# Title\n\nSome *text*.", "syntax error"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_input_is_one_line_and_does_not_hide_other_findings(tmp_path, name, content, message):
    _write(tmp_path, name, content)
    _write(tmp_path, "V1__ok.sql", "CREATE INDEX i ON orders (a);")
    result = check_paths([tmp_path], MigrationContext.empty(), CheckConfig())
    assert [p.message for p in result.problems if message in p.message]
    assert ("MG001", 1) in _rules(result)
    assert result.exit_code(Severity.WARNING) == 2


def test_huge_and_unreadable_files(tmp_path, monkeypatch):
    path = _write(tmp_path, "big.sql", "SELECT 1;\n" * 100)
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 10)
    assert "too large" in files.read(path).message
    monkeypatch.undo()
    assert files.read(tmp_path).message.startswith("cannot read: ")


def test_no_migration_files(tmp_path):
    result = check_paths([tmp_path], MigrationContext.empty(), CheckConfig())
    assert result.problems[0].message == "no .sql migration files found"


def test_exit_codes_follow_the_threshold(tmp_path):
    path = _write(tmp_path, "m.sql", "DROP INDEX i;")
    result = check_paths([path], MigrationContext.empty(), CheckConfig())
    assert {f.severity for f in result.findings} == {Severity.WARNING}
    assert result.exit_code(Severity.WARNING) == 1
    assert result.exit_code(Severity.CRITICAL) == 0
    # With lock_timeout set the drop waits a bounded time and is instant once granted: info only.
    bounded = check_paths(
        [_write(tmp_path, "m.sql", "SET lock_timeout = '1s';\nDROP INDEX i;")], MigrationContext.empty(), CheckConfig()
    )
    assert [(f.rule, f.severity) for f in bounded.findings] == [("MG002", Severity.INFO)]
    assert bounded.exit_code(Severity.WARNING) == 0


def test_suppression_and_config_regrade_and_disable(tmp_path):
    sql = "-- pgtune: ignore MG001 built in the maintenance window\nCREATE INDEX i ON orders (a);\nDROP INDEX j;\n"
    path = _write(tmp_path, "m.sql", sql)
    config = CheckConfig(disable=frozenset({"MG019"}), severity={"MG002": Severity.INFO})
    result = check_paths([path], MigrationContext.empty(), config)
    assert [(f.rule, f.severity) for f in result.findings] == [("MG002", Severity.INFO)]
    assert [(s.finding.rule, s.reason) for s in result.suppressed] == [("MG001", "built in the maintenance window")]
    assert result.exit_code(Severity.WARNING) == 0


def test_transaction_wrapping_tools_are_configurable(tmp_path):
    # Flyway refuses to mix transactional and non-transactional statements: read as one transaction.
    path = _write(tmp_path, "V1__idx.sql", "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY i ON orders (a);")
    assert [f.rule for f in check_paths([path], MigrationContext.empty(), CheckConfig()).findings] == ["MG003"]
    unwrapped = CheckConfig(transaction_tools=frozenset())
    assert check_paths([path], MigrationContext.empty(), unwrapped).findings == ()


def test_config_files(tmp_path):
    assert load_config(None, tmp_path) == CheckConfig()
    _write(tmp_path, "pyproject.toml", "[tool.other]\nx = 1\n")
    assert load_config(None, tmp_path) == CheckConfig()
    _write(
        tmp_path,
        "pyproject.toml",
        '[tool.pgtune.check]\ndisable = ["MG019"]\nseverity = { MG002 = "critical" }\ntransaction-tools = ["plain"]\n',
    )
    config = load_config(None, tmp_path)
    assert config.disable == {"MG019"} and config.severity == {"MG002": Severity.CRITICAL}
    assert config.wraps("plain", False) and not config.wraps("flyway", True)
    _write(tmp_path, "pgtune.toml", '[check]\ndisable = ["MG012"]\n')
    assert load_config(None, tmp_path).disable == {"MG012"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[check\n", "not valid TOML"),
        ('[check]\ncolour = "red"\n', "unknown setting"),
        ('[check]\ndisable = ["bogus"]\n', "not a rule id"),
        ('[check]\nseverity = { MG001 = "fatal" }\n', "not info, warning or critical"),
        ('[check]\ntransaction-tools = ["knex"]\n', "unknown tools"),
        ('[check]\ndisable = "MG001"\n', r"disable in \[check\] of .* must be a list, not 'MG001'"),
        ('[check]\nseverity = "info"\n', r"severity in \[check\] of .* must be a table"),
        ('[check]\ntransaction-tools = "plain"\n', "transaction-tools in .* must be a list"),
    ],
)
def test_bad_config_is_a_typed_error(tmp_path, content, message):
    path = _write(tmp_path, "pgtune.toml", content)
    with pytest.raises(BadInput, match=message):
        load_config(path, tmp_path)


def test_missing_explicit_config(tmp_path):
    with pytest.raises(BadInput, match="cannot read the config"):
        load_config(tmp_path / "nope.toml", tmp_path)


def test_context_from_snapshot_sizes_rates_and_estimates(tmp_path):
    context = MigrationContext.from_snapshot(snapshot(), "snapshot prod.json")
    assert context.server_version_num == 160004
    assert context.known.column_types[("public.orders", "note")] == "character varying(20)"
    assert context.known.not_null_checks == {("public.orders", "qty")}
    assert context.known.index_tables == {"public.orders_account_idx": "public.orders"}
    assert round(context.writes_per_s(context.table("public.orders"))) == 899
    assert MigrationContext.empty().writes_per_s(context.table("public.orders")) is None
    path = _write(
        tmp_path,
        "m.sql",
        "SET lock_timeout = '1s';\nCREATE INDEX i ON orders (qty);\nCREATE INDEX j ON currencies (a);\n",
    )
    result = check_paths([path], context, CheckConfig())
    big, small = result.findings
    assert big.severity is Severity.CRITICAL and small.severity is Severity.INFO
    assert (
        "public.orders is 14.0 GB (20.0 GB with indexes and TOAST) with ~899 writes/s since the statistics reset"
        in big.message
    )
    assert "estimated 4 minutes" in big.message
    evidence = dict((e.label, evidence_text(e)) for e in big.evidence)
    assert evidence["estimated lock time"] == "4 minutes (an index build at ~60 MB/s)"
    assert result.context_source == "snapshot prod.json"


def test_snapshot_decides_type_changes_and_not_null(tmp_path):
    context = MigrationContext.from_snapshot(snapshot(), "s", server_version_num=150000)
    sql = (
        "SET lock_timeout = '1s';\n"
        "ALTER TABLE orders ALTER COLUMN note TYPE varchar(40);\n"
        "ALTER TABLE orders ALTER COLUMN qty TYPE bigint;\n"
        "ALTER TABLE orders ALTER COLUMN qty SET NOT NULL;\n"
    )
    result = check_paths([_write(tmp_path, "m.sql", sql)], context, CheckConfig())
    assert _rules(result) == [("MG006", 3)]
    assert (
        "estimated 3 minutes" in result.findings[0].message
        and "rewrite at ~100 MB/s" in result.findings[0].evidence[-1].value
    )
    static = check_paths([tmp_path / "m.sql"], MigrationContext.empty(), CheckConfig())
    assert _rules(static) == [("MG006", 2), ("MG006", 3), ("MG007", 4)]
    widen, bigint = static.findings[:2]
    assert widen.severity is Severity.INFO and "keeps public.orders only if it widens the current type" in widen.message
    assert bigint.severity is Severity.WARNING and "may rewrite public.orders" in bigint.message
    assert "--history or --snapshot" in widen.help
    assert "--history" not in result.findings[0].help


def test_unknown_old_type_to_text_is_reported_not_failed(tmp_path):
    result = check_paths(
        [_write(tmp_path, "m.sql", "SET lock_timeout = '1s';\nALTER TABLE t ALTER COLUMN c TYPE text;\n")],
        MigrationContext.empty(),
        CheckConfig(),
    )
    (finding,) = result.findings
    assert (finding.rule, finding.severity) == ("MG006", Severity.INFO)
    assert result.exit_code(Severity.WARNING) == 0 and result.exit_code(Severity.INFO) == 1


def test_drop_index_lists_the_statements_that_use_it(tmp_path):
    context = MigrationContext.from_snapshot(snapshot(), "s")
    sql = "SET lock_timeout = '1s';\nDROP INDEX CONCURRENTLY orders_account_idx;\nDROP INDEX CONCURRENTLY unused_idx;\n"
    result = check_paths([_write(tmp_path, "m.sql", sql)], context, CheckConfig())
    (finding,) = result.findings
    assert finding.rule == "MG002" and finding.severity is Severity.CRITICAL
    assert finding.statements[0].calls == 120_000 and "account_id" in finding.statements[0].text
    assert "1 workload statement(s) use" in finding.message
    plain = check_paths([_write(tmp_path, "m.sql", "DROP INDEX orders_account_idx;")], context, CheckConfig())
    assert plain.findings[0].fix.ddl == "DROP INDEX CONCURRENTLY orders_account_idx;"


def test_stats_window_falls_back_and_tolerates_missing_clocks():
    bare = Snapshot(server=ServerFacts(150000, "15", "d", "r"), collected_at=NOW)
    assert MigrationContext.from_snapshot(bare, "s").stats_window_s is None
    started = Snapshot(
        server=ServerFacts(150000, "15", "d", "r", started_at=NOW - timedelta(hours=1)), collected_at=NOW
    )
    assert MigrationContext.from_snapshot(started, "s").stats_window_s == 3600
    future = Snapshot(server=ServerFacts(150000, "15", "d", "r", started_at=NOW + timedelta(hours=1)), collected_at=NOW)
    assert MigrationContext.from_snapshot(future, "s").stats_window_s is None


def test_detach_partition_is_fixed_with_concurrently_from_14(tmp_path):
    path = _write(tmp_path, "m.sql", "SET lock_timeout = '1s';\nALTER TABLE trades DETACH PARTITION trades_2025;")
    found = check_paths([path], MigrationContext.empty(140000), CheckConfig()).findings[0]
    assert found.fix.ddl.endswith("CONCURRENTLY;") and "outside a transaction block" in found.help


def test_cli_check_formats_and_exit_codes(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path, "V1__idx.sql", "CREATE INDEX i ON orders (a);")
    assert main(["check", str(path), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"::error file={path},line=1,col=1,title=MG001 create-index-without-concurrently::")
    assert main(["check", str(path), "--fail-on", "critical", "--format", "json"]) == 1
    assert main(["check", str(path), "--pg-version", "13"]) == 2
    assert "--pg-version 13 is not a supported major version — use 14 or later" in capsys.readouterr().err
    snap = _write(tmp_path, "snap.json", snapshot().to_json())
    assert main(["check", str(path), "--snapshot", str(snap), "--format", "text"]) == 1
    out = capsys.readouterr().out
    assert "20.0 GB" in out and "database facts from snapshot" in out and "PostgreSQL 16" in out
    assert main(["check", str(path), "--snapshot", str(tmp_path / "none.json")]) == 2
    _write(tmp_path, "pgtune.toml", '[check]\ndisable = ["MG001", "MG019"]\n')
    assert main(["check", str(path), "--pg-version", "14"]) == 0
    assert "0 critical, 0 warning" in capsys.readouterr().out


def test_cli_rules(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "MG001  critical  create-index-without-concurrently" in listing
    assert main(["rules", "mg003"]) == 0
    assert capsys.readouterr().out.startswith("# MG003 concurrently-in-transaction")
    assert main(["rules", "XX999"]) == 2


def test_ci_examples_run_pgtune_check():
    yaml = pytest.importorskip("yaml")
    root = Path(__file__).resolve().parent.parent
    (hook,) = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "pgtune-check" and hook["entry"] == "pgtune check"
    workflow = yaml.safe_load((root / "docs/examples/github-actions-check.yml").read_text())
    commands = [s.get("run", "") for s in workflow["jobs"]["pgtune-check"]["steps"]]
    assert any("pgtune check" in c and "--format github" in c for c in commands)


def test_validate_in_the_transaction_that_added_the_constraint(tmp_path):
    sql = (
        "SET lock_timeout = '1s';\n"
        "ALTER TABLE orders ADD CONSTRAINT k CHECK (qty > 0) NOT VALID;\n"
        "ALTER TABLE orders VALIDATE CONSTRAINT k;\n"
    )
    path = _write(tmp_path, "V7__check.sql", sql)
    assert _rules(check_paths([path], MigrationContext.empty(), CheckConfig())) == [("MG008", 3)]
    unwrapped = CheckConfig(transaction_tools=frozenset())
    assert check_paths([path], MigrationContext.empty(), unwrapped).findings == ()


@pytest.mark.parametrize(
    ("size_bytes", "text"), [(512, "512 bytes"), (2048, "2.0 kB"), (3 * GB, "3.0 GB"), (5 * 1024 * GB, "5.0 TB")]
)
def test_sizes_in_words(size_bytes, text):
    assert _common._size(size_bytes) == text


@pytest.mark.parametrize(
    ("seconds", "text"), [(0.2, "under a second"), (42, "42 s"), (600, "10 minutes"), (9000, "2.5 hours")]
)
def test_durations_in_words(seconds, text):
    assert _common._duration(seconds) == text


def test_insert_keyword():
    assert _common.insert_keyword("create index i on t (a);", "INDEX", "CONCURRENTLY") == (
        "create index CONCURRENTLY i on t (a);"
    )
    assert _common.insert_keyword("REINDEX SYSTEM app", "TABLE", "CONCURRENTLY") is None


def test_history_is_read_for_the_schema_but_not_checked(tmp_path):
    history = tmp_path / "history"
    _write(
        history,
        "V1__init.sql",
        "CREATE TABLE orders (id bigint, ref varchar(20));\nCREATE INDEX orders_ref ON orders (ref);",
    )
    _write(history, "V2__broken.sql", "CREATE TABLE (;")
    sql = (
        "SET lock_timeout = '1s';\n"
        "ALTER TABLE orders ALTER COLUMN ref TYPE varchar(40);\n"
        "CREATE INDEX orders_id ON orders (id);\n"
        "DROP INDEX orders_ref;\n"
    )
    change = _write(history, "V3__change.sql", sql)
    result = check_paths([change], MigrationContext.empty(), CheckConfig(), history=(history,))
    assert [(f.rule, f.location.line, f.target) for f in result.findings] == [
        ("MG001", 3, "public.orders"),
        ("MG002", 4, "public.orders"),
    ]
    assert not result.problems and result.files == (str(change),)
    (note,) = result.notes
    assert note.startswith(f"history {history / 'V2__broken.sql'}:1: not read: syntax error")
    whole = check_paths([history], MigrationContext.empty(), CheckConfig())
    assert [f.rule for f in whole.findings] == []
    assert main(["check", str(change), "--history", str(history)]) == 1


@pytest.mark.parametrize(
    ("name", "text", "phrase"),
    [
        ("20260101_idx.sql", "-- migrate:up\nCREATE INDEX CONCURRENTLY i ON t (a);\n", "transaction:false"),
        ("00042_idx.sql", "-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (a);\n", "NO TRANSACTION"),
        ("V42__idx.sql", "BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;\n", "Flyway"),
        ("0042_idx.sql", "BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;\n", "remove BEGIN/COMMIT"),
    ],
)
def test_concurrently_in_a_transaction_names_the_tools_way_out(tmp_path, name, text, phrase):
    result = check_paths([_write(tmp_path, name, text)], MigrationContext.empty(), CheckConfig())
    (finding,) = [f for f in result.findings if f.rule == "MG003"]
    assert phrase in finding.help, finding.help
    # Only the file's own tool is named.
    named = [tool for tool in ("dbmate", "goose", "Flyway") if tool in finding.help]
    assert len(named) <= 1, finding.help


def test_a_dropped_materialized_view_is_named_as_one(tmp_path):
    path = _write(tmp_path, "0042_drop.sql", "DROP MATERIALIZED VIEW daily_volume;\n")
    result = check_paths([path], MigrationContext.empty(), CheckConfig())
    (finding,) = [f for f in result.findings if f.rule == "MG019"]
    assert finding.message.startswith("DROP MATERIALIZED VIEW waits for"), finding.message
