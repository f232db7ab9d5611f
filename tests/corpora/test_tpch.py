"""TPC-H's 22 queries given as ``--workload`` on a server whose pg_stat_statements has not seen them (as
``dexter queries.sql``): SF 0.01 generated in SQL, every query planned, indexes recommended."""

from __future__ import annotations

import pytest

from pgtune.errors import ExitCode

from .conftest import REPO, account, analyze_json

QUERIES = REPO / "bench" / "tpch" / "queries.sql"


@pytest.fixture(scope="module")
def tpch(database):
    database.execute((REPO / "bench" / "tpch" / "schema.sql").read_text())
    database.execute((REPO / "tests" / "corpora" / "tpch_data.sql").read_text())
    database.execute("VACUUM ANALYZE")
    # The load is no write rate, and pg_stat_statements holds none of the queries.
    database.execute("SELECT pg_stat_reset(), pg_stat_statements_reset()")
    return database


def test_the_22_queries_as_a_workload_file_are_planned_and_advised(tpch, tmp_path):
    code, report = analyze_json(tpch.dsn, tmp_path, "--workload", str(QUERIES), "--budget", "1MB")
    assert code in (ExitCode.OK, ExitCode.FINDINGS)
    from_file = [s for s in report["statements"] if s["source"].startswith(str(QUERIES))]
    assert len(from_file) == 22 and {s["status"] for s in from_file} == {"planned"}
    assert all("1 occurrence(s)" in s["weight"] and "assumed" in s["weight"] for s in from_file)
    assert account(report)["planned"] >= 22
    assert report["whatif"]["statements"] >= 22 and report["whatif"]["candidates"] > 50
    ddl = [r["ddl"] for r in report["recommendations"]]
    assert len(ddl) >= 5 and any("lineitem" in d for d in ddl)
    assert report["whatif"]["used_bytes"] <= 1 << 20
