"""The layout as a whole: no import loop between pgtune's packages, modules a reader can hold in mind, and one
file name per rule.

A loop between two packages (advisors ⇄ gate, report ⇄ store, cli ⇄ interrupts) means neither can be read,
tested or replaced without the other; every import counts, a lazy one inside a function too, because it is
the same dependency paid later. The units are the subpackages (``pgtune.whatif``) and the top-level modules
(``pgtune.db``).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from graphlib import CycleError, TopologicalSorter
from itertools import pairwise

import pytest

import pgtune.advisors

from .modules import PACKAGE, Module

MAX_MODULE_LINES = 450
RULE_FILE = re.compile(r"(?P<id>[a-z]{2}\d{3})_[a-z0-9_]+\.py")
MODULES = [Module.parse(path) for path in sorted(PACKAGE.rglob("*.py"))]


def unit(name: str) -> str | None:
    """``pgtune.whatif.selection`` → ``pgtune.whatif``; ``pgtune.db`` → itself; ``pgtune`` → None."""
    parts = name.split(".")
    return ".".join(parts[:2]) if parts[0] == "pgtune" and len(parts) > 1 else None


def dependencies(modules: list[Module]) -> dict[str, dict[str, str]]:
    """unit → {unit it imports: the first import that says so, ``module:line``}."""
    units = {unit(m.name) for m in modules} - {None}
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for module in modules:
        source = unit(module.name)
        for name, line in module.imported_modules():
            target = unit(name)
            if source and target in units and target != source:
                found[source].setdefault(target, f"{module.name}:{line}")
    return found


def loop_of(graph: dict[str, dict[str, str]]) -> list[str] | None:
    try:
        TopologicalSorter({node: set(targets) for node, targets in graph.items()}).prepare()
    except CycleError as error:
        return error.args[1]
    return None


def test_no_package_imports_another_that_imports_it_back():
    graph = dependencies(MODULES)
    loop = loop_of(graph)
    assert loop is None, " → ".join(f"{a} ({graph[a][b]})" for a, b in pairwise(loop))


def test_the_loop_check_sees_a_loop_through_a_lazy_import():
    probes = [
        Module.parse(PACKAGE / "gate" / "probe.py", "from ..advisors import base\n"),
        Module.parse(PACKAGE / "advisors" / "probe.py", "def f():\n    from ..gate import run\n"),
    ]
    assert set(loop_of(dependencies(probes))) == {"pgtune.gate", "pgtune.advisors"}
    assert loop_of(dependencies(probes[:1])) is None


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_a_module_fits_in_450_lines(module):
    assert module.lines <= MAX_MODULE_LINES, f"{module.path.relative_to(PACKAGE)}: split it by job"


def rule_id(module: Module) -> str | None:
    """The id of the ``RULE = Rule(id=...)`` the module defines at its top level, if it defines one."""
    for node in module.tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "RULE" for t in node.targets)
            and isinstance(node.value, ast.Call)
        ):
            return next((k.value.value for k in node.value.keywords if k.arg == "id"), None)
    return None


def test_a_rule_file_is_named_after_its_rule():
    """``ix002_unused_index.py`` beside ``cf003_work_mem.py``: the id first, then what it checks."""
    rules = {m: rule_id(m) for m in MODULES if m.name.startswith("pgtune.advisors.")}
    rules = {m: found for m, found in rules.items() if found}
    assert len(rules) == len(pgtune.advisors.all_rules())
    misnamed = [
        str(m.path.relative_to(PACKAGE))
        for m, found in rules.items()
        if not (match := RULE_FILE.fullmatch(m.path.name)) or match["id"] != found.lower()
    ]
    assert misnamed == []
