"""The server: version, database, role, extensions (sql/server.sql) and every setting (sql/settings.sql)."""

from __future__ import annotations

from ..db import Session
from ..facts import Extension, ServerFacts, Setting
from .base import build


def collect_settings(session: Session) -> tuple[Setting, ...]:
    return tuple(build(Setting, row) for row in session.named("settings"))


def collect_server(session: Session, settings: tuple[Setting, ...]) -> ServerFacts:
    row = session.named("server")[0]
    extensions = tuple(Extension(e["name"], e["version"], e["schema"]) for e in row["extensions"])
    return build(ServerFacts, row, settings=settings, extensions=extensions)
