"""Token-level and statement-level facts about SQL text, for the modules that send statements to a server."""

from __future__ import annotations

import hashlib
import re

from pglast import parser
from pglast.keywords import COL_NAME_KEYWORDS, RESERVED_KEYWORDS, TYPE_FUNC_NAME_KEYWORDS
from pglast.parser import ParseError

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


def is_select(text: str) -> bool:
    """One SELECT statement (what EXPLAIN ANALYZE may consider; ``pgtune/side_effects.py`` decides)."""
    try:
        statements = parser.parse_sql(text)
    except ParseError:
        return False
    return len(statements) == 1 and type(statements[0].stmt).__name__ == "SelectStmt"


_SAFE_IDENT = re.compile(r"^[a-z_][a-z0-9_$]*$")
_QUOTED_KEYWORDS = RESERVED_KEYWORDS | COL_NAME_KEYWORDS | TYPE_FUNC_NAME_KEYWORDS


def quote_ident(name: str) -> str:
    """An identifier as PostgreSQL's quote_ident would write it: bare when that reads back the same."""
    if _SAFE_IDENT.match(name) and name not in _QUOTED_KEYWORDS:
        return name
    return '"' + name.replace('"', '""') + '"'


IDENTIFIER_BYTES = 63
"""PostgreSQL's NAMEDATALEN - 1: longer identifiers are cut by the server, in bytes."""


def bounded_identifier(name: str, distinct_by: str | None = None) -> str:
    """``name`` when it fits in 63 bytes, else cut on a character boundary and suffixed with a digest of
    ``distinct_by`` (default: the name), so that two long names (say, Cyrillic ones, two bytes a letter) that
    share their first 54 bytes stay two names instead of colliding when the server truncates them."""
    encoded = name.encode("utf-8")
    if len(encoded) <= IDENTIFIER_BYTES:
        return name
    digest = hashlib.sha1((distinct_by or name).encode("utf-8")).hexdigest()[:8]
    head = encoded[: IDENTIFIER_BYTES - len(digest) - 1].decode("utf-8", errors="ignore")
    return f"{head}_{digest}"


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
