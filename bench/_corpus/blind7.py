# ruff: noqa: E501  (bad inputs are kept byte for byte on one line)
"""blind7: a crypto derivatives exchange's perpetual-futures back office (bench/gate_corpus/blind7/).

Markets, accounts, margin accounts, positions, orders partitioned by month (with a DEFAULT partition already
holding January 2027 orders), funding payments partitioned by month (no DEFAULT), liquidations, insurance funds,
risk limits, API keys and an audit trail; enums, a domain, sequences, views, materialized views, functions and
triggers, and data with the irregularities real tables hold (duplicate referral codes, emails equal but for
case, NULL countries, liquidations naming an insurance fund that never existed). Written by an author who read
neither the gate's rules, the static reader nor any other corpus' cases: 25 tools' output in their own layouts
(blind7_orm, blind7_files) and psql scripts and the peers' documented cases (blind7_psql). Each case carries
what that author, as a reviewing DBA, expected of it on PostgreSQL 15 before the first trace
(``expected.toml``); the label is what the tracer saw (``labels.toml``).
"""

from __future__ import annotations

from pathlib import Path

from . import blindset
from .blind7_files import FILES
from .blind7_layouts import DIRECTORY_TOOLS, write
from .blind7_orm import ORM
from .blind7_psql import PEERS, PSQL

__all__ = ["CASES", "write", "write_extras"]

# ORM logs quote identifiers with double quotes; the cases write them as backticks to stay readable on one
# line, and _CASES turns them back (no case means a backtick).
_CASES = [(name, tool, text.replace("`", '"'), *rest) for name, tool, text, *rest in ORM + FILES + PSQL + PEERS]

TRACER_DEFECTS = {
    "psql_copy_from_stdin": "psql runs `COPY ... FROM stdin` with its data rows inline and the terminating `\\.`; the tracer refuses the whole file as `not traced: it does not parse` (its statements create and load a new table: safe by the author's expectation), so `--relabel` stops on it",
    "psql_alter_system_in_tx": "`ALTER SYSTEM` inside BEGIN fails on PostgreSQL 15 with 25001 (`ALTER SYSTEM cannot run inside a transaction block`, checked on a scratch 15.18 server), but the trace reports no failure and labels the file safe",
    "psql_do_block_batched_backfill": "the DO block updated all 600 audit_events rows in one transaction (600 of 600 carry the new key afterwards on a scratch 15.18 server), but the trace sees no every-row update (a DO block's command tag is `DO`) and labels it safe",
    "goose_cic_no_tx_block_with_lt": "goose sends a `-- +goose StatementBegin` ... `StatementEnd` block as one Exec, and PostgreSQL runs a multi-statement simple query as one implicit transaction: `SET lock_timeout ...; CREATE INDEX CONCURRENTLY ...` sent so fails with 25001 (checked on 15.18); the trace runs the two statements apart and labels the file safe",
    "npm_add_column": "node-pg-migrate's SQL migration runs only what is under `-- Up Migration`; the trace also runs the `-- Down Migration` section (its hazard is `line 6: drops public.margin_accounts.auto_deleverage`, the down's DROP COLUMN) and labels a nullable ADD COLUMN with lock_timeout a hazard",
    "yoyo_cic_transactional": "yoyo runs each migration in a transaction unless the file says `-- transactional: false`, so this CREATE INDEX CONCURRENTLY fails with 25001; the trace runs the file bare (as plain psql) and labels it safe",
}
"""Cases the trace plainly gets wrong: kept out of cases/ and labels.toml, in tracer_defects/ with why."""

CASES = [(c[0], c[1], c[2], *c[5:]) for c in _CASES if c[0] not in TRACER_DEFECTS]

_BAD = {
    "mysql_online_ddl.sql": b"ALTER TABLE `positions` ADD COLUMN `hedge_ratio` DECIMAL(10,4) UNSIGNED NOT NULL AFTER `size`, ALGORITHM=INPLACE, LOCK=NONE;\n",
    "oracle_modify.sql": b"ALTER TABLE positions MODIFY (liquidation_price NUMBER(28,10) NOT NULL);\nCOMMIT;\n/\n",
    "sqlite_pragma.sql": b"PRAGMA foreign_keys=OFF;\nCREATE TABLE positions_new (id INTEGER PRIMARY KEY AUTOINCREMENT, size REAL) WITHOUT ROWID;\nPRAGMA foreign_keys=ON;\n",
    "cassandra_cql.sql": b"CREATE TABLE positions_by_account (account_id bigint, id timeuuid, PRIMARY KEY ((account_id), id)) WITH compaction = {'class': 'LeveledCompactionStrategy'};\n",
    "binary_png.sql": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
    + bytes(range(256)),
    "latin1_comment.sql": b"-- Positionsgr\xf6\xdfe f\xfcr das Risiko\nALTER TABLE positions ADD COLUMN notiz text;\n",
    "utf16le_no_bom.sql": "SET lock_timeout = '2s';\nALTER TABLE markets ADD COLUMN note text;\n".encode("utf-16-le"),
    "truncated_in_string.sql": b"BEGIN;\nUPDATE markets SET status = 'delis",
    "truncated_create_table.sql": b"CREATE TABLE hedges (\n    id bigserial PRIMARY KEY,\n    notional numeric(28,",
    "truncated_dollar_body.sql": b"CREATE FUNCTION hedge_ratio() RETURNS numeric LANGUAGE plpgsql AS $fn$\nBEGIN\n    RETURN 1;\n",
    "jinja_template.sql": b"ALTER TABLE {{ schema }}.positions ADD COLUMN {% if hedged %}hedge_ref{% endif %} text;\n",
    "pgroll_json.sql": b'{"name": "add_hedge_ref", "operations": [{"add_column": {"table": "positions", "column": {"name": "hedge_ref", "type": "text", "nullable": true}}}]}\n',
    "liquibase_xml.sql": b'<?xml version="1.0" encoding="UTF-8"?>\n<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">\n  <changeSet id="1" author="perps"><addColumn tableName="positions"><column name="hedge_ref" type="text"/></addColumn></changeSet>\n</databaseChangeLog>\n',
    "merge_conflict_markers.sql": b"<<<<<<< HEAD\nALTER TABLE positions ADD COLUMN hedge_ref text;\n=======\nALTER TABLE positions ADD COLUMN hedge_id bigint;\n>>>>>>> feature/hedging\n",
}
"""Inputs that are not PostgreSQL at all: other dialects, other formats, binary, bad encodings, and files cut
off where no statement can parse (inside a string, a column list, a dollar-quoted body)."""


def write_extras(directory: Path) -> None:
    blindset.write_extras(directory, "blind7", _CASES, TRACER_DEFECTS, _BAD, write, DIRECTORY_TOOLS)
