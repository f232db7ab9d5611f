"""Issue 21's ticks setup on a live TimescaleDB 2.28.3, through ``pgtune analyze``: 500,000 rows in 1-day chunks,
three compressed by market_id, a continuous aggregate with its refresh policy, 100 lookups by market_id and time.

A healthy setup: the rules that judge it (PT003 chunk interval, PT004 compression, PT005 settings, PT007's refresh
check, PT008 indexes) stay silent; the sizes shown are the chunks' and the candle statement is pointed at the
aggregate. Background jobs may really fail on this server (PostgreSQL 15.18+ and TimescaleDB 2.28.3 disagree about
portals): PT006 then reports them, and nothing here assumes they do not.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from .workloads import (
    EVER_FAILED,
    FAILED_JOBS,
    analyze_json,
    every,
    evidence,
    findings,
    job_ids,
    load_ticks,
    ticks_lookups,
    ticks_rollups,
)


@pytest.fixture(scope="module")
def analyzed(ts_database, tmp_path_factory):
    load_ticks(ts_database)
    ts_database.reset_statements()
    ts_database.run_workload([*ticks_lookups(), *ticks_rollups()])
    failed_before = job_ids(ts_database, FAILED_JOBS)
    report = analyze_json(ts_database, tmp_path_factory.mktemp("ticks"))
    return report, failed_before & job_ids(ts_database, FAILED_JOBS)


@pytest.fixture(scope="module")
def report(analyzed):
    return analyzed[0]


def test_the_hypertable_size_is_its_chunks(report):
    (finding,) = findings(report, "MT004").values()
    size, unit, rows = re.search(r"public\.ticks \(([\d.]+) (MB|kB), ([\d,]+) rows\)", finding["message"]).groups()
    assert unit == "MB" and 10 < float(size) < 100
    assert 450_000 <= int(rows.replace(",", "")) <= 550_000


def test_no_chunk_and_no_catalog_table_is_judged_as_a_table(report):
    targets = {f["table"] for f in (*report["recommendations"], *report["findings"])}
    assert not {t for t in targets if t.startswith("_timescaledb")}


def test_a_healthy_setup_leaves_the_timescaledb_rules_silent(report):
    for rule in ("PT002", "PT003", "PT004", "PT005", "PT008"):
        assert findings(report, rule) == {}, rule
    assert [f for f in findings(report, "PT007").values() if f["kind"] == "refresh-policy"] == []


def test_the_candle_statement_is_pointed_at_the_aggregate(report):
    finding = findings(report, "PT007")["public.ticks"]
    assert finding["kind"] == "rewrite" and "public.ticks_1m already holds its buckets" in finding["message"]
    assert evidence(finding)["served by"] == "ticks_1m (1 minute, by market_id)"


def test_real_job_failures_are_reported_with_their_error(analyzed, ts_database):
    report, failed_throughout = analyzed
    reported = {int(f["message"].split()[1]): f for f in every(report, "PT006")}
    # Jobs run on their own clock: one failing before and after the analysis must be reported, and everything
    # reported must have really failed.
    assert failed_throughout <= set(reported) <= job_ids(ts_database, EVER_FAILED)
    assert all("last error" in evidence(f) for f in reported.values())


def test_the_cli_as_a_user_types_it(ts_database):
    result = subprocess.run(
        [sys.executable, "-m", "pgtune", "analyze", "--dsn", ts_database.dsn, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    document = json.loads(result.stdout)
    assert "MT004" in {f["rule"] for f in document["findings"]}
