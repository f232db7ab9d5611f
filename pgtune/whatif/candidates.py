"""Candidate indexes from the workload's shapes: what a DBA would try before asking the planner.

Per statement and table: equality columns first (most distinct first), then one range or the ORDER BY
keys with their direction (a top-N read walks the index in its order and stops at the LIMIT); the inner
side's join keys, alone, after the equality filters, and before the range; one index per branch of an OR,
proposed together as a bundle (a BitmapOr needs every branch indexed, so one branch alone saves nothing); a
covering variant with INCLUDE; a partial variant where a selective constant is known; expression keys as
the planner matches them; BRIN for range scans on large, physically ordered tables. Candidates an existing
index already serves are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..facts import ColumnStats, IndexFacts, Snapshot, TableFacts
from ..query.model import Predicate, PredicateOp, SortKey, TableAccess
from ..query.sqltext import parameter_count, quote_ident
from .immutability import ImmutabilityCheck
from .spec import IndexKey, IndexSpec, canonical_expression
from .workload import WorkloadStatement

DEFAULT_DISTINCT = 200.0
"""What the planner assumes for a column without statistics."""


@dataclass(frozen=True)
class CandidateSettings:
    max_include_columns: int = 4
    partial_max_distinct: float = 50.0
    """Only low-cardinality columns (status, side, kind) make good partial-index predicates."""
    partial_max_frequency: float = 0.25
    """The constant must pick at most this share of rows to be worth a partial index."""
    brin_min_pages: int = 10_000
    brin_min_correlation: float = 0.9


@dataclass(frozen=True)
class Lost:
    """An index a statement would have had, not made, and why (a parameter's constant unknown, an
    expression that is not immutable, a column no base table has)."""

    statement: str
    what: str
    why: str


@dataclass(frozen=True)
class Candidate:
    spec: IndexSpec
    statements: frozenset[str]
    reasons: tuple[str, ...]
    row_share: float = 1.0
    """The share of the table's rows the index holds: below 1 for a partial index."""
    bundles: tuple[tuple[IndexSpec, ...], ...] = ()
    """The OR branches' index sets this one belongs to: selection may add each set in one step."""


def distinct_values(stats: ColumnStats | None, table: TableFacts | None) -> float:
    if stats is None or stats.n_distinct == 0:
        return DEFAULT_DISTINCT
    if stats.n_distinct > 0:
        return stats.n_distinct
    return max(1.0, -stats.n_distinct * max(table.reltuples if table else 0.0, 1.0))


def generate(
    workload: Iterable[WorkloadStatement],
    snapshot: Snapshot,
    settings: CandidateSettings | None = None,
    lost: list[Lost] | None = None,
) -> tuple[Candidate, ...]:
    """The candidates; what could not be made, and why, is appended to ``lost``."""
    settings = settings or CandidateSettings()
    lost = [] if lost is None else lost
    immutable = ImmutabilityCheck(snapshot.volatility)
    found: dict[IndexSpec, tuple[set[str], list[str]]] = {}
    shares: dict[IndexSpec, float] = {}
    bundles: dict[IndexSpec, set[tuple[IndexSpec, ...]]] = {}
    for statement in workload:
        if not statement.shape.index_helpful:
            continue
        text = statement.display_text or statement.text
        for access in statement.shape.tables:
            table = snapshot.table(access.table.schema or "public", access.table.name)
            if table is None or table.kind not in ("r", "p"):
                continue
            for parameterized in access.predicates:
                if parameterized.expression and parameter_count(parameterized.expression):
                    _lose(lost, Lost(text, parameterized.expression, _PARAMETER_UNKNOWN))
            for spec, reason, share, bundle in _for_access(access, statement, table, snapshot, settings):
                why = _unusable(spec, table, immutable)
                if why is not None:
                    _lose(lost, Lost(text, f"CREATE INDEX {spec.sql_body()}", why))
                    continue
                shares[spec] = share
                if bundle:
                    bundles.setdefault(spec, set()).add(bundle)
                keys, reasons = found.setdefault(spec, (set(), []))
                keys.add(statement.key)
                if reason not in reasons:
                    reasons.append(reason)
    existing = existing_specs(snapshot)

    def served(spec: IndexSpec) -> bool:
        return any(have.serves(spec) for have in existing)

    def still_needed(bundle: tuple[IndexSpec, ...]) -> tuple[IndexSpec, ...]:
        # A branch an existing index serves is indexed already: the bundle needs only the others.
        return tuple(spec for spec in bundle if not served(spec))

    return tuple(
        Candidate(
            spec,
            frozenset(keys),
            tuple(reasons),
            shares[spec],
            tuple(sorted({b for b in map(still_needed, bundles.get(spec, ())) if len(b) > 1}, key=_bundle_key)),
        )
        for spec, (keys, reasons) in sorted(found.items(), key=lambda item: item[0].sort_key)
        if not served(spec)
    )


