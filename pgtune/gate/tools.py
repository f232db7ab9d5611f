"""How each migration tool runs a file: which parts of it run on migrate, and in which transaction.

Every reader here was checked against the tool's own source (the part of each docstring in parentheses) and
recognises the tool by its markers or layout only. Text outside the parts that run is blanked, never
removed, so line numbers stay the file's. A ``Part`` that the tool sends as one query string (``one_exec``)
runs, when it holds several statements, as one implicit transaction: PostgreSQL's simple-query protocol
(postgres.c, ``exec_simple_query``) treats a multi-statement message so, and CREATE INDEX CONCURRENTLY in it
fails with 25001 as in an explicit block; alone in the file it runs bare.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from ..query.ddl_source import statement_count
from .config import CheckConfig


@dataclass(frozen=True)
class Part:
    """A part of a file the tool runs in one go (a whole file, or one Liquibase changeset)."""

    text: str
    """The file's text with everything outside this part blanked."""
    wraps: bool
    """The tool runs the part in one transaction (before ``transaction-tools`` configuration)."""
    one_exec: bool = False
    """Sent as one query string when not wrapped (several statements then run as one implicit transaction)."""
    label: str = ""


@dataclass(frozen=True)
class ToolRead:
    tool: str
    parts: tuple[Part, ...]
    notes: tuple[str, ...] = ()


Mode = str
"""``transaction`` (one block), ``implicit`` (one multi-statement query string) or ``autocommit``."""


def part_modes(tool: str, parts: tuple[Part, ...], config: CheckConfig, file: str) -> list[Mode]:
    """How each part's statements run under its tool, as configured."""
    return [_mode(part, config.wraps(tool, part.wraps), file) for part in parts]


def _mode(part: Part, wraps: bool, file: str) -> Mode:
    if wraps:
        return "transaction"
    if part.one_exec and statement_count(file, part.text) > 1:
        return "implicit"
    return "autocommit"


_GOOSE = re.compile(r"^--\s*\+goose\s+(?P<command>[^\n]*?)\s*$", re.M | re.I)
_GOOSE_BLOCK = re.compile(
    r"^--\s*\+goose\s+StatementBegin\s*$(?P<body>.*?)^--\s*\+goose\s+StatementEnd\s*$", re.M | re.I | re.S
)
_YOYO_HEADER = re.compile(r"\A(?:[ \t]*(?:--[^\n]*)?\n)*?[ \t]*--\s*(?:depends|transactional)\s*:", re.I)
_YOYO_NO_TX = re.compile(r"\A(?:[ \t]*(?:--[^\n]*)?\n)*?[ \t]*--\s*transactional\s*:\s*false\b", re.I)
_NPM_MIGRATION = re.compile(r"^\s*--[\s-]*(?P<direction>up|down)\s+migration", re.M | re.I)
_LIQUIBASE_HEADER = re.compile(r"\A\s*--\s*liquibase\s+formatted", re.I)
_CHANGESET = re.compile(
    r"^[ \t]*--[ \t]*changeset[ \t]+(?P<id>(?:\"[^\"]+\"|[^:\n]+):\s*(?:\"[^\"]+\"|\S+))(?P<attrs>[^\n]*)$", re.M | re.I
)
_ATLAS_TXMODE = re.compile(r"^--\s*atlas:txmode\s+(?P<mode>\w+)", re.M | re.I)
_ATLAS_DIRECTIVE = re.compile(r"^--\s*atlas:\w+", re.M)
_DRIZZLE_BREAKPOINT = "--> statement-breakpoint"
_DIESEL_DIRECTORY = re.compile(r"^\d[\d_-]*_\w")
_SQLX_NAME = re.compile(r"^\d+_.+\.sql$")
_SQLX_NO_TX = "-- no-transaction"
_SQLX_TEMPLATES = ("-- Add migration script here", "-- Add up migration script here")


