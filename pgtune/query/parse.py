"""SQL text → one pglast statement node, or a ParseFailure that says why not."""

from __future__ import annotations

import hashlib
import itertools
import re

from pglast import parser
from pglast.parser import ParseError

from pgtune.query.model import ParseFailure

_TRUNCATION_ERRORS = ("at end of input", "unterminated")
_CONSTANT_LOCATION = re.compile(r'"A_Const":\{(?:[^{}]|\{[^{}]*\})*?"location":(-?\d+)')


def fingerprint(text: str) -> str:
    """pglast's fingerprint of the statement, followed by a digest of its identifiers and keywords.

    pglast's fingerprint alone is equal for statements that differ in literals, ``$n`` numbering or layout, as
    wanted, but also for ``FROM orders o`` and ``FROM users o`` (an aliased relation's name is left out) and for
    ``s.orders`` and ``t.orders`` (schemas are left out), and for ``<> $1`` and ``NOT IN (...)``: a digest of the
    identifiers and keywords keeps those apart. A word the grammar makes a constant stays out of it (``true``,
    ``NULL``, the field of ``EXTRACT(YEAR FROM …)``), since pg_stat_statements shows it as ``$n`` and a sample
    with literals must meet its normalized text. Text that does not parse gets a digest of its redacted
    tokens, so that it still groups."""
    try:
        tokens = parser.scan(text)
        base = parser.fingerprint(text)
        constants = _constant_offsets(text)
    except (ParseError, UnicodeError, ValueError):
        from pgtune.query.redact import redact_literals

        return "x" + _digest(redact_literals(text))
    words = (_folded(text[t.start : t.end + 1]) for t in tokens if _named(t) and t.start not in constants)
    return base + "-" + _digest("\x1f".join(words))


def _constant_offsets(text: str) -> set[int]:
    """Where the parse tree's constants begin, as offsets into ``text`` (the parser counts bytes). Read from
    the tree's JSON with a pattern, so that a tree of any depth reads: a constant's value is one object deep,
    and a quote inside a JSON string is escaped, so the pattern cannot start or end inside one."""
    offsets = {int(offset) for offset in _CONSTANT_LOCATION.findall(parser.parse_sql_json(text))}
    if text.isascii():
        return offsets
    starts = itertools.accumulate((len(c.encode("utf-8")) for c in text), initial=0)
    return {char for char, byte in enumerate(starts) if byte in offsets}


def _named(token) -> bool:
    return token.name == "IDENT" or token.kind != "NO_KEYWORD"


def _folded(word: str) -> str:
    return word if word.startswith('"') else word.lower()


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


def is_truncated(text: str, track_activity_query_size_bytes: int | None) -> bool:
    """pg_stat_statements keeps at most ``track_activity_query_size - 1`` bytes of a statement: a text at that
    length is taken as cut; so is a text whose parse fails at its very end (an unterminated string, comment
    or parenthesis), whatever its length."""
    if at_limit(text, track_activity_query_size_bytes):
        return True
    try:
        parser.parse_sql(text)
    except ParseError as error:
        return _ends_early(error)
    except (UnicodeError, ValueError):
        return False
    return False


def at_limit(text: str, track_activity_query_size_bytes: int | None) -> bool:
    if track_activity_query_size_bytes is None:
        return False
    return len(text.encode("utf-8", "surrogatepass")) >= track_activity_query_size_bytes - 1


def _ends_early(error: ParseError) -> bool:
    return any(marker in str(error.args[0]) for marker in _TRUNCATION_ERRORS)


def parse_one(text: str, truncated: bool, queryid: int | None):
    """The one statement node of ``text``, or a ParseFailure."""

    def failure(reason: str, location: int | None = None) -> ParseFailure:
        return ParseFailure(text=text, reason=reason, location=location, truncated=truncated, queryid=queryid)

    if "\x00" in text:
        return failure("the text contains a NUL byte, which is not SQL", text.index("\x00"))
    try:
        statements = parser.parse_sql(text)
    except ParseError as error:
        message, location = error.args[0], error.args[1] if len(error.args) > 1 else None
        cut = truncated or _ends_early(error)
        reason = f"{message} (the text looks truncated)" if cut and not truncated else message
        return ParseFailure(text=text, reason=reason, location=location, truncated=cut, queryid=queryid)
    except (UnicodeError, ValueError) as error:
        return failure(f"the text cannot be encoded for the parser: {error}")
    except RecursionError:
        return failure("the statement nests too deeply to model")
    if not statements:
        return failure("no statement: the text is empty or only comments")
    if len(statements) > 1:
        return failure(f"{len(statements)} statements in one text; the model reads one at a time")
    return statements[0].stmt
