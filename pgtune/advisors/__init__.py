"""Advisors: facts and query shapes in, findings out. Pure: no connection, no I/O, no output format.

Each advisor is one module exporting ``RULE`` (its metadata) and ``check(...)`` yielding findings; the
ordered registries below list them, and a test fails when a module is left out or an id collides.
"""

from __future__ import annotations

from types import ModuleType

from ..rules import Rule
from .indexes import (
    bloated_index,
    create_index,
    duplicate_index,
    foreign_key_index,
    invalid_index,
    redundant_index,
    unused_index,
)
from .maintenance import (
    dead_tuples,
    extended_statistics,
    missing_primary_key,
    sequence_limit,
    sequential_scans,
    stale_statistics,
    wraparound,
)
from .migrations import MIGRATION_RULES

ANALYSIS_ADVISORS: tuple[ModuleType, ...] = (
    create_index,
    unused_index,
    duplicate_index,
    redundant_index,
    invalid_index,
    bloated_index,
    foreign_key_index,
    dead_tuples,
    wraparound,
    sequence_limit,
    missing_primary_key,
    sequential_scans,
    extended_statistics,
    stale_statistics,
)
"""Advisors run by ``pgtune analyze``, in report order."""


def all_rules() -> tuple[Rule, ...]:
    """Every rule pgtune knows, for ``pgtune rules`` and the generated docs."""
    return tuple(module.RULE for module in (*ANALYSIS_ADVISORS, *MIGRATION_RULES))
