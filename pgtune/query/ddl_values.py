"""Constants of a statement as the row readers compare them: a literal's text, how many rows an INSERT's
SELECT yields, whether a value passes a domain's CHECK or a partition's bound, and the columns an expression
reads. Pure functions over parse-tree nodes."""

from __future__ import annotations

import re

from pglast import ast, enums

from .ddl_ranges import admits, bound_range, comparisons, holds, in_bound, value_of

_PLAIN_REGEX = re.compile(r"^[\w\[\]{}^$+*?.,|()\- ]*$")
"""A POSIX regular expression that means the same to Python's ``re`` (no escapes, classes or flags)."""
UNKNOWN = object()
"""A value that is not a constant."""
DEFAULT = object()
"""``DEFAULT`` in a VALUES list."""


def cell(node: ast.Node) -> object:
    if isinstance(node, ast.SetToDefault):
        return DEFAULT
    if isinstance(node, ast.A_Const) and node.isnull:
        return None
    text = literal(node)
    return UNKNOWN if text is None else text


def literal(node: ast.Node | None) -> str | None:
    """A constant's text (``'x'``, ``42``, ``'x'::t``, ``DATE '…'``), or None."""
    if isinstance(node, ast.TypeCast):
        node = node.arg
    if not isinstance(node, ast.A_Const) or node.isnull:
        return None
    raw = node.val
    for attribute in ("sval", "ival", "fval"):
        if hasattr(raw, attribute):
            return str(getattr(raw, attribute))
    if hasattr(raw, "boolval"):
        return "true" if raw.boolval else "false"
    return None


def same_value(stored: str | None, text: str) -> bool:
    if stored is None:
        return False
    a, b = value_of(stored), value_of(text)
    return a == b if a is not None and b is not None else stored == text


def bound_accepts(bound: ast.PartitionBoundSpec, text: str) -> bool | None:
    if bound.strategy == "l":
        values = [literal(d) for d in bound.listdatums or ()]
        if any(v is None for v in values):
            return None
        return any(same_value(v, text) for v in values)
    value = value_of(text)
    return in_bound(bound, value) if value is not None else None


def bound_conflict(bound: ast.PartitionBoundSpec, others: list[tuple[str, ast.PartitionBoundSpec]]) -> str | None:
    """Why a new partition's bound is refused (partbounds.c ``check_new_partition_bound``, 42P17): an empty
    range, or values one of ``others`` (the parent's partitions, as (name, bound)) already takes; None when the
    bounds do not say (an expression, a multi-column range, constants of different kinds)."""
    span = bound_range(bound)
    if span is not None and holds(">=", span[0], span[1]):
        return "empty range bound specified for the partition: its lower bound is not below its upper bound"
    items = _list_items(bound)
    for name, other in others:
        if other.strategy != bound.strategy:
            continue
        if span is not None and (known := bound_range(other)) is not None:
            overlaps = holds("<", span[0], known[1]) and holds("<", known[0], span[1])
        elif items is not None and (theirs := _list_items(other)) is not None:
            overlaps = (None in items and None in theirs) or any(
                same_value(a, b) for a in items for b in theirs if a is not None and b is not None
            )
        elif bound.strategy == "h":
            small, large = sorted([(bound.modulus, bound.remainder), (other.modulus, other.remainder)])
            if large[0] % small[0]:
                return f"every hash partition modulus must be a factor of the next larger one ({name}: {other.modulus})"
            overlaps = large[1] % small[0] == small[1]
        else:
            overlaps = False
        if overlaps:
            return f'the partition would overlap partition "{name}"'
    return None


def _list_items(bound: ast.PartitionBoundSpec) -> list[str | None] | None:
    """A LIST bound's values as text (None for NULL), or None when one is not a constant."""
    if bound.strategy != "l":
        return None
    items: list[str | None] = []
    for datum in bound.listdatums or ():
        text = None if isinstance(datum, ast.A_Const) and datum.isnull else literal(datum)
        if text is None and not (isinstance(datum, ast.A_Const) and datum.isnull):
            return None
        items.append(text)
    return items


def domain_check(check: ast.Node, text: str) -> bool | None:
    """Whether ``text`` passes a domain's CHECK: ``VALUE ~ 'regex'`` (plain patterns only) or comparisons of
    VALUE with constants; None when the CHECK is anything else."""
    if isinstance(check, ast.A_Expr) and check.kind == enums.A_Expr_Kind.AEXPR_OP:
        operator = check.name[-1].sval
        pattern = literal(check.rexpr)
        if operator in ("~", "!~") and column_refs(check.lexpr) == {"value"} and pattern is not None:
            if not _PLAIN_REGEX.match(pattern):
                return None
            return bool(re.search(pattern, text)) is (operator == "~")
    tests = comparisons(check)
    value = value_of(text)
    if not tests or value is None or any(t.column != "value" for t in tests):
        return None
    return admits(tests, "value", value)


