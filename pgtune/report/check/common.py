"""What the check renderers share: rule metadata by id and the order of severities."""

from __future__ import annotations

from functools import cache

from ...findings import Finding, Severity
from ...rules import Rule


@cache
def rules_by_id() -> dict[str, Rule]:
    from ...advisors import all_rules

    return {rule.id: rule for rule in all_rules()}


def slug(finding: Finding) -> str:
    rule = rules_by_id().get(finding.rule)
    return rule.slug if rule else ""


def place(finding: Finding) -> str:
    location = finding.location
    return f"{location.file}:{location.line}:{location.column}" if location else "-"


LEVELS = {Severity.CRITICAL: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
