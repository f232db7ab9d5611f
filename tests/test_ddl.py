"""The DDL reader: lock levels, rewrites, new objects, session state, locations, suppressions, bad SQL."""

from __future__ import annotations

import pytest

from pgtune.query.ddl import DdlReader
from pgtune.query.ddl_locks import Lock
from pgtune.query.ddl_model import ConstraintType, Kind, KnownSchema
from pgtune.query.ddl_types import ColumnType, change_rewrites

LOCKS = [
    ("CREATE INDEX i ON t (a)", Kind.CREATE_INDEX, Lock.SHARE),
    ("CREATE INDEX CONCURRENTLY i ON t (a)", Kind.CREATE_INDEX, Lock.SHARE_UPDATE_EXCLUSIVE),
    ("DROP INDEX i", Kind.DROP_INDEX, Lock.ACCESS_EXCLUSIVE),
    ("DROP INDEX CONCURRENTLY i", Kind.DROP_INDEX, Lock.SHARE_UPDATE_EXCLUSIVE),
    ("REINDEX TABLE t", Kind.REINDEX, Lock.SHARE),
    ("REINDEX INDEX CONCURRENTLY i", Kind.REINDEX, Lock.SHARE_UPDATE_EXCLUSIVE),
    ("ALTER TABLE t ADD COLUMN c int", Kind.ADD_COLUMN, Lock.ACCESS_EXCLUSIVE),
    ("ALTER TABLE t ALTER COLUMN c TYPE bigint", Kind.ALTER_COLUMN_TYPE, Lock.ACCESS_EXCLUSIVE),
    ("ALTER TABLE t ALTER COLUMN c SET NOT NULL", Kind.SET_NOT_NULL, Lock.ACCESS_EXCLUSIVE),
    ("ALTER TABLE t ADD FOREIGN KEY (c) REFERENCES u (id)", Kind.ADD_CONSTRAINT, Lock.SHARE_ROW_EXCLUSIVE),
    ("ALTER TABLE t ADD CHECK (c > 0)", Kind.ADD_CONSTRAINT, Lock.ACCESS_EXCLUSIVE),
    ("ALTER TABLE t VALIDATE CONSTRAINT k", Kind.VALIDATE_CONSTRAINT, Lock.SHARE_UPDATE_EXCLUSIVE),
    ("VACUUM FULL t", Kind.VACUUM_FULL, Lock.ACCESS_EXCLUSIVE),
    ("VACUUM (FULL true) t", Kind.VACUUM_FULL, Lock.ACCESS_EXCLUSIVE),
    ("CLUSTER t USING i", Kind.CLUSTER, Lock.ACCESS_EXCLUSIVE),
    ("LOCK TABLE t", Kind.LOCK_TABLE, Lock.ACCESS_EXCLUSIVE),
    ("LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE", Kind.LOCK_TABLE, Lock.SHARE_ROW_EXCLUSIVE),
    ("LOCK TABLE t IN ACCESS SHARE MODE", Kind.LOCK_TABLE, Lock.ACCESS_SHARE),
    ("TRUNCATE t", Kind.TRUNCATE, Lock.ACCESS_EXCLUSIVE),
    ("ALTER TABLE t SET UNLOGGED", Kind.SET_PERSISTENCE, Lock.ACCESS_EXCLUSIVE),
    ("ALTER TABLE p ATTACH PARTITION c FOR VALUES IN (1)", Kind.ATTACH_PARTITION, Lock.SHARE_UPDATE_EXCLUSIVE),
    ("ALTER TABLE p DETACH PARTITION c", Kind.DETACH_PARTITION, Lock.ACCESS_EXCLUSIVE),
    ("ALTER TABLE p DETACH PARTITION c CONCURRENTLY", Kind.DETACH_PARTITION, Lock.SHARE_UPDATE_EXCLUSIVE),
    ("UPDATE t SET a = 1", Kind.UPDATE, Lock.ROW_EXCLUSIVE),
    ("DELETE FROM t WHERE a = 1", Kind.DELETE, Lock.ROW_EXCLUSIVE),
    ("DROP TABLE t", Kind.DROP_TABLE, Lock.ACCESS_EXCLUSIVE),
    ("ALTER TABLE t DROP COLUMN c", Kind.DROP_COLUMN, Lock.ACCESS_EXCLUSIVE),
    ("ALTER TABLE t RENAME COLUMN a TO b", Kind.RENAME_COLUMN, Lock.ACCESS_EXCLUSIVE),
    ("ALTER TABLE t RENAME TO u", Kind.RENAME_TABLE, Lock.ACCESS_EXCLUSIVE),
    ("ALTER TABLE t ALTER COLUMN c SET DEFAULT 0", Kind.ALTER_TABLE_OTHER, Lock.ACCESS_EXCLUSIVE),
    ("CREATE TABLE c PARTITION OF p FOR VALUES IN (1)", Kind.CREATE_TABLE, Lock.ACCESS_EXCLUSIVE),
]