def _bundle_key(bundle: tuple[IndexSpec, ...]) -> tuple:
    return tuple(spec.sort_key for spec in bundle)


_PARAMETER_UNKNOWN = (
    "a parameter's constant is unknown (pg_stat_statements shows $n; pg_qualstats, literal samples or a "
    "workload file with the literal would tell it), so no index can name it"
)


def _lose(lost: list[Lost], item: Lost) -> None:
    if item not in lost:
        lost.append(item)


def _unusable(spec: IndexSpec, table: TableFacts, immutable: ImmutabilityCheck) -> str | None:
    """Why this index cannot be built on this table, if it cannot."""
    known = {c.name for c in table.columns}
    for key in spec.keys:
        if key.column is not None and known and key.column not in known:
            return f"{key.column} is not a column of {table.schema}.{table.name} (a subquery's or view's output?)"
        if key.expression is not None:
            if parameter_count(key.expression):
                return _PARAMETER_UNKNOWN
            why = immutable.why_not(key.expression, table)
            if why is not None:
                return f"PostgreSQL indexes only immutable expressions without subqueries: {why}"
    missing = [c for c in spec.include if known and c not in known]
    if missing:
        return f"{', '.join(missing)} not a column of {table.schema}.{table.name}"
    if spec.predicate and parameter_count(spec.predicate):
        return _PARAMETER_UNKNOWN
    return None


def existing_specs(snapshot: Snapshot) -> list[IndexSpec]:
    """The table's valid indexes as specs (an index pgtune cannot read the keys of is left out)."""
    return [spec for index in snapshot.indexes if index.is_valid and (spec := _as_spec(index)) is not None]


def _as_spec(index: IndexFacts) -> IndexSpec | None:
    if any(column is None for column in index.columns):
        expressions = iter(index.expressions)
        keys = tuple(
            IndexKey(c) if c else IndexKey(None, canonical_expression(next(expressions, ""))) for c in index.columns
        )
    else:
        keys = tuple(IndexKey(c) for c in index.columns)
    if not keys:
        return None
    return IndexSpec(index.schema, index.table, keys, tuple(index.include_columns), index.predicate, index.method)


def _key(predicate: Predicate) -> IndexKey:
    if predicate.expression:
        return IndexKey(None, canonical_expression(predicate.expression))
    return IndexKey(predicate.column)


def _sort_key(key: SortKey) -> IndexKey:
    if key.expression:
        return IndexKey(None, canonical_expression(key.expression), key.descending, key.nulls_first)
    return IndexKey(key.column, None, key.descending, key.nulls_first)


