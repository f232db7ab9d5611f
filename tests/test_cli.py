"""The CLI's contract: version, help with exit codes, one-line errors and documented exit codes."""

from __future__ import annotations

import pytest

from pgtune import __version__
from pgtune.cli import main
from pgtune.cli.app import app
from pgtune.errors import ExitCode, PgtuneError


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"pgtune {__version__}"


def test_help_documents_exit_codes(capsys):
    assert main(["--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Exit codes: 0 ok" in out and "3 cannot connect" in out


def test_bad_usage_exits_2(capsys):
    assert main(["doctor", "--format", "yaml"]) == ExitCode.BAD_INPUT
    assert main(["no-such-command"]) == ExitCode.BAD_INPUT


def test_malformed_dsn_exits_2_with_one_line(capsys):
    assert main(["doctor", "--dsn", "host=db 's3cret"]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("pgtune: error: malformed DSN") and err.count("\n") == 1
    assert "s3cret" not in err


@pytest.fixture
def failing_command():
    calls = {}

    @app.command("explode", hidden=True)
    def explode(kind: str) -> None:
        calls["kind"] = kind
        if kind == "bug":
            raise ValueError("unexpected\nstate")
        if kind == "interrupt":
            raise KeyboardInterrupt
        raise PgtuneError("could not read the thing", "pass a readable file")

    yield calls
    app.registered_commands[:] = [c for c in app.registered_commands if c.name != "explode"]


def test_errors_become_one_line_and_an_exit_code(capsys, failing_command, monkeypatch):
    assert main(["explode", "typed"]) == ExitCode.BAD_INPUT
    assert capsys.readouterr().err == "pgtune: error: could not read the thing — pass a readable file\n"
    assert main(["explode", "bug"]) == ExitCode.INTERNAL
    err = capsys.readouterr().err
    assert err.startswith("pgtune: internal error: ValueError: unexpected state") and err.count("\n") == 1
    assert main(["explode", "interrupt"]) == ExitCode.INTERRUPTED
    monkeypatch.setenv("PGTUNE_DEBUG", "1")
    with pytest.raises(ValueError):
        main(["explode", "bug"])
