"""pg_proc, pg_cast and pg_type → which functions and casts are not immutable, so that no index expression
pgtune proposes calls one (``timestamptz::date`` depends on TimeZone; PostgreSQL refuses it in an index)."""

from __future__ import annotations

from ..db import Session
from ..facts import CastFacts, MutableFunction, Volatility
from .base import build


def collect_volatility(session: Session) -> Volatility:
    return Volatility(
        mutable_functions=tuple(build(MutableFunction, row) for row in session.named("mutable_functions")),
        casts=tuple(build(CastFacts, row) for row in session.named("casts")),
    )
