"""1,000 random queries from Debian's sqlsmith against the exchange schema, executed so that
pg_stat_statements holds them (a fixed seed: the same corpus on every run): ``pgtune analyze`` plans each
or says why not, and no reason is a syntax error of pgtune's own making."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from pgtune.errors import ExitCode

from .conftest import REPO, account, analyze_json

SEED = 15
QUERIES = 1000
pytestmark = pytest.mark.skipif(shutil.which("sqlsmith") is None, reason="sqlsmith is not installed")


@pytest.fixture(scope="module")
def smith(database):
    database.execute((REPO / "pgtune" / "demo" / "exchange" / "schema.sql").read_text())
    database.execute("ANALYZE")
    # sqlsmith calls any function it finds: as a superuser it would reset pg_stat_statements and
    # statistics for the whole shared test server, reload its settings or end other tests' sessions.
    database.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sqlsmith') THEN "
        "CREATE ROLE sqlsmith LOGIN PASSWORD 'sqlsmith'; END IF; END $$;"
        "GRANT USAGE ON SCHEMA public TO sqlsmith; GRANT SELECT ON ALL TABLES IN SCHEMA public TO sqlsmith;"
    )
    database.reset_statements()
    target = f"host={database.host} port={database.port} dbname={database.dbname} user=sqlsmith password=sqlsmith"
    subprocess.run(
        ["sqlsmith", f"--target={target}", f"--seed={SEED}", f"--max-queries={QUERIES}", "--exclude-catalog"],
        check=True,
        capture_output=True,
        timeout=600,
    )
    with database.connect() as connection:
        database.held = connection.execute(
            "SELECT count(*) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database "
            "WHERE datname = current_database())"
        ).fetchone()[0]
    return database


def test_sqlsmith_queries_are_planned_or_skipped_with_a_reason(smith, tmp_path):
    code, report = analyze_json(smith.dsn, tmp_path)
    assert code in (ExitCode.OK, ExitCode.FINDINGS)
    counts = account(report)
    # Every entry pg_stat_statements holds (but pgtune's own) is accounted for.
    assert counts["planned"] + counts["skipped"] == len(report["statements"])
    assert len(report["statements"]) >= min(smith.held, 500) * 0.9
    assert counts["planned"] >= 0.9 * len(report["statements"])
    for statement in report["statements"]:
        assert "syntax error" not in statement["reason"], statement
    # No candidate on a subquery's output column (c0, c1 …) reaches HypoPG or the report.
    assert not any(" (c" in (r["ddl"] or "") for r in report["recommendations"])
    refused = [s for s in report["skipped"] if s["item"].startswith("candidate")]
    assert not refused, refused
