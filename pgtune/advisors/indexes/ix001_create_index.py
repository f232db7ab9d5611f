"""IX001: the indexes chosen for the whole workload, each with its saving, size, DDL and rollback."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety, Savings, Severity, StatementImpact
from ...quantities import Unit, human_ms
from ...rules import Rule
from ...whatif.selection import ChosenIndex, IndexSelection
from ..base import AnalysisFacts

RULE = Rule(
    id="IX001",
    slug="create-index",
    title="Create an index the workload needs",
    why=(
        "Statements that filter, join or sort on columns without a fitting index read far more of the table "
        "than they return. pgtune proposes the indexes that save the most time across the whole workload, "
        "per byte of storage and net of what they cost every insert and update, and checks each with the "
        "planner through HypoPG before proposing it."
    ),
    bad_example=(
        "SELECT id, price FROM orders WHERE user_id = $1 AND status = 'open' ORDER BY created_at DESC LIMIT 50;\n"
        "-- Seq Scan on orders, then a Sort"
    ),
    good_example=(
        "CREATE INDEX CONCURRENTLY orders_user_id_created_at_part_idx\n"
        "    ON public.orders (user_id, created_at) WHERE status = 'open';"
    ),
    severity=Severity.WARNING,
    needs=("workload", "tables", "column_stats", "hypopg"),
)

CRITICAL_SHARE_PCT = 10.0
WARNING_SHARE_PCT = 1.0


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    selection = facts.index_selection
    if selection is None:
        return
    total = selection.workload_ms_per_day
    for chosen in selection.chosen:
        share = 100.0 * chosen.net_saving_ms_per_day / total if total else 0.0
        yield Finding(
            rule=RULE.id,
            severity=_severity(share),
            message=(
                f"{_article(chosen.spec.kind)} {chosen.spec.kind} index on {chosen.spec.qualified_table} would save "
                f"about {human_ms(chosen.net_saving_ms_per_day)} a day ({share:.1f} % of workload time)"
            ),
            help="create it concurrently (no write lock); the rollback drops it concurrently",
            target=chosen.spec.qualified_table,
            kind=f"create-index:{chosen.spec.kind}",
            evidence=_evidence(chosen, selection),
            fix=Fix(chosen.spec.create_sql(), chosen.spec.drop_sql(), FixSafety.ONLINE),
            savings=Savings(chosen.net_saving_ms_per_day, share),
            size_bytes=chosen.size_bytes,
            statements=tuple(
                StatementImpact(
                    queryid=o.queryid,
                    text=o.text,
                    calls=o.calls,
                    mean_exec_ms=o.mean_exec_ms,
                    cost_before=o.cost_before,
                    cost_after=o.cost_after,
                    saving_ms_per_day=o.saving_ms_per_day,
                )
                for o in chosen.statements
            ),
            confidence="high" if selection.verified else "low",
        )


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _severity(share_pct: float) -> Severity:
    if share_pct >= CRITICAL_SHARE_PCT:
        return Severity.CRITICAL
    return Severity.WARNING if share_pct >= WARNING_SHARE_PCT else Severity.INFO


def _evidence(chosen: ChosenIndex, selection: IndexSelection) -> tuple[Evidence, ...]:
    method = "planner cost with a HypoPG hypothetical index" if selection.verified else "heuristic (no HypoPG)"
    # A plan that fans out through the index in a nested loop is priced above today's: it may get slower.
    slower = [o for o in chosen.statements if o.saving_ms_per_day < 0]
    return (
        *(Evidence("why", reason) for reason in chosen.reasons),
        Evidence("statements helped", len(chosen.statements) - len(slower), Unit.COUNT),
        *([Evidence("statements that may get slower", len(slower), Unit.COUNT)] if slower else []),
        Evidence("gross saving", chosen.saving_ms_per_day, Unit.MS_PER_DAY),
        Evidence(
            "write cost",
            chosen.write_cost_ms_per_day,
            Unit.MS_PER_DAY,
            f" ({chosen.write_basis})" if chosen.write_basis else "",
        ),
        Evidence("estimated size", chosen.size_bytes, Unit.BYTES),
        Evidence("method", method),
    )
