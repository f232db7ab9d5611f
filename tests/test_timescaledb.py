"""The TimescaleDB collector's row → fact mapping against what a real TimescaleDB 2.28.3 returned.

The recording lives beside the repository (../shared/timescaledb/2.28.3, see its README.md); the rows of
each view are what the live SQL selects, so the live path and this test share the mapping.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timezone

import pytest
from pglast import parser
from pglast.visitors import Visitor
from psycopg import sql

from pgtune.collectors.base import Gaps
from pgtune.collectors.timescaledb import collect_timescaledb, fold_chunks, queries_for, timescale_facts
from pgtune.db import connect
from pgtune.facts import (
    Chunk,
    Extension,
    Hypertable,
    IndexFacts,
    ServerFacts,
    Snapshot,
    TableFacts,
    TimescaleFacts,
)
from pgtune.resources import data_dir
from pgtune.versions import TimescaleVersion

from .timescale_recording import RECORDING, VERSION, VIEWS, per_hypertable, recorded_facts, recorded_rows

pytestmark = pytest.mark.skipif(not RECORDING.is_dir(), reason=f"the TimescaleDB recording is not at {RECORDING}")


@pytest.fixture(scope="module")
def facts():
    return recorded_facts()


def test_hypertables_with_intervals_sizes_and_compression(facts):
    hypertables = {h.name: h for h in facts.hypertables}
    assert set(hypertables) == {"trades", "orders", "funding_rates"}
    trades = hypertables["trades"]
    assert (trades.time_column, trades.time_column_type, trades.chunk_interval) == (
        "executed_at",
        "timestamp with time zone",
        "1 day",
    )
    assert trades.compression_enabled and trades.segmentby == ("market_id",) and trades.orderby == ("executed_at DESC",)
    assert (trades.compressed_chunks, trades.uncompressed_chunks, trades.num_chunks) == (53, 8, 61)
    assert trades.total_size_bytes == 69574656
    assert (trades.before_compression_bytes, trades.after_compression_bytes) == (280838144, 31129600)
    orders = hypertables["orders"]
    assert orders.num_dimensions == 2 and orders.chunk_interval == "7 days" and not orders.compression_enabled
    assert orders.before_compression_bytes is None and orders.segmentby == ()
    funding = hypertables["funding_rates"]
    assert funding.chunk_interval == "01:00:00" and funding.num_chunks == 720


def test_chunks_carry_ranges_sizes_and_compression_state(facts):
    funding = [c for c in facts.chunks if c.hypertable_name == "funding_rates"]
    assert len(funding) == 720 and all(c.total_size_bytes == 49152 for c in funding)
    first = min((c for c in facts.chunks if c.hypertable_name == "trades"), key=lambda c: c.range_start)
    assert first.is_compressed and first.range_start < first.range_end
    assert first.range_start.endswith("+00:00")


def test_continuous_aggregates_and_failing_jobs(facts):
    caggs = {c.name: c for c in facts.continuous_aggregates}
    assert not caggs["candles_1m"].materialized_only and caggs["candles_1m"].hypertable_name == "trades"
    assert "time_bucket" in caggs["candles_1h"].definition
    failing = [j for j in facts.jobs if j.last_run_status == "Failed"]
    assert len(failing) == 5 and all(j.total_failures >= 1 for j in failing)
    assert all(j.last_error == '24000: cannot drop portal "" while it is being set up' for j in failing)
    assert all(j.last_successful_finish is None for j in failing)
    retention = next(j for j in facts.jobs if j.proc_name == "policy_retention")
    assert retention.hypertable == "public.trades" and retention.scheduled


def test_the_last_error_is_the_newest_failure():
    job = {"job_id": 7, "application_name": "a", "proc_name": "p", "hypertable_schema": None}
    runs = [
        {
            "job_id": 7,
            "succeeded": False,
            "start_time": "2026-01-01T00:00:00+00:00",
            "sqlerrcode": "1",
            "err_message": "old",
        },
        {
            "job_id": 7,
            "succeeded": True,
            "start_time": "2026-01-03T00:00:00+00:00",
            "sqlerrcode": None,
            "err_message": None,
        },
        {
            "job_id": 7,
            "succeeded": False,
            "start_time": "2026-01-02T00:00:00+00:00",
            "sqlerrcode": "2",
            "err_message": "new",
        },
    ]
    job.update(hypertable_name=None, schedule_interval="1 day", scheduled=True)
    (facts_job,) = timescale_facts(VERSION, {"jobs": [job], "job_history": runs}).jobs
    assert facts_job.last_error == "2: new" and facts_job.last_run_status is None


def test_older_releases_read_the_views_they_have():
    old = queries_for(TimescaleVersion.parse("2.14.2"))
    assert "compression_settings" not in old and "job_errors" in old and "job_history" not in old
    rows = recorded_rows()
    facts = timescale_facts("2.14.2", {kind: rows.get(kind, []) for kind in old})
    assert {j.last_error is not None for j in facts.jobs if j.last_run_status == "Failed"} == {True}
    assert all(h.segmentby == () for h in facts.hypertables)


class _Columns(Visitor):
    """Each column reference and the relations (view or alias) it may come from."""

    def __init__(self) -> None:
        self.views: dict[str, str] = {}
        self.columns: list[tuple[str | None, str]] = []

    def visit_RangeVar(self, ancestors, node):
        if node.schemaname == "timescaledb_information":
            self.views[node.alias.aliasname if node.alias else node.relname] = node.relname

    def visit_ColumnRef(self, ancestors, node):
        names = [f.sval for f in node.fields if hasattr(f, "sval")]
        self.columns.append((names[0], names[1]) if len(names) == 2 else (None, names[-1]))


@pytest.mark.parametrize("path", sorted(data_dir("sql").glob("timescaledb_*.sql")), ids=lambda p: p.stem)
def test_every_selected_view_column_exists_in_2_28_3(path):
    known = json.loads((RECORDING / "columns.json").read_text())["views"]
    finder = _Columns()
    finder(parser.parse_sql(path.read_text().replace("{tsdb}", "public")))
    assert finder.views, "every TimescaleDB query reads a timescaledb_information view"
    single = next(iter(finder.views.values())) if len(finder.views) == 1 else None
    checked = 0
    for qualifier, column in finder.columns:
        view = finder.views.get(qualifier) if qualifier else single
        if view is None:
            continue
        assert column in {c["column_name"] for c in known[f"timescaledb_information.{view}"]}, (view, column)
        checked += 1
    assert checked


_TYPES = {"regclass": "text", "regrole": "text", "regtype": "text"}
_FUNCTIONS = ("chunks_detailed_size", "hypertable_detailed_size", "hypertable_compression_stats")


def _stand_in_views(conn) -> None:
    """The recorded views, as views over their recorded rows, so that the live SQL runs unchanged."""
    known = json.loads((RECORDING / "columns.json").read_text())["views"]
    conn.execute("CREATE SCHEMA timescaledb_information")
    for view in VIEWS.values():
        columns = sql.SQL(", ").join(
            sql.SQL("{} {}").format(sql.Identifier(c["column_name"]), sql.SQL(_TYPES.get(c["pg_type"], c["pg_type"])))
            for c in known[f"timescaledb_information.{view}"]
        )
        rows = (RECORDING / "views" / f"timescaledb_information.{view}.json").read_text()
        conn.execute(
            sql.SQL(
                "CREATE VIEW timescaledb_information.{} AS SELECT * FROM json_to_recordset({}::json) AS t({})"
            ).format(sql.Identifier(view), sql.Literal(rows), columns)
        )


def _stand_in_functions(conn) -> None:
    """The size functions answer from the recording, per hypertable, like the real ones."""
    conn.execute("CREATE SCHEMA tsdb_stub")
    for function in _FUNCTIONS:
        recorded = per_hypertable(function)
        keys = dict.fromkeys(k for rows in recorded.values() for row in rows for k in row)
        columns = ", ".join(f"{k} {'name' if k.endswith(('_schema', '_name')) else 'bigint'}" for k in keys)
        by_table = json.dumps({".".join(key): rows for key, rows in recorded.items()})
        conn.execute(
            sql.SQL(
                "CREATE FUNCTION tsdb_stub.{}(relation regclass) RETURNS TABLE ({}) LANGUAGE sql AS $$"
                " SELECT * FROM json_to_recordset(({}::json) -> (SELECT n.nspname || '.' || c.relname FROM pg_class c"
                " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = relation)) AS t({}) $$"
            ).format(sql.Identifier(function), sql.SQL(columns), sql.Literal(by_table), sql.SQL(columns))
        )


def _stand_in_scalars(conn) -> None:
    """approximate_row_count from the recording; TimescaleDB's compression defaults (not recorded) as fixed JSON."""
    counts = json.dumps(
        {".".join(key): row["approximate_row_count"] for key, row in per_hypertable("approximate_row_count").items()}
    )
    conn.execute(
        sql.SQL(
            "CREATE FUNCTION tsdb_stub.approximate_row_count(relation regclass) RETURNS bigint LANGUAGE sql AS $$"
            " SELECT (({}::json) ->> (SELECT n.nspname || '.' || c.relname FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = relation))::bigint $$"
        ).format(sql.Literal(counts))
    )
    conn.execute(
        "CREATE SCHEMA _timescaledb_functions;"
        "CREATE FUNCTION _timescaledb_functions.get_segmentby_defaults(regclass) RETURNS jsonb LANGUAGE sql AS"
        ' $$ SELECT \'{"columns": [], "confidence": 5, "message": "no index"}\'::jsonb $$;'
        "CREATE FUNCTION _timescaledb_functions.get_orderby_defaults(regclass, text[]) RETURNS jsonb LANGUAGE sql AS"
        ' $$ SELECT \'{"clauses": ["t DESC"], "confidence": 8}\'::jsonb $$'
    )


