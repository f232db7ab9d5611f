"""Constraints of user tables: keys, foreign keys (with what they reference), checks, exclusions."""

from __future__ import annotations

from ..db import Session
from ..facts import ConstraintFacts
from .base import build


def collect_constraints(session: Session) -> tuple[ConstraintFacts, ...]:
    return tuple(build(ConstraintFacts, row) for row in session.named("constraints"))
