"""TimescaleDB: hypertables, their dimensions, chunks, compression, continuous aggregates and jobs.

The SQL (sql/timescaledb_*.sql) returns the columns of the documented ``timescaledb_information`` views as
they are; :func:`timescale_facts` maps those rows to facts. The live path and the recorded server in the
tests feed the same function, so the mapping is proven against what a real TimescaleDB returns.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ..db import Session
from ..facts import (
    Chunk,
    ContinuousAggregate,
    Extension,
    Hypertable,
    IndexFacts,
    Snapshot,
    TableFacts,
    TimescaleFacts,
    TimescaleJob,
)
from ..versions import TimescaleVersion
from .base import Gaps

Rows = Sequence[Mapping[str, Any]]

_ALWAYS = (
    "hypertables",
    "dimensions",
    "chunks",
    "chunk_sizes",
    "chunk_time_bounds",
    "hypertable_sizes",
    "continuous_aggregates",
    "jobs",
    "job_stats",
)
_UPGRADE = "upgrade TimescaleDB to 2.15 or later"


def queries_for(version: TimescaleVersion) -> tuple[str, ...]:
    """The kinds of rows (``sql/timescaledb_<kind>.sql``) this TimescaleDB release can answer."""
    optional = ("compression_settings",) if version.has_hypertable_compression_settings else ()
    defaults = ("compression_defaults",) if version.has_compression_defaults else ()
    failures = ("job_history",) if version.has_job_history else ("job_errors",)
    return (*_ALWAYS, *optional, *defaults, *failures)


def collect_timescaledb(session: Session, extension: Extension, gaps: Gaps) -> TimescaleFacts:
    version = TimescaleVersion.parse(extension.version)
    if not version.has_hypertable_compression_settings:
        gaps.add("timescaledb compression_settings", f"TimescaleDB {extension.version} lacks the view", _UPGRADE)
    rows: dict[str, Rows] = {}
    for kind in queries_for(version):
        rows[kind] = gaps.attempt(
            f"timescaledb {kind}",
            lambda kind=kind: session.named(f"timescaledb_{kind}", schemas={"tsdb": extension.schema}),
            [],
        )
    return timescale_facts(extension.version, rows)


def timescale_facts(version: str, rows: Mapping[str, Rows]) -> TimescaleFacts:
    """Facts from the rows of each kind (a kind missing or empty gives no facts of that kind)."""
    chunk_sizes = {(r["chunk_schema"], r["chunk_name"]): r for r in rows.get("chunk_sizes", ())}
    bounds = {(r["chunk_schema"], r["chunk_name"]): r for r in rows.get("chunk_time_bounds", ())}
    chunks = tuple(
        Chunk(
            hypertable_schema=r["hypertable_schema"],
            hypertable_name=r["hypertable_name"],
            schema=r["chunk_schema"],
            name=r["chunk_name"],
            range_start=_bound(r["range_start"], r["range_start_integer"]),
            range_end=_bound(r["range_end"], r["range_end_integer"]),
            is_compressed=bool(r["is_compressed"]),
            total_size_bytes=chunk_sizes.get((r["chunk_schema"], r["chunk_name"]), {}).get("total_bytes") or 0,
            index_size_bytes=chunk_sizes.get((r["chunk_schema"], r["chunk_name"]), {}).get("index_bytes") or 0,
            data_start=_bound(bounds.get((r["chunk_schema"], r["chunk_name"]), {}).get("data_start"), None),
            data_end=_bound(bounds.get((r["chunk_schema"], r["chunk_name"]), {}).get("data_end"), None),
        )
        for r in rows.get("chunks", ())
    )
    return TimescaleFacts(
        version=version,
        hypertables=_hypertables(rows, chunks),
        chunks=chunks,
        continuous_aggregates=tuple(
            ContinuousAggregate(
                schema=r["view_schema"],
                name=r["view_name"],
                hypertable_schema=r["hypertable_schema"],
                hypertable_name=r["hypertable_name"],
                definition=r["view_definition"],
                materialized_only=bool(r["materialized_only"]),
                materialization_hypertable=f"{r['materialization_hypertable_schema']}.{r['materialization_hypertable_name']}",
            )
            for r in rows.get("continuous_aggregates", ())
        ),
        jobs=_jobs(rows),
    )


def _hypertables(rows: Mapping[str, Rows], chunks: tuple[Chunk, ...]) -> tuple[Hypertable, ...]:
    primary = {
        (r["hypertable_schema"], r["hypertable_name"]): r
        for r in rows.get("dimensions", ())
        if r["dimension_number"] == 1
    }
    sizes = {(r["hypertable_schema"], r["hypertable_name"]): r for r in rows.get("hypertable_sizes", ())}
    settings = {r["hypertable"]: r for r in rows.get("compression_settings", ())}
    defaults = {(r["hypertable_schema"], r["hypertable_name"]): r for r in rows.get("compression_defaults", ())}
    compressed = Counter((c.hypertable_schema, c.hypertable_name, c.is_compressed) for c in chunks)
    hypertables = []
    for r in rows.get("hypertables", ()):
        key = (r["hypertable_schema"], r["hypertable_name"])
        dimension = primary.get(key, {})
        size = sizes.get(key, {})
        setting = _settings_of(settings, *key)
        interval = dimension.get("time_interval") or dimension.get("integer_interval")
        segment_default, segment_note, order_default = _defaults(defaults.get(key))
        hypertables.append(
            Hypertable(
                schema=key[0],
                name=key[1],
                time_column=dimension.get("column_name", ""),
                time_column_type=dimension.get("column_type", ""),
                chunk_interval="" if interval is None else str(interval),
                num_dimensions=r["num_dimensions"],
                num_chunks=r["num_chunks"],
                compression_enabled=bool(r["compression_enabled"]),
                segmentby=_list(setting.get("segmentby")),
                orderby=_list(setting.get("orderby")),
                total_size_bytes=size.get("total_bytes") or 0,
                compressed_chunks=compressed[(*key, True)],
                uncompressed_chunks=compressed[(*key, False)],
                before_compression_bytes=size.get("before_compression_total_bytes"),
                after_compression_bytes=size.get("after_compression_total_bytes"),
                heap_size_bytes=(size.get("table_bytes") or 0) + (size.get("toast_bytes") or 0),
                index_size_bytes=size.get("index_bytes") or 0,
                approximate_rows=size.get("approximate_row_count"),
                default_segmentby=segment_default,
                default_segmentby_note=segment_note,
                default_orderby=order_default,
            )
        )
    return tuple(hypertables)


def _defaults(row: Mapping[str, Any] | None) -> tuple[tuple[str, ...] | None, str, tuple[str, ...] | None]:
    """TimescaleDB's own segmentby (with its confidence and message) and orderby, from the JSON its functions return."""
    if row is None:
        return None, "", None
    segment, order = _json(row.get("segmentby")), _json(row.get("orderby"))
    note = f"confidence {segment.get('confidence', '?')}/10" + (
        f": {segment['message']}" if segment.get("message") else ""
    )
    return tuple(segment.get("columns") or ()), note, tuple(order.get("clauses") or ())


