"""PT007: candle queries that rescan a hypertable: create a continuous aggregate, or read the one that exists; and
an existing aggregate's refresh policy: missing, or with a window that leaves buckets unrefreshed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from ...facts import ContinuousAggregate, Hypertable, Snapshot, TimescaleJob
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_ms
from ...rules import Rule
from ..base import AnalysisFacts
from .common import impacts
from .ddl import qualified
from .hypertable_plan import aggregate_sql, aggregates, interval_sql, interval_text, refresh_offsets
from .intervals import parse_interval
from .signals import Rollup, plural, rollups_of
from .timescale import as_table, user_hypertables

RULE = Rule(
    id="PT007",
    slug="candles-from-continuous-aggregate",
    title="Serve candle queries from a continuous aggregate",
    why=(
        "Candle (OHLCV) queries group raw trades into time buckets. Run against the hypertable they read every "
        "trade in range on every call; a continuous aggregate keeps the buckets materialised and refreshed "
        "incrementally, so the same query reads one row per bucket and market."
    ),
    bad_example=(
        "SELECT time_bucket('1 minute', executed_at) AS bucket, market_id, max(price), min(price), sum(qty)\n"
        "FROM trades WHERE executed_at > now() - interval '1 day' GROUP BY 1, 2;"
    ),
    good_example=(
        "CREATE MATERIALIZED VIEW candles_1m WITH (timescaledb.continuous) AS\n"
        "SELECT time_bucket(INTERVAL '1 minute', executed_at) AS bucket, market_id, max(price) AS high,\n"
        "    min(price) AS low, sum(qty) AS volume FROM trades GROUP BY bucket, market_id WITH NO DATA;"
    ),
    severity=Severity.WARNING,
    needs=("timescaledb", "statements"),
)

_WIDTH = re.compile(r"time_bucket\('(?P<width>[^']+)'(?:::interval)?,\s*(?:\w+\.)?(?P<column>\w+)\)", re.I)
_GROUP = re.compile(r"\bGROUP BY\b(?P<columns>.*?)(?:\bHAVING\b|;|$)", re.I | re.S)
_FROM = re.compile(r"\bFROM\s+(?:(?P<schema>\w+)\.)?(?P<name>\w+)", re.I)


@dataclass(frozen=True)
class Bucketed:
    """A continuous aggregate as the rule needs it: the hypertable at its root, its width and its groups."""

    cagg: ContinuousAggregate
    root: tuple[str, str]
    width: timedelta
    group_columns: frozenset[str]


def bucketed(snapshot: Snapshot) -> tuple[Bucketed, ...]:
    """Every continuous aggregate traced to the user hypertable under it (through caggs on caggs)."""
    caggs = snapshot.timescaledb.continuous_aggregates if snapshot.timescaledb else ()
    by_name = {c.name: c for c in caggs}
    found = []
    for cagg in caggs:
        width = _WIDTH.search(cagg.definition)
        group = _GROUP.search(cagg.definition)
        root = _root(cagg, by_name)
        if not width or not group or root is None or parse_interval(width["width"]) is None:
            continue
        columns = frozenset(
            part.strip().strip("()").split(".")[-1] for part in _split(group["columns"]) if not _WIDTH.search(part)
        )
        found.append(Bucketed(cagg, root, parse_interval(width["width"]), columns))
    return tuple(found)


def _root(cagg: ContinuousAggregate, by_name: dict[str, ContinuousAggregate]) -> tuple[str, str] | None:
    """The user hypertable under a continuous aggregate; a cagg on a cagg names its source in its FROM."""
    seen = {cagg.name}
    while cagg.hypertable_schema.startswith("_timescaledb"):
        sources = _FROM.findall(cagg.definition.split("GROUP BY")[0])
        parent = by_name.get(sources[-1][1]) if sources else None
        if parent is None or parent.name in seen:
            return None
        seen.add(parent.name)
        cagg = parent
    return cagg.hypertable_schema, cagg.hypertable_name


def _split(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def serving(rollup: Rollup, hypertable: Hypertable, caggs: tuple[Bucketed, ...]) -> tuple[Bucketed, ...]:
    """The aggregates that hold the rollup's groups at a width that divides its own: coarsest first, or finest
    first when the statement's width is a parameter (the finest serves the most widths)."""
    width = parse_interval(rollup.width)
    needed = set(rollup.group_columns) | set(rollup.filter_columns)
    return tuple(
        sorted(
            (
                b
                for b in caggs
                if b.root == (hypertable.schema, hypertable.name)
                and needed <= b.group_columns
                and (width is None or width % b.width == timedelta())
            ),
            key=lambda b: b.width if width is None else -b.width,
        )
    )


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    caggs = bucketed(snapshot)
    jobs = snapshot.timescaledb.jobs if snapshot.timescaledb else ()
    for cagg in caggs:
        finding = _refresh_policy(cagg, jobs)
        if finding is not None:
            yield finding
    for own in user_hypertables(facts):
        hypertable = own.hypertable
        rollups = rollups_of(own.statements, hypertable.schema, hypertable.name, hypertable.time_column)
        name = qualified(hypertable.schema, hypertable.name)
        missing = []
        for rollup in rollups:
            served = serving(rollup, hypertable, caggs)
            if served:
                yield _read_the_aggregate(rollup, served, name)
            else:
                missing.append(rollup)
        if missing:
            yield _create(facts, hypertable, tuple(missing), name)


