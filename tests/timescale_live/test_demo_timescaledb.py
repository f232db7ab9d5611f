"""``pgtune demo --timescaledb``: the exchange workload with trades and candles as hypertables, analyzed."""

from __future__ import annotations

import subprocess

import psycopg
import pytest

from pgtune.cli import main
from pgtune.errors import ExitCode

from .conftest import timescale_bin_dir

pytestmark = pytest.mark.skipif(
    timescale_bin_dir() is None,
    reason="TimescaleDB is not installed: bash scripts/install-deps.sh builds it from ../shared/timescaledb-src",
)


def test_the_demo_runs_on_hypertables(capsys):
    assert main(["demo", "--timescaledb", "--scale", "0.01", "--statements", "200", "--keep"]) == ExitCode.OK
    out = capsys.readouterr().out
    lines = out.splitlines()
    dsn = next(line for line in lines if line.startswith("server kept: ")).removeprefix("server kept: ")
    stop = next(line for line in lines if line.startswith("stop and remove it with: ")).split(": ", 1)[1]
    try:
        with psycopg.connect(dsn) as connection:
            hypertables = connection.execute(
                "SELECT hypertable_name, num_chunks FROM timescaledb_information.hypertables ORDER BY 1"
            ).fetchall()
            assert [name for name, _ in hypertables] == ["candles", "trades"]
            assert dict(hypertables)["trades"] > 1
    finally:
        subprocess.run(stop, shell=True, check=True, capture_output=True)
    flat = " ".join(out.split())
    assert "PT004 │ public.trades" in flat
    assert "_timescaledb_internal" not in out and "_hyper_" not in out
