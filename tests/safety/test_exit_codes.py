"""Exit codes and messages as the README documents them, through the real ``pgtune`` process."""

from __future__ import annotations

import subprocess
import sys

import pytest


def pgtune(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pgtune", *args], capture_output=True, text=True, timeout=timeout)


def test_a_directory_without_migrations_among_check_inputs_is_unusable_input(tmp_path):
    (tmp_path / "ok.sql").write_text("CREATE TABLE t (id int);\n")
    (tmp_path / "empty").mkdir()
    result = pgtune("check", str(tmp_path / "ok.sql"), str(tmp_path / "empty"))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "empty" in result.stdout + result.stderr


@pytest.mark.parametrize(
    "dsn",
    [
        "host=127.0.0.1 port=abc dbname=app",
        "postgresql://app:s3cr/etpass@127.0.0.1:5432/app",  # libpq reads "etpass@127.0.0.1:5432" as host:port
    ],
)
def test_a_bad_port_is_bad_usage_and_never_shows_the_password(dsn):
    result = pgtune("doctor", "--dsn", dsn)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "s3cr" not in result.stderr and "etpass" not in result.stderr


@pytest.mark.parametrize(
    "password", ["q9Zk@x7Rw@m3Tp", "q9Zk/x7Rw/m3Tp", "q9Zk#x7Rw#m3Tp", "q9Zk@x7Rw/m3Tp#v5Ls", "q9Zk@127.0.0.1"]
)
def test_unencoded_special_characters_in_a_uri_password_are_never_echoed(password):
    result = pgtune("doctor", "--dsn", f"postgresql://app:{password}@127.0.0.1:1/app", timeout=60)
    assert result.returncode in (2, 3)
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    for piece in {password, *password.replace("@", " ").replace("/", " ").replace("#", " ").split()} - {"127.0.0.1"}:
        assert piece not in line, line


@pytest.mark.parametrize(
    "args", [("analyze", "--top", "x"), ("analyze", "--no-such-option"), ("no-such-command",), ("check",)]
)
def test_usage_errors_take_one_line(args):
    result = pgtune(*args)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("pgtune: error: ") and "--help" in line


def test_a_fleet_of_one_database_name_on_several_hosts_saves_the_live_and_exits_3(database, tmp_path):
    port, db = database.port, database.dbname
    output = tmp_path / "fleet"
    result = pgtune(
        "snapshot",
        "--no-plans",
        "--output",
        str(output),
        "--dsn",
        f"postgresql://postgres@127.0.0.1:{port}/{db}",
        "--dsn",
        f"postgresql://postgres@localhost:{port}/{db}",
        "--dsn",
        f"postgresql://postgres@127.0.0.1:1/{db}?connect_timeout=2",
        timeout=300,
    )
    assert result.returncode == 3, result.stderr
    assert {p.name for p in output.iterdir()} == {f"127.0.0.1_{port}_{db}.json", f"localhost_{db}.json"}
    (failed,) = [line for line in result.stderr.splitlines() if line.startswith("pgtune: ")]
    assert failed.startswith(f"pgtune: 127.0.0.1_1_{db} (") and "nothing is listening" in failed
