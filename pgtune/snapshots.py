"""Where collected snapshots go: the history store, or JSON files. The one way to save them, for ``pgtune
snapshot`` of one server and of a fleet, and for ``pgtune analyze --save``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import BadInput
from .facts import Snapshot
from .report.model import Report
from .store import Store, open_store


@contextmanager
def destination(store_url: str | None, path: Path | None) -> Iterator[Store | None]:
    """The history store, opened, unless the snapshots go to files (``path``)."""
    if path is not None:
        yield None
        return
    with open_store(store_url) as store:
        yield store


def save(snapshot: Snapshot, name: str, store: Store | None, path: Path | None, remedy: str = "check the path") -> str:
    """Into the JSON file ``path`` when given, else into ``store`` as ``name``'s; says where it went."""
    if path is not None:
        try:
            path.write_text(snapshot.to_json() + "\n", encoding="utf-8")
        except OSError as exc:
            raise BadInput(f"cannot write the snapshot {path}: {exc.strerror}", remedy) from None
        return str(path)
    assert store is not None
    return f"{store.location} as snapshot {store.save_snapshot(snapshot, name)}"


def save_analysis(store_url: str | None, server: str | None, snapshot: Snapshot, report: Report) -> None:
    """The snapshot and its analysis, into the history store (``pgtune report`` follows the recommendations)."""
    with open_store(store_url) as store:
        store.save_analysis(report, store.save_snapshot(snapshot, server or snapshot.server.database))
