"""How each migration tool lays out the SQL of one migration."""

from __future__ import annotations

from pathlib import Path

LT = "SET lock_timeout = '2s';\n"
"""What teams that follow strong_migrations / squawk's advice put first."""


def django(comment: str, sql: str, atomic: bool = True) -> str:
    body = f"--\n-- {comment}\n--\n{sql.strip()}\n"
    return f"BEGIN;\n{body}COMMIT;\n" if atomic else body


def rails(sql: str, transaction: bool = True) -> str:
    """ActiveRecord's statements as its log shows them, one per line, each ended for psql."""
    body = "".join(f"{line.rstrip(';')};\n" for line in sql.strip().splitlines())
    return (
        f'BEGIN;\n{body}INSERT INTO "schema_migrations" ("version") VALUES (\'20260112093000\');\nCOMMIT;\n'
        if transaction
        else body
    )


def alembic(sql: str, revision: str = "8b1e2d4c6a90", down: str = "3f2a9c1d7e10") -> str:
    return (
        f"BEGIN;\n\n-- Running upgrade {down} -> {revision}\n\n{sql.strip()}\n\n"
        f"UPDATE alembic_version SET version_num='{revision}' "
        f"WHERE alembic_version.version_num = '{down}';\n\nCOMMIT;\n"
    )


def dbmate(sql: str, down: str, transaction: bool = True) -> str:
    marker = "-- migrate:up" if transaction else "-- migrate:up transaction:false"
    return f"{marker}\n{sql.strip()}\n\n-- migrate:down\n{down.strip()}\n"


def prisma(comment: str, sql: str) -> str:
    return f"-- {comment}\n{sql.strip()}\n"


def plain(sql: str) -> str:
    return sql.strip() + "\n"


def write(directory: Path, name: str, tool: str, text: str, down: str = "") -> str:
    """Write one case; returns its corpus path (a directory for golang-migrate)."""
    directory.mkdir(parents=True, exist_ok=True)
    if tool == "golang-migrate":
        case = directory / name
        case.mkdir(exist_ok=True)
        (case / f"000042_{name}.up.sql").write_text(text)
        (case / f"000042_{name}.down.sql").write_text(down or "-- nothing\nSELECT 1;\n")
        return name
    filename = f"V42__{name}.sql" if tool == "flyway" else f"{name}.sql"
    (directory / filename).write_text(text)
    return filename
