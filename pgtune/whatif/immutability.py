"""Whether an expression candidate may be an index at all: every function and cast it calls immutable.

PostgreSQL refuses an index on ``ts::date`` when ``ts`` is a timestamptz (the date depends on TimeZone), and
on ``date_trunc('hour', ts)`` likewise. HypoPG refuses them too, but ``--no-whatif`` and ``--snapshot``
would print DDL that fails: the check is made here, from pg_proc and pg_cast, by argument type. Operators
are not resolved (a limitation: HypoPG still refuses a stable one when it is there).

The migration gate asks the same question of a migration's CREATE INDEX (PostgreSQL refuses it, 42P17): from
the catalog with ``--dsn``/``--snapshot``, else from ``PG15_BUILTINS``, and ``certain``: a call counts only
when its operands' types are known to fit a mutable overload (a failure is claimed, not a candidate dropped).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..facts import CastFacts, MutableFunction, TableFacts, Volatility
from ..query.calls import COLUMN, CONSTANT, Call, Cast, Operand, expression_calls

_POLYMORPHIC = frozenset({"any", "anyelement", "anyarray", "anynonarray", "anycompatible", "anyenum", "anyrange"})


_BUILTIN_FUNCTIONS = {
    "age": ("timestamp", "timestamptz"),
    "array_to_string": ("anyarray text", "anyarray text text"),
    "clock_timestamp": ("",),
    "concat_ws": ("text any",),
    "current_database": ("",),
    "current_schema": ("",),
    "current_setting": ("text", "text bool"),
    "currval": ("regclass",),
    "date": ("timestamptz",),
    "date_part": ("text timestamptz",),
    "date_trunc": ("text timestamptz", "text timestamptz text"),
    "extract": ("text timestamptz",),
    "format": ("text",),
    "gen_random_uuid": ("",),
    "json_build_object": ("",),
    "jsonb_build_object": ("",),
    "lastval": ("",),
    "make_timestamptz": ("int4 int4 int4 int4 int4 float8", "int4 int4 int4 int4 int4 float8 text"),
    "nextval": ("regclass",),
    "now": ("",),
    "pg_backend_pid": ("",),
    "quote_literal": ("anyelement",),
    "quote_nullable": ("anyelement",),
    "random": ("",),
    "statement_timestamp": ("",),
    "timeofday": ("",),
    "timezone": ("text timetz",),
    "to_char": tuple(f"{t} text" for t in ("float4", "float8", "int4", "int8", "interval", "numeric", "timestamp")),
    "to_date": ("text text",),
    "to_json": ("anyelement",),
    "to_jsonb": ("anyelement",),
    "to_number": ("text text",),
    "to_timestamp": ("text text",),
    "to_tsvector": ("json", "jsonb", "text"),
    "transaction_timestamp": ("",),
    "txid_current": ("",),
    "version": ("",),
}
_BUILTIN_FUNCTIONS["to_char"] += ("timestamptz text",)
_BUILTIN_CASTS = ("date timestamptz", "time timetz", "timestamp timestamptz", "text regclass", "varchar regclass")
_BUILTIN_CASTS += tuple(f"timestamptz {t}" for t in ("date", "time", "timestamp", "timetz"))
_BUILTIN_INPUTS = ("date", "interval", "regclass", "time", "timestamp", "timestamptz", "timetz")
# The immutable casts into those types: the input function's volatility counts only for an I/O coercion.
_IMMUTABLE_CASTS = ("timestamp date", "interval interval", "time interval", "int2 regclass", "int4 regclass")
_IMMUTABLE_CASTS += ("int8 regclass", "oid regclass", "interval time", "time time", "timestamp time", "timetz time")
_IMMUTABLE_CASTS += ("date timestamp", "timestamp timestamp", "timestamptz timestamptz", "timetz timetz")
PG15_BUILTINS = Volatility(
    mutable_functions=tuple(
        MutableFunction(name, tuple(args.split()), "s")
        for name, overloads in _BUILTIN_FUNCTIONS.items()
        for args in overloads
    ),
    casts=tuple(CastFacts(*pair.split(), "s") for pair in _BUILTIN_CASTS)
    + tuple(CastFacts(*pair.split(), "i") for pair in _IMMUTABLE_CASTS)
    + tuple(CastFacts(None, target, "s") for target in _BUILTIN_INPUTS),
)
"""PostgreSQL 15's pg_proc and pg_cast rows (``sql/mutable_functions.sql``, ``sql/casts.sql``) for the functions
and casts an index expression is likely to hold that are not immutable; a name left out is never claimed
(``s``: the gate needs only "not immutable", whether stable or volatile)."""


class ImmutabilityCheck:
    """Built once per analysis: the mutable overloads by name and the casts by (source, target)."""

    def __init__(self, facts: Volatility | None, certain: bool = False) -> None:
        self.known = facts is not None
        self.certain = certain
        self._overloads: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        self._casts: dict[tuple[str | None, str], str] = {}
        self._mutable_targets: set[str] = set()
        for function in facts.mutable_functions if facts else ():
            self._overloads[function.name].append(function.arg_types)
        for cast in facts.casts if facts else ():
            self._casts[cast.source, cast.target] = cast.volatility
            if cast.volatility != "i":
                self._mutable_targets.add(cast.target)

    def why_not(self, expression: str, table: TableFacts) -> str | None:
        """None when the expression is immutable (or, without the catalog's facts, cannot be judged here)."""
        return self.why_not_typed(expression, {c.name: c.type_name for c in table.columns})

    def why_not_typed(self, expression: str, types: Mapping[str, str]) -> str | None:
        """``why_not`` for a table whose column types are ``types`` (column → pg_type's name)."""
        calls = expression_calls(expression)
        if calls is None:
            return f"{expression} could not be read"
        if calls.not_indexable:
            return f"an index expression cannot hold {calls.not_indexable}"
        if not self.known:
            return None
        for call in calls.calls:
            if self._mutable_call(call, types):
                return f"{call.name}() is not immutable for these arguments"
        for cast in calls.casts:
            if self._mutable_cast(cast, types):
                source = types.get(cast.operand.name or "", "") if cast.operand.kind == COLUMN else ""
                return f"the cast {source or 'of ' + cast.operand.kind} → {cast.target} is not immutable"
        return None

    def _mutable_call(self, call: Call, types: Mapping[str, str]) -> bool:
        return any(
            len(arg_types) == len(call.operands)
            and all(
                _fits(operand, wanted, types, self.certain)
                for operand, wanted in zip(call.operands, arg_types, strict=True)
            )
            for arg_types in self._overloads.get(call.name, ())
        )

    def _mutable_cast(self, cast: Cast, types: Mapping[str, str]) -> bool:
        operand = cast.operand
        if operand.kind == CONSTANT:
            return False  # folded when the index is built
        if operand.kind == COLUMN and types.get(operand.name or ""):
            source = types[operand.name or ""]
            if source == cast.target:
                return False
            volatility = self._casts.get((source, cast.target), self._casts.get((None, cast.target), "i"))
            return volatility != "i"
        return not self.certain and cast.target in self._mutable_targets


def _fits(operand: Operand, wanted: str, types: Mapping[str, str], certain: bool) -> bool:
    """Could this overload's parameter take this operand? An operand of unknown type fits anything, unless
    ``certain``; an untyped constant fits any parameter (PostgreSQL coerces it)."""
    if operand.kind == COLUMN and types.get(operand.name or ""):
        return wanted in _POLYMORPHIC or types[operand.name or ""] == wanted
    if operand.kind == CONSTANT and operand.name:
        return wanted in _POLYMORPHIC or operand.name == wanted
    return operand.kind == CONSTANT or not certain
