"""``--format github``: GitHub Actions workflow commands, one annotation per finding and per problem."""

from __future__ import annotations

from ...findings import Severity
from ...gate.run import CheckResult

_COMMAND = {Severity.CRITICAL: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(result: CheckResult) -> str:
    lines = []
    for problem in result.problems:
        lines.append(
            f"::error {_properties(problem.file, problem.line, problem.column, 'pgtune: unreadable input')}"
            f"::{_data(problem.message)}"
        )
    for finding in result.findings:
        location = finding.location
        title = f"{finding.rule} {finding.slug}".strip()
        properties = _properties(location.file, location.line, location.column, title)
        lines.append(f"::{_COMMAND[finding.severity]} {properties}::{_data(f'{finding.message}. Fix: {finding.help}')}")
    return "".join(f"{line}\n" for line in lines)


def _properties(file: str, line: int, column: int, title: str) -> str:
    return f"file={_property(file)},line={line},col={column},title={_property(title)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
