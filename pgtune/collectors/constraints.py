"""Constraints of user tables: keys, foreign keys (with what they reference), checks, exclusions."""

from __future__ import annotations

from collections.abc import Sequence

from ..db import Session
from ..facts import ConstraintFacts
from .base import build


def collect_constraints(session: Session, locked: Sequence[int] = ()) -> tuple[ConstraintFacts, ...]:
    """Constraints of ``locked`` relations, or referencing one, are left out (see ``locks.py``)."""
    return tuple(build(ConstraintFacts, row) for row in session.named("constraints", {"locked": list(locked)}))