def detect(path: Path, text: str) -> ToolRead | None:
    """The tool model the file's markers or layout name, or None (then files.py decides)."""
    if _LIQUIBASE_HEADER.match(text):
        return _liquibase(path, text)
    if any(m["command"].lower() == "up" for m in _GOOSE.finditer(text)):
        return _goose(text)
    if _YOYO_HEADER.match(text):
        # yoyo migrations.py read_sql_migration: the leading ``-- key: value`` comments are directives; the
        # statements run one by one, in one transaction unless ``-- transactional: false``.
        return ToolRead("yoyo", (Part(text, not _YOYO_NO_TX.match(text)),))
    if any(m["direction"].lower() == "up" for m in _NPM_MIGRATION.finditer(text)):
        return _node_pg_migrate(text)
    if _ATLAS_DIRECTIVE.search(text) or (path.parent / "atlas.sum").is_file():
        return _atlas(text)
    if _DRIZZLE_BREAKPOINT in text or (path.parent / "meta" / "_journal.json").is_file():
        # drizzle-orm pg-core/dialect.ts migrate(): every pending file in one session.transaction.
        return ToolRead(
            "drizzle", (Part(text, True),), (f"{path}: Drizzle runs all pending migrations in one transaction",)
        )
    if path.name == "migration.sql" and (path.parent.parent / "migration_lock.toml").is_file():
        # prisma-engines sql-schema-connector postgres apply_migration_script: client.simple_query(script).
        return ToolRead("prisma", (Part(text, False, one_exec=True),))
    if path.name == "up.sql" and _is_diesel(path):
        return _diesel(path, text)
    if _is_sqlx(path, text):
        # sqlx-core migrate/source.rs: ``no_tx = sql.starts_with("-- no-transaction")``; sqlx-postgres
        # migrate.rs ``apply``: the script in one ``execute`` (a simple query), in a transaction unless no_tx.
        return ToolRead("sqlx", (Part(text, not text.startswith(_SQLX_NO_TX), one_exec=True),))
    return None


def _is_sqlx(path: Path, text: str) -> bool:
    """sqlx-cli's ``migrate add`` writes its template line first (sqlx-core migrate/migration_type.rs,
    ``file_content``), under the author's ``-- no-transaction`` when there is one: a file that keeps it is
    sqlx's whatever its name. Otherwise its ``<version>_<name>.sql`` layout under a Rust crate's migrations/
    (sqlx::migrate!() reads CARGO_MANIFEST_DIR/migrations), or the marker, tell it from golang-migrate's
    same-named files."""
    first_line = text.removeprefix(_SQLX_NO_TX).lstrip().partition("\n")[0].strip()
    if first_line in _SQLX_TEMPLATES:
        return True
    return bool(_SQLX_NAME.match(path.name)) and (
        text.startswith(_SQLX_NO_TX) or (path.parent.parent / "Cargo.toml").is_file()
    )


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _keep(text: str, start: int, end: int) -> str:
    return _blank(text[:start]) + text[start:end] + _blank(text[end:])


def _goose(text: str) -> ToolRead:
    """goose (internal/sqlparser/parser.go): only the ``-- +goose Up`` section runs on ``up``; it runs in one
    transaction unless the file says ``-- +goose NO TRANSACTION``; StatementBegin/End are comments to
    PostgreSQL's own parser; ENVSUB ON substitutes environment variables until ENVSUB OFF."""
    annotations = list(_GOOSE.finditer(text))
    up = next(m for m in annotations if m["command"].lower() == "up")
    down = next((m for m in annotations if m["command"].lower() == "down" and m.start() > up.start()), None)
    kept = _keep(text, up.end(), down.start() if down else len(text))
    wraps = not any(m["command"].lower() == "no transaction" for m in annotations)
    return ToolRead("goose", _goose_parts(_envsub(kept, annotations), wraps))


_ENV = re.compile(r"\$\{(?P<name>[A-Za-z_]\w*)(?::?-(?P<default>[^}]*))?\}|\$(?P<bare>[A-Za-z_]\w*)")


