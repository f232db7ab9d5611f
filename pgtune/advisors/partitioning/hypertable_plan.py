"""The TimescaleDB plan: a hypertable with chunks sized like native partitions, compression segmented by the
workload's equality columns, retention and refresh policies, and continuous aggregates for candle queries.

The calls use the spellings every TimescaleDB 2.13 and later accepts (``by_range``, ``add_compression_policy``,
``timescaledb.compress``); 2.18 renamed compression to columnstore but keeps these names as aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from ...facts import ColumnStats, Snapshot, TableFacts
from ...findings import Fix, FixSafety
from ...quantities import human_bytes
from .ddl import UniqueIndexes, ident, qualified, referencing_foreign_keys, short
from .intervals import parse_interval
from .signals import Rollup, TimeSeries, plural

MIN_COMPRESS_AFTER = timedelta(days=7)
MIN_ROWS_PER_SEGMENT = 1000
"""TimescaleDB compresses a segment in batches of 1,000 rows; thinner segments compress poorly."""
NUMERIC_TYPES = ("numeric", "integer", "bigint", "smallint", "real", "double precision")
DEFAULT_BUCKET = "1 minute"


@dataclass(frozen=True)
class Aggregate:
    name: str
    width: str
    width_assumed: bool
    group_columns: tuple[str, ...]
    measures: tuple[str, ...]
    rollups: tuple[Rollup, ...]


def interval_sql(text: str) -> str:
    return f"INTERVAL '{text}'"


def interval_text(length: timedelta) -> str:
    if length % timedelta(days=1) == timedelta():
        days = length // timedelta(days=1)
        return f"{days} day" if days == 1 else f"{days} days"
    hours = length // timedelta(hours=1)
    if length % timedelta(hours=1) == timedelta():
        return f"{hours} hour" if hours == 1 else f"{hours} hours"
    minutes = max(1, length // timedelta(minutes=1))
    return f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"


def segment_by(series: TimeSeries, snapshot: Snapshot) -> tuple[str | None, str]:
    """The equality column to segment compressed chunks by, and why (or why none)."""
    rows_per_chunk = series.rows_per_day * (series.step.length / timedelta(days=1))
    for column in series.equality_columns:
        distinct = _distinct(snapshot.stats_of(series.table.schema, series.table.name, column), series)
        if distinct is None:
            return column, (
                f"{column}, the most frequent equality filter; with no pg_stats n_distinct to go by, check that it "
                f"leaves at least {MIN_ROWS_PER_SEGMENT:,} rows per value in a chunk of about {rows_per_chunk:,.0f}"
            )
        if rows_per_chunk / distinct >= MIN_ROWS_PER_SEGMENT:
            return column, (
                f"{column}, the most frequent equality filter: {distinct:,.0f} values, about "
                f"{rows_per_chunk / distinct:,.0f} rows per value and chunk"
            )
    return None, "no equality filter with at least 1,000 rows per value and chunk: one segment per chunk"


def _distinct(stats: ColumnStats | None, series: TimeSeries) -> float | None:
    if stats is None or not stats.n_distinct:
        return None
    rows = max(series.table.n_live_tup, series.table.reltuples)
    return stats.n_distinct if stats.n_distinct > 0 else -stats.n_distinct * rows


def aggregates(rollups: tuple[Rollup, ...], table: TableFacts, key: str) -> tuple[Aggregate, ...]:
    """One continuous aggregate per distinct (bucket width, grouping) among the candle statements."""
    grouped: dict[tuple[str, tuple[str, ...]], list[Rollup]] = {}
    for rollup in rollups:
        columns = tuple(dict.fromkeys((*rollup.group_columns, *rollup.filter_columns)))
        grouped.setdefault((rollup.width or "", columns), []).append(rollup)
    found = []
    for (width, columns), members in grouped.items():
        bucket = width or DEFAULT_BUCKET
        slug = re.sub(r"\W+", "_", bucket).strip("_")
        name = short(f"{table.name}_by_{slug}" + (f"_{len(found) + 1}" if found else ""))
        measures = _measures(table, key, columns, members)
        found.append(Aggregate(name, bucket, not width, columns, measures, tuple(members)))
    return tuple(found)


def _measures(table: TableFacts, key: str, grouped: tuple[str, ...], rollups: list[Rollup]) -> tuple[str, ...]:
    read: set[str] = set()
    for rollup in rollups:
        for access in rollup.statement.shape.tables:
            if (access.table.schema, access.table.name) == (table.schema, table.name):
                read |= access.columns_read
    return tuple(
        c.name
        for c in table.columns
        if c.type.startswith(NUMERIC_TYPES)
        and c.name not in grouped
        and c.name != key
        and not c.identity
        and "nextval(" not in (c.default or "")
        and (not read or c.name in read)
    )


def refresh_offsets(width: timedelta) -> tuple[str, str, str]:
    """A refresh policy for buckets of ``width``: (start_offset, end_offset, schedule_interval). The window spans four
    buckets and at least an hour, so it always covers the time since the last run; the newest, open bucket is left
    to real-time reads."""
    start = interval_text(max(4 * width, timedelta(hours=1)))
    schedule = interval_text(min(max(width, timedelta(minutes=1)), timedelta(hours=1)))
    return start, interval_text(width), schedule


def aggregate_sql(table: TableFacts, key_column: str, aggregate: Aggregate) -> list[str]:
    key = ident(key_column)
    view = qualified(table.schema, aggregate.name)
    width = parse_interval(aggregate.width) or timedelta(minutes=1)
    start, _, schedule = refresh_offsets(width)
    select = [f"time_bucket({interval_sql(aggregate.width)}, {key}) AS bucket"]
    select += [ident(c) for c in aggregate.group_columns]
    for m in aggregate.measures:
        column = ident(m)
        select += [
            f"first({column}, {key}) AS {ident(m + '_first')}",
            f"max({column}) AS {ident(m + '_max')}",
            f"min({column}) AS {ident(m + '_min')}",
            f"last({column}, {key}) AS {ident(m + '_last')}",
            f"sum({column}) AS {ident(m + '_sum')}",
        ]
    select.append("count(*) AS row_count")
    group = ", ".join(["bucket", *(ident(c) for c in aggregate.group_columns)])
    return [
        f"CREATE MATERIALIZED VIEW {view}",
        "WITH (timescaledb.continuous) AS",
        "SELECT " + ",\n    ".join(select),
        f"FROM {qualified(table.schema, table.name)}",
        f"GROUP BY {group}",
        "WITH NO DATA;",
        f"SELECT add_continuous_aggregate_policy('{view}', start_offset => {interval_sql(start)}, "
        f"end_offset => {interval_sql(aggregate.width)}, schedule_interval => {interval_sql(schedule)});",
        f"CALL refresh_continuous_aggregate('{view}', NULL, now() - {interval_sql(aggregate.width)});",
    ]


def hypertable_plan(series: TimeSeries, snapshot: Snapshot) -> Fix:
    table, key, step = series.table, series.key, series.step
    name = qualified(table.schema, table.name)
    uniques = UniqueIndexes.of(table, snapshot, key.name)
    segment, segment_reason = segment_by(series, snapshot)
    if series.id_step:
        dimension = str(series.id_step)
        compress_after, after_sql = f"{2 * series.id_step:,} ids", str(2 * series.id_step)
    else:
        dimension = interval_sql(step.sql)
        compress_after = interval_text(max(MIN_COMPRESS_AFTER, 2 * step.length))
        after_sql = interval_sql(compress_after)
    order = f"{key.name} DESC" if series.descending else key.name
    found = aggregates(series.rollups, table, key.name)
    notes = [
        *uniques.notes(key.name),
        *referencing_foreign_keys(table, snapshot),
        f"statements that do not filter on {key.name} read every chunk",
    ]
    lines = [
        f"-- TimescaleDB hypertable for {name} on {key.name}, {series.sized('chunk')}.",
        *(f"-- Application: {n}" for n in notes),
        "",
    ]
    if snapshot.timescaledb is None:
        lines += [
            "-- 0. TimescaleDB is not installed: add timescaledb to shared_preload_libraries, restart, then",
            "CREATE EXTENSION IF NOT EXISTS timescaledb;",
            "",
        ]
    if uniques.widened or uniques.manual:
        lines += [
            f"-- 1. Every unique index of a hypertable must contain {key.name}: build the wider ones concurrently,",
            "--    then swap the constraints onto them (a brief lock each).",
            *uniques.create_widened(table, key.name),
            *_swap_uniques(uniques, name, table.schema),
            "",
        ]
    lines += [
        f"-- 2. Convert. migrate_data => true moves all {human_bytes(table.total_size_bytes)} into chunks while",
        "--    holding an ACCESS EXCLUSIVE lock: run it in a maintenance window. Without one, create an empty",
        "--    hypertable beside it, copy in batches by time, and swap the names in one short transaction.",
        f"SELECT create_hypertable('{name}', by_range('{key.name}', {dimension}), migrate_data => true);",
        *_integer_now(series, name),
        "",
        f"-- 3. Compression, ordered by {order} as the reads scan it, for chunks older than {compress_after}.",
        f"--    Segment by: {segment_reason}.",
        f"ALTER TABLE {name} SET (timescaledb.compress"
        + (f", timescaledb.compress_segmentby = '{segment}'" if segment else "")
        + f", timescaledb.compress_orderby = '{order}');",
        f"SELECT add_compression_policy('{name}', compress_after => {after_sql});",
    ]
    if series.retention_sql:
        lines += [
            "",
            f"-- 4. Retention: drops whole chunks older than {series.retention_sql}, replacing the DELETE statements.",
            f"SELECT add_retention_policy('{name}', drop_after => {interval_sql(series.retention_sql)});",
        ]
    for aggregate in found:
        lines += [
            "",
            f"-- 5. Continuous aggregate for {plural(len(aggregate.rollups), 'candle statement')}: "
            f"{aggregate.width} buckets"
            + (" (the statements pass the width as a parameter: assumed)" if aggregate.width_assumed else "")
            + "; point them at the view. The last CALL backfills history once: run it off-peak.",
            *aggregate_sql(table, key.name, aggregate),
        ]
    return Fix("\n".join(lines) + "\n", _rollback(series, uniques, found), FixSafety.BLOCKING, "; ".join(notes))


def _integer_now(series: TimeSeries, name: str) -> list[str]:
    """Policies on an integer dimension measure age from a function that says what "now" is in ids."""
    if not series.id_step:
        return []
    function = qualified(series.table.schema, short(f"{series.table.name}_{series.key.name}_now"))
    return [
        f"--    Policies on an integer column need to know the current {series.key.name}:",
        f"CREATE FUNCTION {function}() RETURNS bigint LANGUAGE sql STABLE",
        f"    AS $$ SELECT coalesce(max({ident(series.key.name)}), 0) FROM {name} $$;",
        f"SELECT set_integer_now_func('{name}', '{function}');",
    ]


def _swap_uniques(uniques: UniqueIndexes, name: str, schema: str) -> list[str]:
    lines = []
    for index in uniques.indexes:
        if index.name not in uniques.widened:
            continue
        wider = ident(uniques.widened[index.name])
        if index.backs_constraint:
            kind = "PRIMARY KEY" if index.is_primary else "UNIQUE"
            lines.append(
                f"ALTER TABLE {name} DROP CONSTRAINT {ident(index.backs_constraint)}, "
                f"ADD CONSTRAINT {ident(index.backs_constraint)} {kind} USING INDEX {wider};"
            )
        else:
            lines.append(f"DROP INDEX CONCURRENTLY {qualified(schema, index.name)};")
    return lines


def _rollback(series: TimeSeries, uniques: UniqueIndexes, found: tuple[Aggregate, ...]) -> str:
    table = series.table
    name = qualified(table.schema, table.name)
    plain = short(f"{table.name}_plain")
    columns = ", ".join(ident(c.name) for c in table.columns if not c.generated)
    lines = [
        f"-- Rollback: a plain {name} again with every row, its original indexes and constraints. It copies the",
        "-- whole table and blocks writes while it runs: a maintenance window.",
        *(f"DROP MATERIALIZED VIEW IF EXISTS {qualified(table.schema, a.name)};" for a in found),
        f"SELECT remove_retention_policy('{name}', if_exists => true);",
        f"SELECT remove_compression_policy('{name}', if_exists => true);",
        "BEGIN;",
        f"CREATE TABLE {qualified(table.schema, plain)} (LIKE {name} INCLUDING DEFAULTS INCLUDING CONSTRAINTS",
        "    INCLUDING IDENTITY INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMMENTS);",
        f"INSERT INTO {qualified(table.schema, plain)} ({columns}) OVERRIDING SYSTEM VALUE",
        f"    SELECT {columns} FROM {name};",
    ]
    for column in table.columns:
        if column.identity:
            lines.append(
                f"SELECT setval(pg_get_serial_sequence('{qualified(table.schema, plain)}', '{column.name}'), "
                f"coalesce(max({ident(column.name)}), 0) + 1, false) FROM {qualified(table.schema, plain)};"
            )
    lines += [f"DROP TABLE {name};", f"ALTER TABLE {qualified(table.schema, plain)} RENAME TO {ident(table.name)};"]
    if series.id_step:
        lines.append(f"DROP FUNCTION {qualified(table.schema, short(f'{table.name}_{series.key.name}_now'))}();")
    for index in uniques.indexes:
        lines.append(index.definition + ";")
        if index.backs_constraint:
            kind = "PRIMARY KEY" if index.is_primary else "UNIQUE"
            lines.append(
                f"ALTER TABLE {name} ADD CONSTRAINT {ident(index.backs_constraint)} {kind} "
                f"USING INDEX {ident(index.name)};"
            )
    lines.append("COMMIT;")
    return "\n".join(lines) + "\n"
