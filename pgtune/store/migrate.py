"""Ordered, versioned schema migrations from ``migrations/``, applied once each and recorded in the store.

A migration is ``NNNN_name.sql`` (portable) or ``NNNN_name.<dialect>.sql`` when SQLite and PostgreSQL
differ. Our migrations hold plain DDL, so splitting on ``;`` at line ends is enough, and each runs in the
caller's transaction (both SQLite and PostgreSQL have transactional DDL).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..resources import data_dir

_NAME = re.compile(r"^(?P<version>\d{4})_(?P<name>[a-z0-9_]+?)(?:\.(?P<dialect>sqlite|postgresql))?\.sql$")
BOOTSTRAP = (
    "CREATE TABLE IF NOT EXISTS schema_migrations "
    "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    def statements(self) -> list[str]:
        text = "\n".join(
            line for line in self.path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("--")
        )
        return [part.strip() for part in re.split(r";\s*(?:\n|$)", text) if part.strip()]


def available(dialect: str, directory: Path | None = None) -> tuple[Migration, ...]:
    """Every migration for ``dialect``, in version order; a dialect variant wins over a portable file."""
    chosen: dict[int, Migration] = {}
    for path in sorted((directory or data_dir("migrations")).glob("*.sql")):
        match = _NAME.match(path.name)
        if not match or match["dialect"] not in (None, dialect):
            continue
        version = int(match["version"])
        if version not in chosen or match["dialect"]:
            chosen[version] = Migration(version, match["name"], path)
    return tuple(chosen[v] for v in sorted(chosen))
