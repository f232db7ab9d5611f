"""The model and specialise passes: the input's statements as shapes, then as the weighed workload."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..collectors.catalog import catalog_from_snapshot
from ..collectors.timescaledb import INTERNAL_SCHEMA_PREFIX
from ..facts import StatementStats, WorkloadSample
from ..query import model_statement
from ..query.model import Catalog, ParseFailure, StatementKind, StatementShape
from ..whatif.specialise import costing_shapes
from ..whatif.workload import PG_STAT_STATEMENTS, build_workload, file_workload
from .context import Analysis, Ignored

_CATALOG_SCHEMAS = frozenset({"pg_catalog", "information_schema"})


def model(analysis: Analysis) -> Analysis:
    """Every statement through the query model; what does not parse or is not the application's to plan is
    set aside, with its reason."""
    snapshot = analysis.snapshot
    catalog = catalog_from_snapshot(snapshot)
    pairs, failures, ignored = _model(snapshot.statements, catalog)
    samples = [(sample, model_statement(sample.text, catalog)) for sample in snapshot.workload]
    from_files, file_failures, file_ignored = _file_statements(samples, {shape.fingerprint for _, shape in pairs})
    return dataclasses.replace(
        analysis,
        catalog=catalog,
        statements=tuple(pairs),
        samples=tuple(samples),
        from_files=tuple(from_files),
        failures=failures + file_failures,
        ignored=ignored + file_ignored,
    )


def specialise(analysis: Analysis) -> Analysis:
    """The workload as the planner should cost it (constants that never vary in place of parameters), each
    statement weighed per day; then the statements only workload files and logs hold."""
    pairs = list(analysis.statements)
    costing = costing_shapes(analysis.snapshot, pairs, analysis.catalog, analysis.samples)
    workload = build_workload(analysis.snapshot, pairs, costing) + file_workload(analysis.from_files)
    return dataclasses.replace(analysis, workload=workload)


def _is_own_or_catalog(shape: StatementShape) -> bool:
    read = shape.relations_read
    # TimescaleDB's catalog is read by its own functions (and by pgtune's calls to them, nested under
    # pg_stat_statements.track = all): the extension's statements, not the application's.
    return bool(read) and all(
        r.schema in _CATALOG_SCHEMAS or r.schema.startswith(INTERNAL_SCHEMA_PREFIX) or r.name.startswith("pg_")
        for r in read
    )


def _not_planned(shape: StatementShape) -> str | None:
    if shape.kind is StatementKind.UTILITY:
        return shape.not_indexable_reason or "a utility statement: nothing to plan"
    if _is_own_or_catalog(shape):
        return "reads only system catalogs: no index advice"
    return None


def _model(
    statements: Iterable[StatementStats], catalog: Catalog
) -> tuple[list[tuple[StatementStats, StatementShape]], tuple[ParseFailure, ...], tuple[Ignored, ...]]:
    pairs, failures, ignored = [], [], []
    for stats in statements:
        shape = model_statement(stats.query, catalog, stats.queryid)
        if isinstance(shape, ParseFailure):
            failures.append(shape)
        elif (reason := _not_planned(shape)) is not None:
            weight = f"{stats.calls} call(s), {stats.mean_exec_ms:.3g} ms mean"
            ignored.append(Ignored(stats.query, PG_STAT_STATEMENTS, weight, reason, stats.queryid))
        else:
            pairs.append((stats, shape))
    return pairs, tuple(failures), tuple(ignored)


def _file_statements(
    samples: Iterable[tuple[WorkloadSample, StatementShape | ParseFailure]], known: set[str]
) -> tuple[list[tuple[StatementShape, list[WorkloadSample]]], tuple[ParseFailure, ...], tuple[Ignored, ...]]:
    """The statements of workload files and logs that pg_stat_statements does not hold, grouped by shape.

    pg_qualstats' examples are not among them: those are statements pg_stat_statements holds."""
    groups: dict[str, tuple[StatementShape, list[WorkloadSample]]] = {}
    failures, ignored = [], {}
    for sample, shape in samples:
        where = f"{sample.source}:{sample.line}" if sample.line is not None else sample.source
        if isinstance(shape, ParseFailure):
            failures.append(dataclasses.replace(shape, reason=f"{where}: {shape.reason}"))
        elif (reason := _not_planned(shape)) is not None:
            ignored.setdefault(shape.fingerprint, Ignored(sample.text, where, "in a workload file", reason))
        elif shape.fingerprint not in known:
            groups.setdefault(shape.fingerprint, (shape, []))[1].append(sample)
    return list(groups.values()), tuple(failures), tuple(ignored.values())