def _one(sql: str, known: KnownSchema | None = None, in_transaction: bool = False):
    actions = DdlReader(known).read("m.sql", sql, in_transaction).actions
    assert len(actions) == 1, actions
    return actions[0]


@pytest.mark.parametrize(("sql", "kind", "lock"), LOCKS, ids=[row[0] for row in LOCKS])
def test_lock_level(sql, kind, lock):
    action = _one(sql)
    assert (action.kind, action.lock) == (kind, lock)


def test_lock_descriptions():
    assert Lock.ACCESS_EXCLUSIVE.blocks_reads and Lock.ACCESS_EXCLUSIVE.blocks_writes
    assert Lock.SHARE.blocks_writes and not Lock.SHARE.blocks_reads
    assert not Lock.SHARE_UPDATE_EXCLUSIVE.blocks_writes
    assert "reads continue" in Lock.SHARE.blocks
    assert "not reads or writes" in Lock.SHARE_UPDATE_EXCLUSIVE.blocks
    assert "conflicting" in Lock.ROW_EXCLUSIVE.blocks


ADD_COLUMN = [
    ("ALTER TABLE t ADD COLUMN c int DEFAULT 0", False),
    ("ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now()", False),
    ("ALTER TABLE t ADD COLUMN c timestamptz DEFAULT CURRENT_TIMESTAMP", False),
    ("ALTER TABLE t ADD COLUMN c float DEFAULT random()", True),
    ("ALTER TABLE t ADD COLUMN c timestamptz DEFAULT clock_timestamp()", True),
    ("ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid()", True),
    ("ALTER TABLE t ADD COLUMN c bigserial", True),
    ("ALTER TABLE t ADD COLUMN c bigint GENERATED ALWAYS AS IDENTITY", True),
    ("ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (a * 2) STORED", True),
    ("ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (a * 2) VIRTUAL", False),
    ("ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (a * 2)", False),
]


@pytest.mark.parametrize(("sql", "rewrites"), ADD_COLUMN, ids=[r[0] for r in ADD_COLUMN])
def test_add_column_rewrite(sql, rewrites):
    action = _one(sql)
    assert action.rewrites is rewrites
    assert bool(action.reason) is rewrites


TYPE_CHANGES = [
    ("varchar(10)", "varchar(20)", False, None),
    ("varchar(20)", "varchar(10)", True, None),
    ("varchar(10)", "text", False, None),
    ("varchar(10)", "varchar", False, None),
    ("text", "varchar(10)", True, None),
    ("text", "varchar", False, None),
    ("numeric(10,2)", "numeric(12,2)", False, None),
    ("numeric(10,2)", "numeric(12,3)", True, None),
    ("numeric(10,2)", "numeric", False, None),
    ("numeric", "numeric(10,2)", True, None),
    ("integer", "bigint", True, None),
    ("int", "int4", False, None),
    ("int[]", "bigint[]", True, None),
    ("int", "int[]", True, None),
    ("bit varying(4)", "bit varying(8)", False, None),
    # ALTER TABLE plans the USING expression before judging it: a cast of the column to the new type is the
    # coercion with no USING at all (varchar's length check folds away when it widens).
    ("varchar(10)", "varchar(20)", False, "c::varchar(20)"),
    ("varchar(10)", "varchar(20)", True, "upper(c)::varchar(20)"),
]