def _read_the_aggregate(rollup: Rollup, served: tuple[Bucketed, ...], name: str) -> Finding:
    best = served[0]
    view = qualified(best.cagg.schema, best.cagg.name)
    width = rollup.width or "the width it asks for"
    return Finding(
        rule=RULE.id,
        severity=Severity.INFO,
        message=f"a candle statement re-aggregates {name} although {view} already holds its buckets",
        help=(
            f"read {view} instead and re-bucket it to {width} (time_bucket over its bucket column); check that "
            "the aggregates it needs are among the view's columns"
            + (
                ""
                if rollup.width
                else f", and that the width the application passes is a multiple of {interval_text(best.width)}"
            )
        ),
        target=name,
        kind="rewrite",
        evidence=(
            Evidence(
                "statement",
                f"{rollup.function} buckets of {rollup.width or 'a parameter width'}, "
                f"grouped by {', '.join(rollup.group_columns) or 'time only'}",
            ),
            Evidence(
                "served by",
                ", ".join(
                    f"{b.cagg.name} ({interval_text(b.width)}, by {', '.join(sorted(b.group_columns))}"
                    + (", real-time)" if not b.cagg.materialized_only else ")")
                    for b in served
                ),
            ),
            Evidence("time spent", rollup.statement.ms_per_day, Unit.MS_PER_DAY),
        ),
        statements=impacts((rollup.statement,)),
        confidence="medium" if rollup.width else "low",
    )


def _create(facts: AnalysisFacts, hypertable: Hypertable, rollups: tuple[Rollup, ...], name: str) -> Finding:
    table = as_table(hypertable, facts.snapshot)
    found = aggregates(rollups, table, hypertable.time_column)
    ms = sum(r.statement.ms_per_day for r in rollups)
    ddl = []
    for aggregate in found:
        ddl += [
            f"-- {aggregate.width} buckets by {', '.join(aggregate.group_columns) or 'time only'}"
            + (" (the width is a parameter in the statements: assumed)" if aggregate.width_assumed else ""),
            *aggregate_sql(table, hypertable.time_column, aggregate),
            "",
        ]
    rollback = "".join(f"DROP MATERIALIZED VIEW IF EXISTS {qualified(hypertable.schema, a.name)};\n" for a in found)
    return Finding(
        rule=RULE.id,
        severity=RULE.severity,
        message=(
            f"{plural(len(rollups), 'candle statement')} aggregate raw rows of {name}: {human_ms(ms)} a day, and no "
            "continuous aggregate holds their buckets"
        ),
        help="create the continuous aggregates below and point the statements at them",
        target=name,
        kind="continuous-aggregate",
        evidence=tuple(
            Evidence(
                "statement",
                f"{r.function} buckets of {r.width or 'a parameter width'}, grouped by "
                f"{', '.join(r.group_columns) or 'time only'}"
                + (f", filtered by {', '.join(r.filter_columns)}" if r.filter_columns else ""),
            )
            for r in rollups
        ),
        fix=Fix("\n".join(ddl), rollback, FixSafety.ONLINE, "the backfill CALL reads the whole history once"),
        statements=impacts(r.statement for r in rollups),
        confidence="medium",
    )


