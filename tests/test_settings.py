"""``pgtune analyze``'s settings, resolved before anything connects: flags over pgtune.toml over pyproject.toml's
``[tool.pgtune]`` over the settings classes' own defaults; a bad --budget fails before any connection."""

from __future__ import annotations

import json
import re
import socket
import threading
from pathlib import Path

import pytest

from pgtune.analysis import AnalysisSettings
from pgtune.cli import main
from pgtune.errors import BadInput, ExitCode
from pgtune.findings import Severity
from pgtune.settings import analyze_settings
from pgtune.whatif.budget import DEFAULT_BUDGET, Budget

SNAPSHOT = Path(__file__).resolve().parents[1] / "bench" / "gate_corpus" / "snapshot.json"
BUDGET_ERROR = (
    "pgtune: error: cannot read the budget 'bogus' — use a size such as 2GB or 512MB, or a share such as 25%\n"
)


class Listener:
    """A TCP port that counts the connections made to it and hangs up on each: no server, and no waiting."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.connections = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return  # closed
            self.connections += 1
            connection.close()

    @property
    def dsn(self) -> str:
        return f"host=127.0.0.1 port={self.server.getsockname()[1]} dbname=x user=x connect_timeout=5"

    def close(self) -> None:
        self.server.shutdown(socket.SHUT_RDWR)
        self.server.close()
        self.thread.join(5)


@pytest.fixture
def listener():
    opened = Listener()
    yield opened
    opened.close()


def test_a_bad_budget_fails_before_any_connection(listener, capsys):
    dsn = listener.dsn
    assert main(["analyze", "--dsn", dsn, "--replica-dsn", dsn, "--budget", "bogus"]) == ExitCode.BAD_INPUT
    assert capsys.readouterr().err == BUDGET_ERROR
    assert listener.connections == 0
    # The same command with a good budget does reach for the server: the listener sees it.
    assert main(["analyze", "--dsn", dsn, "--budget", "2GB"]) == ExitCode.CANNOT_CONNECT
    assert listener.connections > 0


def test_a_bad_budget_in_the_config_file_fails_before_any_connection(listener, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pgtune.toml").write_text('[analyze]\nbudget = "bogus"\n')
    assert main(["analyze", "--dsn", listener.dsn]) == ExitCode.BAD_INPUT
    assert capsys.readouterr().err == BUDGET_ERROR
    assert listener.connections == 0


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "[analyze]\nbudget = 1000",
            'budget in \\[analyze\\] of .*pgtune.toml must be a string, not 1000 — for example: budget = "10%"',
        ),
        ('[analyze]\ntop = "x"', "top in .* must be a whole number, not 'x'"),
        ('[analyze]\nfail_on = "bogus"', "fail_on in .* must be one of info, warning, critical, not 'bogus'"),
        ("[analyze]\nmemory = 64", "memory in .* must be a string, not 64"),
        ('[analyze]\nshow_literals = "yes"', "show_literals in .* must be true or false, not 'yes'"),
        ('[analyze]\nstorage = "nvme"', "storage in .* must be one of ssd, hdd, not 'nvme'"),
        ("[analyze]\ncpus = true", "cpus in .* must be a whole number, not True"),
        ('[targets]\ncache_hit_pct = "high"', "cache_hit_pct in \\[targets\\] .* must be a number, not 'high'"),
    ],
)
def test_a_value_of_the_wrong_kind_in_the_config_file_is_bad_input(
    setting, message, listener, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pgtune.toml").write_text(setting + "\n")
    assert main(["analyze", "--dsn", listener.dsn]) == ExitCode.BAD_INPUT
    error = capsys.readouterr().err
    assert error.startswith("pgtune: error: ") and error.count("\n") == 1
    assert re.search(message, error), error
    assert listener.connections == 0


def test_whole_numbers_are_accepted_where_a_number_is_asked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pgtune.toml").write_text("[analyze]\nmin_savings = 2\n[targets]\ncache_hit_pct = 99\n")
    settings = analyze_settings()
    assert settings.analysis.min_savings_pct == 2.0
    assert settings.analysis.advisors.targets.cache_hit_pct == 99.0


def test_a_pyproject_setting_is_named_by_its_table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.pgtune.analyze]\ntop = 1.5\n")
    with pytest.raises(BadInput, match=r"top in \[tool\.pgtune\.analyze\] of .*pyproject\.toml"):
        analyze_settings()


def test_nothing_given_is_the_settings_classes_own_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    resolved = analyze_settings()
    assert resolved.analysis == AnalysisSettings() and resolved.fail_on is None
    assert resolved.analysis.index.budget == DEFAULT_BUDGET == Budget.parse("50%")


def _analyze(*args: str, output: Path) -> tuple[int, int]:
    """The exit code and the budget the index selection worked with."""
    code = main(["analyze", "--snapshot", str(SNAPSHOT), "--format", "json", "--output", str(output), *args])
    return code, json.loads(output.read_text())["whatif"]["budget_bytes"]


def test_flags_over_pgtune_toml_over_pyproject(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "report.json"
    (tmp_path / "pyproject.toml").write_text('[tool.pgtune.analyze]\nbudget = "2MB"\ntop = 4\n')
    assert _analyze(output=report) == (ExitCode.OK, 2 * 1024**2)
    (tmp_path / "pgtune.toml").write_text('[analyze]\nbudget = "1MB"\nfail_on = "info"\n')
    assert _analyze(output=report) == (ExitCode.FINDINGS, 1024**2)
    assert _analyze("--budget", "3MB", "--fail-on", "critical", output=report) == (ExitCode.OK, 3 * 1024**2)
    # pgtune.toml replaces pyproject's table as a whole: its top is not merged in.
    resolved = analyze_settings(budget="3MB", storage="hdd")
    assert resolved.analysis.top == AnalysisSettings().top and resolved.fail_on is Severity.INFO
    assert resolved.analysis.advisors.storage == "hdd"
    assert analyze_settings(tmp_path / "pyproject.toml").analysis.top == 4


def test_the_budget_type():
    assert Budget.parse("2GB").bytes_of(10**12) == 2 * 1024**3
    assert Budget.parse(" 25 % ").bytes_of(1000) == 250
    assert Budget.parse("1.5kB").bytes_of(0) == 1536
    assert str(DEFAULT_BUDGET) == "50%"
    for text in ("bogus", "", "-1GB", "2 PB"):
        with pytest.raises(BadInput, match="cannot read the budget"):
            Budget.parse(text)


def test_the_readmes_example_configuration_is_accepted_as_written(tmp_path, monkeypatch):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    example = readme.split("```toml\n[tool.pgtune.analyze]", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text("[tool.pgtune.analyze]" + example)
    monkeypatch.chdir(tmp_path)
    resolved = analyze_settings()
    assert resolved.analysis.advisors.partition_target == "auto" and resolved.analysis.top == 20
    (tmp_path / "pgtune.toml").write_text('[analyze]\ntarget = "native"\n')
    assert analyze_settings().analysis.advisors.partition_target == "native"
    assert analyze_settings(partition_target="timescaledb").analysis.advisors.partition_target == "timescaledb"
