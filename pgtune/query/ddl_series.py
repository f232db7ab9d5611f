"""The rows ``INSERT ... SELECT <expressions> FROM generate_series(a, b) g`` writes, computed as PostgreSQL
would: how schema files (and tests, and seed migrations) fill tables with rows, outliers included
(``CASE WHEN g % 211 = 0 THEN -0.5 ELSE 0.01 END``).

Each target expression is compiled once into a function of ``g``. What is computed: integer and numeric
constants and arithmetic (``/`` truncates between integers, ``%`` takes the dividend's sign, as int4 does),
``||``, comparisons, AND/OR/NOT, IN, IS [NOT] NULL, CASE, ``(ARRAY[...])[i]``, casts to integers,
numeric and text, and a few text functions (md5 of a text included). A value of a type not modelled (a
timestamp, ``now()``) is ``OPAQUE``: not NULL, but not known; anything else the reader cannot follow is
``UNSURE``. Claims are made only from computed values."""

from __future__ import annotations

import hashlib
import itertools
import math
import operator
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pglast import ast, enums

from .ddl_values import literal, series_values


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


OPAQUE = _Marker("OPAQUE")
"""Not NULL, value not computed."""
UNSURE = _Marker("UNSURE")
"""Could be anything, NULL included."""
Value = object
Compiled = Callable[[int], Value]
Resolver = Callable[[tuple[str, ...]], Compiled]
MAX_ROWS = 200_000
"""Series longer than this are not computed (the cost would be the reader's, not the server's)."""

_INTEGERS = {"int2", "int4", "int8", "smallint", "integer", "int", "bigint"}
_NUMERICS = {"numeric", "decimal", "float4", "float8", "real"}
_TEXTS = {"text", "varchar", "bpchar", "char", "character varying", "name", "citext"}
_OPAQUE_TYPES = {"date", "timestamp", "timestamptz", "interval", "time", "timetz", "json", "jsonb", "uuid"}
_OPAQUE_TYPES |= {"bytea", "inet", "cidr", "macaddr", "tsvector", "bool", "boolean"}
_OPAQUE_FUNCTIONS = {"now", "random", "gen_random_uuid", "clock_timestamp", "sha256", "encode"}
_OPAQUE_FUNCTIONS |= {"to_char", "make_date", "date_trunc", "repeat", "current_date", "statement_timestamp"}


def series(select: ast.Node | None) -> tuple[list[tuple], Resolver] | None:
    """``SELECT ... FROM generate_series(a, b[, step]) [AS] g`` with constant bounds, or a cross product of
    such series and ``unnest`` of constant arrays, and ``LATERAL (SELECT <expressions> AS <names>) s``
    subqueries of one row each (no WHERE, GROUP BY, DISTINCT, LIMIT): its rows (a value per source), and what
    a column reference to a source (or to a subquery's name) reads."""
    if not isinstance(select, ast.SelectStmt) or select.op != enums.SetOperation.SETOP_NONE:
        return None
    if select.whereClause or select.groupClause or select.limitCount or select.distinctClause or select.valuesLists:
        return None
    sources: list[tuple[list, set[str]]] = []
    subqueries = []
    for item in select.fromClause or ():
        if isinstance(item, ast.RangeSubselect):
            subqueries.append(item)
            continue
        values = _source_values(item)
        if values is None:
            return None
        call = item.functions[0][0].funcname[-1].sval
        names = {item.alias.aliasname, *(c.sval for c in item.alias.colnames or ())} if item.alias else {call}
        sources.append((values, names))
    if not sources or math.prod(len(v) for v, _ in sources) > MAX_ROWS:
        return None
    lateral: dict[tuple[str, ...], Compiled] = {}

    def resolve(path: tuple[str, ...]) -> Compiled:
        for at, (_, names) in enumerate(sources):
            if path[-1] in names and len(path) <= 2 and all(p in names for p in path):
                return operator.itemgetter(at)
        return lateral.get(path, lambda row: UNSURE)

    for item in subqueries:
        query = item.subquery if item.alias else None
        if not (isinstance(query, ast.SelectStmt) and query.targetList) or query.fromClause or query.whereClause:
            return None
        for target in query.targetList:
            plain = isinstance(target.val, ast.ColumnRef) and isinstance(target.val.fields[-1], ast.String)
            name = target.name or (target.val.fields[-1].sval if plain else None)
            if name:
                compiled = compile_expr(target.val, resolve)
                lateral[(name,)] = lateral[(item.alias.aliasname, name)] = compiled
    return list(itertools.product(*(v for v, _ in sources))), resolve


