"""``[tool.pgtune.check]`` from pgtune.toml or pyproject.toml: disabled rules, re-graded rules, wrapping tools,
the plan-regression limit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Section
from ..config import load_config as load_settings
from ..errors import BadInput
from ..findings import Severity
from .plancheck import parse_threshold

TOOLS = (
    "plain",
    "flyway",
    "golang-migrate",
    "sqitch",
    "dbmate",
    "goose",
    "liquibase",
    "diesel",
    "atlas",
    "drizzle",
    "prisma",
    "sqlx",
    "yoyo",
    "node-pg-migrate",
)
_MARKED = frozenset(
    {"flyway", "dbmate", "goose", "liquibase", "diesel", "atlas", "drizzle", "sqlx", "yoyo", "node-pg-migrate"}
)
"""Tools that wrap by default and whose file (or directory) says when not: the marker wins."""
_RULE_ID = re.compile(r"^[A-Z]{2}\d{3}$")
_KNOWN = {"disable", "severity", "transaction-tools", "max-regression"}


@dataclass(frozen=True)
class CheckConfig:
    disable: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    """Rule id → the severity to report it at."""
    transaction_tools: frozenset[str] = _MARKED
    """Tools that run each file inside one transaction (Flyway, dbmate, goose, Liquibase, Diesel, Atlas, Drizzle,
    sqlx, yoyo and node-pg-migrate do by default; add ``plain`` when a framework such as Django or Rails runs
    your plain SQL files in a transaction)."""
    source: str = ""
    max_regression_pct: float | None = None
    """``max-regression``: turns on the plan-regression gate (MG020) whenever ``--dsn`` is given."""

    def wraps(self, tool: str, tool_default: bool) -> bool:
        # A file's own marker (dbmate's ``transaction:false``, goose's NO TRANSACTION, Liquibase's
        # runInTransaction:false, Diesel's metadata.toml, Atlas's txmode none) and Flyway's own choice per file
        # (a statement that cannot run in a transaction, or executeInTransaction) win over the configuration.
        return tool in self.transaction_tools and (tool not in _MARKED or tool_default)


def load_config(explicit: Path | None, directory: Path) -> CheckConfig:
    """The configuration from ``explicit``, else pgtune.toml, else pyproject.toml in ``directory``."""
    settings = load_settings(explicit, directory)
    table = settings.section("check", _KNOWN)
    return _parse(table, str(settings.path)) if table else CheckConfig()


def _parse(section: Section, source: str) -> CheckConfig:
    disable = section.typed("disable", list, 'disable = ["MG010"]') or []
    severity = section.typed("severity", dict, 'severity = { MG003 = "info" }') or {}
    tools = section.typed("transaction-tools", list, 'transaction-tools = ["flyway", "plain"]')
    tools = sorted(CheckConfig.transaction_tools) if tools is None else tools
    for rule in [*disable, *severity]:
        if not _RULE_ID.match(str(rule)):
            raise BadInput(f"{rule!r} in {source} is not a rule id", "use ids such as MG001 (see pgtune rules)")
    try:
        grades = {rule: Severity(value) for rule, value in severity.items()}
    except ValueError:
        raise BadInput(f"a severity in {source} is not info, warning or critical", "fix the file") from None
    if set(tools) - set(TOOLS):
        raise BadInput(f"unknown tools in transaction-tools of {source}: {sorted(set(tools) - set(TOOLS))}", str(TOOLS))
    limit = section.get("max-regression")
    max_regression = parse_threshold(limit, f"max-regression in {source}") if limit is not None else None
    return CheckConfig(frozenset(disable), grades, frozenset(tools), source, max_regression)
