"""What every collector shares: turning catalog rows into facts, and recording what could not be seen."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import psycopg

from ..facts import CollectionGap

T = TypeVar("T")

GRANT_PG_MONITOR = "GRANT pg_monitor TO the role pgtune uses"
# A statement or lock timeout costs its source, never the run; a lost connection ends it.
_TIMED_OUT = (psycopg.errors.QueryCanceled, psycopg.errors.LockNotAvailable)


def build(cls: type[T], row: Mapping[str, Any], **values: Any) -> T:
    """``cls`` from the row's columns of the same names; lists become tuples, NULL keeps the field's default."""
    fields: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        value = values[field.name] if field.name in values else row.get(field.name)
        has_default = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
        if value is None and has_default:
            continue
        fields[field.name] = tuple(value) if isinstance(value, list) else value
    return cls(**fields)


def first_line(exc: BaseException) -> str:
    text = str(exc)
    return " ".join(text.splitlines()[0].split()) if text else type(exc).__name__


class Gaps:
    """The collection's record of what it could not see; a collector that fails leaves a gap, not a crash."""

    def __init__(self) -> None:
        self.items: list[CollectionGap] = []

    def add(self, source: str, reason: str, remedy: str = "") -> None:
        self.items.append(CollectionGap(source, reason, remedy))

    def attempt(self, source: str, collect: Callable[[], T], default: T, remedy: str = "") -> T:
        try:
            return collect()
        except psycopg.Error as exc:
            if isinstance(exc, psycopg.errors.InsufficientPrivilege):
                remedy = remedy or GRANT_PG_MONITOR
            elif isinstance(exc, psycopg.OperationalError) and not isinstance(exc, _TIMED_OUT):
                raise
            self.add(source, first_line(exc), remedy)
            return default