def _json(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        value = json.loads(value)
    return value if isinstance(value, dict) else {}


def _settings_of(settings: Mapping[str, Mapping[str, Any]], schema: str, name: str) -> Mapping[str, Any]:
    """The view names the hypertable as regclass text: qualified unless its schema is on the search path."""
    for text, row in settings.items():
        if text.replace('"', "") in (name, f"{schema}.{name}"):
            return row
    return {}


def _jobs(rows: Mapping[str, Rows]) -> tuple[TimescaleJob, ...]:
    stats = {r["job_id"]: r for r in rows.get("job_stats", ())}
    last_error: dict[int, Mapping[str, Any]] = {}
    for r in (*rows.get("job_history", ()), *rows.get("job_errors", ())):
        if r.get("succeeded"):
            continue
        seen = last_error.get(r["job_id"])
        if seen is None or _when(r["start_time"]) > _when(seen["start_time"]):
            last_error[r["job_id"]] = r
    jobs = []
    for r in rows.get("jobs", ()):
        stat = stats.get(r["job_id"], {})
        error = last_error.get(r["job_id"])
        on = f"{r['hypertable_schema']}.{r['hypertable_name']}" if r["hypertable_name"] else None
        jobs.append(
            TimescaleJob(
                job_id=r["job_id"],
                application_name=r["application_name"],
                proc_name=r["proc_name"],
                hypertable=on,
                schedule_interval=str(r["schedule_interval"]),
                scheduled=bool(r["scheduled"]),
                last_run_status=stat.get("last_run_status"),
                total_runs=stat.get("total_runs") or 0,
                total_failures=stat.get("total_failures") or 0,
                last_error=f"{error['sqlerrcode']}: {error['err_message']}" if error else None,
                last_run_started_at=_when(stat.get("last_run_started_at")),
                last_successful_finish=_when(stat.get("last_successful_finish")),
                config=tuple((k, str(v)) for k, v in _json(r.get("config")).items()),
            )
        )
    return tuple(jobs)


def _bound(time_value: Any, integer_value: Any) -> str | None:
    value = time_value if time_value is not None else integer_value
    if isinstance(value, datetime):
        return value.isoformat()
    return None if value is None else str(value)


def _when(value: Any) -> datetime | None:
    """Timestamps come as datetimes from the server and as ISO text from a recording; ±infinity is no time."""
    if value is None or isinstance(value, datetime):
        return value
    return None if "infinity" in value else datetime.fromisoformat(value)


def _list(text: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",")) if text else ()


