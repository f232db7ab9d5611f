"""``pgtune/report/`` renders: findings and histories in, text out. Nothing under it connects to a server,
opens a store, a file or a socket, or loads history; that is ``db``/``collectors``/``store``/``history``'s
work, and the CLI hands the renderers what those produced (docs/design.md, "Flow and layout").

Read from the modules' syntax trees (direct imports and calls), so a lazy import inside a function counts too.
"""

from __future__ import annotations

import pytest

from .modules import FILE_CALLS, PACKAGE, Module, modules_under, reaches

FORBIDDEN_IMPORTS = (
    # pgtune's layers that talk to a server, a store or the network, or load what renderers are given
    "pgtune.db",
    "pgtune.asyncdb",
    "pgtune.store",
    "pgtune.collectors",
    "pgtune.history",
    "pgtune.fleet",
    "pgtune.snapshots",
    "pgtune.notify",
    # drivers and network or process I/O
    "psycopg",
    "psycopg_pool",
    "asyncpg",
    "sqlite3",
    "urllib",
    "http",
    "socket",
    "ssl",
    "subprocess",
    "requests",
    "httpx",
)
FORBIDDEN_CALLS = FILE_CALLS | {".connect", ".urlopen"}


def violations(module: Module) -> list[str]:
    found = [
        f"{module.name}:{line} imports {name} ({hit})"
        for name, line in module.imported_modules()
        if (hit := reaches(name, FORBIDDEN_IMPORTS))
    ]
    found += [
        f"{module.name}:{call.lineno} calls {name}()" for name, call, _ in module.calls() if name in FORBIDDEN_CALLS
    ]
    return found


RENDERERS = modules_under("report")


def test_the_report_package_is_read():
    names = {m.name for m in RENDERERS}
    assert {"pgtune.report.html", "pgtune.report.history_json", "pgtune.report.check.sarif"} <= names


@pytest.mark.parametrize("module", RENDERERS, ids=lambda m: m.name)
def test_renderers_do_no_io_and_load_nothing(module):
    assert violations(module) == []


@pytest.mark.parametrize(
    "source",
    [
        "from ..store import open_store",
        "from .. import history",
        "from ..db import connect",
        "from .check import _x\nfrom ..collectors.plans import collect_plans",
        "import urllib.request",
        "from http.client import HTTPConnection",
        "import psycopg",
        "def f(path):\n    return path.read_text()",
        "def f():\n    with open('x') as fh:\n        return fh.read()",
        "def f(path, text):\n    path.write_text(text)",
    ],
)
def test_the_check_catches_what_it_forbids(source):
    """The test fails on a renderer that reaches for I/O: it is not one that cannot fail."""
    assert violations(Module.parse(PACKAGE / "report" / "probe.py", source)), source


def test_relative_imports_resolve_from_the_subpackage():
    probe = PACKAGE / "report" / "check" / "probe.py"
    assert violations(Module.parse(probe, "from ...store import Store"))
    assert violations(Module.parse(probe, "from .. import history")) == []  # pgtune.report.history, not pgtune.history


def test_a_pure_renderer_passes():
    source = "import json\nfrom html import escape\nfrom ..findings import Finding\nfrom .units import human_bytes\n"
    assert violations(Module.parse(PACKAGE / "report" / "probe.py", source)) == []
