"""The suite's real PostgreSQL 15: one server process, a template database loaded once, cloned per module.

The server is started by the suite itself (as the unprivileged ``postgres`` OS user when running as
root) and handed to pytest-postgresql's ``postgresql_noproc``, which builds the template database.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import psycopg
import pytest
from pytest_postgresql import factories
from pytest_postgresql.executors import NoopExecutor
from pytest_postgresql.janitor import DatabaseJanitor

from pgtune.demo.cluster import TemporaryCluster

PRELOAD = ("pg_stat_statements", "pg_qualstats")
TEMPLATE_EXTENSIONS = ("pg_stat_statements", "hypopg")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[TemporaryCluster]:
    # pg_qualstats keeps its examples server-wide, pg_qualstats.max of them (1,000 by default): sqlsmith's
    # thousand queries alone would leave later modules' statements without the examples they are checked by.
    cluster = TemporaryCluster(preload=PRELOAD, settings={"pg_qualstats.sample_rate": "1", "pg_qualstats.max": "20000"})
    missing = {"hypopg", "pg_qualstats"} - cluster.available_extensions()
    if missing:
        pytest.exit(
            f"the test server needs {sorted(missing)}: apt-get install postgresql-15-hypopg "
            "postgresql-15-pg-qualstats (bash .ci/run does this)",
            returncode=3,
        )
    cluster.start()
    yield cluster
    cluster.stop()


class ClusterExecutor(NoopExecutor):
    """The started cluster as pytest-postgresql sees it; our template is cloned from template1."""

    template_dbname = "template1"


@pytest.fixture(scope="session")
def pg_server(pg_cluster: TemporaryCluster) -> NoopExecutor:
    return ClusterExecutor(host=pg_cluster.host, port=pg_cluster.port, user=pg_cluster.user, options="", dbname="")


def _load_template(host: str, port: int, user: str, dbname: str, **_: object) -> None:
    with psycopg.connect(host=host, port=port, user=user, dbname=dbname, autocommit=True) as conn:
        for extension in TEMPLATE_EXTENSIONS:
            conn.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")


pg_template = factories.postgresql_noproc(dbname="pgtune", depends_on="pg_server", load=[_load_template])
postgresql = factories.postgresql("pg_template")


@dataclass
class TestDatabase:
    """A database cloned from the template for one test module."""

    __test__ = False
    host: str
    port: int
    user: str
    dbname: str

    @property
    def dsn(self) -> str:
        return f"host={self.host} port={self.port} dbname={self.dbname} user={self.user}"

    def connect(self, **kwargs: object) -> psycopg.Connection:
        return psycopg.connect(self.dsn, autocommit=True, **kwargs)

    def execute(self, statements: str) -> None:
        with self.connect() as conn:
            conn.execute(statements)

    def run_workload(self, statements: Iterable[str | tuple[str, tuple]], repeat: int = 1) -> None:
        """Run statements as an application would, so that pg_stat_statements fills up."""
        with self.connect() as conn:
            for _ in range(repeat):
                for item in statements:
                    query, params = (item, None) if isinstance(item, str) else item
                    conn.execute(query, params)

    def reset_statements(self) -> None:
        with self.connect() as conn:
            conn.execute("SELECT pg_stat_statements_reset()")


def _module_dbname(request: pytest.FixtureRequest) -> str:
    name = re.sub(r"\W+", "_", request.module.__name__.rsplit(".", 1)[-1]).lower()
    return f"t_{name}_{os.getpid()}"[:63]


@pytest.fixture(scope="module")
def database(request: pytest.FixtureRequest, pg_template: NoopExecutor) -> Iterator[TestDatabase]:
    dbname = _module_dbname(request)
    janitor = DatabaseJanitor(
        user=pg_template.user,
        host=pg_template.host,
        port=pg_template.port,
        dbname=dbname,
        template_dbname=pg_template.template_dbname,
    )
    with janitor:
        yield TestDatabase(pg_template.host, pg_template.port, pg_template.user, dbname)