FOLDING = frozenset(
    {"lower", "upper", "initcap", "btrim", "trim", "ltrim", "rtrim", "unaccent", "date_trunc", "date", "left"}
    | {"substr", "substring", "round", "trunc", "floor", "ceil", "ceiling", "abs", "md5", "split_part"}
)
"""Functions that give one result for many inputs (case, whitespace, precision, a prefix)."""
FOLDING_CASTS = frozenset({"date", "int2", "int4", "int8", "smallint", "integer", "bigint", "citext"})


def folding(expr: ast.Node) -> str | None:
    if isinstance(expr, ast.FuncCall) and expr.funcname[-1].sval.lower() in FOLDING:
        return f"{expr.funcname[-1].sval.lower()}(...)"
    if isinstance(expr, ast.TypeCast) and expr.typeName.names[-1].sval.lower() in FOLDING_CASTS:
        return f"a cast to {expr.typeName.names[-1].sval.lower()}"
    return None


def nextval(expr: ast.Node | None) -> str | None:
    if not isinstance(expr, ast.FuncCall) or expr.funcname[-1].sval != "nextval" or not expr.args:
        return None
    name = literal(expr.args[0])
    if not name:
        return None
    return name.lower() if "." in name else f"public.{name.lower()}"


def equalities(where: ast.Node | None) -> dict[str, str] | None:
    """An AND of ``column = 'constant'`` tests as column → constant; None for any other WHERE."""
    if isinstance(where, ast.BoolExpr) and where.boolop == enums.BoolExprType.AND_EXPR:
        parts = [equalities(arg) for arg in where.args]
        return None if any(p is None for p in parts) else {k: v for p in parts for k, v in p.items()}
    if not (isinstance(where, ast.A_Expr) and where.kind == enums.A_Expr_Kind.AEXPR_OP and where.name[-1].sval == "="):
        return None
    column, value = (where.lexpr, where.rexpr) if isinstance(where.lexpr, ast.ColumnRef) else (where.rexpr, where.lexpr)
    text = literal(value)
    if not isinstance(column, ast.ColumnRef) or not isinstance(column.fields[-1], ast.String) or text is None:
        return None
    return {column.fields[-1].sval: text}


def column_refs(expr: ast.Node | None) -> set[str]:
    return {path[-1] for path in reference_paths(expr) if path[-1] != "*"}


def reference_paths(expr: object, subqueries: bool = True) -> list[tuple[str, ...]]:
    """Each column reference's names (``new.amount`` → ``("new", "amount")``, ``NEW.*`` → ``("new", "*")``);
    without ``subqueries``, none of a subquery's own (they resolve against its tables)."""
    found: list[tuple[str, ...]] = []

    def walk(node: object) -> None:
        if isinstance(node, ast.ColumnRef):
            found.append(tuple(f.sval if isinstance(f, ast.String) else "*" for f in node.fields))
        elif isinstance(node, ast.SubLink) and not subqueries:
            walk(node.testexpr)
        elif isinstance(node, ast.Node):
            for name in node:
                walk(getattr(node, name))
        elif isinstance(node, tuple | list):
            for item in node:
                walk(item)

    walk(expr)
    return found


def row_count(select: ast.Node | None) -> int | None:
    """How many rows a VALUES list or ``SELECT … FROM generate_series(a, b[, step])`` (no WHERE, GROUP BY,
    LIMIT) yields; None when it is anything else."""
    if not isinstance(select, ast.SelectStmt) or select.op != enums.SetOperation.SETOP_NONE:
        return None
    if select.valuesLists:
        return len(select.valuesLists)
    if select.whereClause or select.groupClause or select.limitCount or select.distinctClause:
        return None
    if not select.fromClause:
        return 1 if select.targetList else None
    total = 1
    for item in select.fromClause:
        values = series_values(item)
        if values is None:
            return None
        total *= len(values)
    return total


def series_values(item: ast.Node) -> range | None:
    """The values of ``generate_series(a, b[, step])`` with constant bounds as a FROM item, or None."""
    if not isinstance(item, ast.RangeFunction) or len(item.functions) != 1:
        return None
    call = item.functions[0][0]
    if not isinstance(call, ast.FuncCall) or call.funcname[-1].sval != "generate_series":
        return None
    numbers = [literal(a) for a in call.args or ()]
    if len(numbers) not in (2, 3) or not all(n and n.lstrip("-").isdigit() for n in numbers):
        return None
    start, stop, step = int(numbers[0]), int(numbers[1]), int(numbers[2]) if len(numbers) == 3 else 1
    if step == 0:
        return None
    return range(start, stop + (1 if step > 0 else -1), step)
