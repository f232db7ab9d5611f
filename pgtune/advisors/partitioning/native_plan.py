"""The native declarative partitioning plan: the migration script and its rollback, statement by statement.

The existing table is not copied. It is proved to hold only rows below a bound (a CHECK constraint added NOT
VALID, then validated under a lock that lets writes through), renamed, and attached as the first partition of
a new partitioned table under the old name; new rows go to new partitions. A unique index without the
partition key gets a wider twin, built concurrently beforehand, so that the parent's indexes adopt the legacy
table's indexes instead of building any inside the short swap transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from ...facts import ColumnFacts, Snapshot
from ...findings import Fix, FixSafety
from .ddl import UniqueIndexes, ident, referencing_foreign_keys, short
from .intervals import Step
from .signals import TimeSeries

PARTITIONS_AHEAD = 4
"""As pg_partman's default premake: enough to ride out a missed maintenance run or two."""
LOCK_TIMEOUT = "5s"
_NEXTVAL = re.compile(r"nextval\('(?P<sequence>[^']+)'::regclass\)")
_INDEX_HEAD = re.compile(r"^CREATE (?P<unique>UNIQUE )?INDEX \S+ ON (?:ONLY )?\S+ ")


@dataclass(frozen=True)
class Bounds:
    """Where partitions start and end: calendar boundaries for a time key, round numbers for an id key."""

    key: ColumnFacts
    step: Step
    id_step: int | None = None

    def first(self, snapshot: Snapshot, series: TimeSeries) -> datetime | int:
        """The first boundary at least a day (or a step) of growth past the snapshot: time to run the plan."""
        margin = max(self.step.length, timedelta(days=1))
        if self.id_step is None:
            return self.step.next(self.step.floor(snapshot.collected_at + margin))
        ahead = (series.last_id or 0) + series.rows_per_day * (margin / timedelta(days=1))
        return (int(ahead) // self.id_step + 1) * self.id_step

    def next(self, start: datetime | int) -> datetime | int:
        return start + self.id_step if isinstance(start, int) else self.step.next(start)

    def literal(self, value: datetime | int) -> str:
        if isinstance(value, int):
            return str(value)
        if self.key.type == "date":
            return f"'{value:%Y-%m-%d}'"
        if "without" in self.key.type or self.key.type == "timestamp":
            return f"'{value:%Y-%m-%d %H:%M:%S}'"
        return f"'{value:%Y-%m-%d %H:%M:%S}+00'"

    def text(self, value: datetime | int) -> str:
        return f"{value:,}" if isinstance(value, int) else f"{value:%Y-%m-%d %H:%M} UTC"

    def partition_name(self, table: str, start: datetime | int) -> str:
        if isinstance(start, int):
            return short(f"{table}_p{start}")
        suffix = f"{start:%Y%m%d}" if self.step.length >= timedelta(days=1) else f"{start:%Y%m%d_%H}"
        return short(f"{table}_p{suffix}")


@dataclass(frozen=True)
class NativePlan:
    fix: Fix
    bound: str
    """The legacy partition's upper bound, in words."""
    legacy: str
    application_notes: tuple[str, ...]


def native_plan(series: TimeSeries, snapshot: Snapshot) -> NativePlan:
    table, key, step = series.table, series.key, series.step
    qualified = f"{ident(table.schema)}.{ident(table.name)}"
    legacy = short(f"{table.name}_legacy")
    qualified_legacy = f"{ident(table.schema)}.{ident(legacy)}"
    check = short(f"{table.name}_{key.name}_legacy_bound")
    bounds = Bounds(key, step, series.id_step)
    bound = bounds.first(snapshot, series)
    bound_sql = bounds.literal(bound)
    uniques = UniqueIndexes.of(table, snapshot, key.name)
    indexes, widened, manual = uniques.indexes, uniques.widened, uniques.manual
    identities = [c for c in table.columns if c.identity]
    serials = [(c, m["sequence"]) for c in table.columns if c.default and (m := _NEXTVAL.search(c.default))]
    foreign_keys = [
        c for c in snapshot.constraints if c.schema == table.schema and c.table == table.name and c.kind == "f"
    ]

    header = [
        f"-- Native range partitioning of {qualified} by {key.name}, {series.sized('partition')}.",
        f"-- Generated from the snapshot of {snapshot.collected_at:%Y-%m-%d %H:%M} UTC. No row is copied: the table",
        f"-- becomes the partition {qualified_legacy} (every {key.name} before {bounds.text(bound)}) of a",
        f"-- new partitioned {qualified}. Run steps 1-3 before that bound passes, or generate the plan again:",
        "-- from step 1 on, a row at or past the bound is refused.",
    ]
    steps = [
        "-- 1. Prove every row lies below the bound without blocking writes: NOT VALID is instant, VALIDATE",
        "--    scans under a SHARE UPDATE EXCLUSIVE lock. If it fails, rows are newer than the bound: regenerate.",
        f"ALTER TABLE {qualified} ADD CONSTRAINT {ident(check)}",
        f"    CHECK ({ident(key.name)} IS NOT NULL AND {ident(key.name)} < {bound_sql}) NOT VALID;",
        f"ALTER TABLE {qualified} VALIDATE CONSTRAINT {ident(check)};",
        "",
    ]
    if widened:
        steps += [
            f"-- 2. On a partitioned table every unique index must contain {key.name}: build the wider ones",
            "--    concurrently now, so that the swap adopts them instead of building under its lock.",
            *uniques.create_widened(table, key.name),
            "",
        ]
    steps += [
        f"-- 3. The swap, in one short transaction: catalog changes only, under a lock_timeout of {LOCK_TIMEOUT}.",
        "BEGIN;",
        f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}';",
        f"ALTER TABLE {qualified} RENAME TO {ident(legacy)};",
        f"CREATE TABLE {qualified} (LIKE {qualified_legacy} INCLUDING DEFAULTS INCLUDING CONSTRAINTS",
        "    INCLUDING IDENTITY INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMMENTS)",
        f"    PARTITION BY RANGE ({ident(key.name)});",
        f"ALTER TABLE {qualified} DROP CONSTRAINT {ident(check)};",
    ]
    for column in identities:
        steps += [
            f"SELECT setval(pg_get_serial_sequence('{qualified}', '{column.name}'), "
            f"coalesce(max({ident(column.name)}), 0) + 1, false) FROM {qualified_legacy};",
            f"ALTER TABLE {qualified_legacy} ALTER COLUMN {ident(column.name)} DROP IDENTITY;",
        ]
    for column, sequence in serials:
        steps.append(f"ALTER SEQUENCE {sequence} OWNED BY {qualified}.{ident(column.name)};")
    steps.append(
        f"ALTER TABLE {qualified} ATTACH PARTITION {qualified_legacy} FOR VALUES FROM (MINVALUE) TO ({bound_sql});"
    )
    for index in indexes:
        if index in manual:
            continue
        child = widened.get(index.name, index.name)
        parent = short(f"{child}_p")
        if index.name in widened:
            body = f"CREATE UNIQUE INDEX {ident(parent)} ON ONLY {qualified} {uniques.widened_body(index, key.name)};"
        else:
            body = _INDEX_HEAD.sub(
                f"CREATE {'UNIQUE ' if index.is_unique else ''}INDEX {ident(parent)} ON ONLY {qualified} ",
                index.definition,
            )
            body += ";"
        steps += [
            body,
            f"ALTER INDEX {ident(table.schema)}.{ident(parent)} ATTACH PARTITION {ident(table.schema)}.{ident(child)};",
        ]
    for fk in foreign_keys:
        steps.append(f"ALTER TABLE {qualified} ADD CONSTRAINT {ident(fk.name)} {fk.definition};")
    start = bound
    for _ in range(PARTITIONS_AHEAD):
        end = bounds.next(start)
        steps.append(
            f"CREATE TABLE {ident(table.schema)}.{ident(bounds.partition_name(table.name, start))} "
            f"PARTITION OF {qualified} FOR VALUES FROM ({bounds.literal(start)}) TO ({bounds.literal(end)});"
        )
        start = end
    steps += ["COMMIT;", f"ANALYZE {qualified};", ""]
    steps += _maintenance(series, qualified, qualified_legacy, bound)

    notes = _application_notes(series, uniques, snapshot)
    script = "\n".join([*header, *(f"-- Application: {n}" for n in notes), "", *steps]).rstrip() + "\n"
    rollback = _rollback(series, qualified, qualified_legacy, check, identities, serials, widened)
    note = "; ".join(notes)
    return NativePlan(Fix(script, rollback, FixSafety.BRIEF_LOCK, note), bounds.text(bound), legacy, tuple(notes))


