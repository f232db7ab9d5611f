"""The query model: SQL text in, frozen shapes out. No pglast node ever leaves this package.

``fingerprint`` is always pglast's fingerprint of the text: equal for texts that differ only in literals,
``$n`` numbering or layout, so a statement from pg_stat_statements, a plan and a log line join up; the
server's ``queryid``, when known, is carried beside it in ``StatementShape.queryid``.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from pgtune.query.model import Catalog, ParseFailure, StatementShape
from pgtune.query.names import EMPTY_CATALOG
from pgtune.query.parse import at_limit, fingerprint, is_truncated, parse_one
from pgtune.query.redact import redact_literals
from pgtune.query.shape import build

__all__ = [
    "WorkloadModel",
    "fingerprint",
    "is_truncated",
    "model_statement",
    "model_workload",
    "redact_literals",
]

_CACHE_SIZE = 20_000
# Longer texts (a bulk INSERT with a megabyte of JSON) are modelled each time rather than kept.
_CACHED_TEXT_CHARS = 100_000
_caches: dict[int, OrderedDict] = {}


@dataclass(frozen=True)
class WorkloadModel:
    shapes: tuple[StatementShape, ...] = ()
    failures: tuple[ParseFailure, ...] = ()


def model_statement(
    text: str,
    catalog: Catalog | None = None,
    queryid: int | None = None,
    *,
    track_activity_query_size_bytes: int | None = None,
) -> StatementShape | ParseFailure:
    """The shape of one statement, or why it has none. Never raises: text that does not parse, several
    statements, junk and truncated text all give a ParseFailure (a truncated text that still parses gives a
    shape with ``truncated`` set). Results are cached per catalog by (fingerprint, text)."""
    return _model(text, catalog, queryid, track_activity_query_size_bytes, fingerprint(text))


def model_workload(
    statements: Iterable[tuple[int | None, str]],
    catalog: Catalog | None = None,
    *,
    track_activity_query_size_bytes: int | None = None,
) -> WorkloadModel:
    """Every statement modelled, in input order, each distinct fingerprint once: a statement whose fingerprint
    was seen already gets the first one's shape with its own text and queryid (constants are the first's)."""
    shapes: list[StatementShape] = []
    failures: list[ParseFailure] = []
    seen: dict[str, StatementShape] = {}
    for queryid, text in statements:
        key = fingerprint(text)
        first = seen.get(key)
        if first is not None:
            shapes.append(dataclasses.replace(first, text=text, queryid=queryid))
            continue
        result = _model(text, catalog, queryid, track_activity_query_size_bytes, key)
        if isinstance(result, ParseFailure):
            failures.append(result)
        else:
            shapes.append(result)
            if not result.truncated:
                seen[key] = result
    return WorkloadModel(shapes=tuple(shapes), failures=tuple(failures))


def _model(text: str, catalog: Catalog | None, queryid: int | None, limit_bytes: int | None, key: str):
    # A text cut elsewhere than at the limit fails to parse at its end: parse_one reports that itself.
    truncated = at_limit(text, limit_bytes)
    result = _cached(text, catalog or EMPTY_CATALOG, truncated, key)
    return result if result.queryid == queryid else dataclasses.replace(result, queryid=queryid)


def _cached(text: str, catalog: Catalog, truncated: bool, key: str) -> StatementShape | ParseFailure:
    cache = _caches.get(id(catalog))
    if cache is None:
        cache = _caches[id(catalog)] = OrderedDict()
        weakref.finalize(catalog, _caches.pop, id(catalog), None)
    entry = (key, text, truncated)
    if entry in cache:
        cache.move_to_end(entry)
        return cache[entry]
    result = _uncached(text, catalog, truncated, key)
    if len(text) > _CACHED_TEXT_CHARS:
        return result
    cache[entry] = result
    if len(cache) > _CACHE_SIZE:
        cache.popitem(last=False)
    return result


def _uncached(text: str, catalog: Catalog, truncated: bool, key: str) -> StatementShape | ParseFailure:
    node = parse_one(text, truncated, None)
    if isinstance(node, ParseFailure):
        return node
    try:
        return build(node, text, key, None, truncated, catalog)
    except RecursionError:
        return ParseFailure(text=text, reason="the statement nests too deeply to model", truncated=truncated)
    except Exception as error:  # one statement the model cannot read must not stop the workload
        reason = f"the model could not read this statement ({type(error).__name__}: {error})"
        return ParseFailure(text=text, reason=reason, truncated=truncated)
