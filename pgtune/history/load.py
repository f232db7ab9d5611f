"""The stored nights of one server, read once from the history store for :func:`pgtune.history.build.build`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..errors import BadInput
from ..facts import Snapshot
from ..store import Store, StoredAnalysis, open_store


@dataclass(frozen=True)
class History:
    server: str
    snapshots: tuple[Snapshot, ...]
    """Oldest first, starting with the last one before the period, which the first delta is taken from."""
    analyses: tuple[StoredAnalysis, ...]


def load(store: Store, server: str, since: datetime) -> History:
    rows = store.snapshots(server)
    if not rows:
        known = ", ".join(store.servers()) or "none"
        raise BadInput(
            f"the history store {store.location} holds no snapshot of {server!r} (servers: {known})",
            "save snapshots nightly with pgtune snapshot --store, or pass --server",
        )
    before = [r for r in rows if r.collected_at < since]
    chosen = before[-1:] + [r for r in rows if r.collected_at >= since]
    return History(server, tuple(store.load_snapshot(r.id) for r in chosen), store.analyses(server))


def load_server(store_url: str | None, server: str | None, since: datetime, prune_before: datetime | None) -> History:
    """The named server's nights (the store's one server when none is named), after pruning when asked."""
    with open_store(store_url, create=False) as store:
        if prune_before is not None:
            store.prune(prune_before)
        return load(store, server or _only_server(store.servers(), store.location), since)


def _only_server(names: tuple[str, ...], location: str) -> str:
    if len(names) == 1:
        return names[0]
    if not names:
        raise BadInput(
            f"the history store {location} holds no snapshot yet", "save snapshots with pgtune snapshot --store"
        )
    raise BadInput(f"the history store {location} holds several servers: {', '.join(names)}", "pick one with --server")
