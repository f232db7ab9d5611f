"""The exchange workload: schema, deterministic data, the statements an exchange runs, the expert's indexes."""

from .loader import Sizes, expert_indexes, expert_sql, load
from .templates import TEMPLATES, Template
from .workload import Statement, replay, statement_variants, statements

__all__ = [
    "TEMPLATES",
    "Sizes",
    "Statement",
    "Template",
    "expert_indexes",
    "expert_sql",
    "load",
    "replay",
    "statement_variants",
    "statements",
]
