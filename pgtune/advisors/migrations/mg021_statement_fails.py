"""MG021: a statement that failed when ``--trace`` ran the migration on a clone of the database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding
from .context import MigrationContext

RULE = Rule(
    id="MG021",
    slug="statement-fails",
    title="Statement fails when the migration runs",
    why="""
A migration that fails half-way leaves the deploy stuck: outside a transaction block the statements before it
stay applied, and an INVALID index or a half-done backfill may be left behind.

**With --trace**, pgtune runs each file on a throwaway clone of the database (CREATE DATABASE … TEMPLATE) and
reports the first statement the server refused, with its SQLSTATE and message; the statements after it were
not run.

**From the text alone** (no schema needed):

- CREATE INDEX CONCURRENTLY on a partitioned table; DROP INDEX CONCURRENTLY of several indexes or with CASCADE;
  ADD COLUMN ... NOT NULL without a default on a table with rows; an enum value used in the transaction that
  added it.
- DISTINCT, GROUP BY, a btree index or a UNIQUE constraint on a json column (json has no equality operator;
  jsonb has).
- An index expression or partial-index predicate calling a function that is not immutable (42P17): now(),
  CURRENT_TIMESTAMP and CURRENT_DATE, random(), to_char(), a timestamptz's ::date, date_trunc() or extract(), a
  PL/pgSQL function declared STABLE or VOLATILE (the default). A LANGUAGE sql function is inlined first, so only
  its body counts.
- A command PostgreSQL refuses inside a transaction block (VACUUM, CREATE/DROP DATABASE or TABLESPACE, ALTER
  SYSTEM, REINDEX SCHEMA/DATABASE/SYSTEM, CLUSTER without a table, ALTER DATABASE ... SET TABLESPACE, CREATE
  SUBSCRIPTION creating a slot) inside BEGIN ... COMMIT or a tool's transaction.
- Syntax newer than the target (--pg-version), from the release notes: MERGE and UNIQUE NULLS NOT DISTINCT (15);
  IS JSON, the JSON constructors, VACUUM BUFFER_USAGE_LIMIT and COPY DEFAULT (16); MERGE ... RETURNING, WHEN NOT
  MATCHED BY SOURCE, merge_action(), JSON_TABLE, JSON_VALUE/QUERY/EXISTS, SET EXPRESSION and COPY ON_ERROR (17);
  virtual generated columns, NOT NULL ... NOT VALID, NOT NULL table constraints, NOT ENFORCED constraints,
  WITHOUT OVERLAPS and a NOT VALID foreign key on a partitioned table (18).
- Built-in functions newer than the target, unless the files create one of that name: any_value(),
  pg_input_is_valid(), random_normal(), date_add() … (16); uuid_extract_timestamp(), to_bin() … (17); uuidv7(),
  casefold(), array_sort(), crc32() … (18). SET of a setting newer than the target: transaction_timeout (17).

**With the schema known** (--history, --snapshot, --dsn):

- A column, constraint (DROP, VALIDATE or RENAME CONSTRAINT without IF EXISTS) or table a foreign key
  references that the schema does not have; DROP TABLE or DROP VIEW of one the --history files never create.
  Never claimed after dynamic SQL in a DO block, a CALL or an unknown function, which may create anything (a DO
  block's plain statements and EXECUTEs of literals are read).
- CREATE FUNCTION or PROCEDURE ... LANGUAGE sql whose body names a table, or a column of a fully known table,
  that the schema lacks: the body is analysed at CREATE while check_function_bodies is on (the default; pg_dump
  turns it off). PL/pgSQL bodies and functions with polymorphic parameters are not analysed there.
- A DO block whose top-level `IF ... THEN RAISE EXCEPTION` guard holds: `[NOT] EXISTS` over
  information_schema.columns or .tables, or over a table whose rows the files inserted.
- DROP INDEX CONCURRENTLY of a partitioned table's index; DETACH PARTITION ... CONCURRENTLY when the table has a
  DEFAULT partition; a UNIQUE index or constraint on a partitioned table without every partition key column.
- CREATE OR REPLACE VIEW that drops or renames a column the view has (new columns may only be added at the end);
  REFRESH MATERIALIZED VIEW CONCURRENTLY of a view with no unique index on plain columns without WHERE, or never
  populated (WITH NO DATA).
- ALTER SEQUENCE whose MINVALUE/MAXVALUE (or AS type) leaves START or RESTART outside the bounds; ALTER COLUMN
  ... TYPE of a column a view, materialized view or stored generated column reads; ADD CONSTRAINT ... USING
  INDEX of an index that already backs a constraint, or is not unique, partial or on an expression; a BEFORE
  row trigger whose WHEN reads NEW of a generated column, or the whole NEW row of a table that has one.
- With --dsn, CREATE EXTENSION (IF NOT EXISTS or not) of an extension pg_available_extensions does not list.
- CREATE INDEX without IF NOT EXISTS of a name the schema has (42P07).

**From what depends on what** (pg_depend, from --history; columns, defaults and foreign keys also from --dsn):

- DROP SEQUENCE while a column default calls nextval() of it, or of an identity column's sequence even with
  CASCADE; DROP TYPE or DROP DOMAIN while a column or a domain uses it; DROP TABLE while another table's foreign
  key references it or a view reads it; DROP COLUMN while a foreign key references it or a view or stored
  generated column reads it (2BP01, without CASCADE).
- TRUNCATE of a table another table's foreign key references unless that table is truncated with it or CASCADE
  is given (0A000); a DELETE of every row of a table another holds rows referencing through NOT NULL columns ON
  DELETE NO ACTION or RESTRICT (23503).

**From the enum's labels and the partitions' bounds**:

- ADD VALUE ... BEFORE/AFTER a label the enum lacks, RENAME VALUE of one (22023), ADD VALUE of a label it has
  without IF NOT EXISTS (42710).
- A new partition whose range or list overlaps a partition's, a hash modulus that does not divide or is not
  divided by the others, an empty range, a second DEFAULT partition (42P17); ATTACH PARTITION of a table whose
  column is nullable where the parent's is NOT NULL (42804).

**From the constants an INSERT or UPDATE writes**:

- A value that is not a label of the column's enum (in a LIST partition's bound too), that breaks a domain's
  CHECK (comparisons, plain regular expressions) or its base type's length, or a table CHECK of comparisons.
