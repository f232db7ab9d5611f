"""Advisors are pure (facts in, findings out) and the renderers look no rule up: read from the import statements.

An advisor that imports the report, the gate, a connection, a collector or the store reaches up or out of its
layer; a renderer that imports an advisor to find a rule's slug or doc page couples output to the rules. Both
are checked on the source with ``ast``, so a lazy import inside a function counts as well.
"""

from __future__ import annotations

import pytest

from .modules import PACKAGE, Module, reaches

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


def _reaching(module: Module, prefixes: tuple[str, ...]) -> list[str]:
    return sorted({name for name, _ in module.imported_modules() if reaches(name, prefixes)})


def test_the_import_reader_sees_relative_lazy_and_aliased_imports():
    source = "from ...report.units import human_ms\nfrom .. import base\ndef f():\n    import psycopg as pg\n"
    probe = Module.parse(ADVISORS / "indexes" / "sample.py", source)
    assert _reaching(probe, FORBIDDEN_IN_ADVISORS) == ["pgtune.report.units", "pgtune.report.units.human_ms", "psycopg"]
    assert "pgtune.advisors.base" in {name for name, _ in probe.imported_modules()}
    package = Module.parse(ADVISORS / "__init__.py", "from . import rules_by_id\n")
    assert _reaching(package, ("pgtune.advisors",))


@pytest.mark.parametrize("path", sorted(ADVISORS.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_an_advisor_imports_no_report_gate_connection_collector_or_store(path):
    assert _reaching(Module.parse(path), FORBIDDEN_IN_ADVISORS) == []


@pytest.mark.parametrize("path", RENDERERS_WITHOUT_RULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_links_and_check_renderers_take_the_rule_from_the_finding(path):
    assert _reaching(Module.parse(path), ("pgtune.advisors",)) == []