def _goose_parts(kept: str, wraps: bool) -> tuple[Part, ...]:
    """Outside a transaction goose executes each statement apart, but a StatementBegin/End block is one
    statement: one Exec, so several statements in it run as one implicit transaction."""
    blocks = list(_GOOSE_BLOCK.finditer(kept))
    if wraps or all(statement_count("", block["body"]) < 2 for block in blocks):
        return (Part(kept, wraps),)
    parts, position = [], 0
    for block in [*blocks, None]:
        end = block.start() if block else len(kept)
        if kept[position:end].strip():
            start = position + len(kept[position:end]) - len(kept[position:end].lstrip())
            label = f"from line {kept.count(chr(10), 0, start) + 1}"
            parts.append(Part(_keep(kept, position, end), False, label=label))
        if block:
            label = f"block at line {kept.count(chr(10), 0, block.start()) + 1}"
            parts.append(Part(_keep(kept, *block.span("body")), False, one_exec=True, label=label))
            position = block.end()
    return tuple(parts)


def _node_pg_migrate(text: str) -> ToolRead:
    """node-pg-migrate sqlMigration.js: from the ``-- Up Migration`` comment to ``-- Down Migration`` is the
    up, sent with one ``pgm.sql`` in the migration's transaction (the runner's default)."""
    marks = {m["direction"].lower(): m.start() for m in reversed(list(_NPM_MIGRATION.finditer(text)))}
    up, down = marks["up"], marks.get("down", -1)
    return ToolRead("node-pg-migrate", (Part(_keep(text, up, down if down > up else len(text)), True, one_exec=True),))


def _envsub(text: str, annotations: list[re.Match]) -> str:
    """Substitute ``${NAME}``, ``${NAME:-default}`` and ``$NAME`` inside ENVSUB ON regions, as goose's
    mfridman/interpolate does (an unset name becomes empty); ``$$`` quoting is left alone."""
    pieces, position, on = [], 0, False
    for mark in [*annotations, None]:
        end = mark.start() if mark else len(text)
        chunk = text[position:end]
        if on:
            chunk = _ENV.sub(lambda m: os.environ.get(m["name"] or m["bare"], m["default"] or ""), chunk)
        pieces.append(chunk)
        if mark is None:
            break
        pieces.append(text[mark.start() : mark.end()])
        position = mark.end()
        command = mark["command"].lower()
        on = command == "envsub on" or (on and command != "envsub off")
    return "".join(pieces)


def _attribute(attrs: str, name: str) -> str | None:
    match = re.search(rf"\b{name}:(\S*)", attrs, re.I)
    return match[1] if match else None


def _liquibase(path: Path, text: str) -> ToolRead:
    """Liquibase formatted SQL (AbstractFormattedChangeLogParser): each ``--changeset author:id`` runs in its
    own transaction unless ``runInTransaction:false``; ``--rollback`` lines and ``--ignoreLines`` ranges never
    run on update; a changeset whose ``dbms:`` excludes PostgreSQL, or ``ignore:true``, is skipped;
    ``endDelimiter:X`` ends statements with a line holding X alone. Preconditions are not evaluated."""
    marks = list(_CHANGESET.finditer(text))
    parts: list[Part] = []
    notes: list[str] = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        attrs, label = mark["attrs"], f"changeset {mark['id'].strip()}"
        if _skipped_on_postgresql(attrs):
            notes.append(f"{path}: {label} is skipped on PostgreSQL ({attrs.strip()})")
            continue
        body = _liquibase_body(text[mark.end() : end], _attribute(attrs, "endDelimiter"))
        if re.search(r"^[ \t]*--[ \t]*precondition", body, re.M | re.I):
            notes.append(f"{path}: {label} has preconditions; checked as if they pass")
        kept = _blank(text[: mark.end()]) + body + _blank(text[end:])
        wraps = (_attribute(attrs, "runInTransaction") or "true").lower() != "false"
        parts.append(Part(kept, wraps, label=label))
    return ToolRead("liquibase", tuple(parts), tuple(notes))