def _for_access(
    access: TableAccess,
    statement: WorkloadStatement,
    table: TableFacts,
    snapshot: Snapshot,
    settings: CandidateSettings,
) -> Iterator[tuple[IndexSpec, str, float, tuple[IndexSpec, ...]]]:
    schema, name = table.schema, table.name

    def distinct(predicate: Predicate) -> float:
        if predicate.column is None:
            return DEFAULT_DISTINCT
        return distinct_values(snapshot.stats_of(schema, name, predicate.column), table)

    # An expression with a parameter in it ("payload ->> $2") names no index until its constant is known.
    filters = [
        p
        for p in access.predicates
        if not p.in_join and (p.column or (p.expression and not parameter_count(p.expression)))
    ]
    # An OR across columns is served by one index per branch (a BitmapOr), never by one index on them all;
    # an OR of values of one column is an IN list.
    branches = _unique(_key(p) for p in filters if p.in_or and p.op in _BRANCH_OPS)
    if len(branches) > 1:
        filters = [p for p in filters if not p.in_or]
    else:
        branches = ()
    equalities = sorted(
        (p for p in filters if p.op in (PredicateOp.EQ, PredicateOp.IN)),
        key=lambda p: (p.op is PredicateOp.IN, -distinct(p), p.column or p.expression or ""),
    )
    ranges = [p for p in filters if p.op in (PredicateOp.RANGE, PredicateOp.LIKE_PREFIX)]
    eq_keys = _unique(_key(p) for p in equalities)
    # A range on the leading ORDER BY key takes the sort's direction, so that one index serves both.
    directed = {(k.column, k.expression): k for k in map(_sort_key, access.sort_keys[:1])}
    shapes: list[tuple[tuple[IndexKey, ...], str]] = []
    range_keys = ()
    if ranges:
        first = _key(ranges[0])
        range_keys = (directed.get((first.column, first.expression), first),)
    if eq_keys or ranges:
        shapes.append((_unique((*eq_keys, *range_keys)), "filters on " + _describe(equalities + ranges[:1])))
    for extra_range in ranges[1:]:
        shapes.append(((*eq_keys, _key(extra_range)), "filters on " + _describe([*equalities, extra_range])))
    if access.sort_keys:
        # Equality columns, then the sort keys with their direction: the DESC a top-N read asks for is kept,
        # as a DBA writes it (a backward scan would serve it too, at the same cost).
        sort = tuple(_sort_key(k) for k in access.sort_keys)
        limited = " with LIMIT" if statement.shape.has_limit else ""
        shapes.append((_unique((*eq_keys, *sort)), f"serves ORDER BY{limited} without a sort"))
    for column in access.join_columns:
        # The inner side of a nested loop is probed by its join key; the range narrows each probe.
        shapes.append(((IndexKey(column),), f"join key {column}"))
        if eq_keys:
            shapes.append((_unique((*eq_keys, IndexKey(column))), f"join key {column} after equality filters"))
        if range_keys:
            shapes.append(
                (_unique((*eq_keys, IndexKey(column), *range_keys)), f"join key {column}, then the range filter")
            )
    for keys, reason in shapes:
        if not keys:
            continue
        spec = IndexSpec(schema, name, keys)
        yield spec, reason, 1.0, ()
        covering = _covering(access, spec, settings)
        if covering:
            yield covering, reason + "; INCLUDE makes an index-only scan possible", 1.0, ()
    yield from _or_branches(access, branches, eq_keys, schema, name, settings)
    for spec, reason, share in _partial(access, equalities, ranges, table, snapshot, settings):
        yield spec, reason, share, ()
    for spec, reason, share in _brin(ranges, table, snapshot, settings):
        yield spec, reason, share, ()


_BRANCH_OPS = frozenset({PredicateOp.EQ, PredicateOp.IN, PredicateOp.RANGE, PredicateOp.LIKE_PREFIX})


def _or_branches(
    access: TableAccess,
    branches: tuple[IndexKey, ...],
    eq_keys: tuple[IndexKey, ...],
    schema: str,
    name: str,
    settings: CandidateSettings,
) -> Iterator[tuple[IndexSpec, str, float, tuple[IndexSpec, ...]]]:
    """One index per branch, each bundled with the others; plain, after the equality filters the branches
    share, and covering, so that every shape a DBA would try is there."""
    if not branches:
        return
    described = ", ".join(k.column or k.expression or "" for k in branches)
    prefixes = [()] + ([eq_keys] if eq_keys else [])
    for prefix in prefixes:
        plain = tuple(IndexSpec(schema, name, _unique((*prefix, key))) for key in branches)
        variants = [plain]
        covering = tuple(_covering(access, spec, settings) for spec in plain)
        if all(covering):
            variants.append(covering)
        for bundle in variants:
            ordered = tuple(sorted(set(bundle), key=lambda s: s.sort_key))
            for spec in ordered:
                yield spec, f"one index per branch of the OR on {described} (a BitmapOr needs each)", 1.0, ordered


