"""The CLI is thin (STYLE.md §9): one small module per command that wires flags to the layers below.

Thin means, checked on the modules' syntax trees:
- every module of ``pgtune/cli/`` registers a command, except ``__init__`` (errors → one line and an exit
  code, the one place), ``app`` (the shared options; writing the rendered output) and ``progress``;
- it resolves no settings (``pgtune.settings`` does, over ``pgtune.config``'s files), opens no connection,
  store, file or socket, and saves nothing: ``analysis``, ``doctor``, ``fleet``, ``snapshots`` and
  ``history`` do, and the CLI calls them;
- it stays small: no function over MAX_STATEMENTS statements (nested ones counted), no module over MAX_LINES.
"""

from __future__ import annotations

import ast

import pytest

from .modules import FILE_CALLS, PACKAGE, Module, modules_under, reaches

SHARED = {"pgtune.cli", "pgtune.cli.app", "pgtune.cli.progress"}
MAX_STATEMENTS = 25
MAX_LINES = 200
FORBIDDEN_IMPORTS = (
    "pgtune.config",
    "pgtune.store.base",
    "pgtune.store.sqlite",
    "pgtune.store.postgresql",
    "pgtune.asyncdb",
    "asyncpg",
    "sqlite3",
    "tomllib",
    "urllib",
    "http",
    "socket",
)
FORBIDDEN_NAMES = {"connect", "connect_async", "open_store", "Store", "load_settings"}
FORBIDDEN_CALLS = FILE_CALLS | {".section", ".save_snapshot", ".save_analysis", ".prune"}
WRITES_OUTPUT = ("pgtune.cli.app", "write_output")
"""The one function that writes: the rendered report to --output."""


def _registers_a_command(module: Module) -> bool:
    return any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "command"
        for node in module.tree.body
        if isinstance(node, ast.FunctionDef)
        for d in node.decorator_list
    )


def violations(module: Module) -> list[str]:
    found = []
    if module.name not in SHARED and not _registers_a_command(module):
        found.append(f"{module.name} registers no command: its logic belongs in a module below the CLI")
    for name, imported, line in module.imports():
        # psycopg's error class is what __init__ turns into an exit code; nowhere else needs the driver.
        if reaches(name, FORBIDDEN_IMPORTS + (() if module.name == "pgtune.cli" else ("psycopg",))):
            found.append(f"{module.name}:{line} imports {name}")
        if imported in FORBIDDEN_NAMES:
            found.append(f"{module.name}:{line} imports {imported} from {name}")
    for name, call, owner in module.calls():
        if name in FORBIDDEN_CALLS and (module.name, owner) != WRITES_OUTPUT:
            found.append(f"{module.name}:{call.lineno} calls {name}() in {owner or 'the module'}")
    for node in module.tree.body:
        if isinstance(node, ast.FunctionDef):
            size = sum(isinstance(n, ast.stmt) for b in node.body for n in ast.walk(b))
            if size > MAX_STATEMENTS:
                found.append(f"{module.name}.{node.name} has {size} statements (at most {MAX_STATEMENTS})")
    if module.lines > MAX_LINES:
        found.append(f"{module.name} has {module.lines} lines (at most {MAX_LINES})")
    return found


COMMANDS = modules_under("cli")


def test_the_cli_package_is_read():
    assert {"pgtune.cli.analyze", "pgtune.cli.snapshot", "pgtune.cli.report"} <= {m.name for m in COMMANDS}


@pytest.mark.parametrize("module", COMMANDS, ids=lambda m: m.name)
def test_cli_modules_are_thin(module):
    assert violations(module) == []


FAT = {
    "settings work": "from ..config import load_config\n@app.command()\ndef c():\n    return load_config(None)",
    "a table read": "@app.command()\ndef c(config):\n    return config.section('analyze', set())",
    "a connection": "from ..db import connect\n@app.command()\ndef c():\n    pass",
    "a store": "from ..store import open_store\n@app.command()\ndef c():\n    pass",
    "a file": "@app.command()\ndef c(path):\n    path.write_text('x')",
    "no command": "def collect_fleet():\n    pass",
    "a long function": "@app.command()\ndef c():\n" + "    x = 1\n" * (MAX_STATEMENTS + 1),
    "a long module": "@app.command()\ndef c():\n    pass\n" + "\n" * MAX_LINES,
}


@pytest.mark.parametrize("source", FAT.values(), ids=FAT.keys())
def test_the_check_catches_a_fat_command(source):
    assert violations(Module.parse(PACKAGE / "cli" / "probe.py", source))