def _skipped_on_postgresql(attrs: str) -> bool:
    dbms = {d for d in (_attribute(attrs, "dbms") or "").lower().split(",") if d}
    chosen = {d for d in dbms if not d.startswith("!")}
    excluded = "!postgresql" in dbms or "none" in dbms or bool(chosen and not {"postgresql", "all"} & chosen)
    return excluded or (_attribute(attrs, "ignore") or "").lower() == "true"


def _liquibase_body(body: str, delimiter: str | None) -> str:
    lines = body.split("\n")
    skipping = 0
    for number, line in enumerate(lines):
        stripped = line.strip()
        ignore = re.match(r"--\s*ignoreLines:(\w+)", stripped, re.I)
        if skipping:
            skipping -= 1
            lines[number] = _blank(line)
            if ignore and ignore[1].lower() == "end":
                skipping = 0
        elif ignore:
            skipping = -1 if ignore[1].lower() == "start" else int(ignore[1]) if ignore[1].isdigit() else 0
        elif re.match(r"--\s*rollback\b", stripped, re.I):
            lines[number] = _blank(line)
        elif delimiter and delimiter != ";" and stripped == delimiter:
            lines[number] = ";".ljust(len(line))
    return "\n".join(lines)


def _atlas(text: str) -> ToolRead:
    """Atlas (cmd/atlas/internal/cmdapi/migrate.go): each file in its own transaction (``--tx-mode file``, the
    default) unless its header says ``-- atlas:txmode none``; statements are executed one by one."""
    match = _ATLAS_TXMODE.search(text)
    return ToolRead("atlas", (Part(text, not match or match["mode"].lower() != "none"),))


def _is_diesel(path: Path) -> bool:
    directory = path.parent
    return (
        (directory / "down.sql").is_file()
        or (directory / "metadata.toml").is_file()
        or bool(_DIESEL_DIRECTORY.match(directory.name))
    )


def _diesel(path: Path, text: str) -> ToolRead:
    """Diesel (diesel_migrations file_based_migrations.rs): up.sql runs in a transaction unless the
    directory's metadata.toml says ``run_in_transaction = false``; it is sent with ``batch_execute`` (one
    query string)."""
    metadata = path.parent / "metadata.toml"
    notes: tuple[str, ...] = ()
    wraps = True
    if metadata.is_file():
        try:
            wraps = tomllib.loads(metadata.read_text(errors="replace")).get("run_in_transaction", True) is not False
        except ValueError as exc:
            notes = (f"{metadata}: not read ({exc}); Diesel's default, one transaction, assumed",)
    return ToolRead("diesel", (Part(text, wraps, one_exec=True),), notes)


def describe(tool: str, modes: list[Mode], labels: list[str]) -> str:
    """One line for the report: the tool model applied to a file and how its parts ran."""
    name = {
        "plain": "plain SQL as psql -f runs it",
        "flyway": "Flyway",
        "dbmate": "dbmate (the migrate:up section)",
        "sqitch": "sqitch (deploy/)",
        "atlas": "Atlas",
        "drizzle": "Drizzle",
        "golang-migrate": "golang-migrate (the file in one Exec)",
        "prisma": "Prisma migrate (the script in one simple query)",
        "goose": "goose (the Up section)",
        "liquibase": "Liquibase formatted SQL",
        "diesel": "Diesel (up.sql)",
        "sqlx": "sqlx migrate (the script in one simple query)",
        "yoyo": "yoyo",
        "node-pg-migrate": "node-pg-migrate (the Up Migration section)",
    }.get(tool, tool)
    how = {"transaction": "one transaction", "implicit": "one implicit transaction", "autocommit": "autocommit"}
    if not modes:
        return f"{name}: nothing in it runs on PostgreSQL"
    if len(modes) == 1 and not labels[0]:
        return f"{name}: {how[modes[0]]}"
    return f"{name}: " + "; ".join(f"{label} {how[mode]}" for label, mode in zip(labels, modes, strict=True))
