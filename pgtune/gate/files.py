"""Finding and reading migration files: migration order, tool conventions, psql meta-commands, bad input.

Tools recognised by their file names or markers: Flyway (``V1__name.sql``; ``U`` undo files skipped),
golang-migrate (``*.up.sql``; ``*.down.sql`` skipped), sqitch (``deploy/``; ``revert/`` and ``verify/``
skipped), dbmate (``-- migrate:up`` / ``-- migrate:down`` sections), and those ``tools.py`` reads: goose,
Liquibase formatted SQL, Atlas, Drizzle, Prisma, sqlx, yoyo, node-pg-migrate and Diesel (whose ``down.sql``
beside ``up.sql`` is skipped). Anything else is plain SQL, which covers the files Rails, Django and Alembic
generate. Text outside the checked part is blanked, never removed, so line numbers stay those of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..query.ddl_source import SourceProblem, flyway_transactions
from .tools import Part, detect

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Bigger files are data loads, not schema migrations; reading them would take minutes."""
_FLYWAY = re.compile(r"^(?P<prefix>[VUR])\d*(?:[._]\d+)*__.+\.sql$", re.I)
_DBMATE_UP = re.compile(r"^--\s*migrate:up\b(?P<options>.*)$", re.M)
_DBMATE_DOWN = re.compile(r"^--\s*migrate:down\b.*$", re.M)
_FLYWAY_SCRIPT_CONF = re.compile(r"^\s*executeInTransaction\s*=\s*(?P<value>true|false)\s*$", re.M | re.I)
_META = re.compile(r"^[ \t]*\\[^\n]*", re.M)
_NATURAL = re.compile(r"(\d+)")
_COPY_FROM_STDIN = re.compile(r"^[ \t]*COPY\b[^;]*?\bFROM[ \t\n]+STDIN\b[^;]*;[ \t]*\n", re.M | re.I)
_END_OF_DATA = re.compile(r"^\\\.[ \t]*$", re.M)


@dataclass(frozen=True)
class MigrationFile:
    path: str
    text: str
    tool: str
    """One of ``config.TOOLS``."""
    wraps_by_default: bool
    """Whether the tool itself runs the file inside one transaction (before configuration)."""
    notes: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    """What the tool runs, in order: the whole file, or each Liquibase changeset."""
    copy_data_by_line: tuple[tuple[int, str], ...] = ()
    """psql's inline data of a ``COPY ... FROM stdin`` (blanked in ``text``), by the line its statement ends on."""


def discover(paths: list[Path]) -> tuple[list[Path], list[SourceProblem]]:
    """Every migration file under ``paths``, in migration order (natural order of the file name)."""
    found: list[Path] = []
    problems: list[SourceProblem] = []
    for path in paths:
        if path.is_dir():
            inside = [p for p in path.rglob("*.sql") if p.is_file() and _is_up_migration(p)]
            if not inside and len(paths) > 1:
                # A directory beside other inputs that holds no migration is unusable input, not a pass (alone,
                # it is "no .sql migration files found").
                problems.append(SourceProblem(str(path), 1, 1, "a directory with no .sql migration file in it"))
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            problems.append(SourceProblem(str(path), 1, 1, "no such file or directory"))
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=migration_order), problems


def migration_order(path: Path) -> tuple:
    """The order migration tools apply files in: the natural order of the name, then the path (Prisma's
    ``<timestamp>_name/migration.sql``)."""
    return (_natural(path.name), str(path))


def _is_up_migration(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".down.sql") or (name == "down.sql" and (path.parent / "up.sql").is_file()):
        return False
    if (match := _FLYWAY.match(path.name)) and match["prefix"].upper() == "U":
        return False
    return not ({"revert", "verify"} & {p.lower() for p in path.parts[:-1]})


def _natural(name: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part.lower() for part in _NATURAL.split(name))