def _source_values(item: ast.Node) -> list | None:
    """The values of a FROM item that is ``generate_series`` of constants or ``unnest`` of a constant array
    (``'{BTC,ETH}'::text[]`` or ``ARRAY['BTC', 'ETH']``)."""
    numbers = series_values(item)
    if numbers is not None:
        return list(numbers) if len(numbers) <= MAX_ROWS else None
    call = item.functions[0][0] if isinstance(item, ast.RangeFunction) and len(item.functions) == 1 else None
    if not isinstance(call, ast.FuncCall) or call.funcname[-1].sval != "unnest" or len(call.args or ()) != 1:
        return None
    array = call.args[0]
    if isinstance(array, ast.A_ArrayExpr):
        values = [compile_expr(e, lambda path: lambda row: UNSURE)(()) for e in array.elements or ()]
    elif isinstance(array, ast.TypeCast) and array.typeName.arrayBounds and (text := literal(array.arg)):
        inner = text.strip()
        if not (inner.startswith("{") and inner.endswith("}")) or any(c in inner[1:-1] for c in '"\\{}'):
            return None
        element = _cast(operator.itemgetter(0), ast.TypeName(names=array.typeName.names))
        values = [element((v.strip(),)) for v in inner[1:-1].split(",")] if inner[1:-1].strip() else []
    else:
        return None
    return None if any(v is UNSURE for v in values) else values


def row_resolver(column: Callable[[str], list[Value] | None]) -> Resolver:
    """Column references read the ``i``-th value of the named column (``column`` gives a column's values,
    None when they are not known): for expressions over rows already computed, such as an UPDATE's."""

    def resolve(path: tuple[str, ...]) -> Compiled:
        values = column(path[-1]) if path[-1] != "*" else None
        return (lambda i: UNSURE) if values is None else values.__getitem__

    return resolve


def compile_expr(node: ast.Node | None, resolve: Resolver) -> Compiled:
    """A function of a row (a value per FROM source) giving the expression's value (None: NULL)."""
    if isinstance(node, ast.A_Const):
        value = None if node.isnull else _constant(node.val)
        return lambda g: value
    if isinstance(node, ast.ColumnRef):
        return resolve(tuple(f.sval if isinstance(f, ast.String) else "*" for f in node.fields))
    if isinstance(node, ast.TypeCast):
        return _cast(compile_expr(node.arg, resolve), node.typeName)
    if isinstance(node, ast.A_Expr):
        return _expression(node, resolve)
    if isinstance(node, ast.BoolExpr):
        return _boolean(node.boolop, [compile_expr(a, resolve) for a in node.args])
    if isinstance(node, ast.NullTest):
        arg, negated = compile_expr(node.arg, resolve), node.nulltesttype == enums.NullTestType.IS_NOT_NULL
        return lambda g: _is_null(arg(g), negated)
    if isinstance(node, ast.CaseExpr):
        return _case(node, resolve)
    if isinstance(node, ast.A_Indirection):
        return _subscript(node, resolve)
    if isinstance(node, ast.FuncCall):
        return _function(node, resolve)
    if isinstance(node, ast.A_ArrayExpr):
        return lambda g: OPAQUE
    return lambda g: UNSURE


