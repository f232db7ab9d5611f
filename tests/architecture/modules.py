"""Reading pgtune's own modules as syntax trees, for the architecture tests: what each imports, what it calls."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "pgtune"
FILE_CALLS = frozenset(
    {"open", ".open", ".read_text", ".read_bytes", ".write_text", ".write_bytes", ".mkdir", ".unlink", ".touch"}
)
"""Calls that open, read or write a file (``open()``, ``Path``'s methods)."""


@dataclass(frozen=True)
class Module:
    name: str
    """Dotted, e.g. ``pgtune.report.html``."""
    path: Path
    tree: ast.Module
    lines: int

    @classmethod
    def parse(cls, path: Path, source: str | None = None) -> Module:
        """The module at ``path``, or ``source`` as if it were there (the tests' probes)."""
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        text = path.read_text(encoding="utf-8") if source is None else source
        return cls(name, path, ast.parse(text), len(text.splitlines()))

    @property
    def package(self) -> str:
        return self.name if self.path.name == "__init__.py" else self.name.rpartition(".")[0]

    def imports(self) -> Iterator[tuple[str, str | None, int]]:
        """(absolute module, imported name or None, line) for every import, relative ones resolved."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield alias.name, None, node.lineno
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = self.package.split(".")[: len(self.package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                for alias in node.names:
                    yield base, alias.name, node.lineno

    def imported_modules(self) -> Iterator[tuple[str, int]]:
        """Every module the imports reach, ``from pkg import mod`` counted as ``pkg.mod`` too."""
        for module, name, line in self.imports():
            yield module, line
            if name is not None:
                yield f"{module}.{name}", line

    def calls(self) -> Iterator[tuple[str, ast.Call, str]]:
        """(called name, call, enclosing top-level function or '') for every call: ``open`` or ``.write_text``."""
        for top in self.tree.body:
            owner = top.name if isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else ""
            for node in ast.walk(top):
                if isinstance(node, ast.Call):
                    func = node.func
                    if isinstance(func, ast.Name):
                        yield func.id, node, owner
                    elif isinstance(func, ast.Attribute):
                        yield f".{func.attr}", node, owner


def modules_under(folder: str) -> list[Module]:
    return [Module.parse(path) for path in sorted((PACKAGE / folder).rglob("*.py"))]


def reaches(module: str, forbidden: tuple[str, ...]) -> str | None:
    """The forbidden package ``module`` is or lies under, if any."""
    return next((f for f in forbidden if module == f or module.startswith(f + ".")), None)
