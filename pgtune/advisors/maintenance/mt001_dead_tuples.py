"""MT001: dead rows piling up on hot tables, with per-table autovacuum settings that keep up."""

from __future__ import annotations

from collections.abc import Iterator

from ...facts import ServerFacts, TableFacts
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_bytes, human_count
from ...rules import Rule
from ..autovacuum import ago, autovacuum_off, reloptions, table_setting, vacuum_threshold
from ..base import AnalysisFacts, sql_name, table_rows

RULE = Rule(
    id="MT001",
    slug="dead-tuples",
    title="Make autovacuum keep up with a hot table",
    why=(
        "Updates and deletes leave dead row versions that only vacuum reclaims. With the default scale factor "
        "autovacuum waits until a fifth of a table is dead, which on a large order or balance table means "
        "millions of dead rows: scans read them, indexes keep pointing at them, and the table and its indexes "
        "grow. Per-table settings make vacuum come sooner and work faster on the tables that need it, "
        "without touching the rest."
    ),
    bad_example=(
        "-- public.orders: 40 million rows, 9 million dead, autovacuum_vacuum_scale_factor = 0.2\n"
        "SELECT n_live_tup, n_dead_tup FROM pg_stat_user_tables WHERE relname = 'orders';"
    ),
    good_example=(
        "ALTER TABLE public.orders SET (autovacuum_vacuum_scale_factor = 0.005, autovacuum_vacuum_cost_limit = 1000);"
    ),
    severity=Severity.WARNING,
    needs=("tables",),
)

MIN_DEAD_ROWS = 10_000
MIN_DEAD_SHARE = 0.10
CRITICAL_DEAD_SHARE = 0.20
DEAD_ROWS_PER_VACUUM = 100_000
"""On a big table vacuum should come about this often, in dead rows..."""
MIN_SCALE_FACTOR = 0.005
MAX_SCALE_FACTOR = 0.05
"""...within these bounds of scale factor."""
COST_LIMIT = 1000


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    server = facts.snapshot.server
    for table in facts.snapshot.tables:
        dead, live = table.n_dead_tup, max(table.n_live_tup, 0)
        share = dead / (dead + live) if dead + live else 0.0
        if dead < MIN_DEAD_ROWS or share < MIN_DEAD_SHARE:
            continue
        scale = table_setting(table, server, "autovacuum_vacuum_scale_factor")
        threshold = vacuum_threshold(table, server)
        off = autovacuum_off(table, server)
        overdue = dead > threshold
        severity = Severity.CRITICAL if (overdue or off) and share >= CRITICAL_DEAD_SHARE else Severity.WARNING
        proposal = _proposal(table, server, off, scale)
        last = table.last_autovacuum or table.last_vacuum
        yield Finding(
            rule=RULE.id,
            severity=severity,
            message=(
                f"{table.qualified_name} holds {human_count(dead)} dead rows ({100 * share:.0f} % of its rows, "
                f"{human_bytes(table.size_bytes)}); {_state(off, threshold, scale, overdue)}"
            ),
            help=_help(off, proposal),
            target=table.qualified_name,
            kind="table-setting",
            evidence=(
                Evidence("dead rows", dead, Unit.ROWS),
                Evidence("live rows", live, Unit.ROWS),
                Evidence("updates + deletes", table.n_tup_upd + table.n_tup_del, Unit.COUNT),
                Evidence("last vacuum", ago(last, facts.snapshot.collected_at)),
                Evidence("autovacuum runs", table.autovacuum_count, Unit.COUNT),
                Evidence("table options", ", ".join(table.reloptions) or "none"),
            ),
            fix=_fix(table, proposal) if proposal else None,
            size_bytes=table.size_bytes,
            confidence="high",
        )


def _state(off: str | None, threshold: float, scale: float, overdue: bool) -> str:
    if off:
        return f"autovacuum is off {off}"
    behind = " and is behind" if overdue else ""
    return f"autovacuum starts at {human_count(threshold)} (scale factor {scale:g}){behind}"


def _help(off: str | None, proposal: dict[str, str]) -> str:
    first = "switch autovacuum on in postgresql.conf and reload, then " if off == "on the server" else ""
    if proposal:
        return first + "give the table its own autovacuum settings so vacuum comes sooner and does more per round"
    return first + (
        "its settings are already tight: look for long transactions, old replication slots or prepared "
        "transactions holding back vacuum, and for autovacuum_max_workers all busy"
    )


def _proposal(table: TableFacts, server: ServerFacts, off: str | None, scale: float) -> dict[str, str]:
    proposal: dict[str, str] = {}
    if off == "for it":
        proposal["autovacuum_enabled"] = "on"
    wanted = min(MAX_SCALE_FACTOR, max(MIN_SCALE_FACTOR, DEAD_ROWS_PER_VACUUM / max(table_rows(table), 1.0)))
    wanted = round(wanted, 3)
    if wanted < scale:
        proposal["autovacuum_vacuum_scale_factor"] = f"{wanted:g}"
    if table_setting(table, server, "autovacuum_vacuum_cost_limit") < COST_LIMIT:
        proposal["autovacuum_vacuum_cost_limit"] = str(COST_LIMIT)
    return proposal


def _fix(table: TableFacts, proposal: dict[str, str]) -> Fix:
    target = sql_name(table.schema, table.name)
    before = reloptions(table)
    sets = ", ".join(f"{name} = {value}" for name, value in proposal.items())
    restore = [f"{name} = {before[name]}" for name in proposal if name in before]
    reset = [name for name in proposal if name not in before]
    rollback = []
    if restore:
        rollback.append(f"ALTER TABLE {target} SET ({', '.join(restore)});")
    if reset:
        rollback.append(f"ALTER TABLE {target} RESET ({', '.join(reset)});")
    return Fix(
        f"ALTER TABLE {target} SET ({sets});",
        "\n".join(rollback),
        FixSafety.ONLINE,
        "takes a SHARE UPDATE EXCLUSIVE lock, which reads and writes do not wait for; a VACUUM now clears the backlog",
    )
