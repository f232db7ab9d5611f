"""The analysis reads as its flow: an ordered tuple of passes, advisors that reach no connection or store,
and rules that use each other's findings through the run-rules pass instead of running each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pgtune.advisors
from pgtune.advisors import ANALYSIS_ADVISORS
from pgtune.analysis import PASSES

ADVISORS = Path(pgtune.advisors.__file__).parent
# What an advisor may not reach: it gets facts in and gives findings out. (report/ and gate/ join this list
# once advisors no longer format their evidence with report.units or share the gate's migration context.)
FORBIDDEN = ("pgtune.db", "pgtune.asyncdb", "pgtune.collectors", "pgtune.store")


def test_the_passes_run_in_the_order_of_the_flow():
    names = [step.__name__ for step in PASSES]
    assert names == ["model", "specialise", "select_indexes", "run_rules", "rank", "assemble"]


def _imports(path: Path) -> set[str]:
    """The absolute names a module imports, relative imports resolved against its package."""
    package = ("pgtune." + ".".join(path.relative_to(ADVISORS.parent).with_suffix("").parts[:-1])).rstrip(".")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _advisor_modules() -> list[Path]:
    return sorted(ADVISORS.rglob("*.py"))


def test_advisors_import_no_connection_collector_or_store():
    offenders = {
        f"{path.relative_to(ADVISORS.parent)}: {name}"
        for path in _advisor_modules()
        for name in _imports(path)
        if any(name == layer or name.startswith(layer + ".") for layer in FORBIDDEN)
    }
    assert not offenders, sorted(offenders)


def test_the_import_reader_resolves_relative_imports():
    # Guards the test above from passing on a reader that finds nothing.
    assert {"pgtune.facts", "pgtune.whatif.selection", "pgtune.advisors.index_shapes"} <= _imports(ADVISORS / "base.py")
    assert "pgtune.advisors.base.AnalysisFacts" in _imports(ADVISORS / "indexes" / "unused_index.py")


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
