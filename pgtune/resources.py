"""Where the files shipped with pgtune live: ``sql/`` and ``migrations/``.

In a wheel they are packed under ``pgtune/_data``; in a source checkout they sit at the top level.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(kind: str) -> Path:
    for candidate in (_PACKAGE / "_data" / kind, _PACKAGE.parent / kind):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"pgtune's {kind}/ directory is missing from this installation")


@cache
def sql_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")
