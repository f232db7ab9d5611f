"""Migration text → its statements, located at their first keyword, and the ``pgtune: ignore`` comments
around them. A file that does not parse as a whole is split at its semicolons so one bad statement never
hides the rest.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pglast import ast, enums, parse_sql
from pglast.parser import ParseError, scan

_IGNORE = re.compile(r"--\s*pgtune:\s*ignore\s+(?P<rules>[A-Z]{2}\d{3}(?:\s*,\s*[A-Z]{2}\d{3})*)(?P<reason>.*)$")


@dataclass(frozen=True)
class StatementText:
    """One statement of a file as the server would receive it (``pgtune check --trace`` sends these)."""

    line: int
    column: int
    sql: str
    controls_transaction: bool = False
    """BEGIN, COMMIT, ROLLBACK and their kin."""
    cluster_wide: bool = False
    """Roles, databases, tablespaces, ALTER SYSTEM, subscriptions: effects that would outlive a clone."""


@dataclass(frozen=True)
class SourceProblem:
    """A part of a file that could not be read as SQL (the rest of the file is still checked)."""

    file: str
    line: int
    column: int
    message: str


class Lines:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line(self, number: int) -> str:
        start = self.starts[number - 1]
        end = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
        return self.text[start:end]


@dataclass(frozen=True)
class ParsedStatement:
    node: ast.Node
    start: int
    end: int


_CLUSTER_WIDE = frozenset(
    {
        "CreateRoleStmt",
        "AlterRoleStmt",
        "AlterRoleSetStmt",
        "DropRoleStmt",
        "GrantRoleStmt",
        "CreatedbStmt",
        "DropdbStmt",
        "AlterDatabaseStmt",
        "AlterDatabaseSetStmt",
        "AlterDatabaseRefreshCollStmt",
        "AlterSystemStmt",
        "CreateTableSpaceStmt",
        "DropTableSpaceStmt",
        "AlterTableSpaceOptionsStmt",
        "CreateSubscriptionStmt",
        "AlterSubscriptionStmt",
        "DropSubscriptionStmt",
        "ReassignOwnedStmt",
    }
)


def split_statements(file: str, text: str) -> tuple[list[StatementText], list[SourceProblem]]:
    """The statements of ``text`` in order, each located at its first keyword; unparsable parts are problems."""
    lines = Lines(text)
    statements, problems = parse_statements(file, text, lines)
    found = []
    for statement in statements:
        first = first_token(text, statement.start, statement.end)
        line, column = lines.position(first)
        control = isinstance(statement.node, ast.TransactionStmt)
        wide = type(statement.node).__name__ in _CLUSTER_WIDE
        found.append(StatementText(line, column, text[first : statement.end].strip(), control, wide))
    return found, problems


_FLYWAY_NON_TRANSACTIONAL = frozenset(
    {
        "CreatedbStmt",
        "DropdbStmt",
        "CreateTableSpaceStmt",
        "DropTableSpaceStmt",
        "CreateSubscriptionStmt",
        "DropSubscriptionStmt",
        "AlterSystemStmt",
    }
)


def flyway_transactions(file: str, text: str) -> tuple[bool, bool]:
    """(a statement Flyway runs in a transaction, a statement it cannot): the statements Flyway's PostgreSQL
    parser marks non-transactional (``detectCanExecuteInTransaction``), read from the parse tree instead of
    its regular expressions. REINDEX ... CONCURRENTLY of a table or index and DETACH PARTITION ...
    CONCURRENTLY are not among them: Flyway wraps them, and the server refuses them."""
    statements, _ = parse_statements(file, text, Lines(text))
    kinds = [_flyway_transactional(s.node) for s in statements]
    return any(kinds), not all(kinds)


def _flyway_transactional(node: ast.Node) -> bool:
    if type(node).__name__ in _FLYWAY_NON_TRANSACTIONAL:
        return False
    if isinstance(node, ast.IndexStmt):
        return not node.concurrent
    if isinstance(node, ast.DropStmt) and node.removeType == enums.ObjectType.OBJECT_INDEX:
        return not node.concurrent
    if isinstance(node, ast.ReindexStmt):
        return node.kind in (enums.ReindexObjectType.REINDEX_OBJECT_INDEX, enums.ReindexObjectType.REINDEX_OBJECT_TABLE)
    if isinstance(node, ast.VacuumStmt):
        return not node.is_vacuumcmd
    return not (isinstance(node, ast.DiscardStmt) and node.target == enums.DiscardMode.DISCARD_ALL)


def parse_statements(file: str, text: str, lines: Lines) -> tuple[list[ParsedStatement], list[SourceProblem]]:
    """Parse the whole text; on a syntax error, parse statement by statement so the rest is still read."""
    try:
        return [_statement(raw, len(text)) for raw in parse_sql(text)], []
    except ParseError:
        pass
    statements: list[ParsedStatement] = []
    problems: list[SourceProblem] = []
    try:
        chunks = _chunks(text)
    except ParseError as exc:
        line, column = lines.position(_error_offset(exc, 0, len(text)))
        return [], [SourceProblem(file, line, column, f"cannot split into statements: {one_line(exc.args[0])}")]
    for start, end in chunks:
        try:
            raws = parse_sql(text[start:end])
        except ParseError as exc:
            line, column = lines.position(_error_offset(exc, start, end))
            problems.append(SourceProblem(file, line, column, f"syntax error: {one_line(exc.args[0])}"))
            continue
        statements.extend(_statement(raw, end - start, start) for raw in raws)
    return statements, problems


_NEAR = re.compile(r'(?P<lead>at or near ")(?P<quoted>.*)"(?P<tail>[^"]*)$', re.S)


def one_line(message: str, quoted_chars: int = 40) -> str:
    """The parser's message on one line: its ``at or near "..."`` quote (the rest of the file, for an
    unterminated string) cut to ``quoted_chars``."""
    match = _NEAR.search(message)
    if match and len(match["quoted"]) > quoted_chars:
        message = f'{message[: match.start()]}{match["lead"]}{match["quoted"][:quoted_chars]}..."{match["tail"]}'
    return " ".join(message.split())


def statement_count(file: str, text: str) -> int:
    """How many statements the text holds (a tool that sends it as one query string sends them together)."""
    return len(parse_statements(file, text, Lines(text))[0])


def _error_offset(exc: ParseError, start: int, end: int) -> int:
    offset = exc.args[1] if len(exc.args) > 1 and isinstance(exc.args[1], int) else 0
    return min(start + offset, max(end - 1, start))


def _statement(raw: ast.RawStmt, length: int, base: int = 0) -> ParsedStatement:
    start = raw.stmt_location or 0
    end = start + raw.stmt_len if raw.stmt_len else length
    return ParsedStatement(raw.stmt, base + start, base + end)


def _chunks(text: str) -> list[tuple[int, int]]:
    chunks: list[tuple[int, int]] = []
    start = 0
    for token in scan(text):
        if token.name == "ASCII_59":
            chunks.append((start, token.end + 1))
            start = token.end + 1
    if text[start:].strip():
        chunks.append((start, len(text)))
    return chunks


def first_token(text: str, start: int, end: int) -> int:
    """Skip whitespace and comments so the location points at the statement's first keyword."""
    position = start
    while position < end:
        if text[position].isspace():
            position += 1
        elif text.startswith("--", position):
            newline = text.find("\n", position)
            position = end if newline < 0 else newline + 1
        elif text.startswith("/*", position):
            close = text.find("*/", position + 2)
            position = end if close < 0 else close + 2
        else:
            return position
    return start


def suppressions(lines: Lines, first_line: int, last_line: int) -> tuple[dict[str, str], list[int]]:
    suppressed: dict[str, str] = {}
    bad: list[int] = []
    for number in range(max(first_line - 1, 1), last_line + 1):
        match = _IGNORE.search(lines.line(number))
        if not match:
            continue
        reason = match["reason"].strip()
        if not reason:
            bad.append(number)
            continue
        for rule in re.split(r"\s*,\s*", match["rules"]):
            suppressed[rule] = reason
    return suppressed, bad
