"""Plans for the statements that matter: generic plans of the top statements by total time, and EXPLAIN
ANALYZE of workload samples only when asked. A statement that cannot be planned leaves a gap."""

from __future__ import annotations

from collections.abc import Iterable

from ..db import Session
from ..errors import AnalyzeRefused
from ..explain import explain
from ..facts import StatementPlan, StatementStats, WorkloadSample
from ..query import redact_literals
from ..query.sqltext import is_plannable, is_select, parameter_count
from .base import Gaps

SOURCE = "plans"


def collect_plans(
    session: Session, statements: Iterable[StatementStats], limit: int, gaps: Gaps
) -> tuple[StatementPlan, ...]:
    """Generic plans of the ``limit`` statements with the most total time."""
    ranked = sorted(statements, key=lambda s: s.total_exec_ms, reverse=True)
    chosen = [s for s in ranked if is_plannable(s.query)][:limit]
    return tuple(_recorded(explain(session, s.query, s.queryid), gaps) for s in chosen)


def collect_analyzed_plans(
    session: Session, samples: Iterable[WorkloadSample], limit: int, gaps: Gaps
) -> tuple[StatementPlan, ...]:
    """EXPLAIN ANALYZE (rolled back) of SELECT samples with all their literals, slowest first. A SELECT that
    could act beyond its transaction (``pgtune/side_effects.py``) is planned without ANALYZE and leaves a gap
    saying why; other statements are never executed."""
    ranked = sorted(samples, key=lambda s: s.duration_ms or 0.0, reverse=True)
    chosen = [s for s in ranked if not parameter_count(s.text) and is_select(s.text)][:limit]
    return tuple(_recorded(_analyzed(session, s.text, gaps), gaps) for s in chosen)


def _analyzed(session: Session, text: str, gaps: Gaps) -> StatementPlan:
    try:
        return explain(session, text, analyze=True)
    except AnalyzeRefused as refused:
        shown = redact_literals(text)[:80]
        gaps.add("EXPLAIN ANALYZE", f"not executed: {shown}: {refused.message}", refused.hint or "")
        return explain(session, text)


def _recorded(plan: StatementPlan, gaps: Gaps) -> StatementPlan:
    if plan.error:
        which = f"queryid {plan.queryid}" if plan.queryid is not None else plan.query[:80]
        gaps.add(SOURCE, f"could not plan {which}: {plan.error}", "check the statement still runs on this schema")
    return plan
