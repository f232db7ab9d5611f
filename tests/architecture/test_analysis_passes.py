"""The analysis reads as its flow: an ordered tuple of passes, and rules that use each other's findings
through the run-rules pass instead of running each other (what advisors may import: test_advisors_pure)."""

from __future__ import annotations

import ast
from pathlib import Path

import pgtune.advisors
from pgtune.advisors import ANALYSIS_ADVISORS
from pgtune.analysis import PASSES

ADVISORS = Path(pgtune.advisors.__file__).parent


def test_the_passes_run_in_the_order_of_the_flow():
    names = [step.__name__ for step in PASSES]
    assert names == ["model", "specialise", "select_indexes", "run_rules", "rank", "assemble"]


def _advisor_modules() -> list[Path]:
    return sorted(ADVISORS.rglob("*.py"))


def test_no_rule_runs_another_rules_check():
    """A rule that needs another's findings lists it in USES and is handed them by the run-rules pass."""
    rule_modules = {m.__name__.rsplit(".", 1)[1] for m in ANALYSIS_ADVISORS}
    calls = {
        f"{path.relative_to(ADVISORS.parent)}: {node.func.value.id}.check"
        for path in _advisor_modules()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "check"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in rule_modules
    }
    assert not calls, sorted(calls)
    users = [m for m in ANALYSIS_ADVISORS if getattr(m, "USES", ())]
    assert users, "IX002 reads IX003 and IX004's findings through USES"
    assert all(set(m.USES) <= set(ANALYSIS_ADVISORS) for m in users)
