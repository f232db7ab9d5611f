"""Token-level and statement-level facts about SQL text, for the modules that send statements to a server."""

from __future__ import annotations

import re

from pglast import parser
from pglast.keywords import COL_NAME_KEYWORDS, RESERVED_KEYWORDS, TYPE_FUNC_NAME_KEYWORDS
from pglast.parser import ParseError
from pglast.visitors import Visitor

_WRITING_NODES = frozenset({"InsertStmt", "UpdateStmt", "DeleteStmt", "MergeStmt", "LockingClause", "IntoClause"})
# Functions whose effects a rolled-back, read-only transaction does not undo.
_OUTSIDE_TRANSACTION = (
    "pg_terminate_backend",
    "pg_cancel_backend",
    "pg_reload_conf",
    "pg_rotate_logfile",
    "pg_switch_wal",
    "pg_promote",
    "pg_create_restore_point",
    "pg_advisory",
    "pg_try_advisory",
    "pg_stat_reset",
    "pg_stat_statements_reset",
    "pg_qualstats_reset",
    "pg_file_",
    "lo_",
    "dblink",
)


_SECRET = re.compile(r"(?i)(\bPASSWORD\s+)('(?:[^']|'')*'|E'(?:[^'\\]|\\.|'')*')")


def scrub_secrets(text: str) -> str:
    """``PASSWORD '…'`` of CREATE/ALTER ROLE (pg_stat_statements keeps utility statements verbatim)."""
    return _SECRET.sub(r"\1'***'", text)


def is_single_statement(text: str) -> bool:
    try:
        return len(parser.split(text)) == 1
    except ParseError:
        return False


def parameter_count(text: str) -> int:
    """The highest ``$n`` in the text (string literals and comments are not looked into)."""
    try:
        tokens = parser.scan(text)
    except ParseError:
        return 0
    return max((int(text[t.start + 1 : t.end + 1]) for t in tokens if t.name == "PARAM"), default=0)


class _SideEffects(Visitor):
    def __init__(self) -> None:
        self.found = False

    def visit(self, ancestors, node):
        kind = type(node).__name__
        if kind in _WRITING_NODES:
            self.found = True
        elif kind == "FuncCall":
            name = node.funcname[-1].sval.lower()
            self.found = self.found or name.startswith(_OUTSIDE_TRANSACTION)


def is_read_only_select(text: str) -> bool:
    """True only for one plain SELECT with no data-modifying CTE, locking clause, SELECT INTO or a call
    whose effect outlives the transaction. EXPLAIN ANALYZE executes the statement, so this guards it."""
    try:
        statements = parser.parse_sql(text)
    except ParseError:
        return False
    if len(statements) != 1 or type(statements[0].stmt).__name__ != "SelectStmt":
        return False
    finder = _SideEffects()
    finder(statements[0].stmt)
    return not finder.found


_SAFE_IDENT = re.compile(r"^[a-z_][a-z0-9_$]*$")
_QUOTED_KEYWORDS = RESERVED_KEYWORDS | COL_NAME_KEYWORDS | TYPE_FUNC_NAME_KEYWORDS


def quote_ident(name: str) -> str:
    """An identifier as PostgreSQL's quote_ident would write it: bare when that reads back the same."""
    if _SAFE_IDENT.match(name) and name not in _QUOTED_KEYWORDS:
        return name
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def substitute_parameters(text: str, values: dict[int, str]) -> str:
    """Replace ``$n`` tokens by SQL text (e.g. quoted literals); strings and comments are left alone.

    The parameters left are renumbered from ``$1`` without gaps: PREPARE cannot type a parameter that no
    longer appears (``could not determine data type of parameter $1``)."""
    try:
        tokens = parser.scan(text)
    except ParseError:
        return text
    numbers = [int(text[t.start + 1 : t.end + 1]) for t in tokens if t.name == "PARAM"]
    kept = {old: new for new, old in enumerate(sorted(set(numbers) - values.keys()), start=1)}
    pieces, last = [], 0
    for token, number in zip((t for t in tokens if t.name == "PARAM"), numbers, strict=True):
        pieces.extend((text[last : token.start], values[number] if number in values else f"${kept[number]}"))
        last = token.end + 1
    pieces.append(text[last:])
    return "".join(pieces)