def _maintenance(series: TimeSeries, qualified: str, qualified_legacy: str, bound: datetime | int) -> list[str]:
    table, step = series.table, series.step
    interval = f"{series.id_step}" if series.id_step else step.sql
    span = f"{series.id_step:,} ids" if series.id_step else step.sql
    detach = f"ALTER TABLE {qualified} DETACH PARTITION <partition> CONCURRENTLY; DROP TABLE <partition>;"
    lines = [
        f"-- 4. Keep {PARTITIONS_AHEAD} partitions ahead of the clock. With pg_partman, register the table",
        f"--    (partman.create_parent('{table.schema}.{table.name}', '{series.key.name}', '{interval}')) and let",
        "--    its background worker or a scheduled run_maintenance() create them; without it, schedule",
        f"--    (pg_cron, cron + psql) one CREATE TABLE ... PARTITION OF {qualified} per {span}",
        "--    like those above. A row with no partition is refused, so alert when fewer than two are ahead.",
    ]
    if series.retention is not None and isinstance(bound, datetime):
        expiry = bound + series.retention
        lines += [
            f"-- 5. Retention: instead of DELETE ... WHERE {series.key.name} < now() - interval "
            f"'{series.retention_sql}',",
            "--    detach and drop partitions whose upper bound is older than that (instant, no dead rows):",
            f"--      {detach}",
            f"--    {qualified_legacy} is past retention after {expiry:%Y-%m-%d %H:%M} UTC; until then keep the",
            "--    DELETE for it alone, or drop it whole then.",
        ]
    elif series.retention_statements:
        lines += [
            "-- 5. Retention: the workload deletes old rows by the key; detach and drop whole partitions instead",
            f"--    ({detach}).",
        ]
    return lines