def test_the_live_sql_reads_the_same_facts(database, facts):
    with database.connect() as conn:
        _stand_in_views(conn)
        _stand_in_functions(conn)
        _stand_in_scalars(conn)
        conn.execute(
            "CREATE TABLE trades (); CREATE TABLE orders (); CREATE TABLE funding_rates ();"
            "CREATE SCHEMA _timescaledb_internal; CREATE TABLE _timescaledb_internal._materialized_hypertable_2 ();"
            "CREATE TABLE _timescaledb_internal._materialized_hypertable_3 ()"
        )
    gaps = Gaps()
    with connect(database.dsn) as session:
        live = collect_timescaledb(session, Extension("timescaledb", VERSION, "tsdb_stub"), gaps)
    assert gaps.items == []
    assert {(h.default_segmentby, h.default_segmentby_note, h.default_orderby) for h in live.hypertables} == {
        ((), "confidence 5/10: no index", ("t DESC",))
    }
    unset = {"default_segmentby": None, "default_segmentby_note": "", "default_orderby": None}
    hypertables = [dataclasses.replace(h, **unset) for h in live.hypertables]
    assert sorted(hypertables, key=repr) == sorted(facts.hypertables, key=repr)
    assert sorted(live.chunks, key=repr) == sorted(facts.chunks, key=repr)
    assert sorted(live.jobs, key=repr) == sorted(facts.jobs, key=repr)
    assert sorted(live.continuous_aggregates, key=repr) == sorted(facts.continuous_aggregates, key=repr)


