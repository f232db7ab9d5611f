"""TimescaleDB: hypertables, their dimensions, chunks, compression, continuous aggregates and jobs.

The SQL (sql/timescaledb_*.sql) returns the columns of the documented ``timescaledb_information`` views as
they are; :func:`timescale_facts` maps those rows to facts. The live path and the recorded server in the
tests feed the same function, so the mapping is proven against what a real TimescaleDB returns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ..db import Session
from ..facts import Chunk, ContinuousAggregate, Extension, Hypertable, TimescaleFacts, TimescaleJob
from ..versions import TimescaleVersion
from .base import Gaps

Rows = Sequence[Mapping[str, Any]]

_ALWAYS = (
    "hypertables",
    "dimensions",
    "chunks",
    "chunk_sizes",
    "hypertable_sizes",
    "continuous_aggregates",
    "jobs",
    "job_stats",
)
_UPGRADE = "upgrade TimescaleDB to 2.15 or later"


def queries_for(version: TimescaleVersion) -> tuple[str, ...]:
    """The kinds of rows (``sql/timescaledb_<kind>.sql``) this TimescaleDB release can answer."""
    optional = ("compression_settings",) if version.has_hypertable_compression_settings else ()
    failures = ("job_history",) if version.has_job_history else ("job_errors",)
    return (*_ALWAYS, *optional, *failures)


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
    chunk_sizes = {(r["chunk_schema"], r["chunk_name"]): r["total_bytes"] for r in rows.get("chunk_sizes", ())}
    chunks = tuple(
        Chunk(
            hypertable_schema=r["hypertable_schema"],
            hypertable_name=r["hypertable_name"],
            schema=r["chunk_schema"],
            name=r["chunk_name"],
            range_start=_bound(r["range_start"], r["range_start_integer"]),
            range_end=_bound(r["range_end"], r["range_end_integer"]),
            is_compressed=bool(r["is_compressed"]),
            total_size_bytes=chunk_sizes.get((r["chunk_schema"], r["chunk_name"])) or 0,
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
    compressed = Counter((c.hypertable_schema, c.hypertable_name, c.is_compressed) for c in chunks)
    hypertables = []
    for r in rows.get("hypertables", ()):
        key = (r["hypertable_schema"], r["hypertable_name"])
        dimension = primary.get(key, {})
        size = sizes.get(key, {})
        setting = _settings_of(settings, *key)
        interval = dimension.get("time_interval") or dimension.get("integer_interval")
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
            )
        )
    return tuple(hypertables)


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
