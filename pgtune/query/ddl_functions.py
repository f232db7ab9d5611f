"""Functions the files create, and what PostgreSQL checks of them and of the index expressions calling them.

- CREATE FUNCTION or PROCEDURE ... LANGUAGE sql (a quoted body or BEGIN ATOMIC) has its body parsed and
  analysed at CREATE while ``check_function_bodies`` is on (the default; pg_dump turns it off): a table, or a
  column of a table whose every column is known, that the schema lacks fails the CREATE (42P01, 42703).
  PL/pgSQL bodies are only parsed, and a function with polymorphic parameters is not analysed at all
  (``fmgr_sql_validator``), so neither is judged.
- An index expression or a partial index's predicate may call only immutable functions (42P17, ``functions in
  index expression must be marked IMMUTABLE``): built-ins are judged by the check the index advisor uses
  (``immutable``, given by the gate: pgtune/whatif/immutability.py, from the catalog or PostgreSQL 15's
  pg_proc), functions the files created by their declared volatility (VOLATILE unless said). A LANGUAGE sql
  function is inlined before the check, so only its body counts: it is not judged.
All verified on PostgreSQL 15.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from pglast import ast, enums, parse_sql
from pglast.parser import ParseError
from pglast.stream import RawStream
from pglast.visitors import Visitor

from .ddl_model import Kind, KnownSchema
from .ddl_nodes import qualified
from .ddl_state import ReaderState
from .ddl_values import reference_paths

_POLYMORPHIC = ("any", "anyelement", "anyarray", "anynonarray", "anyenum", "anyrange", "anymultirange")
_POLYMORPHIC += ("anycompatible", "anycompatiblearray", "anycompatiblenonarray", "anycompatiblerange")
_SYSTEM_COLUMNS = frozenset({"ctid", "xmin", "xmax", "cmin", "cmax", "tableoid", "oid"})
_CATALOGS = frozenset({"pg_catalog", "information_schema", "pg_temp", "pg_toast"})
_VOLATILITY = {"immutable": "i", "stable": "s", "volatile": "v"}


class FunctionReader(ReaderState):
    def __init__(self, known: KnownSchema | None = None) -> None:
        super().__init__(known)
        self.immutable: Callable[[str, Mapping[str, str]], str | None] | None = None
        """Why an expression over columns of the given types is not immutable (None: it is, or cannot be told);
        the gate gives whatif's check, which this package may not import."""
        self._bodies_checked = True
        """``check_function_bodies`` as the file's session left it."""
        self._functions: dict[str, tuple[str, str]] = {}
        """Functions the files created → (language, volatility letter), by name (schema left out)."""

    def _on_CreateFunctionStmt(self, node: ast.CreateFunctionStmt) -> Iterator[dict]:
        options = {o.defname: o.arg for o in node.options or ()}
        language = getattr(options.get("language"), "sval", "sql" if node.sql_body is not None else "").lower()
        volatility = getattr(options.get("volatility"), "sval", "volatile").lower()
        self._functions[node.funcname[-1].sval] = (language, _VOLATILITY.get(volatility, "v"))
        if fails := self._body_fails(node, language, options):
            yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": fails}

    def _on_AlterFunctionStmt(self, node: ast.AlterFunctionStmt) -> Iterator[dict]:
        name = node.func.objname[-1].sval
        for option in node.actions or ():
            if option.defname == "volatility" and name in self._functions:
                self._functions[name] = (self._functions[name][0], _VOLATILITY.get(option.arg.sval.lower(), "v"))
        yield from ()

    def _body_fails(self, node: ast.CreateFunctionStmt, language: str, options: dict) -> str | None:
        parameters = [p for p in node.parameters or () if p.mode != enums.FunctionParameterMode.FUNC_PARAM_TABLE]
        polymorphic = any(p.argType.names[-1].sval in _POLYMORPHIC for p in parameters)
        if language != "sql" or polymorphic or not self._bodies_checked or "set" in options or self._opaque:
            return None
        if node.sql_body is not None:
            statements = [s for item in node.sql_body for s in (item if isinstance(item, tuple) else (item,)) if s]
        else:
            body = options.get("as")
            text = body[0].sval if isinstance(body, tuple) and body else None
            statements = _parsed(text)
        names = {p.name for p in parameters if p.name}
        for statement in statements:
            if fails := self._statement_names_missing(statement, names):
                return f"{fails} (the LANGUAGE sql body is checked when the function is created)"
        return None

    def _statement_names_missing(self, statement: ast.Node, parameters: set[str]) -> str | None:
        """A table the statement reads or writes that the schema lacks, or a column of its one table."""
        if not isinstance(statement, ast.SelectStmt | ast.InsertStmt | ast.UpdateStmt | ast.DeleteStmt):
            return None
        found = _Relations()
        found(statement)
        for relation in found.relations:
            name = qualified(relation)
            if relation.schemaname is None and relation.relname in found.ctes:
                continue
            if relation.schemaname in _CATALOGS or (relation.schemaname is None and relation.relname.startswith("pg_")):
                continue  # the system catalogs and views are there, unlisted by the schema sources
            if missing := self._missing_relation(name, "relation"):
                return missing
        return self._missing_column_in(statement, parameters)

    def _missing_column_in(self, statement: ast.Node, parameters: set[str]) -> str | None:
        if isinstance(statement, ast.SelectStmt):
            sources = statement.fromClause or ()
            if len(sources) != 1 or not isinstance(sources[0], ast.RangeVar) or statement.withClause:
                return None
            relation, named = sources[0], [statement.targetList, statement.whereClause]
        elif isinstance(statement, ast.InsertStmt):
            columns = [c.name for c in statement.cols or ()]
            return next(filter(None, (self._missing_column(qualified(statement.relation), c) for c in columns)), None)
        else:
            if getattr(statement, "fromClause", None) or getattr(statement, "usingClause", None):
                return None
            relation, named = statement.relation, [statement.whereClause]
            if isinstance(statement, ast.UpdateStmt):
                table = qualified(relation)
                set_names = [t.name for t in statement.targetList or ()]
                if missing := next(filter(None, (self._missing_column(table, c) for c in set_names)), None):
                    return missing
                named.extend(t.val for t in statement.targetList or ())
        table = qualified(relation)
        aliases = {relation.relname, *((relation.alias.aliasname,) if relation.alias else ())}
        outputs = {t.name for t in getattr(statement, "targetList", None) or () if getattr(t, "name", None)}
        for path in reference_paths(named, subqueries=False):
            if len(path) > 2 or (len(path) == 2 and path[0] not in aliases) or path[-1] == "*":
                continue
            column = path[-1]
            if len(path) == 1 and (column in parameters or column in aliases or column in outputs):
                continue
            if column not in _SYSTEM_COLUMNS and (missing := self._missing_column(table, column)):
                return missing
        return None

    def _mutable_index(self, table: str, node: ast.IndexStmt) -> str | None:
        """Why CREATE INDEX fails: its expression or predicate calls a function that is not immutable."""
        parts = [("expression", p.expr) for p in node.indexParams if p.expr is not None]
        if node.whereClause is not None:
            parts.append(("predicate", node.whereClause))
        columns = {c for on, c in (*self._column_types, *self.known.column_types) if on == table}
        types = {c: t.name for c in columns if (t := self._type(table, c)) is not None and not t.array}
        for where, expression in parts:
            user = self._user_mutable(expression)
            why = user or (self.immutable(RawStream()(expression), types) if self.immutable else None)
            if why:
                return f"functions in index {where} must be marked IMMUTABLE: {why}"
        return None

    def _user_mutable(self, expression: ast.Node) -> str | None:
        calls = _Relations()
        calls(expression)
        for name in calls.functions:
            language, volatility = self._functions.get(name, ("sql", "i"))
            if language != "sql" and volatility != "i":
                declared = "STABLE" if volatility == "s" else "VOLATILE"
                return f"{name}() is declared {declared} (LANGUAGE {language})"
        return None


class _Relations(Visitor):
    """The relations, CTE names and functions a statement or expression holds."""

    def __init__(self) -> None:
        self.relations: list[ast.RangeVar] = []
        self.ctes: set[str] = set()
        self.functions: list[str] = []

    def visit_RangeVar(self, ancestors, node: ast.RangeVar) -> None:
        self.relations.append(node)

    def visit_CommonTableExpr(self, ancestors, node: ast.CommonTableExpr) -> None:
        self.ctes.add(node.ctename)

    def visit_FuncCall(self, ancestors, node: ast.FuncCall) -> None:
        self.functions.append(node.funcname[-1].sval)


def _parsed(text: str | None) -> list[ast.Node]:
    if not text:
        return []
    try:
        return [raw.stmt for raw in parse_sql(text)]
    except ParseError:
        return []
