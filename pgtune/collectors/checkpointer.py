"""Checkpoint and background writer counters: pg_stat_bgwriter, and pg_stat_checkpointer from 17 on."""

from __future__ import annotations

from ..db import Session
from ..facts import CheckpointerStats
from .base import build


def collect_checkpointer(session: Session) -> CheckpointerStats:
    return build(CheckpointerStats, session.named("checkpointer")[0])
