"""blind7's tools beyond those blind4–blind6 lay out: Hasura, sqitch's deploy/revert/verify tree,
node-pg-migrate's SQL files, Laravel's ``--pretend`` output, yoyo, TypeORM per-migration transactions, and
Diesel directories whose metadata.toml turns the transaction off."""

from __future__ import annotations

from pathlib import Path

from . import blind5
from .blind4 import _ended

DIRECTORY_TOOLS = ("golang-migrate", "prisma", "diesel", "atlas", "drizzle", "hasura", "sqitch")
DIESEL_NO_TRANSACTION = {"ds_cic_metadata_off", "ds_cic_metadata_off_with_lt"}
"""Diesel cases whose metadata.toml says ``run_in_transaction = false``."""


def hasura(sql: str) -> str:
    """The console's Raw SQL tab writes what was typed into ``up.sql``; ``hasura migrate apply`` runs it through
    run_sql in one transaction."""
    return f"{sql.strip()}\n"


def node_pg_migrate(sql: str, down: str) -> str:
    """``node-pg-migrate create --migration-file-language sql``: one file, up and down under its markers."""
    return f"-- Up Migration\n{sql.strip()}\n\n-- Down Migration\n{down.strip()}\n"


def laravel(sql: str, name: str = "2026_12_04_020000_perps", transaction: bool = True) -> str:
    """``php artisan migrate --pretend`` for pgsql, as the migrator runs it: in a transaction unless the
    migration sets ``$withinTransaction = false``, then its row in ``migrations``."""
    body = f"-- php artisan migrate --pretend: {name}\n{_ended(sql)}"
    row = f'insert into "migrations" ("migration", "batch") values (\'{name}\', 7);\n'
    return f"BEGIN;\n{body}{row}COMMIT;\n" if transaction else f"{body}{row}"


def yoyo(sql: str, transactional: bool = True) -> str:
    """A yoyo-migrations SQL file: ``-- depends:`` first; yoyo runs it in a transaction unless the header says
    ``-- transactional: false``."""
    head = "-- depends: 20261201_01_perps\n" + ("" if transactional else "-- transactional: false\n")
    return f"{head}\n{sql.strip()}\n"


def typeorm_each(sql: str, name: str = "Perps1764813600000") -> str:
    """TypeORM with ``migrationsTransactionMode: 'each'`` and ``transaction = false`` on the migration: its
    queries one by one, outside a transaction."""
    return (
        f"-- typeorm migration:run --transaction each (Perps: transaction = false)\n{_ended(sql)}"
        f'INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764813600000, \'{name}\');\n'
    )


def sqitch(change: str, sql: str, transaction: bool = True) -> str:
    """A sqitch deploy script: ``sqitch add`` writes BEGIN/COMMIT around it, which a CONCURRENTLY change deletes."""
    body = f"BEGIN;\n\n{sql.strip()}\n\nCOMMIT;\n" if transaction else f"{sql.strip()}\n"
    return f"-- Deploy perps:{change} to pg\n\n{body}"


def write(directory: Path, name: str, tool: str, text: str, down: str = "") -> str:
    """Write one case as its tool lays it out; returns its corpus path."""
    if tool == "hasura":
        folder = directory / name / f"1764813600000_{name}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "up.sql").write_text(text)
        (folder / "down.sql").write_text(down or "-- Could not auto-generate a down migration.\n")
        return name
    if tool == "sqitch":
        case = directory / name
        for folder, body in (
            ("deploy", text),
            ("revert", f"-- Revert perps:{name} from pg\n\nBEGIN;\n{down or 'SELECT 1;'}\nCOMMIT;\n"),
            ("verify", f"-- Verify perps:{name} on pg\n\nBEGIN;\nSELECT 1;\nROLLBACK;\n"),
        ):
            (case / folder).mkdir(parents=True, exist_ok=True)
            (case / folder / f"{name}.sql").write_text(body)
        (case / "sqitch.plan").write_text(
            f"%syntax-version=1.0.0\n%project=perps\n\n{name} 2026-12-04T02:00:00Z Ops <ops@example.com> # {name}\n"
        )
        return name
    path = blind5.write(directory, name, tool, text, down)
    if name in DIESEL_NO_TRANSACTION:
        (directory / name / "metadata.toml").write_text("run_in_transaction = false\n")
    return path
