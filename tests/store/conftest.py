"""Every store test runs on both backends.

SQLite in tmp_path; PostgreSQL in a fresh schema of a database on the suite's server.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from pgtune.store import Store, open_store

_COUNTER = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path}/history.sqlite3"
        return
    server = request.getfixturevalue("database")
    # A schema per test is as isolated as a database and far quicker to make.
    schema = f"store_{next(_COUNTER)}"
    with server.connect() as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield f"postgresql://{server.user}@{server.host}:{server.port}/{server.dbname}?options=-csearch_path%3D{schema}"
    with server.connect() as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
