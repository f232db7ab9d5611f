"""Advisors are pure (facts in, findings out) and the renderers look no rule up: read from the import statements.

An advisor that imports the report, the gate, a connection, a collector or the store reaches up or out of its
layer; a renderer that imports an advisor to find a rule's slug or doc page couples output to the rules. Both
are checked on the source with ``ast``, so a lazy import inside a function counts as well.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "pgtune"
ADVISORS = PACKAGE / "advisors"
FORBIDDEN_IN_ADVISORS = (
    "pgtune.report",
    "pgtune.gate",
    "pgtune.db",
    "pgtune.asyncdb",
    "pgtune.collectors",
    "pgtune.store",
    "psycopg",
    "asyncpg",
)
RENDERERS_WITHOUT_RULES = (PACKAGE / "report" / "links.py", *sorted((PACKAGE / "report" / "check").glob("*.py")))


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, absolute, relative imports resolved against its package."""
    return imports_of(path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py")


def imports_of(source: str, module: str, is_package: bool = False) -> set[str]:
    package = module.split(".") if is_package else module.split(".")[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            # ``from .. import report`` names a module in its alias.
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _reaches(names: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(n == p or n.startswith(f"{p}.") for p in prefixes))


def test_the_import_reader_sees_relative_lazy_and_aliased_imports():
    source = "from ...report.units import human_ms\nfrom .. import base\ndef f():\n    import psycopg as pg\n"
    names = imports_of(source, "pgtune.advisors.indexes.sample")
    assert _reaches(names, FORBIDDEN_IN_ADVISORS) == ["pgtune.report.units", "pgtune.report.units.human_ms", "psycopg"]
    assert "pgtune.advisors.base" in names
    assert _reaches(imports_of("from . import rules_by_id", "pgtune.advisors", True), ("pgtune.advisors",))


@pytest.mark.parametrize("path", sorted(ADVISORS.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_an_advisor_imports_no_report_gate_connection_collector_or_store(path):
    assert _reaches(imported(path), FORBIDDEN_IN_ADVISORS) == []


@pytest.mark.parametrize("path", RENDERERS_WITHOUT_RULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_links_and_check_renderers_take_the_rule_from_the_finding(path):
    assert _reaches(imported(path), ("pgtune.advisors",)) == []