@pytest.mark.parametrize(
    ("old", "new", "rewrites", "using"), TYPE_CHANGES, ids=[f"{r[0]}->{r[1]}" for r in TYPE_CHANGES]
)
def test_type_change_rewrite(old, new, rewrites, using):
    if using is None or rewrites:
        assert change_rewrites(ColumnType.parse(old), ColumnType.parse(new), using is not None) is rewrites
    sql = f"ALTER TABLE t ALTER COLUMN c TYPE {new}" + (f" USING {using}" if using else "")
    assert _one(sql, KnownSchema(column_types={("public.t", "c"): old})).rewrites is rewrites


def test_type_change_unknown_old_type_and_types_from_earlier_files():
    assert _one("ALTER TABLE t ALTER COLUMN c TYPE bigint").rewrites is None
    assert ColumnType.parse("no such (") is None
    reader = DdlReader()
    reader.read("1.sql", "CREATE TABLE s.t (c varchar(10));")
    action = reader.read("2.sql", "ALTER TABLE s.t ALTER COLUMN c TYPE varchar(40);").actions[0]
    assert (action.rewrites, action.old_type, action.target_is_new) == (False, "varchar(10)", True)
    assert str(ColumnType.parse("numeric(10,2)[]")) == "numeric(10,2)[]"


def test_objects_created_earlier_in_the_set_are_new():
    reader = DdlReader()
    reader.read(
        "1.sql",
        "CREATE TABLE t (a int); CREATE INDEX t_a ON t (a); CREATE INDEX t_b ON t (a); "
        "CREATE TABLE x AS SELECT 1 AS a;",
    )
    second = reader.read(
        "2.sql",
        "CREATE INDEX ON t (a); DROP INDEX t_a; DROP INDEX other; ALTER TABLE x ADD COLUMN b int; "
        "ALTER TABLE t RENAME TO t2; ALTER TABLE t2 ADD COLUMN c int; REINDEX INDEX t_b; UPDATE old SET a = 1;",
    )
    assert [a.target_is_new for a in second.actions] == [True, True, False, True, True, True, True, False]
    assert second.actions[1].table == "public.t"
    assert second.actions[2].table is None


def test_known_index_tables_and_reindex_without_target():
    known = KnownSchema(index_tables={"public.orders_idx": "public.orders"})
    assert _one("DROP INDEX orders_idx", known).table == "public.orders"
    assert DdlReader().read("m.sql", "REINDEX DATABASE app;").actions == ()


def test_not_null_checks_validated_in_the_set_or_known():
    sql = (
        "ALTER TABLE t ADD CONSTRAINT k CHECK (c IS NOT NULL) NOT VALID;"
        "ALTER TABLE t VALIDATE CONSTRAINT k;"
        "ALTER TABLE t ALTER COLUMN c SET NOT NULL;"
        "ALTER TABLE t ALTER COLUMN d SET NOT NULL;"
    )
    actions = DdlReader().read("m.sql", sql).actions
    assert [a.has_not_null_check for a in actions if a.kind is Kind.SET_NOT_NULL] == [True, False]
    valid = DdlReader().read("m.sql", "ALTER TABLE t ADD CHECK (c IS NOT NULL); ALTER TABLE t ALTER c SET NOT NULL;")
    assert valid.actions[1].has_not_null_check


