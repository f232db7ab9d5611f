"""A DO block's body → the plain SQL statements it runs, so the gate reads them as if they ran in its place.

Drizzle wraps a foreign key in ``DO $$ BEGIN ALTER TABLE ... EXCEPTION WHEN duplicate_object THEN null;
END $$``; EF Core's idempotent scripts wrap every statement in ``IF NOT EXISTS(...) THEN ... END IF``. The
body is parsed by PostgreSQL's own PL/pgSQL grammar (pglast's ``parse_plpgsql``). Statements under IF,
loops or a BEGIN ... EXCEPTION block are read as run (a migration runs them once); exception handlers are
not (they run only when the body failed). ``EXECUTE`` of a string literal, a ``||`` of literals or a
``format()`` of literals is read as that SQL; any other dynamic SQL, or a body that does not parse, leaves
the block ``dynamic``: what it does is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pglast import ast, parse_plpgsql, parse_sql
from pglast.parser import ParseError

from .ddl_source import Lines

_PLAIN = ("PLpgSQL_stmt_execsql", "PLpgSQL_stmt_call", "PLpgSQL_stmt_perform", "PLpgSQL_stmt_fors")
_DYNAMIC = ("PLpgSQL_stmt_dynexecute", "PLpgSQL_stmt_dynfors")


@dataclass(frozen=True)
class InnerStatement:
    node: ast.Node
    line: int
    """In the file: the line of the body the statement starts on."""
    column: int
    sql: str


@dataclass(frozen=True)
class Guard:
    """``IF <condition> THEN RAISE EXCEPTION ...`` at the top of the block, which no handler catches."""

    condition: ast.Node
    line: int
    message: str


@dataclass(frozen=True)
class DoBody:
    statements: tuple[InnerStatement, ...]
    dynamic: bool
    """Some SQL the block runs is not in its text (EXECUTE of a variable, a body that does not parse)."""
    guards: tuple[Guard, ...] = ()


def do_body(node: ast.Node, text: str, start: int, lines: Lines) -> DoBody | None:
    """The statements a PL/pgSQL DO block at ``text[start:]`` runs; None for anything but such a block."""
    if not isinstance(node, ast.DoStmt):
        return None
    options = {d.defname: d.arg.sval for d in node.args or () if isinstance(d.arg, ast.String)}
    body = options.get("as")
    if body is None or options.get("language", "plpgsql").lower() != "plpgsql":
        return None
    offset = text.find(body, start)
    # Line 1 of the PL/pgSQL parse is the body's first line (a quoted body with doubled quotes is not found
    # verbatim: its statements are then placed on the DO's line).
    first_line = lines.position(offset if offset >= 0 else start)[0]
    try:
        parsed = parse_plpgsql(f"CREATE FUNCTION pgtune_do() RETURNS void LANGUAGE plpgsql AS $pg_do${body}$pg_do$")
    except ParseError:
        return DoBody((), True)
    found: list[InnerStatement] = []
    dynamic = False
    for kind, fields in _statements(parsed):
        query = (fields.get("sqlstmt") or fields.get("expr") or fields.get("query") or {}).get("PLpgSQL_expr", {})
        text_of = query.get("query", "")
        sql = text_of if kind in _PLAIN else _literal(text_of) if kind in _DYNAMIC else None
        if not sql:
            dynamic = dynamic or kind in _DYNAMIC
            continue
        line = first_line + fields.get("lineno", 1) - 1 if offset >= 0 else first_line
        try:
            nodes = [raw.stmt for raw in parse_sql(sql)]
        except ParseError:
            dynamic = True
            continue
        found.extend(InnerStatement(n, line, _column(lines, line, sql), sql.strip()) for n in nodes)
    return DoBody(tuple(found), dynamic, tuple(_guards(parsed, first_line if offset >= 0 else None, start, lines)))


def _guards(parsed: list, first_line: int | None, start: int, lines: Lines) -> Iterator[Guard]:
    """The block's top-level IFs whose THEN raises an ERROR (elog level 21: RAISE EXCEPTION, or RAISE alone)."""
    block = parsed[0]["PLpgSQL_function"].get("action", {}).get("PLpgSQL_stmt_block", {}) if parsed else {}
    if block.get("exceptions"):
        return
    for item in block.get("body", ()):
        test = item.get("PLpgSQL_stmt_if")
        if not test or test.get("elsif_list"):
            continue
        raised = next((s["PLpgSQL_stmt_raise"] for s in test.get("then_body", ()) if "PLpgSQL_stmt_raise" in s), None)
        condition = test.get("cond", {}).get("PLpgSQL_expr", {}).get("query", "")
        if raised is None or raised.get("elog_level") != 21 or not condition:
            continue
        try:
            select = parse_sql(f"SELECT {condition}")[0].stmt
        except ParseError:
            continue
        line = first_line + test.get("lineno", 1) - 1 if first_line is not None else lines.position(start)[0]
        yield Guard(select.targetList[0].val, line, raised.get("message", ""))


def _statements(value: object) -> Iterator[tuple[str, dict]]:
    """PL/pgSQL statements in the order they appear, exception handlers left out."""
    if isinstance(value, list):
        for item in value:
            yield from _statements(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "exceptions":
                continue
            if key.startswith("PLpgSQL_stmt_") and isinstance(item, dict):
                yield key, item
            yield from _statements(item)


def _column(lines: Lines, line: int, sql: str) -> int:
    words = sql.split(None, 1)
    found = lines.line(line).find(words[0]) if words and line <= len(lines.starts) else -1
    return found + 1 if found >= 0 else 1


def _literal(expression: str) -> str | None:
    """The text of an EXECUTE's expression when it is made of literals only, else None."""
    try:
        select = parse_sql(f"SELECT {expression}")[0].stmt
    except ParseError:
        return None
    if not isinstance(select, ast.SelectStmt) or len(select.targetList or ()) != 1:
        return None
    return _value(select.targetList[0].val)


def _value(node: ast.Node) -> str | None:
    if isinstance(node, ast.A_Const) and isinstance(node.val, ast.String):
        return node.val.sval
    if isinstance(node, ast.TypeCast):
        return _value(node.arg)
    if isinstance(node, ast.A_Expr) and [n.sval for n in node.name] == ["||"]:
        left, right = _value(node.lexpr), _value(node.rexpr)
        return left + right if left is not None and right is not None else None
    if isinstance(node, ast.FuncCall) and [n.sval for n in node.funcname][-1] == "format" and node.args:
        values = [_value(a) for a in node.args]
        if any(v is None for v in values):
            return None
        return _format(values[0], values[1:])
    return None


def _format(template: str, values: list[str]) -> str | None:
    """PostgreSQL's ``format()`` for ``%s``, ``%I``, ``%L`` and ``%%`` (positions and widths: unknown)."""
    remaining = iter(values)
    out: list[str] = []
    for part in re.split(r"(%.)", template):
        if part == "%%":
            out.append("%")
        elif part in ("%s", "%I", "%L"):
            value = next(remaining, None)
            if value is None:
                return None
            if part == "%I" and not re.fullmatch(r"[a-z_][a-z0-9_$]*", value):
                value = '"' + value.replace('"', '""') + '"'
            elif part == "%L":
                value = "'" + value.replace("'", "''") + "'"
            out.append(value)
        elif part.startswith("%") and len(part) == 2:
            return None
        else:
            out.append(part)
    return "".join(out)