def text_of(value: Value) -> str | None:
    """A computed value as PostgreSQL prints it (None: NULL); OPAQUE and UNSURE have no text."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return None


def _constant(raw: ast.Node) -> Value:
    if isinstance(raw, ast.Integer):
        return raw.ival
    if isinstance(raw, ast.Float):
        return Decimal(raw.fval)
    if isinstance(raw, ast.Boolean):
        return raw.boolval
    return getattr(raw, "sval", UNSURE)


def _unknown(*values: Value) -> Value | None:
    """NULL if any input is NULL (strict operators), else UNSURE or OPAQUE if any is, else None (computable)."""
    if any(v is None for v in values):
        return None
    if any(v is UNSURE for v in values):
        return UNSURE
    if any(v is OPAQUE for v in values):
        return OPAQUE
    return False


def _arithmetic(op: str, a: Value, b: Value) -> Value:
    hold = _unknown(a, b)
    if hold is not False:
        return hold
    if op == "||":
        left, right = text_of(a), text_of(b)
        return UNSURE if left is None or right is None else left + right
    numbers = (int, Decimal)
    if not (isinstance(a, numbers) and isinstance(b, numbers)) or isinstance(a, bool) or isinstance(b, bool):
        return _compare(op, a, b)
    try:
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            return int(a / b) if isinstance(a, int) and isinstance(b, int) else Decimal(a) / Decimal(b)
        if op == "%":
            return int(a - b * int(a / b)) if isinstance(a, int) and isinstance(b, int) else Decimal(a) % Decimal(b)
    except (ZeroDivisionError, InvalidOperation):
        return UNSURE
    return _compare(op, a, b)


_COMPARISONS = {"=": lambda c: c == 0, "<>": lambda c: c != 0, "!=": lambda c: c != 0, "<": lambda c: c < 0}
_COMPARISONS |= {">": lambda c: c > 0, "<=": lambda c: c <= 0, ">=": lambda c: c >= 0}


def _compare(op: str, a: Value, b: Value) -> Value:
    hold = _unknown(a, b)
    if hold is not False:
        return None if hold is None else UNSURE
    if op not in _COMPARISONS or isinstance(a, str) != isinstance(b, str):
        return UNSURE
    return _COMPARISONS[op]((a > b) - (a < b))


def _expression(node: ast.A_Expr, resolve: Resolver) -> Compiled:
    op = node.name[-1].sval if node.name else ""
    right = compile_expr(node.rexpr, resolve) if isinstance(node.rexpr, ast.Node) else None
    if node.kind == enums.A_Expr_Kind.AEXPR_OP and node.lexpr is None and right is not None and op == "-":
        return lambda g: _arithmetic("-", 0, right(g))
    left = compile_expr(node.lexpr, resolve)
    if node.kind == enums.A_Expr_Kind.AEXPR_OP and right is not None:
        return lambda g: _arithmetic(op, left(g), right(g))
    if node.kind == enums.A_Expr_Kind.AEXPR_IN and isinstance(node.rexpr, tuple | list):
        items = [compile_expr(i, resolve) for i in node.rexpr]
        boolop = enums.BoolExprType.OR_EXPR if op == "=" else enums.BoolExprType.AND_EXPR
        tests = [(lambda item: lambda g: _compare(op, left(g), item(g)))(i) for i in items]
        return _boolean(boolop, tests)
    return lambda g: UNSURE


def _boolean(boolop: enums.BoolExprType, args: list[Compiled]) -> Compiled:
    def run(g: int) -> Value:
        values = [a(g) for a in args]
        if boolop == enums.BoolExprType.NOT_EXPR:
            return (not values[0]) if isinstance(values[0], bool) else values[0]
        decisive = boolop == enums.BoolExprType.OR_EXPR
        if any(v is decisive for v in values):
            return decisive
        if any(v is UNSURE or v is OPAQUE for v in values):
            return UNSURE
        return None if any(v is None for v in values) else not decisive

    return run


def _is_null(value: Value, negated: bool) -> Value:
    if value is UNSURE:
        return UNSURE
    return (value is not None) if negated else (value is None)


def _case(node: ast.CaseExpr, resolve: Resolver) -> Compiled:
    subject = compile_expr(node.arg, resolve) if node.arg is not None else None
    whens = [(compile_expr(w.expr, resolve), compile_expr(w.result, resolve)) for w in node.args]
    otherwise = compile_expr(node.defresult, resolve) if node.defresult is not None else (lambda g: None)

    def run(g: int) -> Value:
        for test, result in whens:
            matched = _compare("=", subject(g), test(g)) if subject is not None else test(g)
            if matched is True:
                return result(g)
            if matched is UNSURE or matched is OPAQUE:
                return UNSURE
        return otherwise(g)

    return run


def _subscript(node: ast.A_Indirection, resolve: Resolver) -> Compiled:
    array = node.arg.arg if isinstance(node.arg, ast.TypeCast) else node.arg
    index = node.indirection[0] if len(node.indirection) == 1 else None
    if not isinstance(array, ast.A_ArrayExpr) or not isinstance(index, ast.A_Indices) or index.is_slice:
        return lambda g: UNSURE
    cast = node.arg.typeName if isinstance(node.arg, ast.TypeCast) else None
    elements = [compile_expr(e, resolve) for e in array.elements or ()]
    if cast is not None:
        element_type = ast.TypeName(names=cast.names, typmods=cast.typmods)
        elements = [_cast(e, element_type) for e in elements]
    position = compile_expr(index.uidx, resolve)

    def run(g: int) -> Value:
        at = position(g)
        if not isinstance(at, int) or isinstance(at, bool):
            return None if at is None else UNSURE
        return elements[at - 1](g) if 1 <= at <= len(elements) else None

    return run


def _cast(arg: Compiled, type_name: ast.TypeName) -> Compiled:
    name = type_name.names[-1].sval if type_name.names else ""
    if type_name.arrayBounds:
        return lambda g: OPAQUE if arg(g) is not None else None
    if name in _INTEGERS:
        return lambda g: _to_integer(arg(g))
    if name in _NUMERICS:
        return lambda g: _to_numeric(arg(g))
    if name in _TEXTS:
        return lambda g: (v if (v := arg(g)) is None or v is UNSURE or v is OPAQUE else text_of(v))
    if name in _OPAQUE_TYPES:
        return lambda g: (v if (v := arg(g)) is None or v is UNSURE else OPAQUE)
    return arg  # an enum or a domain: the label's text is its value for comparisons and keys


def typed(type_name: str, text: str) -> Value:
    """A constant's text as the value a column of ``type_name`` holds: a number for a numeric type."""
    if type_name in _INTEGERS:
        return _to_integer(text)
    return _to_numeric(text) if type_name in _NUMERICS else text


