"""The throwaway databases of ``--trace``: one ``CREATE DATABASE … TEMPLATE`` clone per file, dropped after it,
made through the maintenance database once pgtune has checked it may clone the named one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from psycopg import errors, sql

from ..db import SessionGuards, connect, connect_writable
from ..errors import PrivilegeMissing, TraceRefused
from ..versions import ServerVersion


def template_of(dsn: str, guards: SessionGuards) -> tuple[str, ServerVersion, str]:
    """The named database, the server's version, the redacted DSN; refuses when pgtune may not clone it."""
    with connect(dsn, guards) as session:
        row = session.rows(
            "SELECT current_database() AS db, r.rolcreatedb OR r.rolsuper AS can_create, "
            "r.rolsuper OR d.datdba = r.oid OR d.datistemplate AS can_copy "
            "FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()"
        )[0]
        if not row["can_create"]:
            raise PrivilegeMissing(
                f"--trace clones {row['db']} with CREATE DATABASE … TEMPLATE, which this role may not do "
                f"(no CREATEDB) on {session.redacted_dsn}",
                "ALTER ROLE … CREATEDB, or trace on a staging server where the role may create databases",
            )
        if not row["can_copy"]:
            raise PrivilegeMissing(
                f"--trace cannot copy {row['db']}: only its owner or a superuser may use it as a template",
                "connect as the database's owner, or trace a copy this role owns",
            )
        return row["db"], session.version, session.redacted_dsn


class Clones:
    """Creates and drops pgtune's throwaway databases through the maintenance database."""

    def __init__(self, dsn: str, template: str, version: ServerVersion, guards: SessionGuards) -> None:
        self.dsn, self.template, self.version, self.guards = dsn, template, version, guards
        self.count = 0
        self.admin: psycopg.Connection | None = None

    def __enter__(self) -> Clones:
        maintenance = "template1" if self.template == "postgres" else "postgres"
        self.admin = connect_writable(self.dsn, maintenance, self.guards)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.admin is not None:
            self.admin.close()

    @contextmanager
    def clone(self) -> Iterator[Clone]:
        self.count += 1
        name = f"pgtune_trace_{os.getpid()}_{self.count}"
        strategy = sql.SQL(" STRATEGY FILE_COPY") if self.version.has_create_database_strategy else sql.SQL("")
        try:
            self.admin.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}{}").format(
                    sql.Identifier(name), sql.Identifier(self.template), strategy
                )
            )
        except errors.ObjectInUse:
            raise TraceRefused(
                f"--trace cannot clone {self.template}: other sessions are connected to it, and PostgreSQL copies "
                "only an idle template database",
                "trace on a copy nobody connects to (pg_dump --schema-only into a staging database)",
            ) from None
        except errors.InsufficientPrivilege as exc:
            raise PrivilegeMissing(f"--trace cannot create its clone: {exc.diag.message_primary}") from None
        try:
            with Clone.open(self.dsn, name, self.guards) as clone:
                yield clone
        finally:
            self.admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@dataclass
class Clone:
    name: str
    traced: psycopg.Connection
    observer: psycopg.Connection
    pid: int

    @classmethod
    @contextmanager
    def open(cls, dsn: str, name: str, guards: SessionGuards) -> Iterator[Clone]:
        traced = connect_writable(dsn, name, guards)
        observer = connect_writable(dsn, name, guards)
        try:
            pid = traced.execute("SELECT pg_backend_pid()").fetchone()[0]
            yield cls(name, traced, observer, pid)
        finally:
            traced.close()
            observer.close()