def read(path: Path) -> MigrationFile | SourceProblem:
    """The file's checked text, or the one reason it cannot be checked."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES / 1048576
            return SourceProblem(
                name, 1, 1, f"too large to check ({size / 1048576:.1f} MiB; the limit is {limit:g} MiB)"
            )
        raw = path.read_bytes()
    except OSError as exc:
        return SourceProblem(name, 1, 1, f"cannot read: {exc.strerror}")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return SourceProblem(name, 1, 1, "UTF-16 text; save it as UTF-8 to check it")
    if b"\x00" in raw:
        return SourceProblem(name, 1, 1, "binary file (contains NUL bytes), not SQL")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return SourceProblem(name, line, 1, f"not UTF-8 text (invalid byte 0x{raw[exc.start]:02x})")
    if not text.strip():
        return SourceProblem(name, 1, 1, "empty file")
    text, data = _copy_data(text)
    if found := detect(path, text):
        union, notes = _blank_meta_commands(name, _union(text, found.parts))
        parts = tuple(replace(p, text=_blank_meta_commands(name, p.text)[0]) for p in found.parts)
        wraps = bool(parts) and parts[0].wraps
        return MigrationFile(name, union, found.tool, wraps, notes + found.notes, parts, data)
    tool, wraps = _tool(path, text)
    one_exec = tool == "golang-migrate"
    if tool == "dbmate":
        text, wraps = _dbmate_up(text)
        # dbmate db.go: the up section is one Exec, in a transaction unless transaction:false.
        one_exec = True
    text, notes = _blank_meta_commands(name, text)
    if tool == "flyway":
        wraps, refused = _flyway_wraps(path, text)
        notes += refused
    return MigrationFile(name, text, tool, wraps, notes, (Part(text, wraps, one_exec),), data)


def _copy_data(text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """psql sends the lines after ``COPY ... FROM stdin;`` up to ``\\.`` as the COPY's data: not SQL, so they
    are blanked, and kept for the trace to send the same way."""
    data, pieces, position = [], [], 0
    for copy in _COPY_FROM_STDIN.finditer(text):
        if copy.start() < position:
            continue
        end = _END_OF_DATA.search(text, copy.end())
        stop = end.end() if end else len(text)
        data.append((text.count("\n", 0, copy.end()), text[copy.end() : end.start() if end else stop]))
        pieces += [text[position : copy.end()], _blank(text[copy.end() : stop])]
        position = stop
    return "".join([*pieces, text[position:]]), tuple(data)


def _union(text: str, parts: tuple[Part, ...]) -> str:
    """The file's text with what no part runs blanked (a Liquibase file's rollback lines, goose's Down)."""
    if len(parts) == 1:
        return parts[0].text
    lines = [p.text.split("\n") for p in parts]
    blank = _blank(text).split("\n")
    return "\n".join(next((p[i] for p in lines if p[i].strip()), line) for i, line in enumerate(blank))


def _flyway_wraps(path: Path, text: str) -> tuple[bool, tuple[str, ...]]:
    """Flyway runs a file in a transaction unless it holds a statement that cannot run in one; the file's
    ``<name>.sql.conf`` (``executeInTransaction=``) overrides that. A file holding both kinds it refuses
    (unless ``flyway.mixed=true``): checked as one transaction, where the server refuses the other kind."""
    try:
        conf = _FLYWAY_SCRIPT_CONF.search(path.with_name(path.name + ".conf").read_text(errors="replace"))
    except OSError:
        conf = None
    if conf:
        return conf["value"].lower() == "true", ()
    transactional, not_transactional = flyway_transactions(str(path), text)
    if transactional and not_transactional:
        return True, (
            f"{path}: Flyway refuses a migration that mixes transactional and non-transactional statements "
            "unless flyway.mixed=true (then it runs the whole file outside a transaction)",
        )
    return not not_transactional, ()


def _tool(path: Path, text: str) -> tuple[str, bool]:
    if _DBMATE_UP.search(text):
        return "dbmate", True
    if _FLYWAY.match(path.name):
        return "flyway", True
    if path.name.lower().endswith(".up.sql"):
        return "golang-migrate", False
    if "deploy" in {p.lower() for p in path.parts[:-1]}:
        return "sqitch", False
    return "plain", False


def _dbmate_up(text: str) -> tuple[str, bool]:
    up = _DBMATE_UP.search(text)
    start = up.end() if up else 0
    down = _DBMATE_DOWN.search(text, start)
    end = down.start() if down else len(text)
    wraps = "transaction:false" not in (up["options"] if up else "").replace(" ", "")
    return _blank(text[:start]) + text[start:end] + _blank(text[end:]), wraps


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _blank_meta_commands(name: str, text: str) -> tuple[str, tuple[str, ...]]:
    notes: list[str] = []

    def blank(match: re.Match) -> str:
        line = text.count("\n", 0, match.start()) + 1
        notes.append(f"{name}:{line}: skipped psql meta-command {match.group().strip().split()[0]}")
        return _blank(match.group())

    return _META.sub(blank, text), tuple(notes)