def _to_integer(value: Value) -> Value:
    if isinstance(value, Decimal):
        return int(value.to_integral_value(ROUND_HALF_UP))
    if isinstance(value, str):
        return int(value) if value.strip().lstrip("-").isdigit() else UNSURE
    return value


def _to_numeric(value: Value) -> Value:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            return UNSURE
    return value


def _function(node: ast.FuncCall, resolve: Resolver) -> Compiled:
    name = node.funcname[-1].sval
    args = [compile_expr(a, resolve) for a in node.args or ()]
    if name == "coalesce":
        return lambda g: next((v for v in (a(g) for a in args) if v is not None), None)
    if name in ("lpad", "rpad") and len(args) in (2, 3):
        return lambda g: _pad(name, *(a(g) for a in args))
    if name in ("upper", "lower") and len(args) == 1:
        return lambda g: (v if not isinstance(v := args[0](g), str) else v.upper() if name == "upper" else v.lower())
    if name in ("abs", "mod") and len(args) in (1, 2):
        return lambda g: _arithmetic("%", *(a(g) for a in args)) if name == "mod" else _absolute(args[0](g))
    if name == "md5" and len(args) == 1:
        return lambda g: (v if not isinstance(v := args[0](g), str) else hashlib.md5(v.encode()).hexdigest())
    if name in _OPAQUE_FUNCTIONS:
        return lambda g: None if any(a(g) is None for a in args) else OPAQUE
    return lambda g: UNSURE


def _pad(name: str, text: Value, length: Value, fill: Value = " ") -> Value:
    hold = _unknown(text, length, fill)
    if hold is not False:
        return hold
    if not isinstance(text, str) or not isinstance(length, int) or not isinstance(fill, str) or not fill:
        return UNSURE
    if len(text) >= length:
        return text[:length]
    padding = (fill * length)[: length - len(text)]
    return padding + text if name == "lpad" else text + padding


def _absolute(value: Value) -> Value:
    return abs(value) if isinstance(value, int | Decimal) and not isinstance(value, bool) else value


class Batch:
    """The rows one INSERT ... SELECT over generate_series wrote: each given column's function, computed the
    first time a rule asks for that column."""

    def __init__(self, rows: list[tuple], columns: dict[str, Compiled], drawn: dict[str, tuple[int, int]]) -> None:
        self._values = rows
        self._columns = columns
        self._computed: dict[str, list[Value]] = {
            column: [first + step * i for i in range(len(rows))] for column, (first, step) in drawn.items()
        }
        """Columns a sequence fills ((first value, step)) are known at once; the others when asked."""

    def __len__(self) -> int:
        return len(self._values)

    def column(self, name: str) -> list[Value] | None:
        """The column's value in each row; None when the INSERT left the column to its default."""
        if name not in self._columns and name not in self._computed:
            return None
        if name not in self._computed:
            compiled = self._columns[name]
            self._computed[name] = [compiled(g) for g in self._values]
        return self._computed[name]
