"""What the check renderers share: rule metadata by id and the order of severities."""

from __future__ import annotations

from ...advisors import rules_by_id
from ...advisors.migrations import MIGRATION_RULES
from ...findings import Finding, Severity
from ...rules import Rule


def migration_rules() -> list[Rule]:
    return [module.RULE for module in MIGRATION_RULES]


def slug(finding: Finding) -> str:
    rule = rules_by_id().get(finding.rule)
    return rule.slug if rule else ""


def place(finding: Finding) -> str:
    location = finding.location
    return f"{location.file}:{location.line}:{location.column}" if location else "-"


LEVELS = {Severity.CRITICAL: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
