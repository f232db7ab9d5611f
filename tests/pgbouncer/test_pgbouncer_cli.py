"""pgbench through a real PgBouncer, analyzed through the CLI: pool efficiency measured on the pooler.

The session-mode PgBouncer and its idle clients start with the module, so that by the last test they have
been idle for the minute PL004 asks for.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Iterator

import psycopg
import pytest
from prometheus_client.parser import text_string_to_metric_families

from pgtune.cli import main
from pgtune.collectors.pgbouncer import LONG_IDLE_S
from pgtune.errors import ExitCode

from .conftest import PgBouncer, pgbench

pytestmark = pytest.mark.usefixtures("pgbouncer_available")


@pytest.fixture(scope="module")
def bench(database):
    params = dict(part.split("=", 1) for part in database.dsn.split())
    subprocess.run(
        pgbench(
            "-i", "-s", "1", "-q", "-h", params["host"], "-p", params["port"], "-U", params["user"], database.dbname
        ),
        check=True,
        capture_output=True,
    )
    return database


@pytest.fixture(scope="module", autouse=True)
def idle_session_clients(bench, pgbouncer_available) -> Iterator[tuple[PgBouncer, float]]:
    bouncer = PgBouncer(bench.port, "session", 4).start()
    clients = [psycopg.connect(bouncer.dsn(bench.dbname), autocommit=True) for _ in range(3)]
    for client in clients:
        client.execute("SELECT count(*) FROM pgbench_branches")
    yield bouncer, time.monotonic()
    for client in clients:
        client.close()
    bouncer.stop()


@pytest.fixture
def bouncer(request, bench) -> Iterator[PgBouncer]:
    mode, size = request.param
    started = PgBouncer(bench.port, mode, size).start()
    yield started
    started.stop()


def analyze(capsys, *args: str) -> dict:
    capsys.readouterr()
    assert main(["analyze", *args, "--format", "json", "--no-whatif"]) == 0
    return json.loads(capsys.readouterr().out)


def target(report: dict, name: str) -> dict:
    return next(t for t in report["service_targets"] if t["name"] == name)


def families(text: str) -> dict:
    return {f.name: f for f in text_string_to_metric_families(text)}


def rules(report: dict) -> set[str]:
    return {f["rule"] for f in report["findings"] + report["recommendations"]}


@pytest.mark.parametrize("bouncer", [("transaction", 2)], indirect=True)
def test_a_small_transaction_pool_under_pgbench_misses_the_target(bench, bouncer, pgbench_load, capsys, tmp_path):
    pgbench_load(bouncer.dsn(bench.dbname), clients=8)
    time.sleep(1)
    report = analyze(capsys, "--dsn", bench.dsn, "--pgbouncer", bouncer.console_dsn, "--pgbouncer-interval", "3")
    pool = target(report, "connection-pool efficiency")
    assert pool["source"] == "pgbouncer" and pool["measured"] is not None and pool["met"] is False
    assert pool["measured"] < 60 and "total_wait_time" in pool["method"]
    assert {"ST003", "PL002", "PL005"} <= rules(report) and "PL001" not in rules(report)
    waiting = next(f for f in report["findings"] if f["rule"] == "PL002")
    assert waiting["table"] == bench.dbname and "pool of 2" in waiting["message"]

    saved = tmp_path / "snapshot.json"
    assert (
        main(
            [
                "snapshot",
                "--dsn",
                bench.dsn,
                "--pgbouncer",
                bouncer.console_dsn,
                "--pgbouncer-interval",
                "2",
                "--output",
                str(saved),
            ]
        )
        == 0
    )
    (pooler,) = json.loads(saved.read_text())["poolers"]
    assert pooler["version"].startswith("PgBouncer") and pooler["pools"][0]["pool_size"] == 2
    offline = analyze(capsys, "--snapshot", str(saved))
    assert target(offline, "connection-pool efficiency")["source"] == "pgbouncer"


@pytest.mark.parametrize("bouncer", [("transaction", 10)], indirect=True)
def test_a_pool_sized_to_its_clients_meets_the_target(bench, bouncer, pgbench_load, capsys, tmp_path):
    pgbench_load(bouncer.dsn(bench.dbname), clients=3)
    time.sleep(1)
    report = analyze(capsys, "--dsn", bench.dsn, "--pgbouncer", bouncer.console_dsn, "--pgbouncer-interval", "3")
    pool = target(report, "connection-pool efficiency")
    assert pool["met"] is True and pool["measured"] >= 90
    assert "PL002" not in rules(report) and "ST003" not in rules(report)

    capsys.readouterr()
    assert (
        main(
            [
                "analyze",
                "--dsn",
                bench.dsn,
                "--pgbouncer",
                bouncer.console_dsn,
                "--pgbouncer-interval",
                "2",
                "--format",
                "prometheus",
                "--no-whatif",
            ]
        )
        == 0
    )
    text = capsys.readouterr().out
    found = families(text)
    (efficiency,) = found["pgtune_pool_efficiency_ratio"].samples
    assert 0.9 <= efficiency.value <= 1 and efficiency.labels["source"] == "pgbouncer"
    assert found["pgtune_pool_efficiency_target_ratio"].samples[0].value == 0.9
    assert {s.labels["target"] for s in found["pgtune_service_target_measured"].samples} == {
        "statement_time_p95",
        "cache_hit",
        "pool_efficiency",
    }
    p95 = found["pgtune_statement_time_p95_seconds"].samples[0]
    assert p95.labels["estimate"] == "true" and p95.labels["source"] == "pg_stat_statements"
    promtool = shutil.which("promtool")
    if promtool:
        checked = subprocess.run([promtool, "check", "metrics"], input=text, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr

    # Nightly snapshots keep each night's own reading of the pooler; the history report exposes the latest.
    store = f"sqlite:///{tmp_path / 'history.sqlite3'}"
    for _ in range(2):
        assert main(["snapshot", "--dsn", bench.dsn, "--pgbouncer", bouncer.console_dsn, "--pgbouncer-interval", "1",
                     "--no-plans", "--store", store, "--server", "bench"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["report", "--store", store, "--server", "bench", "--since", "1d", "--format", "prometheus"]) == 0
    history = families(capsys.readouterr().out)
    assert history["pgtune_pool_efficiency_ratio"].samples[0].value >= 0.9
    assert history["pgtune_history_snapshots"].samples[0].value == 2


@pytest.mark.parametrize("bouncer", [("transaction", 20)], indirect=True)
def test_a_pool_left_open_after_a_burst_is_oversized(bench, bouncer, pgbench_load, capsys):
    """A burst of 12 clients opens 12 server connections; one client keeps running, the others stay idle."""
    burst = pgbench_load(bouncer.dsn(bench.dbname), clients=12, seconds=2)
    burst.process.wait(timeout=60)
    pgbench_load(bouncer.dsn(bench.dbname), clients=1)
    time.sleep(1)
    report = analyze(capsys, "--dsn", bench.dsn, "--pgbouncer", bouncer.console_dsn, "--pgbouncer-interval", "3")
    (oversized,) = [f for f in report["findings"] if f["rule"] == "PL003"]
    assert "server connections open" in oversized["message"] and "lower the pool to about 2" in oversized["help"]
    assert target(report, "connection-pool efficiency")["met"] is True


def test_without_a_pooler_efficiency_is_not_measured(bench, capsys):
    report = analyze(capsys, "--dsn", bench.dsn)
    pool = target(report, "connection-pool efficiency")
    assert pool["measured"] is None and pool["method"] == "not measured: no pooler given (--pgbouncer DSN)"


def test_a_console_that_cannot_be_reached_is_one_line_and_exit_3(bench, capsys):
    code = main(["analyze", "--dsn", bench.dsn, "--pgbouncer", "host=127.0.0.1 port=1 dbname=pgbouncer user=x"])
    err = capsys.readouterr().err
    assert code == ExitCode.CANNOT_CONNECT and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code = main(["analyze", "--dsn", bench.dsn, "--pgbouncer", "host=127.0.0.1 port=1 dbname=app password=s3cret"])
    err = capsys.readouterr().err
    assert code == ExitCode.BAD_INPUT and "admin console" in err and "s3cret" not in err


def test_p95_from_a_sampled_server_log(bench, pg_cluster, capsys, tmp_path):
    """Half of pgbench's statements logged (log_min_duration_sample = 0): a percentile, not an estimate."""
    for name, value in (("log_min_duration_sample", "0"), ("log_statement_sample_rate", "0.5")):
        bench.execute(f"ALTER DATABASE {bench.dbname} SET {name} = {value}")
    start = pg_cluster.log_file.stat().st_size
    params = dict(part.split("=", 1) for part in bench.dsn.split())
    try:
        subprocess.run(
            pgbench("-n", "-c", "2", "-T", "3", "-M", "simple", "-h", params["host"], "-p", params["port"],
                    "-U", params["user"], bench.dbname),
            check=True,
            capture_output=True,
        )  # fmt: skip
        with pg_cluster.log_file.open("rb") as server_log:
            server_log.seek(start)
            sampled = tmp_path / "postgresql.log"
            sampled.write_bytes(server_log.read())
        report = analyze(capsys, "--dsn", bench.dsn, "--workload", str(sampled))
    finally:
        bench.execute(f"ALTER DATABASE {bench.dbname} RESET ALL")
    p95 = target(report, "statement time p95")
    assert p95["source"] == "server log" and p95["estimate"] is False and p95["measured"] > 0
    assert "a 50% sample of statements is logged" in p95["method"]
    assert target(analyze(capsys, "--dsn", bench.dsn), "statement time p95")["estimate"] is True


def test_session_pooling_with_clients_idle_for_a_minute(bench, idle_session_clients, capsys):
    bouncer, since = idle_session_clients
    time.sleep(max(0.0, LONG_IDLE_S + 1 - (time.monotonic() - since)))
    report = analyze(capsys, "--dsn", bench.dsn, "--pgbouncer", bouncer.console_dsn, "--pgbouncer-interval", "1")
    (idle,) = [f for f in report["findings"] if f["rule"] == "PL004"]
    assert "3 client(s) had sent nothing for over a minute" in idle["message"]
    assert "PL005" not in rules(report)