def test_an_old_release_is_a_gap_for_what_it_lacks(database):
    gaps = Gaps()
    with connect(database.dsn) as session:
        old = collect_timescaledb(session, Extension("timescaledb", "2.14.2", "tsdb_stub"), gaps)
    reasons = {g.source: g.reason for g in gaps.items}
    assert reasons["timescaledb compression_settings"] == "TimescaleDB 2.14.2 lacks the view"
    assert list(reasons) == ["timescaledb compression_settings"] and old.hypertables
    assert {j.last_error is not None for j in old.jobs if j.last_run_status == "Failed"} == {True}


def test_releases_before_2_14_have_no_compression_defaults():
    assert "compression_defaults" not in queries_for(TimescaleVersion.parse("2.13.1"))
    assert "compression_defaults" in queries_for(TimescaleVersion.parse("2.14.0"))


def test_a_hypertable_is_folded_over_its_chunks():
    parent = TableFacts("public", "ticks", reltuples=0, size_bytes=0, total_size_bytes=8192, n_tup_ins=0)
    chunks = [
        TableFacts(
            "_timescaledb_internal",
            f"_hyper_1_{n}_chunk",
            reltuples=1000,
            size_bytes=81920,
            n_tup_ins=1000,
            idx_scan=n,
            last_autoanalyze=datetime(2026, 1, n, tzinfo=timezone.utc),
        )
        for n in (1, 2)
    ]
    catalog = TableFacts("_timescaledb_catalog", "hypertable")
    index = IndexFacts(
        "public", "ticks", "ticks_ts_idx", "CREATE INDEX ticks_ts_idx ON public.ticks (ts)", columns=("ts",)
    )
    copies = [
        IndexFacts(
            "_timescaledb_internal",
            c.name,
            f"{c.name}_ticks_ts_idx",
            "…",
            columns=("ts",),
            idx_scan=3,
            size_bytes=16384,
        )
        for c in chunks
    ]
    # A constraint's index on a chunk is named after the constraint: matched by its definition instead.
    renamed = IndexFacts("_timescaledb_internal", chunks[0].name, "1_1_ticks_key", "…", columns=("ts",), idx_scan=1)
    timescale = TimescaleFacts(
        "2.28.3",
        hypertables=(
            Hypertable(
                "public",
                "ticks",
                "ts",
                "timestamp with time zone",
                "1 day",
                total_size_bytes=300_000,
                heap_size_bytes=200_000,
                approximate_rows=2500,
            ),
        ),
        chunks=tuple(Chunk("public", "ticks", c.schema, c.name, None, None, False) for c in chunks),
    )
    snapshot = fold_chunks(
        Snapshot(
            server=ServerFacts(150000, "15", "db", "postgres"),
            collected_at=datetime(2026, 1, 3, tzinfo=timezone.utc),
            tables=(parent, *chunks, catalog),
            indexes=(index, *copies, renamed),
            timescaledb=timescale,
        )
    )
    (ticks,) = snapshot.tables
    assert (ticks.size_bytes, ticks.total_size_bytes, ticks.reltuples) == (200_000, 300_000, 2500.0)
    assert (ticks.n_tup_ins, ticks.idx_scan, ticks.last_autoanalyze.day) == (2000, 3, 2)
    (folded,) = snapshot.indexes
    assert (folded.idx_scan, folded.size_bytes) == (7, 32768)
    assert fold_chunks(dataclasses.replace(snapshot, timescaledb=None)) == dataclasses.replace(
        snapshot, timescaledb=None
    )
