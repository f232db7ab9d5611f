"""Load a setup on the TimescaleDB test server, replay its statements, and read `pgtune analyze`'s JSON report."""

from __future__ import annotations

import json
import random
from pathlib import Path

from pgtune.cli import main

HERE = Path(__file__).resolve().parent


def ticks_lookups(count: int = 100, seed: int = 1) -> list[tuple[str, tuple]]:
    """Lookups by market_id and time, newest first, as a trading UI sends them."""
    rng = random.Random(seed)
    return [
        (
            "SELECT * FROM ticks WHERE market_id = %s AND ts >= now() - %s::interval ORDER BY ts DESC LIMIT 100",
            (rng.randint(1, 50), "1 hour"),
        )
        for _ in range(count)
    ]


def ticks_rollups(count: int = 20, seed: int = 2) -> list[tuple[str, tuple]]:
    """5-minute candles of one market over a day: the continuous aggregate's 1-minute buckets serve them."""
    rng = random.Random(seed)
    return [
        (
            "SELECT time_bucket('5 minutes', ts) AS bucket, market_id, max(price), min(price), sum(qty) FROM ticks "
            "WHERE market_id = %s AND ts > now() - %s::interval GROUP BY 1, 2",
            (rng.randint(1, 50), "1 day"),
        )
        for _ in range(count)
    ]


def load_ticks(database) -> None:
    with database.connect() as conn:
        conn.execute((HERE / "ticks.sql").read_text())
        conn.execute("CALL refresh_continuous_aggregate('ticks_1m', NULL, now() - INTERVAL '1 minute')")
        # After the manual refresh: the policy's first run would otherwise race it and fail.
        conn.execute(
            "SELECT add_continuous_aggregate_policy('ticks_1m', start_offset => INTERVAL '3 hours', "
            "end_offset => INTERVAL '1 minute', schedule_interval => INTERVAL '1 minute')"
        )


FAILED_JOBS = """
SELECT job_id FROM timescaledb_information.job_stats JOIN timescaledb_information.jobs USING (job_id)
WHERE last_run_status = 'Failed' AND scheduled
"""
EVER_FAILED = "SELECT DISTINCT job_id FROM timescaledb_information.job_history WHERE NOT succeeded"


def job_ids(database, query: str) -> set[int]:
    with database.connect() as conn:
        return {job_id for (job_id,) in conn.execute(query)}


def analyze_json(database, tmp_path: Path, *flags: str) -> dict:
    """``pgtune analyze --dsn … --format json`` as a user runs it; the report as parsed JSON."""
    output = tmp_path / "report.json"
    code = main(["analyze", "--dsn", database.dsn, "--format", "json", "--output", str(output), *flags])
    assert code in (0, 1), code
    return json.loads(output.read_text())


def every(report: dict, rule: str) -> list[dict]:
    return [f for f in (*report["recommendations"], *report["findings"]) if f["rule"] == rule]


def findings(report: dict, rule: str) -> dict[str, dict]:
    """The rule's findings by target (the report's ``table``), for rules with one finding per target."""
    return {f["table"]: f for f in every(report, rule)}


def evidence(finding: dict) -> dict[str, str]:
    return {e["label"]: e["value"] for e in finding["evidence"]}
