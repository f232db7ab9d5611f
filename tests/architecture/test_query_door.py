"""pglast is imported only inside pgtune/query/: every other package gets the query model's objects."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pgtune

PACKAGE = Path(pgtune.__file__).resolve().parent
DOOR = PACKAGE / "query"
_DYNAMIC = frozenset({"import_module", "__import__"})


def pglast_imports(source: str) -> list[int]:
    """Lines that import pglast: ``import pglast[.x]``, ``from pglast[.x] import …``, and
    ``importlib.import_module("pglast…")`` / ``__import__("pglast…")`` with a literal name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.level == 0 else []
        elif isinstance(node, ast.Call) and _called_name(node.func) in _DYNAMIC and node.args:
            first = node.args[0]
            names = [first.value] if isinstance(first, ast.Constant) and isinstance(first.value, str) else []
        else:
            continue
        if any(name == "pglast" or name.startswith("pglast.") for name in names):
            found.append(node.lineno)
    return sorted(found)


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


@cache
def _pglast_lines() -> dict[Path, list[int]]:
    """Every module of pgtune/ → the lines where it imports pglast."""
    return {path: pglast_imports(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.rglob("*.py"))}


def test_pglast_is_imported_only_inside_the_query_model():
    outside = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path, lines in _pglast_lines().items()
        if DOOR not in path.parents
        for line in lines
    ]
    assert outside == [], "pglast imported outside pgtune/query/ (go through the query model): " + ", ".join(outside)


def test_the_scan_sees_the_query_model_import_pglast():
    # Guards the test above against passing because it read nothing.
    inside = [path for path, lines in _pglast_lines().items() if DOOR in path.parents and lines]
    assert len(_pglast_lines()) > 100 and DOOR / "indexdef.py" in inside and DOOR / "parse.py" in inside


def test_every_way_of_importing_pglast_is_caught():
    source = """
import os, pglast
import pglast.parser as p
from pglast import parse_sql
from pglast.visitors import Visitor
import importlib
importlib.import_module("pglast.ast")
__import__("pglast")
from . import pglast_like
from .pglast import x
import pglastic
importlib.import_module("pglastic")
def f():
    from pglast.stream import RawStream
"""
    assert pglast_imports(source) == [2, 3, 4, 5, 7, 8, 14]
