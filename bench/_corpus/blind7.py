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

TRACER_DEFECTS: dict[str, str] = {}
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
