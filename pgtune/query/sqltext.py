"""Token-level and statement-level facts about SQL text, for the modules that send statements to a server."""

from __future__ import annotations

import hashlib
import itertools
import re

from pglast import parser
from pglast.enums import A_Expr_Kind
from pglast.keywords import COL_NAME_KEYWORDS, RESERVED_KEYWORDS, TYPE_FUNC_NAME_KEYWORDS
from pglast.parser import ParseError
from pglast.visitors import Visitor

_SECRET = re.compile(r"(?i)(\bPASSWORD\s+)('(?:[^']|'')*'|E'(?:[^'\\]|\\.|'')*')")


def scrub_secrets(text: str) -> str:
    """``PASSWORD '…'`` of CREATE/ALTER ROLE (pg_stat_statements keeps utility statements verbatim)."""
    return _SECRET.sub(r"\1'***'", text)


_COMMENT_TOKENS = frozenset({"SQL_COMMENT", "C_COMMENT"})
_SEMICOLON = "ASCII_59"
_COLON = "ASCII_58"


def split_statements(text: str) -> list[str]:
    """The statements of a text, comments before each kept, blank or comment-only pieces dropped.

    The parser splits exactly (a ``BEGIN ATOMIC`` body keeps its semicolons); text it cannot parse is cut at
    the semicolons the scanner sees, so that a bad statement is one piece of its own and never swallowed
    (pglast's scanner-only split drops pieces that start with an unknown word)."""
    try:
        stops = [part.stop for part in parser.split(text, with_parser=True, only_slices=True)]
    except ParseError:
        pieces = _cut_at_semicolons(text)
    else:
        # The parser's slices leave out the comments before a statement: a piece runs from the previous end.
        pieces, start = [], 0
        for stop in stops:
            pieces.append(text[start:stop])
            semicolon = text.find(";", stop)
            start = len(text) if semicolon < 0 else semicolon + 1
    return [piece.strip() for piece in pieces if _has_code(piece)]


def _cut_at_semicolons(text: str) -> list[str]:
    try:
        ends = [t.end for t in parser.scan(text) if t.name == _SEMICOLON]
    except ParseError:
        return [text]
    pieces, start = [], 0
    for end in ends:
        pieces.append(text[start:end])
        start = end + 1
    return [*pieces, text[start:]]


def _has_code(text: str) -> bool:
    try:
        return any(t.name not in _COMMENT_TOKENS for t in parser.scan(text))
    except ParseError:
        return bool(text.strip())


def psql_meta_command(line: str, pending: str) -> tuple[str, bool]:
    """(the SQL before it, True) when the line holds a psql meta-command outside any string or comment:
    a line starting with a backslash, or a statement ended by ``\\gset`` / ``\\g``."""
    if line.lstrip().startswith("\\"):
        return ("", True) if not pending or scans(pending) else (line, False)
    backslash = line.rfind("\\")
    if backslash <= 0 or not line[backslash + 1 : backslash + 2].isalpha():
        return line, False
    before = line[:backslash]
    try:
        tokens = parser.scan("\n".join((pending, before)))
    except ParseError:
        return line, False  # the backslash is inside a string
    in_comment = bool(tokens) and tokens[-1].name == "SQL_COMMENT"
    return (line, False) if in_comment else (before, True)


def scans(text: str) -> bool:
    """The scanner reads the text whole: no unterminated string, comment or dollar quote."""
    try:
        parser.scan(text)
    except ParseError:
        return False
    return True


def ends_statement(text: str) -> bool:
    """The text's last token, comments aside, is a semicolon the scanner sees."""
    try:
        tokens = [t for t in parser.scan(text) if t.name not in _COMMENT_TOKENS]
    except ParseError:
        return False
    return bool(tokens) and tokens[-1].name == _SEMICOLON


def psql_variables_as_parameters(text: str) -> str:
    """psql and pgbench variables (``:aid``, ``:'name'``, ``:"name"``) as ``$n`` parameters, one number per
    variable, so that a pgbench script plans as its generic plan. Only for text that does not parse as it
    is (``arr[lo:hi]`` is a slice); strings and comments are left alone."""
    try:
        parser.parse_sql(text)
        return text
    except ParseError:
        pass
    try:
        tokens = parser.scan(text)
    except ParseError:
        return text
    numbers: dict[str, int] = {}
    first = max((int(text[t.start + 1 : t.end + 1]) for t in tokens if t.name == "PARAM"), default=0) + 1
    pieces, last = [], 0
    for colon, name in itertools.pairwise(tokens):
        if colon.name != _COLON or name.start != colon.end + 1 or name.name not in ("IDENT", "SCONST"):
            continue
        if name.name == "IDENT" and not text[name.start].isalpha() and text[name.start] not in '_"':
            continue
        variable = text[name.start : name.end + 1].strip("'\"")
        number = numbers.setdefault(variable, first + len(numbers))
        pieces.extend((text[last : colon.start], f"${number}"))
        last = name.end + 1
    if not numbers:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


class _PrefixCasts(Visitor):
    """``interval $1``, ``date $1``: a typed literal whose string pg_stat_statements replaced by a parameter.
    libpg_query reads it (as pg_stat_statements' texts need), PostgreSQL's own parser does not."""

    def __init__(self) -> None:
        self.found: list[tuple[int, int, int]] = []

    def visit_TypeCast(self, ancestors, node):
        arg, type_name = node.arg, node.typeName
        if type(arg).__name__ != "ParamRef" or node.location not in (None, -1) or type_name.location in (None, -1):
            return
        if type_name.location < arg.location:
            self.found.append((type_name.location, arg.location, arg.number))


