"""MG020: the migration makes the workload's plans more expensive (``--dsn`` with ``--max-regression``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ...findings import Evidence, Finding, Severity, StatementImpact
from ...quantities import Unit
from ...query.ddl_model import DdlAction
from ...rules import Rule
from ._common import finding
from .context import MigrationContext, PlanCheck, ReplannedStatement

RULE = Rule(
    id="MG020",
    slug="plan-regression",
    title="Migration makes the workload's plans more expensive",
    why=(
        "Dropping an index the hot statements use, or adding one the planner prefers wrongly, can turn index "
        "scans into sequential scans the moment the migration commits. With --dsn and --max-regression, "
        "pgtune plans the workload's top statements (by calls × mean time) before and after the migration's "
        "index changes, using HypoPG hypothetical indexes in a read-only session, and fails when the "
        "time-weighted planner cost rises by more than the limit. It also shows which statements a new index "
        "helps and what it costs in writes. HypoPG before 1.4.0 cannot hide an index, so there a dropped "
        "index's users are listed for review instead."
    ),
    bad_example=(
        "-- the hot lookup by account uses orders_account_idx\n"
        "DROP INDEX CONCURRENTLY orders_account_idx;\n"
        "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);"
    ),
    good_example=(
        "-- keep the index the workload uses; add only what a statement needs\n"
        "CREATE INDEX CONCURRENTLY orders_account_created_idx ON orders (account_id, created_at);"
    ),
    severity=Severity.CRITICAL,
    needs=("--dsn", "--max-regression", "hypopg", "pg_stat_statements"),
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    plan = context.plan_check
    if plan is None:
        return
    changes = [*(n.action for n in plan.new_indexes), *(d.action for d in plan.dropped_indexes)]
    if plan.regressed and changes:
        anchor = min(changes, key=lambda a: actions.index(a) if a in actions else len(actions))
        yield _regression(plan, anchor)
    for new in plan.new_indexes:
        yield _new_index(new.action, new.helped, new.write_cost_ms_per_day)
    for dropped in plan.dropped_indexes:
        if not dropped.hidden and dropped.users:
            yield _review(dropped.action, dropped.users, plan.hypopg_version)


def _regression(plan: PlanCheck, anchor: DdlAction) -> Finding:
    worse = plan.worse()
    return _finding(
        anchor,
        Severity.CRITICAL,
        f"the migration's index changes raise the workload's weighted planner cost by "
        f"{plan.weighted_change_pct:+.1f}% (limit +{plan.max_regression_pct:g}%): {len(worse)} statement(s) "
        "get worse",
        "Keep the indexes these statements use, or change them so they are served by what the migration "
        "leaves; raise --max-regression only if the rise is intended.",
        tuple(s.impact() for s in worse),
        (
            Evidence(
                "weighted planner cost", f"{plan.weighted_change_pct:+.1f}% over {len(plan.statements)} statements"
            ),
            Evidence("limit", f"+{plan.max_regression_pct:g}%"),
        ),
    )


def _new_index(action: DdlAction, helped: tuple[ReplannedStatement, ...], write_cost_ms_per_day: float) -> Finding:
    name = action.name or "the new index"
    write = f"~{write_cost_ms_per_day:,.0f} ms/day of index maintenance on {action.table}"
    if helped:
        message = f"CREATE INDEX {name} makes {len(helped)} workload statement(s) cheaper; it costs {write}"
    else:
        message = f"CREATE INDEX {name} helps none of the workload's top statements; it costs {write}"
    return _finding(
        action,
        Severity.INFO,
        message,
        "Keep it if the statements it helps matter; an index no statement uses is write cost only.",
        tuple(s.impact() for s in helped),
        (Evidence("write cost", f"{write} (inserts and non-HOT updates since the statistics reset)"),),
    )


def _review(action: DdlAction, users: tuple[ReplannedStatement, ...], version: str) -> Finding:
    calls = sum(u.calls for u in users)
    total_ms = sum(u.weight_ms for u in users)
    return _finding(
        action,
        Severity.WARNING,
        f"HypoPG {version} cannot hide indexes: {len(users)} statement(s) use {action.name} today; review them",
        "Check that each statement is served by another index after the drop (EXPLAIN it on a copy without the "
        "index), or install HypoPG 1.4.0 or later so pgtune can re-plan them without it.",
        # The costs after do not reflect the drop here, so only calls and time are shown.
        tuple(StatementImpact(u.queryid, u.text, u.calls, u.mean_exec_ms) for u in users),
        (Evidence("used by", len(users), Unit.COUNT, f" statement(s), {calls:,} calls, {total_ms:,.0f} ms in total"),),
    )


def _finding(
    action: DdlAction,
    severity: Severity,
    message: str,
    help: str,
    statements: tuple[StatementImpact, ...],
    evidence: tuple[Evidence, ...],
) -> Finding:
    # The location and target as every migration rule gives them; the lock and table size are not the point.
    located = finding(RULE, action, MigrationContext(), message, help, severity=severity, timed=False)
    return replace(located, evidence=evidence, statements=statements, confidence="high")
