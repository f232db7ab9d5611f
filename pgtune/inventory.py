"""The servers of a fleet: an inventory file (TOML), or several ``--dsn``, narrowed by ``--tag``.

```toml
[[servers]]
name = "orders-eu"
dsn = "host=orders-eu.internal dbname=orders user=pgtune"
tags = ["prod", "eu"]

[[servers]]
name = "ledger"
service = "ledger"      # a pg_service.conf entry
```
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from psycopg import conninfo

from .config import load_config
from .db import _parse_dsn
from .errors import BadInput

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
_KEYS = {"name", "dsn", "service", "tags"}
_NAME_HINT = "use letters, digits, '.', '_' and '-' (it also names the --output file)"


@dataclass(frozen=True)
class Target:
    """One server to collect: its name in the store (and output file), how to reach it, its tags."""

    name: str
    dsn: str
    tags: tuple[str, ...] = ()


def load_inventory(path: Path) -> tuple[Target, ...]:
    values = load_config(path).values
    servers = values.get("servers")
    unknown = sorted(set(values) - {"servers"})
    if unknown or not isinstance(servers, list) or not servers:
        raise BadInput(
            f"the inventory {path} must hold [[servers]] tables and nothing else",
            'add [[servers]] with name = "…" and dsn = "…" (or service = "…")',
        )
    targets = tuple(_target(entry, path, number) for number, entry in enumerate(servers, 1))
    return _unique(targets, f"the inventory {path}")


def _target(entry: object, path: Path, number: int) -> Target:
    where = f"server {number} of {path}"
    if not isinstance(entry, dict):
        raise BadInput(f"{where} is not a table", "write each server as a [[servers]] table")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise BadInput(f"unknown key(s) in {where}: {', '.join(unknown)}", f"known keys: {', '.join(sorted(_KEYS))}")
    name = entry.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise BadInput(f"{where} has no usable name ({name!r})", _NAME_HINT)
    dsn, service = entry.get("dsn"), entry.get("service")
    if (dsn is None) == (service is None) or not isinstance(dsn or service, str):
        raise BadInput(f"{name} in {path} needs exactly one of dsn or service, as text", "give one of them")
    tags = entry.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise BadInput(f"the tags of {name} in {path} must be a list of text", 'e.g. tags = ["prod", "eu"]')
    dsn = dsn if dsn is not None else conninfo.make_conninfo(service=service)
    _parse_dsn(dsn)
    return Target(name, dsn, tuple(tags))


def targets_from_dsns(dsns: Iterable[str]) -> tuple[Target, ...]:
    """Servers given as ``--dsn``, each named after its database (as ``pgtune snapshot`` names one server); where
    that names two alike, by what tells them apart: the host, then the port too (``db1_app``,
    ``db1_5433_app``)."""
    dsns = list(dsns)
    spellings = []
    for dsn in dsns:
        _parse_dsn(dsn)
        params = conninfo.conninfo_to_dict(dsn)
        host, port = str(params.get("host") or "local"), str(params.get("port") or "5432")
        dbname = str(params.get("dbname") or "postgres")
        spellings.append([_safe(part) for part in (dbname, f"{host}_{dbname}", f"{host}_{port}_{dbname}")])
    level = [0] * len(spellings)
    for _ in range(2):
        names = [spelling[n] for spelling, n in zip(spellings, level, strict=True)]
        for i, name in enumerate(names):
            if names.count(name) > 1:
                level[i] += 1
    names = [spelling[min(n, 2)] for spelling, n in zip(spellings, level, strict=True)]
    return _unique(tuple(Target(name, dsn) for name, dsn in zip(names, dsns, strict=True)), "the --dsn options")


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)


def _unique(targets: tuple[Target, ...], where: str) -> tuple[Target, ...]:
    seen: set[str] = set()
    for target in targets:
        if target.name in seen:
            raise BadInput(
                f"two servers are named {target.name} in {where}",
                "give each server its own name in an --inventory file",
            )
        seen.add(target.name)
    return targets


def select(targets: Sequence[Target], tags: Iterable[str]) -> tuple[Target, ...]:
    """The servers that carry every tag asked for (all of them when no tag is asked for)."""
    wanted = set(tags)
    chosen = tuple(t for t in targets if wanted <= set(t.tags))
    if not chosen:
        raise BadInput(
            f"no server carries the tag(s) {', '.join(sorted(wanted))}",
            "check --tag against the tags in the inventory",
        )
    return chosen