- A value for a GENERATED ALWAYS identity without OVERRIDING SYSTEM VALUE, or for a generated column (an UPDATE
  may set them only to DEFAULT); a row no partition of a table without a DEFAULT partition accepts; a UNIQUE
  value the files already inserted.
- More rows (VALUES, SELECT over generate_series) than the sequence filling a serial, identity or nextval()
  default has left before MAXVALUE, counted from its bounds, a setval of a constant and the rows the history
  drew, or with --snapshot/--dsn from pg_sequences (last_value, max_value, increment_by).

**From the rows the files inserted** (constants, and INSERT ... SELECT over generate_series, crossed with other
series, unnest of constant arrays and LATERAL one-row subqueries, computed: arithmetic, CASE, ||, array
subscripts, casts, md5, and the values a sequence fills):

- A row a CHECK rejects (IS NOT NULL included) fails VALIDATE CONSTRAINT or ADD CONSTRAINT; a key held twice
  fails a UNIQUE index or constraint; a key no row of the referenced table holds (every row of it known) fails
  a foreign key, and so does an INSERT of such a key; ATTACH PARTITION fails on a row outside the bound.
- An UPDATE fails on a row its WHERE matches when the row it writes breaks a CHECK, NOT VALID ones included
  (PostgreSQL re-checks every row an UPDATE writes, whatever column it sets), when a division in its SET list
  (or WHERE) meets a zero (22012), or when it writes an integer its column's type cannot hold (22003).
- An UPDATE, DELETE or TRUNCATE of the table voids these claims.

**From pg_stats** (--snapshot or --dsn, as of the last ANALYZE; sampled values are real rows, but a sample may
miss the one bad row, so silence proves nothing):

- NULLs (null_frac > 0) make SET NOT NULL and a PRIMARY KEY fail; a repeated value (n_distinct other than minus
  the non-null fraction, which ANALYZE stores only when every sampled value was distinct) makes a single-column
  UNIQUE fail.
- A sampled value (a histogram end or a most common value) that a CHECK of column-to-constant comparisons
  rejects makes ADD CONSTRAINT or VALIDATE CONSTRAINT fail, and an UPDATE of every row that sets none of the
  CHECK's columns; a sampled zero fails an UPDATE of every row dividing by that column.
- A sampled row of the DEFAULT partition inside a new partition's bound makes CREATE TABLE ... PARTITION OF or
  ATTACH PARTITION fail.
- An UPDATE or DELETE of the table earlier in the checked files voids these claims.

**As a warning**, a possible failure no schema source settles: a UNIQUE index on an expression that maps many
values to one (lower(), upper(), trim, date_trunc, a cast to date…) over existing rows (--probe counts the
collisions, --trace runs it).

**With --dsn --probe**, one read-only counting query per such statement asks the rows themselves (orphans
included, and the rows an UPDATE writes that a NOT VALID CHECK rejects or that divide by zero); a count is a
failure, a zero withdraws the sample's claim.
""",
    bad_example="ALTER TABLE orders ADD COLUMN venue text NOT NULL;",
    good_example="ALTER TABLE orders ADD COLUMN venue text NOT NULL DEFAULT 'main';",
    severity=Severity.CRITICAL,
    needs=(
        "--history or --snapshot for missing objects; --snapshot or --dsn (pg_stats) for NULLs and duplicates; "
        "--trace for the rest only the data shows",
    ),
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    reported: set[tuple[str, int, int]] = set()
    for action in actions:
        location = (action.file, action.line, action.column)
        if action.first_release and context.server_version_num < action.first_release[0]:
            since, construct = action.first_release
            action = replace(
                action,
                fails=action.fails
                or f"{construct} is new in PostgreSQL {since // 10000}; the target is PostgreSQL "
                f"{context.server_version_num // 10000} (--pg-version), which refuses it",
            )
        if action.may_fail and not (action.traced or action.fails or location in reported):
            reported.add(location)
            yield finding(
                RULE,
                action,
                context,
                f"The statement may fail when it runs: {action.may_fail}",
                "Count the rows that would collide first (or run --dsn --probe), and repair them before the build.",
                severity=Severity.WARNING,
                timed=False,
            )
            continue
        if location in reported or not (action.error or (action.fails and not action.traced)):
            continue
        reported.add(location)
        if action.error:
            message = f"The statement failed on a clone of the database: {action.error}"
            help = "Fix the statement (or what it depends on) and trace again; the statements after it did not run."
        else:
            message = f"The statement will fail when it runs: {action.fails}"
            help = "Rewrite it as the message says; --trace runs it on a clone of the database to be sure."
            if action.fails.startswith("probed read-only"):
                help = (
                    "Repair the rows the probe counted first (or leave them out of the UPDATE's WHERE)."
                    if action.kind is Kind.UPDATE
                    else "Repair the rows the probe counted first, or add the constraint NOT VALID and validate it "
                    "later."
                )
        yield finding(RULE, action, context, message, help, timed=False)
