"""What ``pgtune analyze`` runs with: its flags over ``[analyze]``/``[targets]`` of the config file (pgtune.toml,
else pyproject.toml's ``[tool.pgtune]``, :mod:`pgtune.config`), over the settings classes' own defaults.

A value nobody gave is left out, so the default lives once, in its settings class. Everything is read and
checked here, before any connection: a bad --budget fails before pgtune reaches for a server.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .advisors.base import AdvisorSettings
from .analysis import AnalysisSettings
from .config import Config, load_config
from .errors import BadInput
from .findings import Severity
from .targets import ServiceTargets
from .whatif.advise import IndexAdvisorSettings
from .whatif.budget import Budget

ANALYZE_KEYS = {
    "budget",
    "top",
    "min_savings",
    "fail_on",
    "show_literals",
    "memory",
    "cpus",
    "storage",
    "target",
    "min_stats_age_days",
}
TARGET_EXAMPLES = {"statement_p95_ms": 5, "cache_hit_pct": 95, "pool_efficiency_pct": 90}
TARGET_KEYS = set(TARGET_EXAMPLES)
STORAGE_KINDS = ("ssd", "hdd")


@dataclass(frozen=True)
class AnalyzeSettings:
    analysis: AnalysisSettings
    fail_on: Severity | None = None
    """Exit 1 when a finding at or above this severity exists."""

    def with_replica_scans(self, scans: Mapping[str, int]) -> AnalyzeSettings:
        """The replicas' index scans, read (by the caller, over a connection) once the settings hold."""
        advisors = dataclasses.replace(self.analysis.advisors, replica_index_scans=scans)
        return dataclasses.replace(self, analysis=dataclasses.replace(self.analysis, advisors=advisors))


def analyze_settings(
    config_file: Path | None = None,
    *,
    budget: str | None = None,
    top: int | None = None,
    min_savings: float | None = None,
    fail_on: Severity | None = None,
    show_literals: bool = False,
    no_whatif: bool = False,
    memory: str | None = None,
    cpus: int | None = None,
    storage: str | None = None,
    min_stats_age_days: float | None = None,
    partition_target: str | None = None,
) -> AnalyzeSettings:
    """The flags as typer hands them over (None or empty: not given) resolved against ``config_file``."""
    config = load_config(config_file)
    table = config.section("analyze", ANALYZE_KEYS)
    storage = storage or table.choice("storage", STORAGE_KINDS)
    if storage not in (None, *STORAGE_KINDS):
        raise BadInput(f"--storage must be ssd or hdd, not {storage!r}", "pass --storage ssd or --storage hdd")
    configured_fail_on = table.choice("fail_on", tuple(s.value for s in Severity))
    fail_on = fail_on or (Severity(configured_fail_on) if configured_fail_on else None)
    advisors = AdvisorSettings(
        **_given(
            targets=targets_from(config),
            memory_bytes=_size(memory or table.typed("memory", str, 'memory = "64GB"'), "--memory"),
            cpus=cpus or table.typed("cpus", int, "cpus = 8"),
            storage=storage,
            min_stats_age_days=_first(
                min_stats_age_days, table.typed("min_stats_age_days", float, "min_stats_age_days = 7")
            ),
            partition_target=partition_target or table.typed("target", str, 'target = "auto"'),
        )
    )
    analysis = _given(
        advisors=advisors,
        top=top or table.typed("top", int, "top = 20"),
        min_savings_pct=_first(min_savings, table.typed("min_savings", float, "min_savings = 1")),
        show_literals=True if show_literals or table.typed("show_literals", bool, "show_literals = true") else None,
    )
    # Last, so that every other setting's error comes first, as it did when the budget was read after collecting.
    budget = budget or table.typed("budget", str, 'budget = "10%" or budget = "2GB"')
    analysis["index"] = IndexAdvisorSettings(
        **_given(budget=Budget.parse(budget) if budget is not None else None), use_hypopg=not no_whatif
    )
    return AnalyzeSettings(AnalysisSettings(**analysis), fail_on)


def targets_from(config: Config) -> ServiceTargets:
    table = config.section("targets", TARGET_KEYS)
    return ServiceTargets(**{key: float(table.typed(key, float, f"{key} = {TARGET_EXAMPLES[key]}")) for key in table})


def _given(**values: Any) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None}


def _first(flag: float | None, configured: float | None) -> float | None:
    return flag if flag is not None else configured


def _size(text: str | None, flag: str) -> int | None:
    if text is None:
        return None
    if text.strip().endswith("%"):
        raise BadInput(f"{flag} takes a size such as 64GB, not a share", f"pass {flag} 64GB")
    return Budget.parse(text).bytes_of(0)
