"""The history store: snapshots and analyses of many servers over time, in SQLite or PostgreSQL."""

from __future__ import annotations

from .base import Store, StoredAnalysis, StoredSnapshot
from .location import default_store_path, open_store, parse_age, store_url

__all__ = [
    "Store",
    "StoredAnalysis",
    "StoredSnapshot",
    "default_store_path",
    "open_store",
    "parse_age",
    "store_url",
]
