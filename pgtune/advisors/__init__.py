"""Advisors: facts and query shapes in, findings out. Pure: no connection, no I/O, no output format.

Each advisor is one module exporting ``RULE`` (its metadata) and ``check(...)`` yielding findings; the
ordered registries below list them, and a test fails when a module is left out or an id collides.
"""

from __future__ import annotations

from types import ModuleType

from ..rules import Rule
from .indexes import create_index
from .migrations import MIGRATION_RULES
from .partitioning import (
    chunk_interval,
    compression,
    compression_settings,
    continuous_aggregates,
    failing_jobs,
    hypertable,
    native_partitioning,
)

ANALYSIS_ADVISORS: tuple[ModuleType, ...] = (
    create_index,
    native_partitioning,
    hypertable,
    chunk_interval,
    compression,
    compression_settings,
    failing_jobs,
    continuous_aggregates,
)
"""Advisors run by ``pgtune analyze``, in report order."""


def all_rules() -> tuple[Rule, ...]:
    """Every rule pgtune knows, for ``pgtune rules`` and the generated docs."""
    return tuple(module.RULE for module in (*ANALYSIS_ADVISORS, *MIGRATION_RULES))
