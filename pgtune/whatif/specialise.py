"""The specialise pass: each statement as the planner should cost it, its fixed constants in place of
the parameters pg_stat_statements shows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..facts import QualStat, Snapshot, StatementStats, WorkloadSample
from ..query import model_statement
from ..query.model import Catalog, ParseFailure, StatementShape
from ..query.sqltext import parameter_count, substitute_parameters
from .constants import fixed_constants


def costing_shapes(
    snapshot: Snapshot,
    pairs: list[tuple[StatementStats, StatementShape]],
    catalog: Catalog,
    modelled_samples: Iterable[tuple[WorkloadSample, StatementShape | ParseFailure]],
) -> dict[str, StatementShape]:
    """Each statement as the planner should see it: the constants it always uses in place of parameters.

    pg_qualstats' example of a statement that still binds parameters is the application's own text, whose
    inline constants (``status = 'open'``, ``payload ->> 'user_id'``) are fixed by construction. Otherwise
    pg_qualstats and literal samples tell which parameters always carry the same constant."""
    samples: dict[str, list[StatementShape]] = defaultdict(list)
    examples: dict[int, str] = {}
    for example in snapshot.example_queries:
        if example.queryid is not None and parameter_count(example.text):
            examples[example.queryid] = example.text
    for _, shape in modelled_samples:
        if not isinstance(shape, ParseFailure):
            samples[shape.fingerprint].append(shape)
    qualstats: dict[int | None, list[QualStat]] = defaultdict(list)
    for row in snapshot.qualstats:
        qualstats[row.queryid].append(row)
    costing: dict[str, StatementShape] = {}
    for stats, shape in pairs:
        if shape.fingerprint in costing:
            continue
        example = examples.get(stats.queryid) if stats.queryid is not None else None
        if example is not None:
            base = model_statement(example, catalog, stats.queryid)
            shape = base if not isinstance(base, ParseFailure) else shape
        seen = samples.get(shape.fingerprint, ())
        if example is None and seen and len({s.text for s in seen}) == 1 and parameter_count(shape.text):
            # One literal text for the statement (a workload file's query): the planner gets it as written,
            # not pg_stat_statements' text, whose typed parameters (date $1, interval $2) it refuses.
            costing[shape.fingerprint] = seen[0]
            continue
        fixed = fixed_constants(shape, qualstats.get(stats.queryid, ()), seen)
        if not fixed and example is None:
            continue
        special = model_statement(substitute_parameters(shape.text, fixed), catalog, stats.queryid)
        if not isinstance(special, ParseFailure):
            costing[shape.fingerprint] = special
    return costing
