"""The scheduling examples in docs/examples/ call commands and flags that pgtune's CLI really has."""

from __future__ import annotations

import configparser
import json
import re
import shlex
from pathlib import Path

import pytest
import typer

from pgtune.cli.app import app

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
_CRON = re.compile(r"^(?P<schedule>(?:[\d*/,-]+\s+){5})(?P<user>\w+)\s+(?P<command>.+)$")
yaml = pytest.importorskip("yaml", reason="PyYAML parses the Kubernetes and GitHub Actions examples")


def _commands_in(line: str) -> list[list[str]]:
    """Every ``pgtune ...`` invocation in a shell line, as words."""
    found = []
    for part in re.split(r"&&|;|\|\|", line):
        words = shlex.split(part)
        for at, word in enumerate(words):
            if Path(word).name == "pgtune" and at + 1 < len(words) and not words[at + 1].startswith("."):
                found.append(words[at + 1 :])
                break
    return found


def _cron(path: Path) -> list[list[str]]:
    lines = [line for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    commands = []
    for line in lines:
        match = _CRON.match(line)
        assert match, f"not a cron.d line: {line}"
        commands += _commands_in(match["command"])
    return commands


def _systemd(path: Path) -> list[list[str]]:
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str
    unit.read_string(path.read_text())
    if path.suffix == ".timer":
        assert unit["Timer"]["OnCalendar"] and unit["Timer"]["Persistent"] == "true"
        assert unit["Install"]["WantedBy"] == "timers.target"
        return []
    service = unit["Service"]
    assert service["Type"] == "oneshot"
    return [c for key in ("ExecStartPre", "ExecStart") if key in service for c in _commands_in(service[key])]


def _strings(node) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return [node] if isinstance(node, str) else []


def _containers(document: dict) -> list[dict]:
    pod = document["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return pod.get("initContainers", []) + pod["containers"]


def _kubernetes(path: Path) -> list[list[str]]:
    document = yaml.safe_load(path.read_text())
    assert document["kind"] == "CronJob" and len(document["spec"]["schedule"].split()) == 5
    return [c["args"] for c in _containers(document) if c["command"] == ["pgtune"]]


def _github_steps(document: dict) -> list[list[str]]:
    return [
        c
        for job in document["jobs"].values()
        for step in job["steps"]
        if "run" in step
        for c in _commands_in(step["run"])
    ]


def _github(path: Path) -> list[list[str]]:
    document = yaml.safe_load(path.read_text())
    # PyYAML reads the key "on" as True (YAML 1.1).
    triggers = document.get("on", document.get(True))
    assert len(triggers["schedule"][0]["cron"].split()) == 5
    return _github_steps(document)


def _github_check(path: Path) -> list[list[str]]:
    document = yaml.safe_load(path.read_text())
    assert "pull_request" in document.get("on", document.get(True))
    return _github_steps(document)


def _grafana(path: Path) -> list[list[str]]:
    """A dashboard runs no command; tests/report/test_prometheus.py checks the metrics it queries."""
    assert json.loads(path.read_text())["panels"]
    return []


PARSERS = {
    "pgtune-nightly.cron": _cron,
    "pgtune-textfile.cron": _cron,
    "grafana-pgtune.json": _grafana,
    "pgtune-nightly.service": _systemd,
    "pgtune-nightly.timer": _systemd,
    "pgtune-nightly-cronjob.yaml": _kubernetes,
    "pgtune-nightly.github.yml": _github,
    "github-actions-check.yml": _github_check,
}


def _cli_commands() -> dict[str, set[str]]:
    group = typer.main.get_command(app)
    return {name: {opt for p in command.params for opt in p.opts} for name, command in group.commands.items()}


def test_every_example_is_checked():
    assert sorted(p.name for p in EXAMPLES.iterdir()) == sorted(PARSERS)


JOBS = sorted(n for n in PARSERS if not n.endswith((".timer", ".json")))
NIGHTLY_JOBS = [n for n in JOBS if n.startswith("pgtune-nightly")]


def _check(name: str, invocation: list[str], known: dict[str, set[str]]) -> None:
    command, flags = invocation[0], {w.split("=", 1)[0] for w in invocation[1:] if w.startswith("--")}
    assert flags <= known[command], f"{name}: pgtune {command} has no {sorted(flags - known[command])}"


@pytest.mark.parametrize("name", NIGHTLY_JOBS)
def test_example_reports_with_real_flags(name):
    reports = [words for words in PARSERS[name](EXAMPLES / name) if words[0] == "report"]
    assert reports, "every nightly job ends with pgtune report"
    for words in reports:
        _check(name, words, _cli_commands())


@pytest.mark.parametrize("name", JOBS)
def test_example_other_commands_are_real(name):
    known = _cli_commands()
    others = [words for words in PARSERS[name](EXAMPLES / name) if words[0] != "report"]
    assert others or name in NIGHTLY_JOBS
    for words in others:
        _check(name, words, known)


def test_timer_starts_nothing_itself():
    assert _systemd(EXAMPLES / "pgtune-nightly.timer") == []