INTERNAL_SCHEMA_PREFIX = "_timescaledb"
"""TimescaleDB's own schemas (_timescaledb_catalog, _timescaledb_internal, _timescaledb_functions, ...): its catalog
and chunks, never the user's to change."""
_COUNTERS = (
    "n_live_tup",
    "n_dead_tup",
    "n_mod_since_analyze",
    "seq_scan",
    "seq_tup_read",
    "idx_scan",
    "idx_tup_fetch",
    "n_tup_ins",
    "n_tup_upd",
    "n_tup_del",
    "n_tup_hot_upd",
    "heap_blks_read",
    "heap_blks_hit",
    "relpages",
    "relallvisible",
)
_INDEX_COUNTERS = ("idx_scan", "idx_tup_read", "idx_tup_fetch", "idx_blks_read", "idx_blks_hit", "size_bytes")


def fold_chunks(snapshot: Snapshot) -> Snapshot:
    """Tables, indexes and constraints as the user sees them: a hypertable's parent holds no rows, so its size, rows and
    counters are summed over its chunks (sizes from TimescaleDB's own functions, which count compressed chunks
    too), each of its indexes carries the sum of the chunks' copies, and the chunks and TimescaleDB's catalog
    leave the list: they are the extension's to manage, not the user's."""
    timescale = snapshot.timescaledb
    if timescale is None:
        return snapshot
    tables, indexes = snapshot.tables, snapshot.indexes
    chunk_of = {(c.schema, c.name): (c.hypertable_schema, c.hypertable_name) for c in timescale.chunks}
    hypertables = {(h.schema, h.name): h for h in timescale.hypertables}
    chunk_tables: dict[tuple[str, str], list[TableFacts]] = {}
    for table in tables:
        owner = chunk_of.get((table.schema, table.name))
        if owner in hypertables:
            chunk_tables.setdefault(owner, []).append(table)
    parents = {(i.schema, i.table, i.name): i for i in indexes if (i.schema, i.table) in hypertables}
    copies: dict[tuple[str, str, str], list[IndexFacts]] = {}
    for index in indexes:
        owner = chunk_of.get((index.schema, index.table))
        if owner in hypertables:
            parent = _parent_index(index, [i for i in parents.values() if (i.schema, i.table) == owner])
            if parent is not None:
                copies.setdefault((parent.schema, parent.table, parent.name), []).append(index)
    kept_tables = tuple(
        _folded_table(t, hypertables[key], chunk_tables.get(key, ()))
        if (key := (t.schema, t.name)) in hypertables
        else t
        for t in tables
        if not _internal(t.schema, t.name, chunk_of)
    )
    kept_indexes = tuple(
        _folded_index(i, copies.get((i.schema, i.table, i.name), ())) if (i.schema, i.table, i.name) in parents else i
        for i in indexes
        if not _internal(i.schema, i.table, chunk_of)
    )
    constraints = tuple(c for c in snapshot.constraints if not _internal(c.schema, c.table, chunk_of))
    return dataclasses.replace(snapshot, tables=kept_tables, indexes=kept_indexes, constraints=constraints)


def _internal(schema: str, name: str, chunk_of: Mapping[tuple[str, str], Any]) -> bool:
    return schema.startswith(INTERNAL_SCHEMA_PREFIX) or (schema, name) in chunk_of


def _parent_index(chunk_index: IndexFacts, candidates: list[IndexFacts]) -> IndexFacts | None:
    """The hypertable index a chunk's index copies: TimescaleDB names it ``<chunk>_<index>`` (cut to 63 bytes);
    failing the name (constraint indexes are named after the constraint), the one with the same definition."""
    for parent in candidates:
        if chunk_index.name == f"{chunk_index.table}_{parent.name}".encode()[:63].decode(errors="ignore"):
            return parent
    same = [p for p in candidates if _definition_key(p) == _definition_key(chunk_index)]
    return same[0] if same else None


def _definition_key(index: IndexFacts) -> tuple:
    return (index.method, index.columns, index.expressions, index.include_columns, index.predicate, index.is_unique)


def _folded_table(parent: TableFacts, hypertable: Hypertable, chunks: Sequence[TableFacts]) -> TableFacts:
    sums = {name: getattr(parent, name) + sum(getattr(c, name) for c in chunks) for name in _COUNTERS}
    rows = hypertable.approximate_rows
    analyzed = {
        name: max((t for t in (getattr(parent, name), *(getattr(c, name) for c in chunks)) if t), default=None)
        for name in ("last_analyze", "last_autoanalyze", "last_vacuum", "last_autovacuum")
    }
    return dataclasses.replace(
        parent,
        **sums,
        **analyzed,
        reltuples=float(rows) if rows is not None else sum(max(c.reltuples, 0) for c in chunks),
        size_bytes=hypertable.heap_size_bytes or sum(c.size_bytes for c in chunks),
        total_size_bytes=hypertable.total_size_bytes or sum(c.total_size_bytes for c in chunks),
    )


def _folded_index(parent: IndexFacts, copies: Sequence[IndexFacts]) -> IndexFacts:
    return dataclasses.replace(
        parent, **{name: getattr(parent, name) + sum(getattr(c, name) for c in copies) for name in _INDEX_COUNTERS}
    )