def _unique(keys: Iterable[IndexKey]) -> tuple[IndexKey, ...]:
    seen: dict[tuple[str | None, str | None], IndexKey] = {}
    for key in keys:
        seen.setdefault((key.column, key.expression), key)
    return tuple(seen.values())


def _describe(predicates: list[Predicate]) -> str:
    return ", ".join(f"{p.expression or p.column} ({p.op.value})" for p in predicates)


def _covering(access: TableAccess, spec: IndexSpec, settings: CandidateSettings) -> IndexSpec | None:
    if access.reads_all_columns or access.written:
        return None
    keyed = {k.column for k in spec.keys if k.column}
    extra = tuple(sorted(access.columns_read - keyed))
    if not extra or len(extra) > settings.max_include_columns:
        return None
    return IndexSpec(spec.schema, spec.table, spec.keys, include=extra)


def _partial(
    access: TableAccess,
    equalities: list[Predicate],
    ranges: list[Predicate],
    table: TableFacts,
    snapshot: Snapshot,
    settings: CandidateSettings,
) -> Iterator[tuple[IndexSpec, str, float]]:
    for predicate in equalities:
        if predicate.column is None or predicate.constant is None:
            continue
        stats = snapshot.stats_of(table.schema, table.name, predicate.column)
        if stats is None or distinct_values(stats, table) > settings.partial_max_distinct:
            continue
        shares = [value_frequency(stats, value) for value in _constants(predicate)]
        if not shares or None in shares or sum(shares) > settings.partial_max_frequency:
            continue
        share = sum(shares)
        rest = [p for p in equalities if p is not predicate]
        keys = _unique((*(_key(p) for p in rest), *(_key(p) for p in ranges[:1])))
        if access.sort_keys:
            keys = _unique((*keys, *(_sort_key(k) for k in access.sort_keys)))
        if not keys:
            keys = (IndexKey(access.join_columns[0]),) if access.join_columns else ()
        if not keys:
            continue
        operator = "=" if predicate.op is PredicateOp.EQ else "IN"
        condition = f"{quote_ident(predicate.column)} {operator} {predicate.constant}"
        yield (
            IndexSpec(table.schema, table.name, keys, predicate=condition),
            f"{predicate.column} {operator} {predicate.constant} picks {share:.1%} of rows",
            share,
        )


_LIST_ITEM = re.compile(r"'(?:[^']|'')*'|[^,()\s]+")


def _constants(predicate: Predicate) -> list[str]:
    """The constant of ``col = c``, or each constant of ``col IN (c1, c2)``."""
    if predicate.op is PredicateOp.EQ:
        return [predicate.constant]
    return _LIST_ITEM.findall(predicate.constant)


def value_frequency(stats: ColumnStats, constant: str) -> float | None:
    """The share of rows holding the constant: its MCV frequency, else what is left for rarer values."""
    value = constant.strip("'").replace("''", "'")
    for mcv, freq in zip(stats.most_common_values, stats.most_common_freqs, strict=False):
        if mcv == value:
            return freq
    if stats.most_common_values and stats.n_distinct > len(stats.most_common_values):
        rest = 1.0 - sum(stats.most_common_freqs) - stats.null_frac
        return max(rest, 0.0) / (stats.n_distinct - len(stats.most_common_values))
    return 0.0 if stats.most_common_values else None


def _brin(
    ranges: list[Predicate], table: TableFacts, snapshot: Snapshot, settings: CandidateSettings
) -> Iterator[tuple[IndexSpec, str, float]]:
    if table.relpages < settings.brin_min_pages:
        return
    for predicate in ranges:
        if predicate.column is None or predicate.op is not PredicateOp.RANGE:
            continue
        stats = snapshot.stats_of(table.schema, table.name, predicate.column)
        if stats is None or stats.correlation is None or abs(stats.correlation) < settings.brin_min_correlation:
            continue
        yield (
            IndexSpec(table.schema, table.name, (IndexKey(predicate.column),), method="brin"),
            f"range on {predicate.column}, physically ordered (correlation {stats.correlation:.2f}), "
            f"{table.relpages:,} pages",
            1.0,
        )
