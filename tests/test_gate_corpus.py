"""The bench corpus: its labels checked on the real server, and the gate's scores on it."""

from __future__ import annotations

import re

import pytest

from bench import gate
from pgtune.gate.context import MigrationContext
from pgtune.gate.files import read

ENTRIES = gate.load_corpus()
VERIFIED = [e for e in ENTRIES if e.verify]


def test_corpus_is_labelled_and_large_enough():
    assert len(ENTRIES) >= 60
    assert {e.label for e in ENTRIES} == {"hazard", "safe"}
    assert all(e.path.exists() and e.category for e in ENTRIES)
    assert len(VERIFIED) >= 15


def test_the_gate_meets_its_targets_on_the_corpus():
    static = gate.score(ENTRIES, gate.pgtune_flags(ENTRIES, MigrationContext.empty()))
    assert static["recall"] >= 0.95 and static["specificity"] >= 0.95
    # Alone, a migration cannot tell a varchar widening from a narrowing, nor a numeric precision raise
    # from a scale change: the first passes with a note, the second fails. The history decides both.
    assert static["missed"] == ["alter_type_narrow_varchar.sql"]
    assert static["false_alarms"] == ["alter_type_widen_numeric.sql"]
    history = gate.score(
        ENTRIES, gate.pgtune_flags(ENTRIES, MigrationContext.empty(), history=(gate.CORPUS / "schema.sql",))
    )
    assert (history["missed"], history["false_alarms"]) == ([], [])


def _filenode(conn, table: str) -> int:
    return conn.execute("SELECT pg_relation_filenode(%s::regclass)", (table,)).fetchone()[0]


@pytest.fixture(scope="module")
def corpus_db(database):
    database.execute((gate.CORPUS / "schema.sql").read_text())
    return database


@pytest.mark.parametrize("entry", VERIFIED, ids=[e.path.name for e in VERIFIED])
def test_label_holds_on_the_server(corpus_db, entry):
    """Rewrites change the table's relfilenode; lock labels are the mode pg_locks shows the migration holding."""
    sql = read(entry.path).text
    table = entry.verify.split(":")[1] if entry.verify.startswith("lock:") else _rewritten_table(sql)
    with corpus_db.connect() as conn:
        if sql.lstrip().upper().startswith("VACUUM"):
            before = _filenode(conn, table)
            conn.execute(sql)
            assert _filenode(conn, table) != before
            return
        conn.execute("BEGIN")
        before = _filenode(conn, table)
        conn.execute(sql)
        held = {
            row[0]
            for row in conn.execute(
                "SELECT mode FROM pg_locks WHERE relation = %s::regclass AND pid = pg_backend_pid()", (table,)
            )
        }
        after = _filenode(conn, table)
        conn.execute("ROLLBACK")
    if entry.verify == "rewrite":
        assert after != before
    elif entry.verify == "no-rewrite":
        assert after == before
    else:
        assert entry.verify.split(":")[2] in held


def _rewritten_table(sql: str) -> str:
    return re.search(r"(?:ALTER TABLE|FULL|CLUSTER)\s+(\w+)", sql, re.I)[1]


@pytest.mark.slow
def test_bench_runs_end_to_end(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(gate, "write_result", lambda name, result: tmp_path / f"{name}.json")
    assert gate.main(["--files", "30"]) == 0
    out = capsys.readouterr().out
    assert "pgtune (--snapshot)" in out and "Time to check 30 migration files" in out