def _application_notes(series: TimeSeries, uniques: UniqueIndexes, snapshot: Snapshot) -> list[str]:
    return [
        *uniques.notes(series.key.name),
        *referencing_foreign_keys(series.table, snapshot),
        f"statements that do not filter on {series.key.name} read every partition",
    ]


def _rollback(series, qualified, qualified_legacy, check, identities, serials, widened) -> str:
    table = series.table
    columns = ", ".join(ident(c.name) for c in table.columns if not c.generated)
    lines = [
        f"-- Rollback: one plain {qualified} again, with the rows written since the migration.",
        f"-- If the migration stopped before step 3: ALTER TABLE {qualified} DROP CONSTRAINT {ident(check)};",
        "-- and drop the indexes of step 2. Once the legacy partition is dropped for retention, this no longer",
        "-- restores its rows.",
        "BEGIN;",
        f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}';",
        f"ALTER TABLE {qualified} DETACH PARTITION {qualified_legacy};",
        f"ALTER TABLE {qualified_legacy} DROP CONSTRAINT {ident(check)};",
        f"INSERT INTO {qualified_legacy} ({columns}) SELECT {columns} FROM {qualified};",
    ]
    for column in identities:
        kind = "ALWAYS" if column.identity == "a" else "BY DEFAULT"
        lines += [
            f"ALTER TABLE {qualified_legacy} ALTER COLUMN {ident(column.name)} ADD GENERATED {kind} AS IDENTITY;",
            f"SELECT setval(pg_get_serial_sequence('{qualified_legacy}', '{column.name}'), "
            f"coalesce(max({ident(column.name)}), 0) + 1, false) FROM {qualified_legacy};",
        ]
    for column, sequence in serials:
        lines.append(f"ALTER SEQUENCE {sequence} OWNED BY {qualified_legacy}.{ident(column.name)};")
    lines += [
        f"DROP TABLE {qualified};",
        f"ALTER TABLE {qualified_legacy} RENAME TO {ident(table.name)};",
        "COMMIT;",
        *(f"DROP INDEX CONCURRENTLY {ident(table.schema)}.{ident(name)};" for name in widened.values()),
        f"ANALYZE {qualified};",
    ]
    return "\n".join(lines) + "\n"