def test_constraints():
    fk = _one("ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES s.u (id) NOT VALID")
    assert (fk.constraint_type, fk.not_valid, fk.referenced_table, fk.scans) == (
        ConstraintType.FOREIGN_KEY,
        True,
        "s.u",
        False,
    )
    unique = _one("ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i")
    assert (unique.constraint_type, unique.using_index, unique.scans) == (ConstraintType.UNIQUE, True, False)
    assert _one("ALTER TABLE t ADD PRIMARY KEY (id)").constraint_type is ConstraintType.PRIMARY_KEY


def test_attach_partition_scan_skipped_with_a_check_or_a_new_table():
    assert _one("ALTER TABLE p ATTACH PARTITION c DEFAULT").scans
    reader = DdlReader()
    checked = reader.read("m.sql", "ALTER TABLE c ADD CHECK (k = 1); ALTER TABLE p ATTACH PARTITION c DEFAULT;")
    assert not checked.actions[1].scans
    known = KnownSchema(checked_tables=frozenset({"public.c"}))
    assert not _one("ALTER TABLE p ATTACH PARTITION c DEFAULT", known).scans


@pytest.mark.parametrize(
    ("where", "whole"),
    [("", True), (" WHERE true", True), (" WHERE 1 = 1", True), (" WHERE 1 = 2", False), (" WHERE a IS NULL", False)],
)
def test_whole_table_dml(where, whole):
    assert _one(f"UPDATE t SET a = 1{where}").whole_table is whole


def test_session_state_transactions_and_lock_timeout():
    sql = """
CREATE INDEX a ON t (x);
BEGIN;
SET LOCAL lock_timeout = '2s';
CREATE INDEX b ON t (x);
COMMIT;
CREATE INDEX c ON t (x);
SET lock_timeout = 5000;
CREATE INDEX d ON t (x);
SET lock_timeout = 0;
CREATE INDEX e ON t (x);
SET lock_timeout TO DEFAULT;
START TRANSACTION;
CREATE INDEX f ON t (x);
ROLLBACK;
"""
    actions = DdlReader().read("m.sql", sql).actions
    assert [(a.name, a.in_transaction, a.lock_timeout_set) for a in actions] == [
        ("a", False, False),
        ("b", True, True),
        ("c", False, False),
        ("d", False, True),
        ("e", False, False),
        ("f", True, False),
    ]
    assert all(a.in_transaction for a in DdlReader().read("m.sql", sql, in_transaction=True).actions[:1])


def test_locations_skip_comments_and_count_characters():
    sql = "-- héllo wörld\n/* a\n b */\n  CREATE INDEX i ON t (a);\nSELECT 1;   DROP INDEX j;"
    actions = DdlReader().read("m.sql", sql).actions
    assert [(a.line, a.column) for a in actions] == [(4, 3), (5, 13)]
    assert actions[0].sql == "CREATE INDEX i ON t (a)"


def test_suppressions_need_a_reason():
    sql = (
        "-- pgtune: ignore MG001, MG019 built off-peak by the DBA\n"
        "CREATE INDEX i ON t (a);\n"
        "CREATE INDEX j ON t (a); -- pgtune: ignore MG001\n"
    )
    script = DdlReader().read("m.sql", sql)
    assert script.actions[0].suppressed == {"MG001": "built off-peak by the DBA", "MG019": "built off-peak by the DBA"}
    assert script.actions[1].suppressed == {}
    assert script.notes == ("m.sql:3: `pgtune: ignore` without a reason is not honoured",)


def test_syntax_errors_are_reported_and_the_rest_is_read():
    sql = "CREATE INDEX a ON t (x);\nSELEC 1;\nDROP INDEX b;"
    script = DdlReader().read("m.sql", sql)
    assert [a.kind for a in script.actions] == [Kind.CREATE_INDEX, Kind.DROP_INDEX]
    assert [(p.line, p.column) for p in script.problems] == [(2, 1)]
    assert "syntax error" in script.problems[0].message
    unterminated = DdlReader().read("m.sql", "CREATE INDEX a ON t (x);\nSELECT 'abc")
    assert unterminated.actions == () and unterminated.problems
    assert unterminated.problems[0].line == 2


