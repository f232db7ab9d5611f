"""pg_stat_statements of the current database: the top statements by total time, and when counting began.

Column names differ across 14–18; the SQL variants (sql/statements*.sql) map them to one set of names.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache

from ..db import Session
from ..facts import Extension, StatementStats
from ..query.sqltext import scrub_secrets
from ..resources import data_dir
from .base import GRANT_PG_MONITOR, Gaps, build

HIDDEN_TEXT = "<insufficient privilege>"
SOURCE = "pg_stat_statements"


def collect_statements(session: Session, extension: Extension, limit: int, gaps: Gaps) -> tuple[StatementStats, ...]:
    """Summed over roles; statements of other roles whose text this role may not read are counted as a gap."""
    statements = []
    for row in session.named("statements", {"limit": limit}, schemas={"pgss": extension.schema}):
        if row["queryid"] is None or row["query"] == HIDDEN_TEXT:
            gaps.add(
                SOURCE,
                f"{row['entries']} statement(s) of other roles ({row['calls']} calls, "
                f"{row['total_exec_ms']:.0f} ms) are hidden from this role",
                GRANT_PG_MONITOR,
            )
            continue
        if not is_own_query(row["query"]):
            statements.append(build(StatementStats, {**row, "query": scrub_secrets(row["query"])}))
    return tuple(statements)


# Besides its catalog queries (known by their leading comment), pgtune's sessions leave in pg_stat_statements
# their SETs, the transactions, prepared plans and EXPLAINs of planning, and HypoPG calls.
_OWN_MARKERS = (
    "BEGIN READ ONLY",
    "pgtune_plan",
    "SET pg_stat_statements.track",
    "SHOW server_version_num",
    "FROM pg_prepared_statements WHERE name = ",
    '".hypopg_',  # HypoPG's functions, called schema-qualified with a quoted identifier (not a user's query)
    'SET "default_transaction_read_only"',
    'SET "statement_timeout"',
    'SET "lock_timeout"',
    'SET "idle_in_transaction_session_timeout"',
    "SET LOCAL plan_cache_mode",
    "FORMAT JSON) ",
)


def is_own_query(text: str) -> bool:
    """pgtune's own statements are not the application's workload."""
    return _words(text) in _own_queries() or any(marker in text for marker in _OWN_MARKERS)


# What pg_stat_statements may change in a statement's text: it replaces constants with $n, and from 18 on it
# starts the text at the statement's first token, dropping a leading comment. What pgtune fills in at run
# time: parameters (%(name)s) and schemas ({pgss}, sent as quoted identifiers). Left out of the comparison,
# with the words that are constants to the server (EXTRACT's field is a string constant since 14).
_NOT_COMPARED = re.compile(r"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|\"[^\"]*\"|\{\w+\}|%\(\w+\)s|%s|\$\d+", re.DOTALL)
_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_CONSTANT_WORDS = frozenset({"true", "false", "null", "epoch"})


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(_NOT_COMPARED.sub(" ", text).lower()) if w not in _CONSTANT_WORDS)


@cache
def _own_queries() -> frozenset[tuple[str, ...]]:
    """pgtune's own catalog queries (sql/*.sql), by their words: the identifiers and keywords, in order."""
    return frozenset(_words(p.read_text()) for p in data_dir("sql").glob("*.sql"))


def collect_reset(session: Session, extension: Extension) -> tuple[datetime | None, int | None]:
    """When pg_stat_statements was last reset and how many entries it evicted (14+; 13 keeps neither)."""
    row = session.named("pgss_info", schemas={"pgss": extension.schema})[0]
    return row["stats_reset"], row["deallocations"]
