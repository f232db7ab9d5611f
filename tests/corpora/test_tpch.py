"""TPC-H's 22 queries given as ``--workload`` on a server whose pg_stat_statements has not seen them (as
``dexter queries.sql``): SF 0.01 generated in SQL, every query planned, indexes recommended."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from pglast.parser import split

from pgtune.cli import main
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


def _tpch_entries(report: dict) -> list[dict]:
    """The 22 queries' entries of pg_stat_statements (the rest are the suite's own statements)."""
    tables = (" lineitem", " orders", " customer", " partsupp", " part", " supplier")
    return [
        s
        for s in report["statements"]
        if s["source"] == "pg_stat_statements"
        and s["text"].startswith(("SELECT", "WITH"))
        and any(t in s["text"] for t in tables)
    ]


def test_what_pg_stat_statements_shows_unplannable_is_planned_from_the_file(tpch, tmp_path):
    """The queries run, so pg_stat_statements holds their normalized texts: Q7, Q8 and Q9's
    ``extract($1 FROM …)``, which PostgreSQL's grammar refuses, and constants the planner cannot type once
    they are ``$n`` (Q12's ``sum(CASE … THEN $3 ELSE $4 END)``, summed as text). Each entry is planned, as
    pg_stat_statements' text where that plans and as the workload file's literal statement of the same
    query where it does not, weighed by pg_stat_statements' measured time, and no query is planned twice."""
    try:
        tpch.run_workload(split(QUERIES.read_text()))
        _, alone = analyze_json(tpch.dsn, tmp_path, "--budget", "1MB")
        code, report = analyze_json(tpch.dsn, tmp_path, "--workload", str(QUERIES), "--budget", "1MB")
    finally:
        tpch.reset_statements()
    assert code in (ExitCode.OK, ExitCode.FINDINGS)
    extract = [s for s in _tpch_entries(alone) if "extract(" in s["text"].lower()]
    assert len(extract) == 3 and {s["status"] for s in extract} == {"planned"}
    refused = {s["text"] for s in _tpch_entries(alone) if s["status"] == "skipped"}
    assert refused and all(
        "the planner refused it" in s["reason"] for s in _tpch_entries(alone) if s["text"] in refused
    )
    entries = _tpch_entries(report)
    assert len(entries) == 22 and {s["status"] for s in entries} == {"planned"}
    assert refused <= {s["text"] for s in entries}
    assert all("call(s)" in s["weight"] for s in entries)
    assert not [s for s in report["statements"] if s["source"].startswith(str(QUERIES))]
    account(report)


def test_the_same_snapshot_gives_the_same_report_in_every_process(tpch, tmp_path):
    """Sets of indexes iterate in an order that changes between processes (their hashes hold None, hashed by
    address before Python 3.12, and strings, hashed by PYTHONHASHSEED); a tie between two candidates must
    not be settled by it. Three processes analyse one snapshot offline (the heuristic what-if path, where
    TPC-H's lineitem, orders and partsupp candidates tie) and write the same bytes."""
    snapshot = tmp_path / "snap.json"
    assert main(["snapshot", "--dsn", tpch.dsn, "--output", str(snapshot)]) == 0
    offline = [sys.executable, "-m", "pgtune", "analyze", "--snapshot", str(snapshot), "--workload", str(QUERIES)]
    reports = []
    for seed in ("0", "1", "2"):
        output = tmp_path / f"report-{seed}.json"
        result = subprocess.run(
            [*offline, "--format", "json", "--output", str(output)],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
        )
        assert result.returncode in (ExitCode.OK, ExitCode.FINDINGS), result.stderr
        reports.append(output.read_bytes())
    assert reports[1] == reports[0] and reports[2] == reports[0]
    # The tie settled, the index that lost it is not recommended for no statement.
    indexes = [r for r in json.loads(reports[0])["recommendations"] if r["rule"] == "IX001"]
    assert len(indexes) >= 5 and all(r["statements"] and r["estimated_savings"]["ms_per_day"] > 0 for r in indexes)


def test_every_chosen_index_is_recommended_unless_top_cuts_and_then_the_cut_is_said(tpch, tmp_path):
    """The chosen indexes are one configuration, costed together: by default the report and its script hold
    every one that saves time (the old default cut them at 20); ``--top`` still cuts, and each index it leaves
    out is listed as skipped with its DDL, never dropped unseen."""
    code, report = analyze_json(tpch.dsn, tmp_path, "--workload", str(QUERIES), "--budget", "100%")
    assert code in (ExitCode.OK, ExitCode.FINDINGS)
    indexes = [r for r in report["recommendations"] if r["rule"] == "IX001"]
    assert len(indexes) > 20, "a workload that wants more indexes than the old default of 20"
    assert sum(r["size_bytes"] for r in indexes) <= report["whatif"]["used_bytes"]
    assert not [s for s in report["skipped"] if "below --top" in s["reason"]]
    _, cut = analyze_json(tpch.dsn, tmp_path, "--workload", str(QUERIES), "--budget", "100%", "--top", "5")
    assert len(cut["recommendations"]) == 5
    left_out = [s for s in cut["skipped"] if s["reason"].startswith("below --top 5: ")]
    assert {s["item"] for s in left_out} | {r["ddl"] for r in cut["recommendations"]} == {
        r["ddl"] for r in report["recommendations"]
    }


def test_what_min_savings_leaves_out_is_listed_as_skipped(tpch, tmp_path):
    """``--min-savings`` cuts recommendations by their share of the workload, like ``--top`` by rank: each
    finding under the minimum (an index of the chosen set among them) is listed as skipped with its share."""
    _, full = analyze_json(tpch.dsn, tmp_path, "--workload", str(QUERIES), "--budget", "100%")
    _, cut = analyze_json(tpch.dsn, tmp_path, "--workload", str(QUERIES), "--budget", "100%", "--min-savings", "5")
    under = [s for s in cut["skipped"] if "under --min-savings 5 %" in s["reason"]]
    assert under and all(r["estimated_savings"]["workload_pct"] >= 5 for r in cut["recommendations"])
    assert all(float(re.match(r"saves (\S+) %", s["reason"]).group(1)) < 5 for s in under)
    every = {r["ddl"] or r["message"] for r in full["recommendations"]}
    every |= {s["item"] for s in full["skipped"] if "under --min-savings" in s["reason"]}
    assert {r["ddl"] or r["message"] for r in cut["recommendations"]} | {s["item"] for s in under} == every


def _number(pattern: str, text: str) -> float:
    return float(re.search(pattern, text).group(1).replace(",", ""))


def test_a_query_pg_stat_statements_never_timed_is_weighed_by_its_plan(tpch, tmp_path):
    """On SF 1, Q17 and Q20 hit the statement timeout before the analysis, so pg_stat_statements never
    records them and the workload file alone holds them. Here Q6 runs (pg_stat_statements times it) and Q14
    and Q17 are only in the file: each is weighed at its own plan's cost times Q6's milliseconds per cost
    unit, so a query whose plan costs N times Q6's weighs N times Q6's measured time, and the weight says
    how it was estimated."""
    texts = split(QUERIES.read_text())
    q6, q14, q17 = texts[5], texts[13], texts[16]
    workload = tmp_path / "queries.sql"
    workload.write_text(f"{q6};\n{q14};\n{q17};\n")
    try:
        tpch.reset_statements()
        tpch.run_workload([q6], repeat=3)
        code, report = analyze_json(tpch.dsn, tmp_path, "--workload", str(workload), "--budget", "1MB")
    finally:
        tpch.reset_statements()
    assert code in (ExitCode.OK, ExitCode.FINDINGS)
    with tpch.connect() as connection:
        cost = {
            name: connection.execute(f"EXPLAIN (FORMAT JSON) {text}").fetchone()[0][0]["Plan"]["Total Cost"]
            for name, text in (("Q6", q6), ("Q14", q14), ("Q17", q17))
        }
    measured = [s for s in report["statements"] if s["source"] == "pg_stat_statements" and "l_discount" in s["text"]]
    assert len(measured) == 1 and measured[0]["weight"].startswith("3 call(s)")
    q6_ms = _number(r"([\d.,]+) ms mean", measured[0]["weight"])
    from_file = [s for s in report["statements"] if s["source"].startswith(str(workload))]
    assert len(from_file) == 2
    for name, marker in (("Q14", "promo_revenue"), ("Q17", "avg_yearly")):
        weight = next(s["weight"] for s in from_file if marker in s["text"])
        assert "no duration logged" in weight and "assumed" not in weight
        # The reset call pg_stat_statements also times reads no table: it is no sample of the fit.
        assert "median of 1 statement(s) with a measured time and a plan that reads a table" in weight
        estimated_ms = _number(r"([\d.,]+) ms each estimated", weight)
        assert _number(r"plan's cost ([\d.,]+)", weight) == pytest.approx(cost[name], rel=0.01)
        assert estimated_ms / q6_ms == pytest.approx(cost[name] / cost["Q6"], rel=0.02)
