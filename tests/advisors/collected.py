"""The facts of a test database as pgtune collects them (no statements or plans: the rules here read the catalog)."""

from __future__ import annotations

from pgtune.collectors import CollectOptions, collect
from pgtune.db import connect
from pgtune.facts import Snapshot


def read_snapshot(dsn: str) -> Snapshot:
    with connect(dsn) as session:
        return collect(session, CollectOptions(plans=False))