def test_statements_without_actions():
    script = DdlReader().read("m.sql", "SELECT 1; CREATE VIEW v AS SELECT 1; ALTER INDEX i RENAME TO j;")
    assert script.actions == () and script.statement_count == 3


def test_a_view_renamed_is_a_rename_unless_the_files_created_it():
    """The application reads a view by its name, as it reads a table (ALTER VIEW or ALTER TABLE alike)."""
    script = DdlReader().read(
        "m.sql",
        "ALTER VIEW v RENAME TO w; ALTER TABLE x RENAME TO y; CREATE VIEW n AS SELECT 1;"
        "ALTER VIEW n RENAME TO m; ALTER VIEW m RENAME COLUMN a TO b;",
    )
    assert [(a.kind, a.table, a.target_is_new) for a in script.actions] == [
        (Kind.RENAME_TABLE, "public.v", False),
        (Kind.RENAME_TABLE, "public.x", False),
        (Kind.RENAME_TABLE, "public.n", True),
        (Kind.RENAME_COLUMN, "public.m", True),
    ]


def test_locks_held_until_the_transaction_ends():
    sql = (
        "BEGIN;\nALTER TABLE t ADD CONSTRAINT k CHECK (a > 0) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT k;\n"
        "LOCK TABLE t IN ROW SHARE MODE;\nCOMMIT;\nALTER TABLE t VALIDATE CONSTRAINT k;\n"
    )
    actions = DdlReader().read("m.sql", sql).actions
    assert [a.held_lock for a in actions] == [None, Lock.ACCESS_EXCLUSIVE, Lock.ACCESS_EXCLUSIVE, None]
    wrapped = DdlReader().read("m.sql", "CREATE INDEX i ON t (a); UPDATE t SET a = 1 WHERE a = 2;", True)
    assert wrapped.actions[1].held_lock is Lock.SHARE


@pytest.mark.parametrize("sql", ["VACUUM (FULL false) t", "VACUUM (FULL 0) t", "VACUUM t", "ANALYZE t", "CLUSTER"])
def test_vacuum_and_cluster_without_a_rewrite(sql):
    assert DdlReader().read("m.sql", sql).actions == ()


def test_set_expression_rewrites_a_stored_column_not_a_virtual_one():
    stored = _one("ALTER TABLE t ALTER COLUMN g SET EXPRESSION AS (a * 3)")
    assert (stored.kind, stored.rewrites, stored.lock) == (Kind.SET_EXPRESSION, True, Lock.ACCESS_EXCLUSIVE)
    sql = (
        "ALTER TABLE t ADD COLUMN v int GENERATED ALWAYS AS (a * 2) VIRTUAL;"
        "ALTER TABLE t ALTER COLUMN v SET EXPRESSION AS (a * 3);"
    )
    added, changed = DdlReader().read("m.sql", sql).actions
    assert not added.rewrites and changed.kind is Kind.SET_EXPRESSION and not changed.rewrites
    created = DdlReader().read("m.sql", "CREATE TABLE u (a int, v int GENERATED ALWAYS AS (a) VIRTUAL);"
                               "ALTER TABLE u ALTER COLUMN v SET EXPRESSION AS (a + 1);")  # fmt: skip
    assert not created.actions[-1].rewrites


def test_a_named_not_null_constraint_proves_itself_as_set_not_null_does():
    action = _one("ALTER TABLE t ADD CONSTRAINT t_c NOT NULL c")
    assert (action.kind, action.name, action.scans, action.has_not_null_check) == (Kind.SET_NOT_NULL, "c", True, False)
    proved = _one(
        "ALTER TABLE t ADD CONSTRAINT t_c NOT NULL c", KnownSchema(not_null_checks=frozenset({("public.t", "c")}))
    )
    assert proved.has_not_null_check
    later = _one("ALTER TABLE t ADD CONSTRAINT t_c NOT NULL c NOT VALID")
    assert later.kind is Kind.ADD_CONSTRAINT and not later.scans
