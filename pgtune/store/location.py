"""Which store to open: ``--store``, else ``$PGTUNE_STORE``, else a SQLite file in the user's data directory."""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

from ..errors import BadInput
from .base import Store
from .postgresql import PostgresStore
from .sqlite import SqliteStore

_AGE = re.compile(r"^\s*(?P<count>\d+)\s*(?P<unit>[hdw])\s*$")
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}
_STORE_HINT = "use sqlite:///path/to/history.sqlite3 or postgresql://user@host/dbname"


def default_store_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "pgtune" / "history.sqlite3"


def store_url(url: str | None) -> str:
    return url or os.environ.get("PGTUNE_STORE") or f"sqlite://{default_store_path()}"


def open_store(url: str | None = None, create: bool = True) -> Store:
    """Open (and migrate) the history store; ``create=False`` refuses to make a new SQLite file."""
    resolved = store_url(url)
    if resolved.startswith("sqlite://"):
        path = resolved.removeprefix("sqlite://")
        if not path:
            raise BadInput("the --store URL sqlite:// names no file", _STORE_HINT)
        return SqliteStore(Path(path).expanduser(), create=create)
    if resolved.startswith(("postgresql://", "postgres://")):
        return PostgresStore(resolved)
    scheme = resolved.split("://", 1)[0] if "://" in resolved else resolved[:20]
    raise BadInput(f"the history store {scheme!r} is neither sqlite:// nor postgresql://", _STORE_HINT)


def parse_age(text: str, option: str) -> timedelta:
    """``90d``, ``12h``, ``2w`` as a duration."""
    match = _AGE.match(text)
    if not match or int(match["count"]) == 0:
        raise BadInput(
            f"{option} {text!r} is not a duration", f"write it as a count and a unit: {option} 7d, 12h or 2w"
        )
    return int(match["count"]) * _UNITS[match["unit"]]
