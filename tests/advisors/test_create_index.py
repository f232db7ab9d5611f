"""IX001's evidence: statements helped, and those whose plan pgtune does not trust (they may get slower)."""

from __future__ import annotations

from datetime import datetime, timezone

from pgtune.advisors.base import AnalysisFacts
from pgtune.advisors.indexes.ix001_create_index import check
from pgtune.facts import ServerFacts, Snapshot
from pgtune.report.units import evidence_text
from pgtune.whatif.selection import ChosenIndex, IndexSelection, StatementOutcome
from pgtune.whatif.spec import IndexKey, IndexSpec

SPEC = IndexSpec("public", "lineitem", (IndexKey("l_suppkey"),))


def _outcome(key: str, before: float, after: float) -> StatementOutcome:
    return StatementOutcome(key, None, f"SELECT {key}", 10, 10.0, 100.0, before, after)


def _evidence(outcomes: tuple[StatementOutcome, ...]) -> dict[str, str]:
    chosen = ChosenIndex(SPEC, 8192, 0.0, sum(o.saving_ms_per_day for o in outcomes), outcomes, ())
    selection = IndexSelection((chosen,), 2**30, 1, len(outcomes), 3, 0, True, 10_000.0)
    snapshot = Snapshot(server=ServerFacts(150000, "15", "d", "r"), collected_at=datetime.now(timezone.utc))
    (finding,) = check(AnalysisFacts(snapshot, index_selection=selection))
    return {e.label: evidence_text(e) for e in finding.evidence}


def test_statements_helped_and_none_slower():
    evidence = _evidence((_outcome("q9", 100.0, 50.0),))
    assert evidence["statements helped"] == "1" and "statements that may get slower" not in evidence


def test_an_untrusted_plan_is_counted_as_may_get_slower():
    evidence = _evidence((_outcome("q9", 100.0, 50.0), _outcome("q5", 100.0, 200.0)))
    assert (evidence["statements helped"], evidence["statements that may get slower"]) == ("1", "1")