def plannable_text(text: str) -> str:
    """The text as PostgreSQL will plan it: each ``type $n`` written ``$n::type`` (same meaning, a cast binds
    tighter than any operator), each ``EXTRACT($n FROM x)`` written ``pg_catalog.extract($n, x)``. Text that
    does not parse is returned as it is."""
    try:
        statements = parser.parse_sql(text)
    except ParseError:
        return text
    casts = _PrefixCasts()
    for statement in statements:
        casts(statement.stmt)
    for type_start, param_start, number in sorted(casts.found, reverse=True):
        param_end = param_start + len(f"${number}")
        text = f"{text[:type_start]}${number}::{text[type_start:param_start].strip()}{text[param_end:]}"
    return _extract_calls(text)


_EXTRACT_WITH_PARAMETER = ("EXTRACT", "ASCII_40", "PARAM", "FROM")


def _extract_calls(text: str) -> str:
    """pg_stat_statements shows EXTRACT's field (``YEAR``, ``epoch``) as ``$n``, which PostgreSQL's grammar
    refuses there; the function EXTRACT stands for (14+) takes the field as a text argument."""
    tokens = parser.scan(text)
    size = len(_EXTRACT_WITH_PARAMETER)
    for at in reversed(range(len(tokens) - size + 1)):
        window = tokens[at : at + size]
        if tuple(t.name for t in window) == _EXTRACT_WITH_PARAMETER:
            keyword, _, parameter, from_ = window
            name = text[parameter.start : parameter.end + 1]
            text = f"{text[: keyword.start]}pg_catalog.extract({name},{text[from_.end + 1 :]}"
    return text


def cast_parameter(text: str, number: int, type_name: str = "text") -> str:
    """Every ``$number`` given an explicit type, for a parameter the planner cannot type by itself
    (``jsonb_build_object($1, …)``: variadic "any")."""
    try:
        tokens = parser.scan(text)
    except ParseError:
        return text
    following = {id(a): b for a, b in itertools.pairwise(tokens)}
    for token in reversed(tokens):
        if token.name != "PARAM" or text[token.start + 1 : token.end + 1] != str(number):
            continue
        after = following.get(id(token))
        if after is None or after.name != "TYPECAST":
            text = f"{text[: token.end + 1]}::{type_name}{text[token.end + 1 :]}"
    return text


class _OutputParameters(Visitor):
    def __init__(self) -> None:
        self.numbers: set[int] = set()

    def visit_ResTarget(self, ancestors, node):
        # A SELECT list is a tuple of ResTargets: the list's own place is one level up.
        owner = ancestors.parent
        in_select_list = owner.member == "targetList" and type(owner.node).__name__ == "SelectStmt"
        if in_select_list and type(node.val).__name__ == "ParamRef":
            self.numbers.add(node.val.number)


def output_parameters(text: str) -> tuple[int, ...]:
    """The ``$n`` that stand alone as an output column of a SELECT list (``SELECT $1 AS c0``), in order.

    Nothing but its value types such a parameter, so the planner makes it text; a comparison further out
    (``WHERE s.c0 > s.id``) may then refuse it, where the constant pg_stat_statements replaced had a type."""
    try:
        statements = parser.parse_sql(text)
    except ParseError:
        return ()
    found = _OutputParameters()
    for statement in statements:
        found(statement.stmt)
    return tuple(sorted(found.numbers))


class _ArithmeticParameters(Visitor):
    def __init__(self) -> None:
        self.numbers: set[int] = set()

    def visit_A_Expr(self, ancestors, node):
        operands = (node.lexpr, node.rexpr)
        if (
            node.kind == A_Expr_Kind.AEXPR_OP
            and node.name[-1].sval in _ARITHMETIC
            and all(type(o).__name__ == "ParamRef" for o in operands)
        ):
            self.numbers.update(o.number for o in operands)


_ARITHMETIC = frozenset("+-*/%^")


def arithmetic_parameters(text: str) -> tuple[int, ...]:
    """The ``$n`` of an arithmetic between two parameters (``$4 - $5``), in order.

    Nothing types either side, so the planner finds the operator ambiguous. Two untyped literals there are
    ambiguous too, so the constants pg_stat_statements replaced were numbers."""
    try:
        statements = parser.parse_sql(text)
    except ParseError:
        return ()
    found = _ArithmeticParameters()
    for statement in statements:
        found(statement.stmt)
    return tuple(sorted(found.numbers))


def is_single_statement(text: str) -> bool:
    try:
        return len(parser.split(text)) == 1
    except ParseError:
        return False


def parameter_count(text: str) -> int:
    """The highest ``$n`` in the text (string literals and comments are not looked into)."""
    return max(parameter_numbers(text), default=0)


def parameter_numbers(text: str) -> frozenset[int]:
    """Every ``$n`` in the text (string literals and comments are not looked into); none when it does not scan."""
    try:
        tokens = parser.scan(text)
    except ParseError:
        return frozenset()
    return frozenset(int(text[t.start + 1 : t.end + 1]) for t in tokens if t.name == "PARAM")


_PLANNABLE = frozenset({"SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt", "MergeStmt"})


def is_select(text: str) -> bool:
    """One SELECT statement (what EXPLAIN ANALYZE may consider; ``pgtune/side_effects.py`` decides)."""
    return _single_statement_kind(text) == "SelectStmt"


def is_plannable(text: str) -> bool:
    """One DML statement; utility statements (SET, BEGIN, DDL) have no plan worth having."""
    return _single_statement_kind(text) in _PLANNABLE


def _single_statement_kind(text: str) -> str | None:
    try:
        statements = parser.parse_sql(text)
    except ParseError:
        return None
    return type(statements[0].stmt).__name__ if len(statements) == 1 else None


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
