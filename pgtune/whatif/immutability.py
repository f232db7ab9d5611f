"""Whether an expression candidate may be an index at all: every function and cast it calls immutable.

PostgreSQL refuses an index on ``ts::date`` when ``ts`` is a timestamptz (the date depends on TimeZone), and
on ``date_trunc('hour', ts)`` likewise. HypoPG refuses them too, but ``--no-whatif`` and ``--snapshot``
would print DDL that fails: the check is made here, from pg_proc and pg_cast, by argument type. Operators
are not resolved (a limitation: HypoPG still refuses a stable one when it is there).
"""

from __future__ import annotations

from collections import defaultdict

from ..facts import TableFacts, Volatility
from ..query.calls import COLUMN, CONSTANT, Call, Cast, Operand, expression_calls

_POLYMORPHIC = frozenset({"any", "anyelement", "anyarray", "anynonarray", "anycompatible", "anyenum", "anyrange"})


class ImmutabilityCheck:
    """Built once per analysis: the mutable overloads by name and the casts by (source, target)."""

    def __init__(self, facts: Volatility | None) -> None:
        self.known = facts is not None
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
        calls = expression_calls(expression)
        if calls is None:
            return f"{expression} could not be read"
        if calls.not_indexable:
            return f"an index expression cannot hold {calls.not_indexable}"
        if not self.known:
            return None
        types = {c.name: c.type_name for c in table.columns}
        for call in calls.calls:
            if self._mutable_call(call, types):
                return f"{call.name}() is not immutable for these arguments"
        for cast in calls.casts:
            if self._mutable_cast(cast, types):
                source = types.get(cast.operand.name or "", "") if cast.operand.kind == COLUMN else ""
                return f"the cast {source or 'of ' + cast.operand.kind} → {cast.target} is not immutable"
        return None

    def _mutable_call(self, call: Call, types: dict[str, str]) -> bool:
        return any(
            len(arg_types) == len(call.operands)
            and all(_fits(operand, wanted, types) for operand, wanted in zip(call.operands, arg_types, strict=True))
            for arg_types in self._overloads.get(call.name, ())
        )

    def _mutable_cast(self, cast: Cast, types: dict[str, str]) -> bool:
        operand = cast.operand
        if operand.kind == CONSTANT:
            return False  # folded when the index is built
        if operand.kind == COLUMN and types.get(operand.name or ""):
            source = types[operand.name or ""]
            if source == cast.target:
                return False
            volatility = self._casts.get((source, cast.target), self._casts.get((None, cast.target), "i"))
            return volatility != "i"
        return cast.target in self._mutable_targets


def _fits(operand: Operand, wanted: str, types: dict[str, str]) -> bool:
    """Could this overload's parameter take this operand? Unknown operands fit anything (conservative)."""
    if operand.kind == COLUMN and types.get(operand.name or ""):
        return wanted in _POLYMORPHIC or types[operand.name or ""] == wanted
    if operand.kind == CONSTANT and operand.name:
        return wanted in _POLYMORPHIC or operand.name == wanted
    return True
