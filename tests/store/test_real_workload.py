"""Deltas from two real readings of pg_stat_statements around a workload, and a real reset between them.

The readings are this test's own SQL because the collectors are not merged yet; once they are,
``pgtune.collectors.collect(session, options)`` should replace ``reading()`` here.
"""

from __future__ import annotations

from datetime import datetime, timezone

from pgtune.facts import ServerFacts, Snapshot, StatementStats, TableFacts
from pgtune.store.deltas import interval

POINT_QUERY = "SELECT v FROM history_t WHERE id = %s"

_STATEMENTS = """
SELECT queryid, query, calls, total_exec_time, mean_exec_time, stddev_exec_time, min_exec_time, max_exec_time,
       rows, shared_blks_hit, shared_blks_read, toplevel
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
"""


def reading(database) -> Snapshot:
    with database.connect() as conn:
        rows = conn.execute(_STATEMENTS).fetchall()
        reset_at, deallocations = conn.execute("SELECT stats_reset, dealloc FROM pg_stat_statements_info").fetchone()
        started_at, version = conn.execute(
            "SELECT pg_postmaster_start_time(), current_setting('server_version')"
        ).fetchone()
        seq_scan, idx_scan = conn.execute(
            "SELECT seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'history_t'"
        ).fetchone()
    return Snapshot(
        server=ServerFacts(150000, version, database.dbname, database.user, started_at=started_at),
        collected_at=datetime.now(timezone.utc),
        statements=tuple(
            StatementStats(
                queryid=r[0],
                query=r[1],
                calls=r[2],
                total_exec_ms=r[3],
                mean_exec_ms=r[4],
                stddev_exec_ms=r[5],
                min_exec_ms=r[6],
                max_exec_ms=r[7],
                rows=r[8],
                shared_blks_hit=r[9],
                shared_blks_read=r[10],
                toplevel=r[11],
            )
            for r in rows
        ),
        statements_reset_at=reset_at,
        statements_deallocations=deallocations,
        tables=(TableFacts("public", "history_t", seq_scan=seq_scan, idx_scan=idx_scan),),
    )


def _point_query(snapshot_or_delta):
    (found,) = [s for s in snapshot_or_delta.statements if s.query.startswith("SELECT v FROM history_t")]
    return found


def test_a_real_workload_and_a_real_reset(database, store):
    database.execute(
        "CREATE TABLE IF NOT EXISTS history_t (id int PRIMARY KEY, v int);"
        "INSERT INTO history_t SELECT g, g FROM generate_series(1, 1000) g ON CONFLICT DO NOTHING; ANALYZE history_t"
    )
    database.run_workload([(POINT_QUERY, (7,))], repeat=3)
    first = reading(database)
    database.run_workload([(POINT_QUERY, (i,)) for i in range(1, 41)])
    second = reading(database)
    store.save_snapshot(first, "suite")
    store.save_snapshot(second, "suite")
    stored_first, stored_second = (store.load_snapshot(s.id) for s in store.snapshots("suite"))

    delta = interval(stored_first, stored_second)
    point = _point_query(delta)
    assert point.calls == 40 and point.rows == 40
    assert 0 < point.total_exec_ms < _point_query(second).total_exec_ms
    assert delta.tables[0].idx_scan == 40 and not delta.events

    database.reset_statements()
    database.run_workload([(POINT_QUERY, (i,)) for i in range(1, 6)])
    third = reading(database)
    after_reset = interval(second, third)
    assert "statements-reset" in [e.kind for e in after_reset.events]
    assert _point_query(after_reset).calls == 5
