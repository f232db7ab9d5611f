"""Literal redaction for reports: every constant becomes a ``$n`` placeholder, comments go, ``$n`` stay."""

from __future__ import annotations

from pglast import parser
from pglast.parser import ParseError

_LITERALS = frozenset({"SCONST", "USCONST", "ICONST", "FCONST", "BCONST", "XCONST"})
# Comments can hold anything (sqlcommenter tags, pasted values); junk bytes are not SQL at all.
_DROPPED = frozenset({"SQL_COMMENT", "C_COMMENT"})
_OPAQUE = "UNKNOWN"
_TAIL = " $? /* rest redacted: unreadable */"


def redact_literals(text: str) -> str:
    """``text`` with each literal replaced by the next free ``$n`` (after the highest parameter already there)
    and a constant-only IN list collapsed to its first placeholder, as PostgreSQL 18's pg_stat_statements does.
    Token-level through PostgreSQL's scanner, so it works on text that does not parse; from a point the
    scanner cannot read (an unterminated string or comment) to the end, the text is dropped."""
    tail = ""
    try:
        tokens = parser.scan(text)
    except ParseError as error:
        location = error.args[1] if len(error.args) > 1 and error.args[1] is not None else 0
        tokens = _scan_prefix(text, location)
        text, tail = text[:location], _TAIL
    except (UnicodeError, ValueError):
        return _TAIL.strip()
    next_param = 1 + max((int(text[t.start + 1 : t.end + 1]) for t in tokens if t.name == "PARAM"), default=0)
    out: list[str] = []
    position = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        out.append(text[position : token.start])
        position = token.end + 1
        if token.name in _LITERALS:
            run_end = _constant_list_end(tokens, index)
            out.append(f"${next_param}" + (" /*, ... */" if run_end > index else ""))
            next_param += 1
            if run_end > index:
                position = tokens[run_end].end + 1
                index = run_end
        elif token.name == _OPAQUE:
            out.append("?")
        elif token.name not in _DROPPED:
            out.append(text[token.start : position])
        index += 1
    out.append(text[position:])
    return ("".join(out).rstrip() + tail).strip()


def _scan_prefix(text: str, location: int) -> list:
    try:
        return parser.scan(text[:location])
    except ParseError:
        return []


def _constant_list_end(tokens: list, index: int) -> int:
    """Index of the last literal of a ``IN (lit, lit, ...)`` list starting at ``index``, else ``index``."""
    if index < 2 or tokens[index - 1].name != "ASCII_40" or tokens[index - 2].name not in ("IN_P", "IN"):
        return index
    last = index
    cursor = index + 1
    while cursor + 1 < len(tokens) and tokens[cursor].name == "ASCII_44" and tokens[cursor + 1].name in _LITERALS:
        last = cursor + 1
        cursor += 2
    closed = cursor < len(tokens) and tokens[cursor].name == "ASCII_41"
    return last if closed else index
