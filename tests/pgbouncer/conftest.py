"""A real PgBouncer (Debian's ``pgbouncer``) in front of the suite's PostgreSQL, and pgbench load through it.

PgBouncer runs as the ``postgres`` OS user when the suite runs as root, with its own ini and userlist in a
temporary directory and on a free port; trust authentication on the loopback, as the test server has.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from pgtune.demo.cluster import SERVICE_USER, find_pg_bin, free_port

PGBOUNCER = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"


def _as_service_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", SERVICE_USER, "--", *command] if os.geteuid() == 0 else command


class PgBouncer:
    """One PgBouncer process: ``start`` writes its ini and waits for its console, ``stop`` ends it by pid."""

    def __init__(self, server_port: int, pool_mode: str, pool_size: int, **settings: str | int) -> None:
        self.server_port = server_port
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="pgtune-pgbouncer-"))
        self.pool_mode = pool_mode
        self.pool_size = pool_size
        self.settings = settings

    @property
    def console_dsn(self) -> str:
        return f"host=127.0.0.1 port={self.port} dbname=pgbouncer user=postgres"

    def dsn(self, dbname: str) -> str:
        return f"host=127.0.0.1 port={self.port} dbname={dbname} user=postgres"

    def start(self) -> PgBouncer:
        extra = "".join(f"{key} = {value}\n" for key, value in self.settings.items())
        (self.dir / "userlist.txt").write_text('"postgres" ""\n', encoding="utf-8")
        (self.dir / "pgbouncer.ini").write_text(
            f"[databases]\n* = host=127.0.0.1 port={self.server_port}\n\n[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.port}\nunix_socket_dir =\n"
            f"auth_type = trust\nauth_file = {self.dir}/userlist.txt\n"
            "admin_users = postgres\nstats_users = postgres\n"
            f"pool_mode = {self.pool_mode}\ndefault_pool_size = {self.pool_size}\nmax_client_conn = 200\n"
            f"logfile = {self.dir}/pgbouncer.log\npidfile = {self.dir}/pgbouncer.pid\n"
            "ignore_startup_parameters = extra_float_digits\n" + extra,
            encoding="utf-8",
        )
        if os.geteuid() == 0:
            shutil.chown(self.dir, SERVICE_USER, SERVICE_USER)
        result = subprocess.run(
            _as_service_user([PGBOUNCER, "-d", str(self.dir / "pgbouncer.ini")]), capture_output=True, text=True
        )
        if result.returncode:
            raise RuntimeError(f"pgbouncer did not start: {result.stderr.strip()}")
        deadline = time.monotonic() + 15
        while True:
            try:
                psycopg.connect(self.console_dsn, autocommit=True, prepare_threshold=None).close()
                return self
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        pidfile = self.dir / "pgbouncer.pid"
        if pidfile.exists():
            pid = int(pidfile.read_text().strip())
            os.kill(pid, signal.SIGINT)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pgbouncer_available() -> None:
    if not Path(PGBOUNCER).exists():
        pytest.skip("PgBouncer is not installed: apt-get install pgbouncer (scripts/install-deps.sh does)")


def pgbench(*args: str) -> list[str]:
    return [str(find_pg_bin() / "pgbench"), *args]


class Load:
    """pgbench clients running in the background until stopped."""

    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            _, err = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return err


@pytest.fixture
def pgbench_load() -> Iterator[callable]:
    """Start pgbench's TPC-B-like transactions against a DSN; every load is stopped at the test's end."""
    started: list[Load] = []

    def start(dsn: str, clients: int, seconds: int = 120, *extra: str) -> Load:
        params = dict(part.split("=", 1) for part in dsn.split())
        load = Load(
            pgbench(
                "-n",
                "-c",
                str(clients),
                "-j",
                "2",
                "-T",
                str(seconds),
                "-M",
                "simple",
                "-h",
                params["host"],
                "-p",
                params["port"],
                "-U",
                params["user"],
                *extra,
                params["dbname"],
            )
        )
        started.append(load)
        return load

    yield start
    for load in started:
        load.stop()
