"""The static rules the trace judged: each behaviour on its own, through ``check_paths``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pgtune.advisors.migrations.context import MigrationContext
from pgtune.findings import Severity
from pgtune.gate.config import CheckConfig
from pgtune.gate.run import check_paths
from pgtune.query.ddl import DdlReader
from pgtune.query.ddl_locks import Lock
from pgtune.query.ddl_model import Kind
from pgtune.versions import ServerVersion

LT = "SET lock_timeout = '2s';\n"
HISTORY = """
CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(20), ts timestamp, qty int);
CREATE TABLE candles (symbol text, bucket timestamp NOT NULL) PARTITION BY RANGE (bucket);
CREATE TABLE events (id bigint);
"""


def _rules(tmp_path: Path, sql: str, history: bool = False) -> list[tuple[str, Severity]]:
    path = tmp_path / "0002_m.sql"
    path.write_text(sql)
    extra = ()
    if history:
        (tmp_path / "hist").mkdir(exist_ok=True)
        (tmp_path / "hist" / "0001_schema.sql").write_text(HISTORY)
        extra = (tmp_path / "hist",)
    result = check_paths([path], MigrationContext.empty(), CheckConfig(), extra)
    return [(f.rule, f.severity) for f in result.findings]


@pytest.mark.parametrize(
    "sql",
    [
        "ALTER TABLE t SET (fillfactor = 80);",
        "ALTER TABLE t SET (autovacuum_vacuum_scale_factor = 0.01, toast.autovacuum_enabled = off);",
        "ALTER TABLE t ALTER COLUMN c SET STATISTICS 500;",
        "REFRESH MATERIALIZED VIEW CONCURRENTLY v;",
        LT + "ALTER TABLE t ALTER COLUMN c TYPE timestamptz;",
        LT + "ALTER TABLE t ALTER COLUMN c TYPE timestamp(6);",
        "BEGIN;\n" + LT + "COMMIT;\nALTER TABLE t ADD COLUMN c text;",
        LT + "BEGIN;\nSET lock_timeout = 0;\nROLLBACK;\nALTER TABLE t ADD COLUMN c text;",
    ],
)
def test_light_statements_need_no_lock_timeout_and_pass(tmp_path, sql):
    assert all(severity is Severity.INFO for _, severity in _rules(tmp_path, sql))


@pytest.mark.parametrize(
    ("sql", "rule"),
    [
        ("ALTER TABLE t SET (user_catalog_table = true);", "MG019"),
        ("CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();", "MG019"),
        ("ALTER TABLE t DISABLE TRIGGER ALL;", "MG019"),
        ("CREATE TABLE n (id int, o bigint REFERENCES orders (id));", "MG019"),
        (
            "CREATE TABLE n (id int, o bigint);\n"
            "ALTER TABLE n ADD CONSTRAINT n_fk FOREIGN KEY (o) REFERENCES orders (id);",
            "MG019",
        ),
        (LT + "REFRESH MATERIALIZED VIEW v;", "MG010"),
        (LT + "ALTER TABLE t ADD COLUMN c int NOT NULL;", "MG021"),
        ("DROP INDEX CONCURRENTLY a, b;", "MG021"),
        (
            "BEGIN;\nALTER TYPE mood ADD VALUE 'happy';\nUPDATE diary SET feeling = 'happy' WHERE id = 1;\nCOMMIT;",
            "MG021",
        ),
        (LT + "ALTER TABLE t ADD COLUMN c text;\nUPDATE t SET c = 'x' WHERE c IS NULL;", "MG016"),
        (LT + "ALTER TABLE t ALTER COLUMN c TYPE timestamp(0);", "MG006"),
        # ROLLBACK undoes a SET made in its block, LOCAL or not: the ALTER after it waits unbounded.
        ("BEGIN;\n" + LT + "ROLLBACK;\nALTER TABLE t ADD COLUMN c text;", "MG019"),
    ],
)
def test_hazards_the_trace_showed_are_flagged_statically(tmp_path, sql, rule):
    found = _rules(tmp_path, sql)
    assert (rule, Severity.INFO) not in found and rule in {r for r, _ in found}


def test_history_decides_partitions_columns_and_drops(tmp_path):
    assert ("MG021", Severity.CRITICAL) in _rules(
        tmp_path, "CREATE INDEX CONCURRENTLY c_idx ON candles (symbol);", True
    )
    only = LT + "CREATE INDEX c_idx ON ONLY candles (symbol);"
    assert _rules(tmp_path, only, True) == []
    assert ("MG021", Severity.CRITICAL) in _rules(
        tmp_path, LT + "ALTER TABLE orders ALTER COLUMN nope TYPE text;", True
    )
    assert _rules(tmp_path, LT + "ALTER TABLE orders ALTER COLUMN note TYPE varchar(40);", True) == []
    assert _rules(tmp_path, LT + "ALTER TABLE orders ALTER COLUMN ts TYPE timestamptz;", True) == [
        ("MG006", Severity.INFO)
    ]
    assert _rules(tmp_path, LT + "DROP TABLE IF EXISTS venues;", True) == []
    assert [r for r, _ in _rules(tmp_path, LT + "DROP TABLE IF EXISTS events;", True)] == ["MG017"]


def test_primary_key_using_index_scans_unless_its_columns_are_not_null(tmp_path):
    nullable = (
        "CREATE UNIQUE INDEX CONCURRENTLY events_id_key ON events (id);\n"
        + LT
        + "ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_key;"
    )
    assert [r for r, _ in _rules(tmp_path, nullable, True)] == ["MG009"]
    proven = nullable.replace(
        "ALTER TABLE events ADD CONSTRAINT",
        "ALTER TABLE events ALTER COLUMN id SET NOT NULL;\nALTER TABLE events ADD CONSTRAINT",
    )
    assert [r for r, _ in _rules(tmp_path, proven, True)] == ["MG007"]


def test_bounded_waits_are_info(tmp_path):
    for sql in ("DROP INDEX i;", "ALTER TABLE trades DETACH PARTITION trades_2025_01;", "LOCK TABLE t IN SHARE MODE;"):
        assert {s for _, s in _rules(tmp_path, LT + sql)} == {Severity.INFO}
        assert Severity.WARNING in {s for _, s in _rules(tmp_path, sql)} | {Severity.CRITICAL}


def test_reader_locks_and_version_gates():
    actions = DdlReader().read("f.sql", "CREATE TABLE n (o bigint REFERENCES orders (id));").actions
    assert [(a.kind, a.table, a.lock) for a in actions] == [
        (Kind.REFERENCE_LOCK, "public.orders", Lock.SHARE_ROW_EXCLUSIVE)
    ]
    assert not ServerVersion(140000).has_create_database_strategy and ServerVersion(150000).has_create_database_strategy
    assert Lock.from_pg_locks("ShareRowExclusiveLock") is Lock.SHARE_ROW_EXCLUSIVE and Lock.from_pg_locks("x") is None
