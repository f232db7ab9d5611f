"""What the check renderers share: where a finding is and the order of severities."""

from __future__ import annotations

from ...findings import Finding, Severity


def place(finding: Finding) -> str:
    location = finding.location
    return f"{location.file}:{location.line}:{location.column}" if location else "-"


LEVELS = {Severity.CRITICAL: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
