"""Autovacuum as it applies to one table: its reloptions first, then the server's settings; when it last ran."""

from __future__ import annotations

from datetime import datetime, timedelta

from ..facts import ServerFacts, TableFacts

DEFAULTS = {
    "autovacuum_vacuum_threshold": 50.0,
    "autovacuum_vacuum_scale_factor": 0.2,
    "autovacuum_analyze_threshold": 50.0,
    "autovacuum_analyze_scale_factor": 0.1,
    "autovacuum_vacuum_cost_limit": -1.0,
    "vacuum_cost_limit": 200.0,
    "autovacuum_freeze_max_age": 200_000_000.0,
    "autovacuum_multixact_freeze_max_age": 400_000_000.0,
}
"""PostgreSQL's defaults, used when the snapshot carries no settings."""


def reloptions(table: TableFacts) -> dict[str, str]:
    return dict(option.split("=", 1) for option in table.reloptions if "=" in option)


def server_setting(server: ServerFacts, name: str) -> float:
    setting = server.setting(name)
    try:
        return float(setting.value) if setting else DEFAULTS[name]
    except ValueError:
        return DEFAULTS[name]


def table_setting(table: TableFacts, server: ServerFacts, name: str) -> float:
    """The value autovacuum uses for this table; a cost limit of -1 falls back to vacuum_cost_limit."""
    own = reloptions(table).get(name)
    try:
        value = float(own) if own is not None else server_setting(server, name)
    except ValueError:
        value = server_setting(server, name)
    if name == "autovacuum_vacuum_cost_limit" and value < 0:
        return server_setting(server, "vacuum_cost_limit")
    return value


def vacuum_threshold(table: TableFacts, server: ServerFacts) -> float:
    """The dead rows at which autovacuum vacuums the table: threshold + scale factor × rows, capped from
    PostgreSQL 18 on by autovacuum_vacuum_max_threshold (-1: no cap), so that a huge table is not left to
    gather a fifth of its rows dead. A server without the setting (before 18) has no cap."""
    scale = table_setting(table, server, "autovacuum_vacuum_scale_factor")
    threshold = table_setting(table, server, "autovacuum_vacuum_threshold") + scale * max(table.reltuples, 0)
    own, setting = reloptions(table).get(_MAX_THRESHOLD), server.setting(_MAX_THRESHOLD)
    try:
        cap = float(own) if own is not None else float(setting.value) if setting else -1.0
    except ValueError:
        cap = -1.0
    return min(threshold, cap) if cap >= 0 else threshold


_MAX_THRESHOLD = "autovacuum_vacuum_max_threshold"


def autovacuum_off(table: TableFacts, server: ServerFacts) -> str | None:
    """Where autovacuum is switched off for this table ("for it", "on the server"), or None when it runs."""
    if reloptions(table).get("autovacuum_enabled", "on").lower() in _OFF:
        return "for it"
    setting = server.setting("autovacuum")
    return "on the server" if setting is not None and setting.value.lower() in _OFF else None


_OFF = ("off", "false", "0", "no")


def ago(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never (since the statistics reset)"
    hours = (now - moment) / timedelta(hours=1)
    return f"{hours:.1f} hours ago" if hours < 48 else f"{hours / 24:.0f} days ago"
