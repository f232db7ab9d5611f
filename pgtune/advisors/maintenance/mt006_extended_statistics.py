"""MT006: row estimates off by 10× or more on scans filtering several columns of one table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...facts import PlanNode, Snapshot, StatementPlan
from ...findings import Evidence, Finding, Fix, FixSafety, Severity, StatementImpact
from ...quantities import Unit, human_count
from ...query.conditions import condition_columns
from ...query.sqltext import bounded_identifier, quote_ident
from ...rules import Rule
from ..base import AnalysisFacts, sql_name

RULE = Rule(
    id="MT006",
    slug="extended-statistics",
    title="Teach the planner how columns depend on each other",
    why=(
        "The planner assumes columns are independent: for market_id = 7 AND symbol = 'BTC-USDT' it multiplies "
        "two selectivities although one determines the other, and estimates a few rows where there are "
        "thousands. Wrong row counts pick nested loops over hash joins and the wrong index. Extended "
        "statistics (dependencies, ndistinct, most common value combinations) give the planner the joint "
        "distribution. pgtune proposes them where an EXPLAIN ANALYZE plan shows an estimate off by 10× or "
        "more on a scan filtering two or more columns of the same table."
    ),
    bad_example=(
        "SELECT * FROM public.orders WHERE market_id = 7 AND symbol = 'BTC-USDT';\n"
        "-- Index Scan on orders (rows=3) (actual rows=41200)"
    ),
    good_example=(
        "CREATE STATISTICS public.orders_market_id_symbol_stats (dependencies, ndistinct, mcv)\n"
        "    ON market_id, symbol FROM public.orders;\n"
        "ANALYZE public.orders;"
    ),
    severity=Severity.WARNING,
    needs=("plans",),
)

MIN_RATIO = 10.0
MIN_ROWS = 100.0
"""Below this on both sides a wrong estimate cannot change the plan much."""


@dataclass
class _Misestimate:
    worst_ratio: float = 0.0
    worst: tuple[float, float] = (0.0, 0.0)
    plans: dict[tuple[int | None, str], StatementPlan] = field(default_factory=dict)
    """One plan per statement, the first seen."""


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    found: dict[tuple[str, str, tuple[str, ...]], _Misestimate] = defaultdict(_Misestimate)
    for plan in snapshot.plans:
        if not plan.analyzed or plan.root is None:
            continue
        for node in plan.root.walk():
            key, ratio = _misestimated(facts, node)
            if key is None or _covered(snapshot, *key):
                continue
            entry = found[key]
            if ratio > entry.worst_ratio:
                entry.worst_ratio, entry.worst = ratio, (node.plan_rows, node.actual_rows or 0.0)
            entry.plans.setdefault((plan.queryid, plan.query), plan)
    for (schema, table, columns), entry in found.items():
        yield _finding(snapshot, schema, table, columns, entry)


def _misestimated(facts: AnalysisFacts, node: PlanNode) -> tuple[tuple[str, str, tuple[str, ...]] | None, float]:
    if node.relation is None or node.actual_rows is None:
        return None, 0.0
    estimated, actual = node.plan_rows, node.actual_rows
    ratio = max(estimated, actual) / max(min(estimated, actual), 1.0)
    if ratio < MIN_RATIO or max(estimated, actual) < MIN_ROWS:
        return None, 0.0
    schema = node.schema or _schema_of(facts, node.relation)
    if schema is None:
        return None, 0.0
    conditions = [node.filter, node.index_cond]
    conditions += [c.index_cond for c in node.walk() if c is not node and c.node_type == "Bitmap Index Scan"]
    columns = set().union(*(condition_columns(text) for text in conditions if text))
    table = facts.table(schema, node.relation)
    if table is not None and table.columns:
        columns &= {c.name for c in table.columns}
    if len(columns) < 2:
        return None, 0.0
    return (schema, node.relation, tuple(sorted(columns))), ratio


def _schema_of(facts: AnalysisFacts, relation: str) -> str | None:
    """EXPLAIN names the schema only with VERBOSE: take the one table of that name, public when none is known."""
    schemas = {t.schema for t in facts.snapshot.tables_named(relation)}
    if len(schemas) > 1:
        return None
    return schemas.pop() if schemas else "public"


def _covered(snapshot: Snapshot, schema: str, table: str, columns: tuple[str, ...]) -> bool:
    """An existing statistics object on these columns with dependencies (f) or MCV lists (m), the kinds that
    correct estimates of correlated filters, already does what we would propose."""
    return any(
        (s.table_schema, s.table) == (schema, table) and set(columns) <= set(s.columns) and {"f", "m"} & set(s.kinds)
        for s in snapshot.extended_statistics
    )


def _finding(snapshot: Snapshot, schema: str, table: str, columns: tuple[str, ...], entry: _Misestimate) -> Finding:
    name = bounded_identifier(f"{table}_{'_'.join(columns)}_stats")
    qualified_table = sql_name(schema, table)
    qualified_stats = sql_name(schema, name)
    estimated, actual = entry.worst
    return Finding(
        rule=RULE.id,
        severity=Severity.WARNING,
        message=(
            f"the planner misjudges rows on {schema}.{table} filtered by {', '.join(columns)}: estimated "
            f"{human_count(estimated)}, actually {human_count(actual)} ({entry.worst_ratio:.0f}× off) "
            f"in {len(entry.plans)} statement(s)"
        ),
        help="create extended statistics on these columns and analyze the table; the rollback drops them",
        target=f"{schema}.{table}",
        kind="statistics",
        evidence=(
            Evidence("columns filtered together", ", ".join(columns)),
            Evidence("worst estimate", estimated, Unit.ROWS, f" rows estimated, {human_count(actual)} actual"),
            Evidence("method", "EXPLAIN ANALYZE: estimated vs actual rows per loop on the scan node"),
        ),
        fix=Fix(
            f"CREATE STATISTICS IF NOT EXISTS {qualified_stats} (dependencies, ndistinct, mcv)\n"
            f"    ON {', '.join(quote_ident(c) for c in columns)} FROM {qualified_table};\n"
            f"ANALYZE {qualified_table};",
            f"DROP STATISTICS IF EXISTS {qualified_stats};",
            FixSafety.ONLINE,
            "ANALYZE reads a sample of the table; the planner uses the new statistics after it",
        ),
        statements=tuple(_impact(snapshot, plan) for plan in entry.plans.values()),
        confidence="medium",
    )


def _impact(snapshot: Snapshot, plan: StatementPlan) -> StatementImpact:
    stats = next((s for s in snapshot.statements if plan.queryid is not None and s.queryid == plan.queryid), None)
    if stats is None:
        return StatementImpact(plan.queryid, plan.query, 0, plan.execution_ms or 0.0)
    return StatementImpact(plan.queryid, plan.query, stats.calls, stats.mean_exec_ms)