REFRESH_PROC = "policy_refresh_continuous_aggregate"


def _refresh_policy(cagg: Bucketed, jobs: tuple[TimescaleJob, ...]) -> Finding | None:
    """No refresh policy (the aggregate is as fresh as its last manual refresh), or one whose window, start_offset
    to end_offset, is shorter than its schedule: the buckets that fall between two runs' windows are never
    materialised, and the watermark moves past them."""
    view = qualified(cagg.cagg.schema, cagg.cagg.name)
    names = {f"{cagg.cagg.schema}.{cagg.cagg.name}", cagg.cagg.materialization_hypertable}
    policies = [j for j in jobs if j.proc_name == REFRESH_PROC and j.hypertable in names]
    start, end, schedule = refresh_offsets(cagg.width)
    proposed = (
        f"SELECT add_continuous_aggregate_policy('{view}', start_offset => {interval_sql(start)}, "
        f"end_offset => {interval_sql(end)}, schedule_interval => {interval_sql(schedule)});\n"
    )
    if not policies:
        return Finding(
            rule=RULE.id,
            severity=RULE.severity if cagg.cagg.materialized_only else Severity.INFO,
            message=(
                f"continuous aggregate {view} has no refresh policy: "
                + (
                    "its buckets are only as new as its last manual refresh"
                    if cagg.cagg.materialized_only
                    else "every read aggregates the raw rows newer than its last manual refresh (real-time)"
                )
            ),
            help=f"add a refresh policy covering the last {start} every {schedule}",
            target=view,
            kind="refresh-policy",
            evidence=(
                Evidence("bucket", interval_text(cagg.width)),
                Evidence("real-time", "no (materialized_only)" if cagg.cagg.materialized_only else "yes"),
                Evidence("refresh jobs", "none"),
            ),
            fix=Fix(
                proposed,
                f"SELECT remove_continuous_aggregate_policy('{view}', if_exists => true);\n",
                FixSafety.ONLINE,
                "the first run refreshes the whole window once",
            ),
            confidence="high",
        )
    for job in policies:
        config = dict(job.config)
        window_start, window_end = parse_interval(config.get("start_offset")), parse_interval(config.get("end_offset"))
        every = parse_interval(job.schedule_interval)
        # A NULL start_offset refreshes from the beginning of time: no bucket is ever left behind.
        if window_start is None or every is None or window_start - (window_end or timedelta()) >= every:
            continue
        restore = (
            f"SELECT add_continuous_aggregate_policy('{view}', start_offset => {interval_sql(config['start_offset'])}, "
            f"end_offset => {interval_sql(config.get('end_offset') or '0')}, "
            f"schedule_interval => {interval_sql(job.schedule_interval)});\n"
        )
        remove = f"SELECT remove_continuous_aggregate_policy('{view}');\n"
        return Finding(
            rule=RULE.id,
            severity=RULE.severity,
            message=(
                f"continuous aggregate {view} refreshes a window of "
                f"{interval_text(window_start - (window_end or timedelta()))} every {interval_text(every)}: "
                "the buckets between two runs' windows are never materialised"
            ),
            help=f"widen the window to at least the schedule: start_offset {start}, end_offset {end}, every {schedule}",
            target=view,
            kind="refresh-policy",
            evidence=(
                Evidence("job", f"{job.job_id} ({job.application_name})"),
                Evidence("start_offset", config.get("start_offset", "")),
                Evidence("end_offset", config.get("end_offset", "")),
                Evidence("schedule", job.schedule_interval),
                Evidence("bucket", interval_text(cagg.width)),
            ),
            fix=Fix(remove + proposed, remove + restore, FixSafety.ONLINE),
            confidence="high",
        )
    return None
