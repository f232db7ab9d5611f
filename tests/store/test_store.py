"""The history store's contract, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pgtune.errors import BadInput
from pgtune.facts import QualStat
from pgtune.resources import data_dir
from pgtune.store import open_store, parse_age, store_url
from pgtune.store.errors import StoreTooNew, StoreUnavailable
from pgtune.store.location import default_store_path
from pgtune.store.migrate import available
from tests.report.canonical import CANONICAL

from .factory import index_plan, night, orders_index, orders_table, snapshot, stmt

ROOT = Path(__file__).resolve().parents[2]


def busy_snapshot(n: int):
    return snapshot(
        n,
        [stmt(1, 100 * (n + 1), 250.0 * (n + 1), stddev_exec_ms=0.5, temp_blks_written=3), stmt(2, 8, 2.0)],
        tables=[orders_table(seq_scan=n)],
        indexes=[orders_index(idx_scan=10 * n)],
        plans=[index_plan(1)],
        blks_hit=1000 * n,
    )


def test_snapshot_round_trip(store):
    original = busy_snapshot(1)
    original = original.__class__(
        **{**original.__dict__, "qualstats": (QualStat("public", "orders", "id", "=", None, 3, 0.1),)}
    )
    snapshot_id = store.save_snapshot(original, "orders-db")
    assert store.load_snapshot(snapshot_id) == original
    (row,) = store.snapshots("orders-db")
    assert (row.id, row.server, row.collected_at, row.server_version, row.statement_count) == (
        snapshot_id,
        "orders-db",
        night(1),
        "15.4",
        2,
    )


def test_texts_are_stored_once_per_server(store):
    for n in range(3):
        store.save_snapshot(busy_snapshot(n), "orders-db")
    store.save_snapshot(busy_snapshot(0), "ledger-db")
    assert store._rows("SELECT count(*) FROM statement_texts")[0][0] == 4
    assert store.servers() == ("ledger-db", "orders-db")
    assert [s.collected_at for s in store.snapshots("orders-db")] == [night(0), night(1), night(2)]
    assert store.snapshots("nobody") == ()


def test_analysis_round_trip(store):
    snapshot_id = store.save_snapshot(busy_snapshot(0), "orders-db")
    store.save_analysis(CANONICAL, snapshot_id)
    (stored,) = store.analyses("orders-db")
    assert stored.report == CANONICAL and stored.snapshot_id == snapshot_id and stored.collected_at == night(0)
    with pytest.raises(BadInput, match="no snapshot 999"):
        store.save_analysis(CANONICAL, 999)
    with pytest.raises(BadInput, match="no snapshot 999"):
        store.load_snapshot(999)


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_bad_server_name(store, name):
    with pytest.raises(BadInput, match="server name"):
        store.save_snapshot(busy_snapshot(0), name)


def test_migrations_are_recorded_once_and_a_newer_store_is_refused(store_url):
    with open_store(store_url) as first:
        assert first.schema_version() == available(first.dialect)[-1].version
        assert first.migrate() == ()
        first._rows("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'x')")
    with pytest.raises(StoreTooNew, match="schema version 9999, newer than this pgtune"):
        open_store(store_url)


def test_prune_removes_old_snapshots_their_analyses_and_unused_texts(store):
    old = store.save_snapshot(snapshot(0, [stmt(5, 1, 1.0, "SELECT gone")]), "orders-db")
    store.save_analysis(CANONICAL, old)
    store.save_snapshot(busy_snapshot(10), "orders-db")
    assert store.prune(night(5)) == 1
    assert [s.collected_at for s in store.snapshots("orders-db")] == [night(10)]
    assert store.analyses("orders-db") == ()
    assert store._rows("SELECT count(*) FROM statement_texts")[0][0] == 2


_WRITER = textwrap.dedent(
    """
    import sys, time
    from pgtune.store import codec, open_store

    sys.path.insert(0, sys.argv[2])
    from factory import snapshot, stmt

    store = open_store(sys.argv[1])
    store.save_snapshot(snapshot(0, [stmt(i, 1, 1.0) for i in range(50)]), "orders-db")

    def stall(value):
        print("writing", flush=True)
        time.sleep(600)

    codec.encode_facts = stall
    store.save_snapshot(snapshot(1, [stmt(i, 2, 2.0, f"SELECT {i} AS new") for i in range(50)]), "orders-db")
    """
)


def test_a_killed_snapshot_write_leaves_the_store_as_it_was(store_url):
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, store_url, str(Path(__file__).parent)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "writing"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    with open_store(store_url) as reopened:
        (only,) = reopened.snapshots("orders-db")
        assert only.collected_at == night(0)
        assert reopened._rows("SELECT count(*) FROM statement_texts")[0][0] == 50
        assert len(reopened.load_snapshot(only.id).statements) == 50
    if store_url.startswith("sqlite://"):
        with sqlite3.connect(store_url.removeprefix("sqlite://")) as check:
            assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_timescaledb_is_detected_and_absent_here(store):
    if store.dialect != "postgresql":
        pytest.skip("TimescaleDB is a PostgreSQL extension")
    assert store.has_timescaledb() is False


def test_missing_and_broken_sqlite_stores(tmp_path):
    with pytest.raises(StoreUnavailable, match="there is no history store"):
        open_store(f"sqlite://{tmp_path}/absent.sqlite3", create=False)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreUnavailable, match="cannot open the history store"):
        open_store(f"sqlite://{garbage}")


def test_unreachable_postgresql_store_hides_the_password():
    with pytest.raises(StoreUnavailable) as raised:
        open_store("postgresql://pgtune:s3cret@127.0.0.1:1/history")
    assert raised.value.exit_code == 3
    assert "s3cret" not in raised.value.one_line() and "***" in raised.value.one_line()


@pytest.mark.parametrize("url", ["mysql://db/x", "sqlite://", "history.sqlite3"])
def test_bad_store_urls(url):
    with pytest.raises(BadInput):
        open_store(url)


def test_default_location(monkeypatch, tmp_path):
    monkeypatch.delenv("PGTUNE_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_store_path() == tmp_path / "pgtune" / "history.sqlite3"
    assert store_url(None) == f"sqlite://{tmp_path}/pgtune/history.sqlite3"
    monkeypatch.setenv("PGTUNE_STORE", "postgresql://h/db")
    assert store_url(None) == "postgresql://h/db" and store_url("sqlite:///x") == "sqlite:///x"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_store_path() == Path.home() / ".local" / "share" / "pgtune" / "history.sqlite3"


@pytest.mark.parametrize(("text", "days"), [("90d", 90), ("12h", 0.5), ("2w", 14), (" 7 d ", 7)])
def test_parse_age(text, days):
    assert parse_age(text, "--since").total_seconds() == days * 86400


@pytest.mark.parametrize("text", ["", "0d", "7", "7m", "-1d", "d7"])
def test_parse_age_rejects(text):
    with pytest.raises(BadInput, match="--keep"):
        parse_age(text, "--keep")


def test_dialect_variant_wins_over_portable_file(tmp_path):
    for name in ("0001_a.sql", "0001_a.sqlite.sql", "0002_b.sql", "0003_c.postgresql.sql", "README.md", "x.sql"):
        (tmp_path / name).write_text("CREATE TABLE t (a int);\n-- comment\nCREATE TABLE u (b int);")
    chosen = available("sqlite", tmp_path)
    assert [(m.version, m.path.name) for m in chosen] == [(1, "0001_a.sqlite.sql"), (2, "0002_b.sql")]
    assert chosen[0].statements() == ["CREATE TABLE t (a int)", "CREATE TABLE u (b int)"]


def test_malformed_postgresql_store_url_is_bad_input():
    with pytest.raises(BadInput, match="malformed"):
        open_store("postgresql://u:pw@127.0.0.1:1/db?bogusparam=1")


def test_a_role_that_cannot_create_the_schema_gets_a_clear_error(database):
    with database.connect() as conn:
        conn.execute("DROP ROLE IF EXISTS store_reader")
        conn.execute("CREATE ROLE store_reader LOGIN PASSWORD 'reader-pw'")
        conn.execute("CREATE SCHEMA IF NOT EXISTS locked")
    url = f"postgresql://store_reader:reader-pw@{database.host}:{database.port}/{database.dbname}?options=-csearch_path%3Dlocked"
    with pytest.raises(StoreUnavailable) as raised:
        open_store(url)
    line = raised.value.one_line()
    assert "cannot prepare the history store" in line and "no schema has been selected to create in —" in line
    assert "the store's role needs CREATE" in line and "reader-pw" not in line


def test_migrations_are_found_through_the_package():
    assert data_dir("migrations") == ROOT / "migrations"
    assert [m.version for m in available("sqlite")] == [m.version for m in available("postgresql")]
