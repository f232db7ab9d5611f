# ruff: noqa: E501  (each case is one migration, kept on one line as the tool writes it)
"""blind3: the sixth corpus, a crypto derivatives / margin-trading schema (bench/gate_corpus/blind3/).

Written as a reviewing DBA would, from the tools' own output formats and the peers' documentation
(squawk's rules, eugene's hints, strong_migrations' README, pgfence, PostgreSQL's ALTER TABLE / ALTER
DOMAIN / CREATE INDEX / partitioning pages), without reading pgtune's rules or the other corpora's cases.
``EXPECT`` is the author's expectation per case (written before the first trace, never changed after it):
``expected.toml``; the labels are what the server's trace saw (``labels.toml``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .tools import alembic, dbmate, django, plain, prisma, rails

H, S = "hazard", "safe"
CASES: list[tuple[str, ...]] = []
EXPECT: dict[str, tuple[str, str, str]] = {}
"""name → (label, the tool, a DBA's reason)."""
LAYOUT: dict[str, tuple[str, str]] = {}
"""Cases that need a directory of their own: name → (layout, extra text)."""


def case(name: str, tool: str, text: str, expect: str, reason: str, down: str = "", layout: str = "", extra: str = ""):
    # A Flyway repeatable migration (R__name.sql) keeps its own name; versioned ones get V42__.
    writer = tool if tool in ("golang-migrate", "flyway") and not layout and not name.startswith("R__") else "plain"
    CASES.append((name, writer, text, down) if down else (name, writer, text))
    EXPECT[name] = (expect, tool, reason)
    if layout:
        LAYOUT[name] = (layout, extra)


# --- the tools' layouts not in tools.py -------------------------------------------------------------------


def goose(sql: str, transaction: bool = True, down: str = "") -> str:
    head = "" if transaction else "-- +goose NO TRANSACTION\n"
    tail = f"\n-- +goose Down\n{down.strip()}\n" if down else ""
    return f"{head}-- +goose Up\n{sql.strip()}\n{tail}"


def liquibase(changesets: list[tuple[str, str, str]], author: str = "mkovac") -> str:
    """Liquibase formatted SQL: (id and attributes, sql, rollback)."""
    out = ["--liquibase formatted sql", ""]
    for ident, sql, rollback in changesets:
        out += [f"--changeset {author}:{ident}", sql.strip()]
        if rollback:
            out.append(f"--rollback {rollback}")
        out.append("")
    return "\n".join(out)


def liquibase_update_sql(changesets: list[tuple[str, str]], changelog: str = "db/changelog/perp-042.sql") -> str:
    """What ``liquibase update-sql`` prints: the lock, each changeset and its DATABASECHANGELOG row, the unlock."""
    out = [
        "-- *********************************************************************",
        "-- Update Database Script",
        "-- *********************************************************************",
        f"-- Change Log: {changelog}",
        "-- Ran at: 12/2/26, 9:30 AM",
        "-- Against: perp_owner@jdbc:postgresql://db.internal:5432/perp",
        "-- Liquibase version: 4.29.2",
        "-- *********************************************************************",
        "",
        "-- Lock Database",
        "UPDATE public.databasechangeloglock SET LOCKED = TRUE, LOCKEDBY = 'deploy-7f9c (10.0.3.7)', "
        "LOCKGRANTED = NOW() WHERE ID = 1 AND LOCKED = FALSE;",
        "",
    ]
    for order, (ident, sql) in enumerate(changesets, 1):
        out += [f"-- Changeset {changelog}::{ident}::mkovac", sql.strip(), ""]
        out.append(
            "INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, "
            "DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES "
            f"('{ident}', 'mkovac', '{changelog}', NOW(), {order}, '9:5d1c2e{order}0f', 'sql', '', 'EXECUTED', "
            "NULL, NULL, '4.29.2', '4903012345');"
        )
        out.append("")
    out += ["-- Release Database Lock", "UPDATE public.databasechangeloglock SET LOCKED = FALSE, LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1;", ""]
    return "\n".join(out)


def knex(sql: str, name: str, transaction: bool = True) -> str:
    """The statements ``DEBUG=knex:query knex migrate:latest`` prints, in order."""
    body = sql.strip() + "\n"
    book = (
        'insert into "knex_migrations" ("batch", "migration_time", "name") values '
        f"(42, '2026-12-02T09:30:00.000Z', '{name}.js');\n"
    )
    return f"begin;\n{body}{book}commit;\n" if transaction else body + book


def typeorm(sql: str, name: str, transaction: bool = True) -> str:
    """``typeorm migration:run`` with query logging: the generated up() statements and the bookkeeping."""
    body = sql.strip() + "\n"
    book = f"INSERT INTO \"migrations\"(\"timestamp\", \"name\") VALUES (1764667800000, '{name}1764667800000');\n"
    return f"START TRANSACTION;\n{body}{book}COMMIT;\n" if transaction else body + book


def sequelize(sql: str, name: str) -> str:
    """What ``sequelize db:migrate`` executes (it opens no transaction unless the migration asks)."""
    return f"{sql.strip()}\nINSERT INTO \"SequelizeMeta\" (\"name\") VALUES ('{name}.js');\n"


def ecto(sql: str, version: int, transaction: bool = True) -> str:
    """``mix ecto.migrate --log-migrations-sql``: the migration's SQL and the schema_migrations row."""
    body = sql.strip().rstrip(";") + ";\n"
    book = f"INSERT INTO \"schema_migrations\" (\"version\",\"inserted_at\") VALUES ('{version}','2026-12-02 09:30:00');\n"
    return f"BEGIN;\n{body}{book}COMMIT;\n" if transaction else body + book


def efcore(migration: str, statements: list[str], applied: bool = False) -> str:
    """``dotnet ef migrations script --idempotent``: each statement in a DO block guarded by the history."""
    del applied
    out = ["START TRANSACTION;", ""]
    for statement in [*statements, None]:
        if statement is None:
            statement = (
                'INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")\n'
                f"    VALUES ('{migration}', '8.0.11');"
            )
        out += [
            "DO $EF$",
            "BEGIN",
            f"    IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{migration}') THEN",
            f"    {statement.strip()}",
            "    END IF;",
            "END $EF$;",
            "",
        ]
    out += ["COMMIT;", ""]
    return "\n".join(out)


def drizzle(statements: list[str]) -> str:
    return "--> statement-breakpoint\n".join(s.strip() + "\n" for s in statements)


def atlas(sql: str, txmode_none: bool = False) -> str:
    head = "-- atlas:txmode none\n\n" if txmode_none else ""
    return f"{head}{sql.strip()}\n"


# --- Django sqlmigrate --------------------------------------------------------------------------------------

DJ_LT = "--\n-- Raw SQL operation\n--\nSET lock_timeout = '3s';\n"
case("dj_add_nullable_field", "django", django("Add field risk_note to marginaccount",
     'ALTER TABLE "margin_accounts" ADD COLUMN "risk_note" text NULL;'), H,
     "ADD COLUMN takes ACCESS EXCLUSIVE on margin_accounts and no lock_timeout is set: it queues behind any long read and blocks all traffic meanwhile")
case("dj_add_nullable_field_lock_timeout", "django", django("Add field risk_note to marginaccount",
     DJ_LT + '--\n-- Add field risk_note to marginaccount\n--\nALTER TABLE "margin_accounts" ADD COLUMN "risk_note" text NULL;'), S,
     "catalog-only ADD COLUMN under a lock_timeout set by a RunSQL operation first")
case("dj_add_field_default_then_drop_default", "django", django("Add field risk_group to marginaccount",
     DJ_LT + '--\n-- Add field risk_group to marginaccount\n--\n'
     'ALTER TABLE "margin_accounts" ADD COLUMN "risk_group" varchar(16) DEFAULT \'standard\' NOT NULL;\n'
     'ALTER TABLE "margin_accounts" ALTER COLUMN "risk_group" DROP DEFAULT;'), S,
     "a constant default is stored in the catalog since PostgreSQL 11: no rewrite; NOT NULL holds from the default; lock_timeout set")
case("dj_db_default_statement_timestamp", "django", django("Add field risk_reviewed_at to marginaccount",
     DJ_LT + '--\n-- Add field risk_reviewed_at to marginaccount\n--\n'
     'ALTER TABLE "margin_accounts" ADD COLUMN "risk_reviewed_at" timestamp with time zone DEFAULT (STATEMENT_TIMESTAMP()) NOT NULL;'), S,
     "statement_timestamp() is STABLE, evaluated once at ALTER time and stored as the missing value: no rewrite")
case("dj_db_default_random_uuid", "django", django("Add field public_id to position",
     DJ_LT + '--\n-- Add field public_id to position\n--\n'
     'ALTER TABLE "positions" ADD COLUMN "public_id" uuid DEFAULT (GEN_RANDOM_UUID()) NOT NULL;'), H,
     "gen_random_uuid() is volatile: every row needs its own value, so positions is rewritten under ACCESS EXCLUSIVE")
case("dj_add_index_atomic", "django", django("Create index positions_client_tag on field(s) client_tag of model position",
     'CREATE INDEX "positions_client_tag_6a1d2b3c" ON "positions" ("client_tag");\n'
     'CREATE INDEX "positions_client_tag_6a1d2b3c_like" ON "positions" ("client_tag" varchar_pattern_ops);'), H,
     "plain CREATE INDEX holds SHARE on positions while it reads 40k rows: writes wait for the build")
case("dj_add_index_concurrently", "django", django("Concurrently create index positions_closed_at on field(s) closed_at of model position",
     'CREATE INDEX CONCURRENTLY "positions_closed_at_idx" ON "positions" ("closed_at");', atomic=False), S,
     "AddIndexConcurrently in a non-atomic migration: SHARE UPDATE EXCLUSIVE only, writes continue")
case("dj_add_index_concurrently_left_atomic", "django", django("Concurrently create index positions_closed_at on field(s) closed_at of model position",
     'CREATE INDEX CONCURRENTLY "positions_closed_at_idx" ON "positions" ("closed_at");'), H,
     "the migration forgot atomic = False: CREATE INDEX CONCURRENTLY cannot run inside a transaction block and the deploy fails")
case("dj_alter_field_max_length_up", "django", django("Alter field display_name on user",
     DJ_LT + '--\n-- Alter field display_name on user\n--\nALTER TABLE "users" ALTER COLUMN "display_name" TYPE varchar(128);'), S,
     "raising a varchar limit is binary-compatible: no rewrite, no index rebuild; lock_timeout set")
case("dj_alter_field_max_length_down", "django", django("Alter field client_tag on position",
     DJ_LT + '--\n-- Alter field client_tag on position\n--\nALTER TABLE "positions" ALTER COLUMN "client_tag" TYPE varchar(16);'), H,
     "lowering a varchar limit re-checks every row and rewrites positions under ACCESS EXCLUSIVE")
case("dj_bigautofield_margin_calls", "django", django("Alter field ticket on margincall",
     DJ_LT + '--\n-- Alter field ticket on margincall\n--\n'
     'ALTER TABLE "margin_calls" ALTER COLUMN "ticket" TYPE bigint USING "ticket"::bigint;\n'
     'ALTER SEQUENCE "margin_call_ticket_seq" AS bigint;'), H,
     "integer to bigint rewrites margin_calls and rebuilds its primary key under ACCESS EXCLUSIVE")
case("dj_remove_field", "django", django("Remove field client_tag from position",
     DJ_LT + '--\n-- Remove field client_tag from position\n--\nALTER TABLE "positions" DROP COLUMN "client_tag" CASCADE;'), H,
     "drops a column the running release still selects (the view open_positions does not, the ORM does)")
case("dj_rename_field", "django", django("Rename field display_name on user to nickname",
     DJ_LT + '--\n-- Rename field display_name on user to nickname\n--\nALTER TABLE "users" RENAME COLUMN "display_name" TO "nickname";'), H,
     "renaming a column breaks the release that is still running until every pod is replaced")
case("dj_create_model_with_fk", "django", django("Create model WithdrawalLimit",
     'CREATE TABLE "withdrawal_limits" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, '
     '"daily_usd" numeric(38, 8) NOT NULL, "user_id" bigint NOT NULL);\n'
     'ALTER TABLE "withdrawal_limits" ADD CONSTRAINT "withdrawal_limits_user_id_5c0f9e1b_fk_users_id" FOREIGN KEY ("user_id") '
     'REFERENCES "users" ("id") DEFERRABLE INITIALLY DEFERRED;\n'
     'CREATE INDEX "withdrawal_limits_user_id_5c0f9e1b" ON "withdrawal_limits" ("user_id");'), H,
     "the foreign key takes SHARE ROW EXCLUSIVE on users until COMMIT with no lock_timeout: writes to users wait")
case("dj_create_model_with_fk_lock_timeout", "django", django("Create model WithdrawalLimit",
     DJ_LT + '--\n-- Create model WithdrawalLimit\n--\n'
     'CREATE TABLE "withdrawal_limits" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, '
     '"daily_usd" numeric(38, 8) NOT NULL, "user_id" bigint NOT NULL);\n'
     'ALTER TABLE "withdrawal_limits" ADD CONSTRAINT "withdrawal_limits_user_id_5c0f9e1b_fk_users_id" FOREIGN KEY ("user_id") '
     'REFERENCES "users" ("id") DEFERRABLE INITIALLY DEFERRED;\n'
     'CREATE INDEX "withdrawal_limits_user_id_5c0f9e1b" ON "withdrawal_limits" ("user_id");'), S,
     "a new, empty table; the brief SHARE ROW EXCLUSIVE on users is bounded by lock_timeout")
case("dj_add_fk_field", "django", django("Add field margin_account to apikey",
     'ALTER TABLE "api_keys" ADD COLUMN "margin_account_id" bigint NULL CONSTRAINT "api_keys_margin_account_id_0b7d6c2a_fk_margin_accounts_id" '
     'REFERENCES "margin_accounts"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "api_keys_margin_account_id_0b7d6c2a_fk_margin_accounts_id" IMMEDIATE;\n'
     'CREATE INDEX "api_keys_margin_account_id_0b7d6c2a" ON "api_keys" ("margin_account_id");'), H,
     "ACCESS EXCLUSIVE on api_keys, SHARE ROW EXCLUSIVE on margin_accounts and a blocking index build, no lock_timeout")
case("dj_alter_field_null_false_with_nulls", "django", django("Alter field collateral_asset on marginaccount",
     DJ_LT + '--\n-- Alter field collateral_asset on marginaccount\n--\n'
     'ALTER TABLE "margin_accounts" ALTER COLUMN "collateral_asset" SET NOT NULL;'), H,
     "625 accounts have no collateral asset: SET NOT NULL fails at deploy time")
case("dj_alter_field_null_false_clean", "django", django("Alter field payload on auditlog",
     DJ_LT + '--\n-- Alter field payload on auditlog\n--\nALTER TABLE "audit_log" ALTER COLUMN "payload" SET NOT NULL;'), H,
     "the NOT VALID check on payload does not spare the scan: SET NOT NULL reads all of audit_log under ACCESS EXCLUSIVE")
case("dj_add_check_constraint_violated", "django", django("Create constraint balance_nonneg on model marginaccount",
     DJ_LT + '--\n-- Create constraint balance_nonneg on model marginaccount\n--\n'
     'ALTER TABLE "margin_accounts" ADD CONSTRAINT "balance_nonneg" CHECK ("balance" >= 0);'), H,
     "bankrupt accounts carry negative balances: the constraint fails to add")
case("dj_add_check_constraint_clean", "django", django("Create constraint leverage_matches on model position",
     DJ_LT + '--\n-- Create constraint positive_entry on model position\n--\n'
     'ALTER TABLE "positions" ADD CONSTRAINT "positive_entry" CHECK ("entry_price" > 0);'), H,
     "a validated CHECK scans all 40k positions while ACCESS EXCLUSIVE blocks reads and writes")
case("dj_runsql_check_not_valid", "django", django("Raw SQL operation",
     DJ_LT + '--\n-- Raw SQL operation\n--\n'
     'ALTER TABLE "positions" ADD CONSTRAINT "positive_entry" CHECK ("entry_price" > 0) NOT VALID;'), S,
     "NOT VALID skips the scan: a brief lock under lock_timeout")
case("dj_runsql_validate_separate", "django", django("Raw SQL operation",
     '--\n-- Raw SQL operation\n--\nALTER TABLE "positions" VALIDATE CONSTRAINT "positions_size_nonneg";'), S,
     "VALIDATE CONSTRAINT in its own migration takes SHARE UPDATE EXCLUSIVE: reads and writes continue during the scan; data is clean")
case("dj_rename_model", "django", django("Rename model MarginCall to MarginAlert",
     DJ_LT + '--\n-- Rename model MarginCall to MarginAlert\n--\nALTER TABLE "margin_calls" RENAME TO "margin_alerts";'), H,
     "the running release still queries margin_calls")
case("dj_delete_model", "django", django("Delete model MarginCall",
     DJ_LT + '--\n-- Delete model MarginCall\n--\nDROP TABLE "margin_calls" CASCADE;'), H,
     "drops a table with live margin-call tickets")
case("dj_unique_email", "django", django("Alter field email on user",
     DJ_LT + '--\n-- Alter field email on user\n--\n'
     'ALTER TABLE "users" ADD CONSTRAINT "users_email_key" UNIQUE ("email");\n'
     'CREATE INDEX "users_email_like" ON "users" ("email" text_pattern_ops);'), H,
     "duplicate e-mails exist: the unique constraint fails (and would build under ACCESS EXCLUSIVE anyway)")
case("dj_gin_index_concurrently", "django", django("Concurrently create index kyc_meta_gin on field(s) meta of model kycdocument",
     'CREATE INDEX CONCURRENTLY "kyc_meta_gin" ON "kyc_documents" USING gin ("meta");', atomic=False), S,
     "GIN built concurrently outside a transaction: writes continue")
case("dj_alter_field_choices_noop", "django", "BEGIN;\n--\n-- Alter field status on position\n--\n-- (no-op)\nCOMMIT;\n", S,
     "changing choices emits no SQL: an empty transaction")
case("dj_remove_index_concurrently", "django", django("Concurrently remove index positions_open_idx from position",
     'DROP INDEX CONCURRENTLY IF EXISTS "positions_open_idx";', atomic=False), S,
     "RemoveIndexConcurrently: DROP INDEX CONCURRENTLY does not block reads or writes")

# --- Rails (ActiveRecord's SQL) ------------------------------------------------------------------------------

RL_LT = "SET lock_timeout TO '5s'"
case("rails_add_column_default_false", "rails", rails('ALTER TABLE "positions" ADD "reduce_only" boolean DEFAULT FALSE NOT NULL'), H,
     "ACCESS EXCLUSIVE on positions, no lock_timeout (strong_migrations sets one; this app does not)")
case("rails_add_column_default_false_lock_timeout", "rails", rails(f'{RL_LT}\nALTER TABLE "positions" ADD "reduce_only" boolean DEFAULT FALSE NOT NULL'), S,
     "constant default (no rewrite) and lock_timeout")
case("rails_add_index_concurrently", "rails",
     'CREATE INDEX CONCURRENTLY "index_api_keys_on_last_used_at" ON "api_keys" ("last_used_at");\n'
     "INSERT INTO \"schema_migrations\" (\"version\") VALUES ('20261202093001');\n", S,
     "disable_ddl_transaction! with algorithm: :concurrently")
case("rails_add_index_in_transaction", "rails", rails('CREATE INDEX "index_api_keys_on_last_used_at" ON "api_keys" ("last_used_at")'), H,
     "add_index without algorithm: :concurrently blocks writes to api_keys during the build")
case("rails_add_reference_concurrently_no_timeout", "rails",
     'ALTER TABLE "kyc_documents" ADD "margin_account_id" bigint;\n'
     'CREATE INDEX CONCURRENTLY "index_kyc_documents_on_margin_account_id" ON "kyc_documents" ("margin_account_id");\n'
     "INSERT INTO \"schema_migrations\" (\"version\") VALUES ('20261202093002');\n", H,
     "the index is concurrent but the ADD COLUMN takes ACCESS EXCLUSIVE with no lock_timeout")
case("rails_add_foreign_key_not_valid", "rails", rails(f'{RL_LT}\nALTER TABLE "margin_calls" ADD CONSTRAINT "fk_rails_4f1a9c2b7e" FOREIGN KEY ("account_id") REFERENCES "margin_accounts" ("id") NOT VALID'), S,
     "add_foreign_key validate: false: no scan, brief locks under lock_timeout")
case("rails_validate_foreign_key_clean", "rails", rails('ALTER TABLE "kyc_documents" VALIDATE CONSTRAINT "kyc_documents_user_fk"'), S,
     "validate_foreign_key: SHARE UPDATE EXCLUSIVE on kyc_documents, ROW SHARE on users; no orphans")
case("rails_validate_foreign_key_orphans", "rails", rails('ALTER TABLE "api_keys" VALIDATE CONSTRAINT "api_keys_user_fk"'), H,
     "api_keys holds keys of hard-deleted users: validation fails")
case("rails_change_column_null_with_nulls", "rails", rails(f'{RL_LT}\nALTER TABLE "positions" ALTER COLUMN "mark_price" SET NOT NULL'), H,
     "positions have NULL mark prices: fails")
case("rails_change_column_null_with_default", "rails",
     rails(f'{RL_LT}\nUPDATE "positions" SET "mark_price"=0 WHERE "mark_price" IS NULL\nALTER TABLE "positions" ALTER COLUMN "mark_price" SET NOT NULL'), H,
     "change_column_null with a default: the backfill passes, then SET NOT NULL scans positions under ACCESS EXCLUSIVE")
case("rails_string_to_text", "rails", rails(f'{RL_LT}\nALTER TABLE "users" ALTER COLUMN "display_name" TYPE text'), S,
     "varchar to text is binary-coercible: no rewrite")
case("rails_decimal_scale_change", "rails", rails(f'{RL_LT}\nALTER TABLE "margin_accounts" ALTER COLUMN "balance" TYPE decimal(38,10)'), H,
     "changing a numeric's scale rewrites every row of margin_accounts")
case("rails_rename_column", "rails", rails(f'{RL_LT}\nALTER TABLE "api_keys" RENAME COLUMN "label" TO "name"'), H,
     "rename breaks the running release")
case("rails_remove_column_after_ignore", "rails", rails(f'{RL_LT}\nALTER TABLE "users" DROP COLUMN "settings"'), H,
     "even with ignored_columns deployed, the SQL drops a column; I flag it for the reviewer to confirm")
case("rails_create_table", "rails", rails('CREATE TABLE "fee_schedules" ("id" bigserial primary key, "tier" smallint NOT NULL, "maker_bps" decimal(6,2) NOT NULL, "taker_bps" decimal(6,2) NOT NULL, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL)'), S,
     "a new table with no foreign keys")
case("rails_create_table_with_fk", "rails", rails('CREATE TABLE "position_notes" ("id" bigserial primary key, "position_id" bigint NOT NULL, "body" text, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL, CONSTRAINT "fk_rails_0c9e5d1f3a" FOREIGN KEY ("position_id") REFERENCES "positions" ("id"))\nCREATE INDEX "index_position_notes_on_position_id" ON "position_notes" ("position_id")'), H,
     "t.references foreign_key: true locks positions in SHARE ROW EXCLUSIVE until commit, no lock_timeout")
case("rails_change_column_default", "rails", rails('ALTER TABLE "markets" ALTER COLUMN "max_leverage" SET DEFAULT 25'), H,
     "catalog-only, but ACCESS EXCLUSIVE on markets (read by every order) without lock_timeout")
case("rails_check_constraint_not_valid", "rails", rails(f'{RL_LT}\nALTER TABLE "margin_calls" ADD CONSTRAINT "margin_ratio_positive" CHECK (margin_ratio > 0) NOT VALID'), S,
     "add_check_constraint validate: false")
case("rails_jsonb_default_lock_timeout", "rails", rails(f"{RL_LT}\nALTER TABLE \"markets\" ADD \"risk_flags\" jsonb DEFAULT '{{}}' NOT NULL"), S,
     "constant jsonb default, no rewrite")
case("rails_backfill_in_batches", "rails",
     "UPDATE \"positions\" SET \"client_tag\" = 'legacy' WHERE \"positions\".\"id\" IN (SELECT \"positions\".\"id\" FROM \"positions\" WHERE \"positions\".\"client_tag\" IS NULL ORDER BY \"positions\".\"id\" ASC LIMIT 1000);\n", S,
     "in_batches(of: 1000).update_all: one bounded batch per statement")
case("rails_update_all", "rails", rails('UPDATE "margin_accounts" SET "version" = 0'), H,
     "update_all with no scope rewrites every account row in one transaction")
case("rails_unique_index_concurrently_dupes", "rails",
     'CREATE UNIQUE INDEX CONCURRENTLY "index_users_on_lower_email" ON "users" (lower(email));\n'
     "INSERT INTO \"schema_migrations\" (\"version\") VALUES ('20261202093003');\n", H,
     "duplicate e-mails: the unique build fails and leaves an INVALID index behind")
case("rails_remove_index_concurrently", "rails",
     'DROP INDEX CONCURRENTLY IF EXISTS "users_created_at_idx";\n'
     "INSERT INTO \"schema_migrations\" (\"version\") VALUES ('20261202093004');\n", S,
     "remove_index algorithm: :concurrently")
case("rails_change_table_bulk", "rails", rails(f'{RL_LT}\nALTER TABLE "api_keys" ADD "expires_at" timestamp(6), ADD "rotated_from_id" uuid'), S,
     "change_table bulk: true, two nullable columns in one ALTER under lock_timeout")

# --- Alembic --sql -----------------------------------------------------------------------------------------

AL = {"revision": "d00d00000042", "down": "c0ffee000041"}
AL_LT = "SET lock_timeout = '2s';\n\n"


def al(sql: str) -> str:
    return alembic(sql, **AL)


def al_autocommit(before: str, block: str, after: str = "") -> str:
    """op.get_context().autocommit_block() in offline mode: COMMIT, the block, BEGIN."""
    rev, down = AL["revision"], AL["down"]
    return (
        f"BEGIN;\n\n-- Running upgrade {down} -> {rev}\n\n{before.strip()}\n\nCOMMIT;\n\n{block.strip()}\n\nBEGIN;\n\n"
        f"{after.strip()}\n\nUPDATE alembic_version SET version_num='{rev}' WHERE alembic_version.version_num = '{down}';\n\nCOMMIT;\n"
    )


case("al_add_column_nullable", "alembic", al("ALTER TABLE insurance_fund_events ADD COLUMN tx_hash VARCHAR(66);"), H,
     "no lock_timeout before an ACCESS EXCLUSIVE ALTER")
case("al_add_column_server_default", "alembic", al(AL_LT + "ALTER TABLE margin_accounts ADD COLUMN liquidation_mode VARCHAR(16) DEFAULT 'auto' NOT NULL;"), S,
     "server_default constant: no rewrite; lock_timeout")
case("al_autocommit_block_cic", "alembic", al_autocommit("", "CREATE INDEX CONCURRENTLY ix_funding_rates_time ON funding_rates (funding_time);"), S,
     "autocommit_block: the concurrent build runs outside Alembic's transaction")
case("al_cic_without_autocommit_block", "alembic", al("CREATE INDEX CONCURRENTLY ix_funding_rates_time ON funding_rates (funding_time);"), H,
     "postgresql_concurrently=True without autocommit_block: fails inside the transaction")
case("al_timestamp_to_timestamptz_utc", "alembic", al(AL_LT + "ALTER TABLE users ALTER COLUMN created_at TYPE TIMESTAMP WITH TIME ZONE;"), S,
     "PostgreSQL 12+ skips the rewrite of timestamp to timestamptz when the session TimeZone is UTC, as on this server")
case("al_json_to_jsonb", "alembic", al(AL_LT + "ALTER TABLE audit_log ALTER COLUMN payload TYPE JSONB USING payload::jsonb;"), H,
     "json to jsonb rewrites audit_log")
case("al_enum_add_value", "alembic", al("ALTER TYPE market_status ADD VALUE 'settlement';"), S,
     "ADD VALUE inside a transaction is allowed since PostgreSQL 12 and locks no table")
case("al_enum_add_value_and_use", "alembic", al("ALTER TYPE market_status ADD VALUE 'settlement';\n\nUPDATE markets SET status='settlement' WHERE markets.id = 17;"), H,
     "a new enum value cannot be used in the transaction that added it: unsafe use of new value, the migration fails")
case("al_enum_add_value_autocommit_then_use", "alembic",
     al_autocommit("", "ALTER TYPE market_status ADD VALUE 'settlement';", "UPDATE markets SET status='settlement' WHERE markets.id = 17;"), S,
     "the value is committed by the autocommit block before the one-row update uses it")
case("al_drop_table", "alembic", al(AL_LT + "DROP TABLE margin_calls;"), H, "drops a live table")
case("al_create_table_with_fk_lock_timeout", "alembic", al(AL_LT + "CREATE TABLE position_tp_sl (\n    id BIGSERIAL NOT NULL,\n    position_id BIGINT NOT NULL,\n    take_profit NUMERIC(38, 12),\n    stop_loss NUMERIC(38, 12),\n    PRIMARY KEY (id),\n    FOREIGN KEY(position_id) REFERENCES positions (id)\n);"), S,
     "new table; the FK's lock on positions is bounded by lock_timeout")
case("al_bulk_insert_risk_tier", "alembic", al("INSERT INTO risk_limits (market_id, tier, max_notional, initial_margin_rate, maint_margin_rate) VALUES (1, 11, 100000000000, 0.5, 0.25);"), S,
     "op.bulk_insert of one reference row")
case("al_add_computed_column", "alembic", al(AL_LT + "ALTER TABLE margin_accounts ADD COLUMN free_margin NUMERIC GENERATED ALWAYS AS (balance - locked_margin) STORED;"), H,
     "a stored generated column is computed for every row: rewrite")
case("al_add_identity_column", "alembic", al(AL_LT + "ALTER TABLE api_keys ADD COLUMN seq_no BIGINT GENERATED BY DEFAULT AS IDENTITY;"), H,
     "an identity column fills every existing row: rewrite")
case("al_drop_fk_constraint", "alembic", al(AL_LT + "ALTER TABLE api_keys DROP CONSTRAINT api_keys_user_fk;"), S,
     "dropping a constraint is catalog-only; brief locks under lock_timeout")
case("al_delete_old_audit_rows", "alembic", al("DELETE FROM audit_log WHERE audit_log.at < '2026-10-05';"), S,
     "a bounded retention delete of a few thousand rows")
case("al_drop_not_null", "alembic", al(AL_LT + "ALTER TABLE kyc_documents ALTER COLUMN storage_key DROP NOT NULL;"), S,
     "DROP NOT NULL is catalog-only")
case("al_unique_constraint", "alembic", al(AL_LT + "ALTER TABLE kyc_documents ADD CONSTRAINT uq_kyc_storage_key UNIQUE (storage_key);"), H,
     "builds a unique index while ACCESS EXCLUSIVE blocks kyc_documents")
case("al_rename_table_keep_view", "alembic", al(AL_LT + "ALTER TABLE insurance_fund_events RENAME TO insurance_ledger;\n\nCREATE VIEW insurance_fund_events AS SELECT * FROM insurance_ledger;"), S,
     "the compatibility view is auto-updatable: old code keeps reading and inserting through it")

# --- Flyway ----------------------------------------------------------------------------------------------

case("fw_add_not_null_column_no_default", "flyway", plain("ALTER TABLE margin_accounts ADD COLUMN risk_engine_version integer NOT NULL;"), H,
     "NOT NULL without a default on a non-empty table fails")
case("fw_cic_alone", "flyway", plain("CREATE INDEX CONCURRENTLY idx_margin_calls_open ON margin_calls (account_id) WHERE resolved_at IS NULL;"), S,
     "Flyway runs a lone CONCURRENTLY statement outside a transaction")
case("fw_cic_mixed_with_ddl", "flyway", plain("SET lock_timeout = '2s';\nALTER TABLE margin_calls ADD COLUMN escalated boolean;\nCREATE INDEX CONCURRENTLY idx_margin_calls_escalated ON margin_calls (escalated);"), H,
     "Flyway refuses (or, with mixed, wraps) a file mixing transactional DDL and CONCURRENTLY: it does not deploy as written")
case("fw_conf_no_transaction_cic", "flyway", plain("CREATE INDEX CONCURRENTLY idx_liq_partial_market ON liquidations_partial (market_id);"), S,
     "executeInTransaction=false in the script's .sql.conf", layout="flyway-conf", extra="executeInTransaction=false\n")
case("fw_conf_in_transaction_cic", "flyway", plain("CREATE INDEX CONCURRENTLY idx_liq_full_market ON liquidations_full (market_id);"), H,
     "executeInTransaction=true forces a transaction around CONCURRENTLY: fails", layout="flyway-conf", extra="executeInTransaction=true\n")
case("fw_partition_overlapping_default_rows", "flyway", plain("SET lock_timeout = '2s';\nCREATE TABLE funding_payments_2027_01 PARTITION OF funding_payments\n    FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');"), H,
     "January's rows already sit in the DEFAULT partition: creating the partition fails")
case("fw_partition_future_with_default", "flyway", plain("SET lock_timeout = '2s';\nCREATE TABLE funding_payments_2027_03 PARTITION OF funding_payments\n    FOR VALUES FROM ('2027-03-01') TO ('2027-04-01');"), H,
     "the DEFAULT partition holding rows is scanned under an exclusive lock to prove none belong to March")
case("fw_partition_next_month_no_default", "flyway", plain("SET lock_timeout = '2s';\nCREATE TABLE price_index_ticks_2027_01 PARTITION OF price_index_ticks\n    FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');"), S,
     "no DEFAULT partition: a new empty partition, brief parent lock under lock_timeout")
case("fw_partition_next_month_no_timeout", "flyway", plain("CREATE TABLE price_index_ticks_2027_01 PARTITION OF price_index_ticks\n    FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');"), H,
     "CREATE TABLE ... PARTITION OF takes ACCESS EXCLUSIVE on the parent: no lock_timeout")
case("fw_attach_prepared_partition", "flyway", plain(
     "SET lock_timeout = '2s';\n"
     "CREATE TABLE price_index_ticks_2027_02 (LIKE price_index_ticks INCLUDING DEFAULTS INCLUDING CONSTRAINTS);\n"
     "ALTER TABLE price_index_ticks_2027_02 ADD CONSTRAINT ticks_2027_02_range CHECK (ts >= '2027-02-01' AND ts < '2027-03-01');\n"
     "ALTER TABLE price_index_ticks ATTACH PARTITION price_index_ticks_2027_02 FOR VALUES FROM ('2027-02-01') TO ('2027-03-01');"), S,
     "ATTACH takes SHARE UPDATE EXCLUSIVE on the parent; the new table is empty and carries the matching CHECK")
case("fw_detach_partition_plain", "flyway", plain("ALTER TABLE funding_payments DETACH PARTITION funding_payments_2026_09;"), H,
     "plain DETACH takes ACCESS EXCLUSIVE on funding_payments, no lock_timeout")
case("fw_detach_concurrently_conf", "flyway", plain("ALTER TABLE funding_payments DETACH PARTITION funding_payments_2026_09 CONCURRENTLY;"), S,
     "DETACH ... CONCURRENTLY (PostgreSQL 14+), outside a transaction by executeInTransaction=false", layout="flyway-conf", extra="executeInTransaction=false\n")
case("fw_update_all_positions", "flyway", plain("UPDATE positions SET realized_pnl = round(realized_pnl, 4);"), H,
     "an unbounded UPDATE of every position in one transaction")
case("fw_vacuum_full", "flyway", plain("VACUUM FULL audit_log;"), H, "VACUUM FULL rewrites audit_log under ACCESS EXCLUSIVE")
case("fw_index_on_partitioned_parent", "flyway", plain("CREATE INDEX idx_liquidations_market ON liquidations (market_id, liquidated_at);"), H,
     "an index on the partitioned parent is built on every partition while writes wait")
case("fw_grant_select", "flyway", plain("GRANT SELECT ON open_positions, account_equity TO PUBLIC;"), S, "a privilege change, no table lock")
case("fw_comment_on", "flyway", plain("COMMENT ON COLUMN positions.notional IS 'size * entry_price, in quote currency';"), S,
     "COMMENT takes SHARE UPDATE EXCLUSIVE: reads and writes continue")
case("fw_create_trigger", "flyway", plain(
     "CREATE FUNCTION positions_touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.mark_price := coalesce(NEW.mark_price, NEW.entry_price);\n  RETURN NEW;\nEND $$;\n"
     "CREATE TRIGGER positions_touch BEFORE INSERT ON positions FOR EACH ROW EXECUTE FUNCTION positions_touch();"), H,
     "CREATE TRIGGER takes SHARE ROW EXCLUSIVE on positions with no lock_timeout: writes queue")
case("R__fw_open_positions_view", "flyway", plain(
     "CREATE OR REPLACE VIEW open_positions AS\nSELECT p.id, p.account_id, m.symbol, p.side, p.size, p.entry_price, p.mark_price, p.leverage, p.notional, p.opened_at,\n       p.client_tag\nFROM positions p JOIN markets m ON m.id = p.market_id\nWHERE p.status = 'open';"), S,
     "a repeatable migration that appends a column to a view: allowed by CREATE OR REPLACE, no table lock beyond the view's")
case("R__fw_view_drops_column", "flyway", plain(
     "CREATE OR REPLACE VIEW open_positions AS\nSELECT p.id, p.account_id, m.symbol, p.side, p.size, p.entry_price, p.leverage, p.notional, p.opened_at\nFROM positions p JOIN markets m ON m.id = p.market_id\nWHERE p.status = 'open';"), H,
     "CREATE OR REPLACE VIEW cannot drop (or move) a column: the migration fails")

# --- golang-migrate --------------------------------------------------------------------------------------

case("gm_cic_single", "golang-migrate", plain("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_kyc_documents_status ON kyc_documents (status);"), S,
     "one CONCURRENTLY statement per file, as golang-migrate needs", down="DROP INDEX CONCURRENTLY IF EXISTS idx_kyc_documents_status;")
case("gm_two_cic_one_file", "golang-migrate", plain("CREATE INDEX CONCURRENTLY idx_kyc_documents_status ON kyc_documents (status);\nCREATE INDEX CONCURRENTLY idx_kyc_documents_type ON kyc_documents (doc_type);"), H,
     "golang-migrate sends the file as one multi-statement Exec, an implicit transaction: CONCURRENTLY fails there")
case("gm_create_table", "golang-migrate", plain("CREATE TABLE IF NOT EXISTS socialized_losses (\n  id bigserial PRIMARY KEY,\n  market_id integer NOT NULL,\n  amount numeric(38,8) NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);"), S,
     "a new table", down="DROP TABLE IF EXISTS socialized_losses;")
case("gm_add_column_clock_default", "golang-migrate", plain("SET lock_timeout = '2s';\nALTER TABLE positions ADD COLUMN synced_at timestamptz NOT NULL DEFAULT clock_timestamp();"), H,
     "clock_timestamp() is volatile: positions is rewritten")
case("gm_add_column_constant_default", "golang-migrate", plain("SET lock_timeout = '2s';\nALTER TABLE positions ADD COLUMN margin_mode text NOT NULL DEFAULT 'cross';"), S,
     "constant default: catalog-only")
case("gm_varchar_to_text", "golang-migrate", plain("SET lock_timeout = '2s';\nALTER TABLE api_keys ALTER COLUMN label TYPE text;"), S, "binary-coercible, no rewrite")
case("gm_text_to_varchar", "golang-migrate", plain("SET lock_timeout = '2s';\nALTER TABLE kyc_documents ALTER COLUMN status TYPE varchar(16);"), H,
     "text to varchar(n) applies the length check to each row: rewrite")
case("gm_drop_index_plain", "golang-migrate", plain("DROP INDEX IF EXISTS positions_open_idx;"), H, "ACCESS EXCLUSIVE on positions with no lock_timeout")
case("gm_drop_index_concurrently", "golang-migrate", plain("DROP INDEX CONCURRENTLY IF EXISTS positions_open_idx;"), S, "concurrent drop")
case("gm_fk_not_valid", "golang-migrate", plain("SET lock_timeout = '2s';\nALTER TABLE funding_rates ADD CONSTRAINT funding_rates_market_fk FOREIGN KEY (market_id) REFERENCES markets (id) NOT VALID;"), S,
     "NOT VALID: no scan; brief locks under lock_timeout")
case("gm_validate_kyc_fk", "golang-migrate", plain("ALTER TABLE kyc_documents VALIDATE CONSTRAINT kyc_documents_user_fk;"), S,
     "SHARE UPDATE EXCLUSIVE validation of a clean FK")
case("gm_not_null_via_valid_check", "golang-migrate", plain(
     "SET lock_timeout = '2s';\nALTER TABLE audit_log VALIDATE CONSTRAINT audit_log_payload_present;\n"
     "ALTER TABLE audit_log ALTER COLUMN payload SET NOT NULL;\nALTER TABLE audit_log DROP CONSTRAINT audit_log_payload_present;"), S,
     "PostgreSQL 12+: SET NOT NULL skips its scan when a valid CHECK (col IS NOT NULL) exists; the validation itself does not block writes")
case("gm_reindex_concurrently", "golang-migrate", plain("REINDEX INDEX CONCURRENTLY positions_account_idx;"), S, "REINDEX CONCURRENTLY")
case("gm_reindex_index", "golang-migrate", plain("REINDEX INDEX positions_account_idx;"), H, "plain REINDEX blocks writes to positions while it rebuilds")
case("gm_sequence_as_bigint", "golang-migrate", plain("ALTER SEQUENCE margin_call_ticket_seq AS bigint;"), S,
     "widening a sequence's type touches no table")
case("gm_sequence_as_smallint", "golang-migrate", plain("ALTER SEQUENCE liquidation_id_seq AS smallint MAXVALUE 32767;"), S,
     "9,000 ids used, so the narrower sequence is accepted; only the sequence is locked (a future overflow, not a deploy hazard)")
case("gm_sequence_restart_below", "golang-migrate", plain("ALTER SEQUENCE margin_call_ticket_seq AS integer MAXVALUE 2147480500;"), H,
     "the sequence's last value (2147481200) is above the new MAXVALUE: fails")
case("gm_truncate_audit_log", "golang-migrate", plain("TRUNCATE audit_log;"), H, "TRUNCATE empties a live table under ACCESS EXCLUSIVE")

# --- dbmate ----------------------------------------------------------------------------------------------

case("dbmate_cic_default_transaction", "dbmate", dbmate("CREATE INDEX CONCURRENTLY idx_insurance_events_created ON insurance_fund_events (created_at);",
     "DROP INDEX idx_insurance_events_created;"), H, "dbmate wraps the file in a transaction unless transaction:false: fails")
case("dbmate_cic_transaction_false", "dbmate", dbmate("CREATE INDEX CONCURRENTLY idx_insurance_events_created ON insurance_fund_events (created_at);",
     "DROP INDEX CONCURRENTLY idx_insurance_events_created;", transaction=False), S, "transaction:false")
case("dbmate_add_column_lock_timeout", "dbmate", dbmate("SET lock_timeout = '2s';\nALTER TABLE insurance_fund_events ADD COLUMN approved_by text;",
     "ALTER TABLE insurance_fund_events DROP COLUMN approved_by;"), S, "nullable column, lock_timeout")
case("dbmate_set_default_no_timeout", "dbmate", dbmate("ALTER TABLE margin_accounts ALTER COLUMN leverage SET DEFAULT 5;",
     "ALTER TABLE margin_accounts ALTER COLUMN leverage SET DEFAULT 10;"), H, "ACCESS EXCLUSIVE without lock_timeout")
case("dbmate_numeric_precision_up", "dbmate", dbmate("SET lock_timeout = '2s';\nALTER TABLE risk_limits ALTER COLUMN max_notional TYPE numeric(40,2);",
     "ALTER TABLE risk_limits ALTER COLUMN max_notional TYPE numeric(38,2);"), S,
     "raising precision with the same scale needs no rewrite")
case("dbmate_numeric_unconstrained", "dbmate", dbmate("SET lock_timeout = '2s';\nALTER TABLE positions ALTER COLUMN realized_pnl TYPE numeric;",
     "ALTER TABLE positions ALTER COLUMN realized_pnl TYPE numeric(38,8);"), S,
     "numeric(p,s) to unconstrained numeric needs no rewrite")
case("dbmate_refresh_matview", "dbmate", dbmate("REFRESH MATERIALIZED VIEW daily_funding;", "SELECT 1;"), H,
     "plain REFRESH locks daily_funding ACCESS EXCLUSIVE (dashboards wait) and swaps in a new heap")
case("dbmate_refresh_matview_concurrently", "dbmate", dbmate("REFRESH MATERIALIZED VIEW CONCURRENTLY daily_funding;", "SELECT 1;"), S,
     "CONCURRENTLY with a unique index: readers are not blocked")
case("dbmate_refresh_concurrently_no_unique_index", "dbmate", dbmate("REFRESH MATERIALIZED VIEW CONCURRENTLY open_interest;", "SELECT 1;"), H,
     "open_interest has no unique index: CONCURRENTLY is refused")
case("dbmate_drop_matview", "dbmate", dbmate("DROP MATERIALIZED VIEW open_interest;", "SELECT 1;"), H, "the risk dashboard reads open_interest")
case("dbmate_create_matview_with_no_data", "dbmate", dbmate(
     "CREATE MATERIALIZED VIEW liquidation_totals AS\nSELECT market_id, kind, sum(qty) AS qty FROM liquidations GROUP BY 1, 2\nWITH NO DATA;",
     "DROP MATERIALIZED VIEW liquidation_totals;"), S, "a new materialized view, not populated: no scan")

# --- Prisma migrate diff ---------------------------------------------------------------------------------

case("prisma_required_column_no_default", "prisma", prisma("AlterTable",
     "/*\n  Warnings:\n\n  - Added the required column `risk_score` to the `users` table without a default value. This is not possible if the table is not empty.\n\n*/\n"
     "-- AlterTable\nALTER TABLE \"users\" ADD COLUMN     \"risk_score\" INTEGER NOT NULL;"), H,
     "Prisma itself warns: NOT NULL without default on a non-empty table fails")
case("prisma_optional_column", "prisma", prisma("AlterTable", 'ALTER TABLE "users" ADD COLUMN     "telegram_handle" TEXT;'), H,
     "ACCESS EXCLUSIVE on users with no lock_timeout")
case("prisma_create_table_fk", "prisma", prisma("CreateTable",
     'CREATE TABLE "withdrawal_whitelist" (\n    "id" SERIAL NOT NULL,\n    "user_id" BIGINT NOT NULL,\n    "address" TEXT NOT NULL,\n'
     '    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n\n    CONSTRAINT "withdrawal_whitelist_pkey" PRIMARY KEY ("id")\n);\n\n'
     '-- AddForeignKey\nALTER TABLE "withdrawal_whitelist" ADD CONSTRAINT "withdrawal_whitelist_user_id_fkey" FOREIGN KEY ("user_id") '
     'REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;'), H,
     "the FK locks users SHARE ROW EXCLUSIVE with no lock_timeout")
case("prisma_create_index", "prisma", prisma("CreateIndex", 'CREATE INDEX "api_keys_revoked_at_idx" ON "api_keys"("revoked_at");'), H,
     "Prisma cannot emit CONCURRENTLY: the build blocks writes")
case("prisma_enum_add_value", "prisma", prisma("AlterEnum", "ALTER TYPE \"kyc_tier\" ADD VALUE 'institutional';"), S, "adding an enum value locks no table")
case("prisma_enum_remove_value", "prisma", prisma("AlterEnum",
     "BEGIN;\nCREATE TYPE \"liquidation_kind_new\" AS ENUM ('partial', 'full');\n"
     "ALTER TABLE \"liquidations\" ALTER COLUMN \"kind\" TYPE \"liquidation_kind_new\" USING (\"kind\"::text::\"liquidation_kind_new\");\n"
     "ALTER TYPE \"liquidation_kind\" RENAME TO \"liquidation_kind_old\";\nALTER TYPE \"liquidation_kind_new\" RENAME TO \"liquidation_kind\";\n"
     "DROP TYPE \"liquidation_kind_old\";\nCOMMIT;"), H,
     "removing 'adl' recreates the type: the partition key cannot change type, and every row would be rewritten anyway")
case("prisma_enum_recreate_users", "prisma", prisma("AlterEnum",
     "BEGIN;\nCREATE TYPE \"kyc_tier_new\" AS ENUM ('none', 'basic', 'advanced', 'institutional');\n"
     "ALTER TABLE \"users\" ALTER COLUMN \"kyc\" DROP DEFAULT;\n"
     "ALTER TABLE \"users\" ALTER COLUMN \"kyc\" TYPE \"kyc_tier_new\" USING (\"kyc\"::text::\"kyc_tier_new\");\n"
     "ALTER TYPE \"kyc_tier\" RENAME TO \"kyc_tier_old\";\nALTER TYPE \"kyc_tier_new\" RENAME TO \"kyc_tier\";\n"
     "DROP TYPE \"kyc_tier_old\";\nALTER TABLE \"users\" ALTER COLUMN \"kyc\" SET DEFAULT 'none';\nCOMMIT;"), H,
     "the enum swap rewrites users under ACCESS EXCLUSIVE")
case("prisma_varchar_longer_no_timeout", "prisma", prisma("AlterTable", 'ALTER TABLE "api_keys" ALTER COLUMN "label" SET DATA TYPE VARCHAR(128);'), H,
     "no rewrite, but ACCESS EXCLUSIVE with no lock_timeout")
case("prisma_rename_as_drop_add", "prisma", prisma("AlterTable",
     "/*\n  Warnings:\n\n  - You are about to drop the column `label` on the `api_keys` table. All the data in the column will be lost.\n\n*/\n"
     '-- AlterTable\nALTER TABLE "api_keys" DROP COLUMN "label",\nADD COLUMN     "name" VARCHAR(64);'), H,
     "a field rename in the schema becomes DROP + ADD: data loss")
case("prisma_unique_index", "prisma", prisma("CreateIndex", 'CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys"("secret_hash");'), H,
     "unique build blocks writes to api_keys")

# --- Knex ------------------------------------------------------------------------------------------------

case("knex_add_boolean_default", "knex", knex("alter table \"margin_accounts\" add column \"is_frozen\" boolean not null default '0';", "20261202093000_frozen"), H,
     "knex's migration transaction has no lock_timeout")
case("knex_add_column_lock_timeout", "knex", knex("set lock_timeout = '2s';\nalter table \"margin_accounts\" add column \"frozen_reason\" varchar(255);", "20261202093100_frozen_reason"), S,
     "knex.raw('set lock_timeout') first")
case("knex_create_table_foreign", "knex", knex(
     "create table \"copy_trading_links\" (\"id\" bigserial primary key, \"leader_account_id\" bigint not null, \"follower_account_id\" bigint not null, \"ratio\" decimal(8, 4) not null default '1');\n"
     "alter table \"copy_trading_links\" add constraint \"copy_trading_links_leader_account_id_foreign\" foreign key (\"leader_account_id\") references \"margin_accounts\" (\"id\");\n"
     "alter table \"copy_trading_links\" add constraint \"copy_trading_links_follower_account_id_foreign\" foreign key (\"follower_account_id\") references \"margin_accounts\" (\"id\");",
     "20261202093200_copy_trading"), H, "two FKs lock margin_accounts SHARE ROW EXCLUSIVE until commit, no lock_timeout")
case("knex_alter_integer_to_bigint", "knex", knex(
     "set lock_timeout = '2s';\n"
     "alter table \"margin_accounts\" alter column \"version\" drop default;\nalter table \"margin_accounts\" alter column \"version\" drop not null;\n"
     "alter table \"margin_accounts\" alter column \"version\" type bigint using (\"version\"::bigint);\n"
     "alter table \"margin_accounts\" alter column \"version\" set not null;\nalter table \"margin_accounts\" alter column \"version\" set default '0';",
     "20261202093300_version_bigint"), H, ".alter() to bigint rewrites margin_accounts, then re-scans for NOT NULL")
case("knex_index_concurrently_no_tx", "knex", knex("create index concurrently \"positions_closed_at_index\" on \"positions\" (\"closed_at\");", "20261202093400_closed_idx", transaction=False), S,
     "config = { transaction: false } with a concurrent build")
case("knex_drop_column", "knex", knex("set lock_timeout = '2s';\nalter table \"users\" drop column \"fee_tier\";", "20261202093500_drop_fee_tier"), H, "drops a column the fee engine reads")
case("knex_rename_column", "knex", knex("set lock_timeout = '2s';\nalter table \"markets\" rename \"tick_size\" to \"price_tick\";", "20261202093600_rename_tick"), H, "rename breaks the running order router")
case("knex_seed_upsert", "knex", knex(
     "insert into \"markets\" (\"base_asset\", \"symbol\", \"tick_size\") values ('ENA', 'ENA-PERP', 0.0001) on conflict (\"symbol\") do update set \"tick_size\" = excluded.\"tick_size\";",
     "20261202093700_list_ena"), S, "one reference row upserted")

# --- TypeORM ---------------------------------------------------------------------------------------------

case("typeorm_length_change_drop_add", "typeorm", typeorm(
     'ALTER TABLE "api_keys" DROP COLUMN "label"\n;ALTER TABLE "api_keys" ADD "label" character varying(128)\n;', "ApiKeyLabelLength"), H,
     "TypeORM generates a length change as DROP COLUMN + ADD COLUMN: every label is lost")
case("typeorm_add_column_lock_timeout", "typeorm", typeorm(
     "SET lock_timeout = '2s';\nALTER TABLE \"api_keys\" ADD \"expires_at\" TIMESTAMP WITH TIME ZONE;", "ApiKeyExpiry"), S, "nullable column with lock_timeout")
case("typeorm_create_index", "typeorm", typeorm('CREATE INDEX "IDX_5f1c0e3b9a2d4c7e8f6a1b2c3d" ON "liquidations_adl" ("account_id") ;', "AdlAccountIndex"), H,
     "blocking index build on a live partition")
case("typeorm_add_fk", "typeorm", typeorm(
     'ALTER TABLE "margin_calls" ADD CONSTRAINT "FK_9c2e7b1d3f4a5c6e7d8f9a0b1c2" FOREIGN KEY ("account_id") REFERENCES "margin_accounts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;', "MarginCallAccountFk"), H,
     "validating FK: scans margin_calls and locks margin_accounts, no lock_timeout")
case("typeorm_create_table_uuid", "typeorm", typeorm(
     'CREATE TABLE "price_alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" bigint NOT NULL, "market_id" integer NOT NULL, '
     '"trigger_price" numeric(38,12) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2b4a6c8e0f1d3b5a7c9e1f3a5b7" PRIMARY KEY ("id"));', "PriceAlerts"), S,
     "a new table without foreign keys")
case("typeorm_add_uuid_not_null_default", "typeorm", typeorm(
     "SET lock_timeout = '2s';\nALTER TABLE \"liquidations\" ADD \"public_id\" uuid NOT NULL DEFAULT gen_random_uuid();", "LiquidationPublicId"), H,
     "volatile default: every partition of liquidations is rewritten")
case("typeorm_transaction_false_cic", "typeorm", typeorm('CREATE INDEX CONCURRENTLY "IDX_kyc_submitted" ON "kyc_documents" ("submitted_at") ;', "KycSubmittedIndex", transaction=False), S,
     "public transaction = false on the migration class")

# --- Sequelize -------------------------------------------------------------------------------------------

case("sequelize_change_column", "sequelize", sequelize(
     'ALTER TABLE "users" ALTER COLUMN "display_name" SET NOT NULL;ALTER TABLE "users" ALTER COLUMN "display_name" DROP DEFAULT;ALTER TABLE "users" ALTER COLUMN "display_name" TYPE VARCHAR(64);',
     "20261202093000-display-name-required"), H, "changeColumn with allowNull: false: users have NULL display names, fails")
case("sequelize_add_column", "sequelize", sequelize('ALTER TABLE "public"."api_keys" ADD COLUMN "note" VARCHAR(255);', "20261202093100-api-key-note"), H,
     "no lock_timeout")
case("sequelize_add_index_concurrently", "sequelize", sequelize('CREATE INDEX CONCURRENTLY "api_keys_revoked_at" ON "api_keys" ("revoked_at");', "20261202093200-revoked-idx"), S,
     "addIndex with concurrently: true, and Sequelize opens no transaction")
case("sequelize_bulk_update_all", "sequelize", sequelize("UPDATE \"margin_accounts\" SET \"tags\"='{}',\"updated_at\"='2026-12-02 09:30:00.000 +00:00';", "20261202093300-reset-tags"), H,
     "bulkUpdate with an empty where: every account row")
case("sequelize_remove_column", "sequelize", sequelize('ALTER TABLE "public"."kyc_documents" DROP COLUMN "reviewed_by";', "20261202093400-drop-reviewer"), H, "drops a column")
case("sequelize_add_unique_constraint", "sequelize", sequelize(
     'ALTER TABLE "kyc_documents" ADD CONSTRAINT "kyc_documents_user_id_doc_type_uk" UNIQUE ("user_id", "doc_type");', "20261202093500-kyc-unique"), H,
     "builds a unique index under ACCESS EXCLUSIVE, no lock_timeout")

# --- Ecto ------------------------------------------------------------------------------------------------

case("ecto_add_column_default", "ecto", ecto('ALTER TABLE "margin_accounts" ADD COLUMN "auto_deleverage" boolean DEFAULT false NOT NULL', 20261202093000), H,
     "Ecto's migration transaction with no lock_timeout")
case("ecto_add_column_set_local_timeout", "ecto", ecto("SET LOCAL lock_timeout TO '3s'\n;ALTER TABLE \"margin_accounts\" ADD COLUMN \"auto_deleverage\" boolean DEFAULT false NOT NULL", 20261202093001), S,
     "execute \"SET LOCAL lock_timeout\" inside the migration's transaction")
case("ecto_create_index_concurrently", "ecto", ecto('CREATE INDEX CONCURRENTLY "funding_payments_2026_12_market_id_index" ON "funding_payments_2026_12" ("market_id")', 20261202093002, transaction=False), S,
     "@disable_ddl_transaction true and @disable_migration_lock true")
case("ecto_modify_domain_to_numeric", "ecto", ecto("SET LOCAL lock_timeout TO '3s'\n;ALTER TABLE \"positions\" ALTER COLUMN \"leverage\" TYPE numeric", 20261202093003), S,
     "from a domain over numeric(5,2) to plain numeric: binary-coercible, no rewrite")
case("ecto_add_references", "ecto", ecto('ALTER TABLE "kyc_documents" ADD COLUMN "margin_account_id" bigint CONSTRAINT "kyc_documents_margin_account_id_fkey" REFERENCES "margin_accounts"("id")', 20261202093004), H,
     "references/2: ACCESS EXCLUSIVE and a lock on margin_accounts with no lock_timeout")
case("ecto_check_not_valid", "ecto", ecto("SET LOCAL lock_timeout TO '3s'\n;ALTER TABLE \"api_keys\" ADD CONSTRAINT \"scopes_not_empty\" CHECK (cardinality(scopes) > 0) NOT VALID", 20261202093005), S,
     "create constraint ... validate: false")
case("ecto_execute_backfill_all", "ecto", ecto("UPDATE api_keys SET scopes = array_append(scopes, 'read') WHERE NOT 'read' = ANY(scopes) OR scopes IS NOT NULL", 20261202093006), H,
     "the WHERE is always true: every api key row")
case("ecto_rename_table", "ecto", ecto("SET LOCAL lock_timeout TO '3s'\n;ALTER TABLE \"margin_calls\" RENAME TO \"margin_alerts\"", 20261202093007), H, "rename breaks the running release")

# --- Liquibase -------------------------------------------------------------------------------------------

case("lb_formatted_add_column_lock_timeout", "liquibase", liquibase([("42-1", "SET lock_timeout = '2s';\nALTER TABLE markets ADD COLUMN delisting_at timestamptz;", "ALTER TABLE markets DROP COLUMN delisting_at;")]), S,
     "nullable column with lock_timeout")
case("lb_update_sql_add_column", "liquibase", liquibase_update_sql([("42-2", "ALTER TABLE public.markets ADD delisting_at TIMESTAMP WITH TIME ZONE;")]), H,
     "update-sql output: no lock_timeout before ACCESS EXCLUSIVE")
case("lb_formatted_cic_run_in_transaction_false", "liquibase", liquibase([("42-3 runInTransaction:false", "CREATE INDEX CONCURRENTLY idx_margin_accounts_updated ON margin_accounts (updated_at);", "DROP INDEX CONCURRENTLY idx_margin_accounts_updated;")]), S,
     "runInTransaction:false")
case("lb_formatted_cic_in_transaction", "liquibase", liquibase([("42-4", "CREATE INDEX CONCURRENTLY idx_margin_accounts_updated ON margin_accounts (updated_at);", "DROP INDEX idx_margin_accounts_updated;")]), H,
     "Liquibase runs each changeset in a transaction by default: CONCURRENTLY fails")
case("lb_update_sql_not_null_default", "liquibase", liquibase_update_sql([("42-5", "SET lock_timeout = '2s';\nALTER TABLE public.risk_limits ADD auto_reduce BOOLEAN DEFAULT FALSE NOT NULL;")]), S,
     "constant default, lock_timeout")
case("lb_update_sql_modify_data_type", "liquibase", liquibase_update_sql([("42-6", "SET lock_timeout = '2s';\nALTER TABLE public.risk_limits ALTER COLUMN tier TYPE INTEGER USING (tier::INTEGER);")]), H,
     "smallint to integer rewrites risk_limits (small, but a rewrite under ACCESS EXCLUSIVE)")
case("lb_formatted_drop_table", "liquibase", liquibase([("42-7", "DROP TABLE api_key_usage;", "")]), H, "drops usage history the rate limiter reads")
case("lb_update_sql_create_table", "liquibase", liquibase_update_sql([("42-8", "CREATE TABLE public.oracle_sources (id INTEGER GENERATED BY DEFAULT AS IDENTITY NOT NULL, name VARCHAR(64) NOT NULL, weight numeric(5, 4) NOT NULL, CONSTRAINT oracle_sources_pkey PRIMARY KEY (id));")]), S,
     "a new table")

# --- goose -----------------------------------------------------------------------------------------------

case("goose_add_column_lock_timeout", "goose", goose("SET lock_timeout = '2s';\nALTER TABLE liquidations ADD COLUMN insurance_covered numeric(38, 8);"), S,
     "nullable column on the partitioned parent: catalog-only on every partition, lock_timeout")
case("goose_cic_no_transaction", "goose", goose("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_country ON users (country);", transaction=False), S,
     "-- +goose NO TRANSACTION")
case("goose_cic_in_transaction", "goose", goose("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_country ON users (country);"), H,
     "goose wraps Up in a transaction unless NO TRANSACTION: CONCURRENTLY fails")
case("goose_statementbegin_trigger", "goose", goose(
     "-- +goose StatementBegin\nCREATE OR REPLACE FUNCTION margin_accounts_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n    NEW.version := OLD.version + 1;\n    RETURN NEW;\nEND;\n$$;\n-- +goose StatementEnd\n"
     "CREATE TRIGGER margin_accounts_bump_version BEFORE UPDATE ON margin_accounts FOR EACH ROW EXECUTE FUNCTION margin_accounts_bump_version();"), H,
     "CREATE TRIGGER without lock_timeout: SHARE ROW EXCLUSIVE on margin_accounts")
case("goose_function_only", "goose", goose(
     "-- +goose StatementBegin\nCREATE OR REPLACE FUNCTION funding_owed(p_account bigint) RETURNS numeric LANGUAGE sql STABLE AS $$\n  SELECT coalesce(sum(amount), 0) FROM funding_payments WHERE account_id = p_account\n$$;\n-- +goose StatementEnd"), S,
     "a new function locks no table")
case("goose_with_down_section", "goose", goose("SET lock_timeout = '2s';\nALTER TABLE markets ADD COLUMN funding_cap numeric(12, 10);", down="ALTER TABLE markets DROP COLUMN funding_cap;"), S,
     "goose runs only the Up section: a nullable column with lock_timeout")
case("goose_backfill_all", "goose", goose("UPDATE margin_accounts SET collateral_asset = coalesce(collateral_asset, 'USDT');"), H, "every account row in one statement")

# --- sqitch (deploy/revert/verify) ------------------------------------------------------------------------

case("sqitch_add_table", "sqitch", "-- Deploy perp:oracle_heartbeats to pg\n\nBEGIN;\n\nCREATE TABLE oracle_heartbeats (\n    source text PRIMARY KEY,\n    seen_at timestamptz NOT NULL\n);\n\nCOMMIT;\n", S,
     "a new table", layout="sqitch", extra="DROP TABLE oracle_heartbeats;")
case("sqitch_add_index", "sqitch", "-- Deploy perp:margin_accounts_updated_idx to pg\n\nBEGIN;\n\nCREATE INDEX margin_accounts_updated_idx ON margin_accounts (updated_at);\n\nCOMMIT;\n", H,
     "blocking build", layout="sqitch", extra="DROP INDEX margin_accounts_updated_idx;")
case("sqitch_widen_varchar", "sqitch", "-- Deploy perp:client_tag_64 to pg\n\nBEGIN;\n\nSET LOCAL lock_timeout = '2s';\nALTER TABLE positions ALTER COLUMN client_tag TYPE varchar(64);\n\nCOMMIT;\n", S,
     "widening varchar: no rewrite", layout="sqitch", extra="ALTER TABLE positions ALTER COLUMN client_tag TYPE varchar(32);")
case("sqitch_drop_column", "sqitch", "-- Deploy perp:drop_is_market_maker to pg\n\nBEGIN;\n\nSET LOCAL lock_timeout = '2s';\nALTER TABLE users DROP COLUMN is_market_maker;\n\nCOMMIT;\n", H,
     "drops a column the fee engine reads", layout="sqitch", extra="ALTER TABLE users ADD COLUMN is_market_maker boolean NOT NULL DEFAULT false;")

# --- Entity Framework Core (idempotent script) -----------------------------------------------------------

case("ef_add_column", "efcore", efcore("20261202093000_AddReduceOnly", ["ALTER TABLE positions ADD reduce_only boolean NOT NULL DEFAULT FALSE;"]), H,
     "inside the DO block the ALTER still takes ACCESS EXCLUSIVE, no lock_timeout")
case("ef_add_column_lock_timeout", "efcore", efcore("20261202093100_AddReduceOnly", ["SET lock_timeout = '2s';", "ALTER TABLE positions ADD reduce_only boolean NOT NULL DEFAULT FALSE;"]), S,
     "migrationBuilder.Sql(\"SET lock_timeout\") first, constant default")
case("ef_create_index", "efcore", efcore("20261202093200_IndexOpenedAt", ['CREATE INDEX "IX_positions_opened_at" ON positions (opened_at);']), H, "blocking build")
case("ef_alter_int_to_bigint", "efcore", efcore("20261202093300_MarginCallTicketBigint", ["SET lock_timeout = '2s';", "ALTER TABLE margin_calls ALTER COLUMN ticket TYPE bigint;"]), H,
     "rewrite of margin_calls")
case("ef_create_table", "efcore", efcore("20261202093400_Announcements", ['CREATE TABLE announcements (\n        id integer GENERATED BY DEFAULT AS IDENTITY,\n        title text NOT NULL,\n        CONSTRAINT "PK_announcements" PRIMARY KEY (id)\n    );']), S,
     "a new table")
case("ef_rename_column", "efcore", efcore("20261202093500_RenameCountry", ["SET lock_timeout = '2s';", 'ALTER TABLE users RENAME COLUMN country TO country_code;']), H, "rename breaks readers")
case("ef_already_applied", "efcore", efcore("20261130101500_PositionClientTag", ["ALTER TABLE positions DROP COLUMN client_tag;"]), S,
     "the history already holds this MigrationId: the guarded DROP never runs")

# --- Drizzle kit -----------------------------------------------------------------------------------------

case("drizzle_add_column_and_index", "drizzle", drizzle(['ALTER TABLE "positions" ADD COLUMN "stop_loss" numeric(38, 12);', 'CREATE INDEX IF NOT EXISTS "positions_stop_loss_idx" ON "positions" USING btree ("stop_loss");']), H,
     "no lock_timeout, and a blocking index build")
case("drizzle_create_table_fk_do_block", "drizzle", drizzle([
     'CREATE TABLE IF NOT EXISTS "sub_accounts" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"parent_user_id" bigint NOT NULL,\n\t"label" text\n);',
     'DO $$ BEGIN\n ALTER TABLE "sub_accounts" ADD CONSTRAINT "sub_accounts_parent_user_id_users_id_fk" FOREIGN KEY ("parent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;']), H,
     "the FK inside a DO block still locks users, no lock_timeout")
case("drizzle_create_table_no_fk", "drizzle", drizzle(['CREATE TABLE IF NOT EXISTS "feature_flags" (\n\t"key" text PRIMARY KEY NOT NULL,\n\t"enabled" boolean DEFAULT false NOT NULL\n);']), S, "a new table")
case("drizzle_set_data_type_lock_timeout", "drizzle", drizzle(["SET lock_timeout = '2s';", 'ALTER TABLE "api_keys" ALTER COLUMN "label" SET DATA TYPE text;']), S,
     "varchar to text, lock_timeout")

# --- Atlas -----------------------------------------------------------------------------------------------

case("atlas_add_column_lock_timeout", "atlas", atlas("SET lock_timeout = '2s';\n-- Modify \"margin_calls\" table\nALTER TABLE \"margin_calls\" ADD COLUMN \"channel\" text NULL;"), S, "nullable column")
case("atlas_txmode_none_cic", "atlas", atlas("-- Create index \"margin_calls_created_at\" to table: \"margin_calls\"\nCREATE INDEX CONCURRENTLY \"margin_calls_created_at\" ON \"margin_calls\" (\"created_at\");", txmode_none=True), S,
     "txmode none for the concurrent build")
case("atlas_modify_int_bigint", "atlas", atlas("SET lock_timeout = '2s';\n-- Modify \"funding_rates\" table\nALTER TABLE \"funding_rates\" ALTER COLUMN \"market_id\" TYPE bigint;"), H,
     "rewrite and primary-key rebuild of funding_rates")
case("atlas_drop_column", "atlas", atlas("SET lock_timeout = '2s';\n-- Modify \"markets\" table\nALTER TABLE \"markets\" DROP COLUMN \"contract_size\";"), H, "drops a column the pricing code reads")
case("atlas_add_check_validated", "atlas", atlas("SET lock_timeout = '2s';\n-- Modify \"positions\" table\nALTER TABLE \"positions\" ADD CONSTRAINT \"leverage_cap\" CHECK (leverage <= 100);"), H,
     "validating CHECK scans positions under ACCESS EXCLUSIVE")

# --- Diesel ----------------------------------------------------------------------------------------------

case("diesel_create_table", "diesel", "-- Your SQL goes here\nCREATE TABLE referral_payouts (\n    id BIGSERIAL PRIMARY KEY,\n    referrer_id BIGINT NOT NULL,\n    amount NUMERIC(38, 8) NOT NULL,\n    paid_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\n", S,
     "a new table", layout="diesel")
case("diesel_add_column_no_timeout", "diesel", "-- Your SQL goes here\nALTER TABLE users ADD COLUMN referral_code VARCHAR(16);\n", H, "no lock_timeout", layout="diesel")
case("diesel_with_down", "diesel", "-- Your SQL goes here\nSET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN referral_code VARCHAR(16);\n", S,
     "diesel runs up.sql only; nullable column with lock_timeout", layout="diesel-with-down", extra="-- This file should undo anything in `up.sql`\nALTER TABLE users DROP COLUMN referral_code;\n")

# --- plain psql scripts ----------------------------------------------------------------------------------

PS_LT = "SET lock_timeout = '2s';\n"


def psql(name: str, sql: str, expect: str, reason: str) -> None:
    case(name, "psql", plain(sql), expect, reason)


psql("psql_vacuum_full", "VACUUM (FULL, VERBOSE) positions;", H, "rewrites positions under ACCESS EXCLUSIVE")
psql("psql_cluster", "CLUSTER positions USING positions_account_idx;", H, "CLUSTER rewrites the table under ACCESS EXCLUSIVE")
psql("psql_vacuum_analyze", "VACUUM (ANALYZE) margin_accounts;", S, "plain VACUUM takes SHARE UPDATE EXCLUSIVE")
psql("psql_analyze", "ANALYZE positions, funding_rates;", S, "ANALYZE reads a sample under SHARE UPDATE EXCLUSIVE")
psql("psql_timestamptz_new_york", PS_LT + "SET TIME ZONE 'America/New_York';\nALTER TABLE audit_log ALTER COLUMN at TYPE timestamptz;", H,
     "outside UTC the conversion changes the stored values: audit_log is rewritten")
psql("psql_timestamptz_utc", PS_LT + "SET TIME ZONE 'UTC';\nALTER TABLE audit_log ALTER COLUMN at TYPE timestamptz;", S,
     "with TimeZone UTC PostgreSQL 12+ converts timestamp to timestamptz without a rewrite")
psql("psql_lock_table", "BEGIN;\nLOCK TABLE margin_accounts IN EXCLUSIVE MODE;\nUPDATE margin_accounts SET locked_margin = 0 WHERE id = 42;\nCOMMIT;", H,
     "an explicit EXCLUSIVE lock blocks writes, no lock_timeout")
psql("psql_batched_backfill_do_commit",
     "DO $$\nDECLARE n integer;\nBEGIN\n  LOOP\n    UPDATE positions SET mark_price = entry_price\n    WHERE id IN (SELECT id FROM positions WHERE mark_price IS NULL LIMIT 500);\n"
     "    GET DIAGNOSTICS n = ROW_COUNT;\n    EXIT WHEN n = 0;\n    COMMIT;\n  END LOOP;\nEND $$;", S,
     "batches of 500 with a COMMIT between them (PostgreSQL 11+ DO block at top level)")
psql("psql_create_table_as_archive", "CREATE TABLE positions_closed_2026q3 AS\nSELECT * FROM positions WHERE status = 'closed' AND closed_at < '2026-10-01';", S,
     "reads positions under ACCESS SHARE only")
psql("psql_delete_all_audit", "DELETE FROM audit_log;", H, "deletes every row of a live table")
psql("psql_update_join_all", "UPDATE positions p SET mark_price = fr.mark_price\nFROM (SELECT DISTINCT ON (market_id) market_id, mark_price FROM funding_rates ORDER BY market_id, funding_time DESC) fr\nWHERE fr.market_id = p.market_id;", H,
     "touches every position")
psql("psql_set_unlogged_partition", PS_LT + "ALTER TABLE price_index_ticks_2026_10 SET UNLOGGED;", H, "SET UNLOGGED rewrites the partition")
psql("psql_set_fillfactor", "ALTER TABLE margin_accounts SET (fillfactor = 80);", S, "a storage parameter: SHARE UPDATE EXCLUSIVE, applies to new pages only")
psql("psql_autovacuum_params", "ALTER TABLE positions SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);", S,
     "autovacuum parameters: SHARE UPDATE EXCLUSIVE")
psql("psql_set_statistics", "ALTER TABLE positions ALTER COLUMN market_id SET STATISTICS 1000;", S, "SET STATISTICS: SHARE UPDATE EXCLUSIVE")
psql("psql_create_statistics", "CREATE STATISTICS positions_market_status_stats (dependencies, ndistinct) ON market_id, status FROM positions;", S,
     "extended statistics: SHARE UPDATE EXCLUSIVE")
psql("psql_set_storage_no_timeout", "ALTER TABLE kyc_documents ALTER COLUMN meta SET STORAGE EXTERNAL;", H,
     "SET STORAGE takes ACCESS EXCLUSIVE in PostgreSQL 15, no lock_timeout")
psql("psql_set_compression_lock_timeout", PS_LT + "ALTER TABLE kyc_documents ALTER COLUMN meta SET COMPRESSION pglz;", S,
     "applies to new values only; brief lock under lock_timeout")
psql("psql_drop_expression", PS_LT + "ALTER TABLE positions ALTER COLUMN notional DROP EXPRESSION;", S,
     "turns the generated column into a plain one: no rewrite")
psql("psql_attach_standalone_unchecked", PS_LT + "ALTER TABLE price_index_ticks ATTACH PARTITION price_index_ticks_2026_09\n    FOR VALUES FROM ('2026-09-01') TO ('2026-10-01');", H,
     "no CHECK matching the bound: the 15k-row table is scanned under ACCESS EXCLUSIVE")
psql("psql_attach_standalone_checked", PS_LT +
     "ALTER TABLE price_index_ticks_2026_09 ADD CONSTRAINT ticks_2026_09_bound CHECK (ts IS NOT NULL AND ts >= '2026-09-01' AND ts < '2026-10-01') NOT VALID;\n"
     "ALTER TABLE price_index_ticks_2026_09 VALIDATE CONSTRAINT ticks_2026_09_bound;\n"
     "ALTER TABLE price_index_ticks ATTACH PARTITION price_index_ticks_2026_09\n    FOR VALUES FROM ('2026-09-01') TO ('2026-10-01');\n"
     "ALTER TABLE price_index_ticks_2026_09 DROP CONSTRAINT ticks_2026_09_bound;", S,
     "the documented recipe: a validated CHECK lets ATTACH skip its scan; the validation blocks no writes")
psql("psql_cic_partitioned_parent", "CREATE INDEX CONCURRENTLY idx_funding_payments_market ON funding_payments (market_id);", H,
     "PostgreSQL 15 cannot build an index concurrently on a partitioned table: fails")
psql("psql_index_on_only_then_attach", PS_LT +
     "CREATE INDEX liquidations_market_idx ON ONLY liquidations (market_id);\n"
     "CREATE INDEX CONCURRENTLY liquidations_partial_market_idx ON liquidations_partial (market_id);\n"
     "CREATE INDEX CONCURRENTLY liquidations_full_market_idx ON liquidations_full (market_id);\n"
     "CREATE INDEX CONCURRENTLY liquidations_adl_market_idx ON liquidations_adl (market_id);\n"
     "ALTER INDEX liquidations_market_idx ATTACH PARTITION liquidations_partial_market_idx;\n"
     "ALTER INDEX liquidations_market_idx ATTACH PARTITION liquidations_full_market_idx;\n"
     "ALTER INDEX liquidations_market_idx ATTACH PARTITION liquidations_adl_market_idx;", S,
     "the partitioned-index recipe: ON ONLY (catalog), concurrent builds per partition, then attach")
psql("psql_unique_nulls_not_distinct_cic", "CREATE UNIQUE INDEX CONCURRENTLY api_keys_user_label_uniq ON api_keys (user_id, label) NULLS NOT DISTINCT;", S,
     "PostgreSQL 15's NULLS NOT DISTINCT, built concurrently; each user holds one key here, so NULL labels do not collide")
psql("psql_merge_pg15", "MERGE INTO insurance_fund f\nUSING (SELECT asset, sum(amount) AS delta FROM insurance_fund_events WHERE created_at >= '2026-11-30' GROUP BY asset) e\nON f.asset = e.asset\n"
     "WHEN MATCHED THEN UPDATE SET balance = f.balance + e.delta, updated_at = now()\nWHEN NOT MATCHED THEN INSERT (asset, balance) VALUES (e.asset, e.delta);", S,
     "MERGE (PostgreSQL 15) on a three-row table: row locks only")
psql("psql_merge_returning_pg17", "MERGE INTO insurance_fund f\nUSING (VALUES ('ETH', 0)) AS v(asset, balance) ON f.asset = v.asset\nWHEN NOT MATCHED THEN INSERT (asset, balance) VALUES (v.asset, v.balance)\nRETURNING merge_action(), f.asset;", H,
     "MERGE ... RETURNING is PostgreSQL 17 syntax: fails on 15")
psql("psql_set_expression_pg17", PS_LT + "ALTER TABLE positions ALTER COLUMN notional SET EXPRESSION AS (size * coalesce(mark_price, entry_price));", H,
     "SET EXPRESSION is PostgreSQL 17: fails on 15 (and would rewrite on 17)")
psql("psql_alter_domain_add_violated", "ALTER DOMAIN leverage_x ADD CONSTRAINT leverage_x_max_100 CHECK (VALUE <= 100);", H,
     "markets allow 125x: every column of the domain is checked and the constraint fails")
psql("psql_alter_domain_add_not_valid", PS_LT + "ALTER DOMAIN leverage_x ADD CONSTRAINT leverage_x_max_100 CHECK (VALUE <= 100) NOT VALID;", S,
     "NOT VALID: only new values are checked, no scan")
psql("psql_alter_domain_validate", PS_LT + "ALTER DOMAIN usd_amount VALIDATE CONSTRAINT usd_amount_bounded;", H,
     "validating a domain constraint scans liquidations and insurance_fund holding SHARE locks: writes wait for the scan")
psql("psql_alter_domain_add_clean", PS_LT + "ALTER DOMAIN perp_symbol ADD CONSTRAINT perp_symbol_len CHECK (length(VALUE) <= 24);", H,
     "ALTER DOMAIN ADD CONSTRAINT scans markets under a SHARE lock (squawk bans it)")
psql("psql_enum_rename_value", "ALTER TYPE liquidation_kind RENAME VALUE 'adl' TO 'auto_deleverage';", H,
     "the running engine still writes 'adl': its inserts fail after the rename")
psql("psql_drop_view_in_use", "DROP VIEW account_equity;", H, "the margin engine reads account_equity")
psql("psql_replace_view_add_column", "CREATE OR REPLACE VIEW account_equity AS\nSELECT a.id AS account_id, a.user_id, a.balance,\n       a.balance + coalesce(sum((p.mark_price - p.entry_price) * p.size *\n                                CASE p.side WHEN 'long' THEN 1 ELSE -1 END), 0) AS equity,\n       count(p.id) AS open_positions\n"
     "FROM margin_accounts a LEFT JOIN positions p ON p.account_id = a.id AND p.status = 'open'\nGROUP BY a.id;", S,
     "a column appended to a view")
psql("psql_numeric_to_domain", PS_LT + "ALTER TABLE margin_accounts ALTER COLUMN balance TYPE usd_amount;", H,
     "a domain with a CHECK must be verified on every row: rewrite under ACCESS EXCLUSIVE")
psql("psql_char_to_varchar", PS_LT + "ALTER TABLE api_keys ALTER COLUMN key_prefix TYPE varchar(8);", H,
     "char(n) to varchar goes through rtrim: rewrite and unique-index rebuild")
psql("psql_text_array_to_varchar_array", PS_LT + "ALTER TABLE margin_accounts ALTER COLUMN tags TYPE varchar(32)[];", H, "array element length check: rewrite")
psql("psql_add_serial_column", PS_LT + "ALTER TABLE insurance_fund_events ADD COLUMN seq serial;", H, "serial's nextval() default fills every row: rewrite")
psql("psql_add_column_default_now", PS_LT + "ALTER TABLE positions ADD COLUMN archived_check_at timestamptz NOT NULL DEFAULT now();", S,
     "now() is STABLE: one value stored in the catalog, no rewrite")
psql("psql_add_column_default_random", PS_LT + "ALTER TABLE margin_accounts ADD COLUMN shard smallint NOT NULL DEFAULT (random() * 16)::smallint;", H,
     "random() is volatile: rewrite")
psql("psql_add_array_default", PS_LT + "ALTER TABLE users ADD COLUMN badges text[] NOT NULL DEFAULT '{}';", S, "a constant default")
psql("psql_add_jsonb_default_expression", PS_LT + "ALTER TABLE markets ADD COLUMN fee_model jsonb NOT NULL DEFAULT jsonb_build_object('maker_bps', 2, 'taker_bps', 5);", S,
     "a non-volatile default expression is evaluated once: no rewrite")
psql("psql_unique_using_index", "CREATE UNIQUE INDEX CONCURRENTLY kyc_documents_storage_key_uniq ON kyc_documents (storage_key);\n" + PS_LT +
     "ALTER TABLE kyc_documents ADD CONSTRAINT kyc_documents_storage_key_key UNIQUE USING INDEX kyc_documents_storage_key_uniq;", S,
     "the index is built concurrently, the constraint adopts it instantly")
psql("psql_cic_unique_dupes_partition", "CREATE UNIQUE INDEX CONCURRENTLY ticks_2026_10_uniq ON price_index_ticks_2026_10 (market_id, ts);", H,
     "replayed ticks are duplicated: the unique build fails")
psql("psql_drop_table_if_exists_absent", "DROP TABLE IF EXISTS legacy_order_book_snapshots;", S, "nothing to drop")
psql("psql_staging_lifecycle", "CREATE TABLE tmp_funding_fix AS SELECT id, funding_time FROM funding_payments WHERE amount = 0;\nCREATE INDEX ON tmp_funding_fix (id);\nDROP TABLE tmp_funding_fix;", S,
     "a staging table created and dropped in the same script")
psql("psql_update_all_insurance_fund", "UPDATE insurance_fund SET updated_at = now();", S,
     "every row, but insurance_fund holds three rows: no real backfill")
psql("psql_update_all_markets_params", "UPDATE markets SET params = params || '{\"oracle\": \"index-v3\"}';", S, "50 reference rows")
psql("psql_delete_duplicate_ticks", "DELETE FROM price_index_ticks_2026_10 a USING price_index_ticks_2026_10 b\nWHERE a.ctid < b.ctid AND a.market_id = b.market_id AND a.ts = b.ts;", S,
     "deletes only the replayed duplicates")
psql("psql_delete_month_via_parent", "DELETE FROM funding_payments WHERE funding_time < '2026-10-01';", H,
     "empties September's partition row by row instead of dropping it")
psql("psql_drop_old_partition", PS_LT + "DROP TABLE funding_payments_2026_09;", H, "September's payments are still shown in account statements")
psql("psql_add_column_partitioned", PS_LT + "ALTER TABLE price_index_ticks ADD COLUMN confidence real;", S, "catalog-only on the parent and partitions")
psql("psql_add_column_partitioned_volatile", PS_LT + "ALTER TABLE funding_payments ADD COLUMN settled_at timestamptz DEFAULT clock_timestamp();", H,
     "every partition rewritten")
psql("psql_fk_partitioned_not_valid", PS_LT + "ALTER TABLE liquidations ADD CONSTRAINT liquidations_market_fk FOREIGN KEY (market_id) REFERENCES markets (id) NOT VALID;", H,
     "PostgreSQL 15 refuses NOT VALID foreign keys on partitioned tables: fails")
psql("psql_fk_partitioned_validated", PS_LT + "ALTER TABLE liquidations ADD CONSTRAINT liquidations_market_fk FOREIGN KEY (market_id) REFERENCES markets (id);", H,
     "validates every partition while holding SHARE ROW EXCLUSIVE: writes wait")
psql("psql_set_access_method_heap", PS_LT + "ALTER TABLE audit_log SET ACCESS METHOD heap;", H, "SET ACCESS METHOD (PostgreSQL 15) rewrites even to the same method")
psql("psql_setval", "SELECT setval('positions_id_seq', (SELECT max(id) FROM positions) + 1000);", S, "a sequence change")
psql("psql_grant_revoke", "REVOKE ALL ON audit_log FROM PUBLIC;\nGRANT SELECT ON daily_funding TO PUBLIC;", S, "privileges only")
psql("psql_enable_rls", "ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;", H, "ACCESS EXCLUSIVE without lock_timeout, and without a policy the app role sees no keys")
psql("psql_create_trigger_lock_timeout", PS_LT + "CREATE OR REPLACE FUNCTION audit_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
     "CREATE TRIGGER kyc_documents_audit AFTER UPDATE ON kyc_documents FOR EACH ROW EXECUTE FUNCTION audit_noop();", S,
     "brief SHARE ROW EXCLUSIVE under lock_timeout")
psql("psql_rename_index", PS_LT + "ALTER INDEX positions_open_idx RENAME TO positions_open_by_market_idx;", S, "an index name is not used by the application")
psql("psql_rename_constraint", PS_LT + "ALTER TABLE api_keys RENAME CONSTRAINT api_keys_user_fk TO api_keys_user_id_fkey;", S, "catalog-only")
psql("psql_set_default_lock_timeout", PS_LT + "ALTER TABLE margin_accounts ALTER COLUMN leverage SET DEFAULT 5;", S, "catalog-only under lock_timeout")
psql("psql_add_then_backfill_same_tx", "BEGIN;\n" + PS_LT + "ALTER TABLE positions ADD COLUMN pnl_currency text;\nUPDATE positions SET pnl_currency = 'USDT';\nALTER TABLE positions ALTER COLUMN pnl_currency SET NOT NULL;\nCOMMIT;", H,
     "the backfill updates every row while ACCESS EXCLUSIVE is held")
psql("psql_vacuum_in_transaction", "BEGIN;\nVACUUM positions;\nCOMMIT;", H, "VACUUM cannot run inside a transaction block: fails")
psql("psql_create_index_if_not_exists_existing", "CREATE INDEX IF NOT EXISTS positions_account_idx ON positions (account_id);", H,
     "a no-op, but the SHARE lock is taken before the name check, with no lock_timeout")
psql("psql_comment_on_table", "COMMENT ON TABLE funding_payments IS 'one row per account, market and funding interval';", S, "catalog-only")
psql("psql_same_type_noop", PS_LT + "ALTER TABLE positions ALTER COLUMN client_tag TYPE varchar(32);", S, "the column already has that type")
psql("psql_bigint_to_smallint_overflow", PS_LT + "ALTER TABLE funding_payments ALTER COLUMN account_id TYPE smallint;", H, "account ids above 32767: fails (and rewrites)")
psql("psql_text_to_integer_cast_fails", PS_LT + "ALTER TABLE users ALTER COLUMN display_name TYPE integer USING display_name::integer;", H, "'trader_1' is not an integer: fails")
psql("psql_detach_concurrently_in_tx", "BEGIN;\nALTER TABLE funding_payments DETACH PARTITION funding_payments_2026_09 CONCURRENTLY;\nCOMMIT;", H,
     "DETACH CONCURRENTLY cannot run in a transaction block: fails")
psql("psql_detach_concurrently", "ALTER TABLE funding_payments DETACH PARTITION funding_payments_2026_09 CONCURRENTLY;", S, "PostgreSQL 14+: no blocking lock on the parent")
psql("psql_varchar_unbounded", PS_LT + "ALTER TABLE positions ALTER COLUMN status TYPE varchar;", S, "removing a varchar limit: no rewrite")
psql("psql_cidr_to_inet", PS_LT + "ALTER TABLE audit_log ALTER COLUMN ip TYPE inet;", S, "no-op type change")
psql("psql_insert_select_bounded", "INSERT INTO funding_payments (account_id, market_id, funding_time, amount, rate)\nSELECT account_id, market_id, funding_time + interval '8 hours', 0, 0 FROM funding_payments_2026_12 LIMIT 500;", S,
     "a bounded INSERT")
psql("psql_disable_trigger_all", "ALTER TABLE positions DISABLE TRIGGER ALL;", H, "disables the FK triggers too, SHARE ROW EXCLUSIVE without lock_timeout")
psql("psql_create_schema_and_table", "CREATE SCHEMA reporting;\nCREATE TABLE reporting.daily_pnl (day date, account_id bigint, pnl numeric(38, 8), PRIMARY KEY (day, account_id));", S,
     "new objects only")
psql("psql_create_function_security_definer", "CREATE FUNCTION account_balance(p bigint) RETURNS numeric LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT balance FROM margin_accounts WHERE id = p $$;", S,
     "a new function")
psql("psql_add_exclusion_constraint", PS_LT + "ALTER TABLE positions ADD CONSTRAINT positions_no_overlap EXCLUDE USING gist (tstzrange(opened_at, closed_at) WITH &&);", H,
     "closed before opened on some rows: the range constructor fails; it would build a GiST index under ACCESS EXCLUSIVE anyway")

# --- the peers' documented cases, restated on this schema ----------------------------------------------------


def peer(name: str, sql: str, expect: str, reason: str) -> None:
    case(name, name.split("_", 1)[0], plain(sql), expect, reason)


# squawk's rules (squawk.dev/docs/rules)
peer("squawk_adding_field_with_default_constant", PS_LT + "ALTER TABLE kyc_documents ADD COLUMN retention_days integer NOT NULL DEFAULT 1825;", S,
     "adding-field-with-default: a constant default is fine on PostgreSQL 11+")
peer("squawk_adding_foreign_key_then_validate", PS_LT + "ALTER TABLE margin_calls ADD CONSTRAINT margin_calls_account_fk FOREIGN KEY (account_id) REFERENCES margin_accounts (id) NOT VALID;\n"
     "ALTER TABLE margin_calls VALIDATE CONSTRAINT margin_calls_account_fk;", S,
     "adding-foreign-key-constraint: NOT VALID, then VALIDATE in its own (autocommit) transaction")
peer("squawk_ban_drop_column", PS_LT + "ALTER TABLE api_keys DROP COLUMN IF EXISTS ip_allowlist;", H, "ban-drop-column")
peer("squawk_changing_column_type", PS_LT + "ALTER TABLE insurance_fund_events ALTER COLUMN reason TYPE varchar(32);", H, "changing-column-type: text to varchar(32) rewrites")
peer("squawk_constraint_missing_not_valid", PS_LT + "ALTER TABLE risk_limits ADD CONSTRAINT maint_below_initial CHECK (maint_margin_rate <= initial_margin_rate);", H,
     "constraint-missing-not-valid: validated under ACCESS EXCLUSIVE (risk_limits is small; still a scan with writes waiting)")
peer("squawk_disallowed_unique_constraint", PS_LT + "ALTER TABLE api_key_usage ADD CONSTRAINT api_key_usage_key UNIQUE (api_key_id, day);", H,
     "disallowed-unique-constraint: builds the index under ACCESS EXCLUSIVE")
peer("squawk_adding_primary_key", PS_LT + "ALTER TABLE api_key_usage ADD PRIMARY KEY (api_key_id, day);", H, "adding-serial-primary-key-field / primary key: index build under ACCESS EXCLUSIVE")
peer("squawk_primary_key_using_index", "CREATE UNIQUE INDEX CONCURRENTLY api_key_usage_pkey_idx ON api_key_usage (api_key_id, day);\n" + PS_LT +
     "ALTER TABLE api_key_usage ADD CONSTRAINT api_key_usage_pkey PRIMARY KEY USING INDEX api_key_usage_pkey_idx;", S,
     "squawk's safe alternative: both columns are already NOT NULL, the constraint adopts the concurrent index")
peer("squawk_require_concurrent_index_deletion", "DROP INDEX users_created_at_idx;", H, "require-concurrent-index-deletion")
peer("squawk_ban_concurrent_index_in_transaction", "BEGIN;\nCREATE INDEX CONCURRENTLY users_kyc_idx ON users (kyc);\nCOMMIT;", H, "ban-concurrent-index-creation-in-transaction: fails")
peer("squawk_ban_truncate_cascade", "TRUNCATE users CASCADE;", H, "ban-truncate-cascade: empties users and every table referencing it")
peer("squawk_renaming_table", PS_LT + "ALTER TABLE risk_limits RENAME TO risk_tiers;", H, "renaming-table")
peer("squawk_adding_required_field", "ALTER TABLE markets ADD COLUMN settlement_asset text NOT NULL;", H, "adding-required-field: fails on a non-empty table")
peer("squawk_transaction_nesting", "BEGIN;\n" + PS_LT + "BEGIN;\nALTER TABLE markets ADD COLUMN settlement_asset text;\nCOMMIT;\nCOMMIT;", S,
     "transaction-nesting: the inner BEGIN/COMMIT only warn; the ALTER is catalog-only under lock_timeout")
peer("squawk_create_domain_with_constraint", "CREATE DOMAIN funding_rate AS numeric(12, 10) CHECK (VALUE BETWEEN -0.0075 AND 0.0075);", S,
     "ban-create-domain-with-constraint is about later changes; creating a domain locks nothing")
peer("squawk_require_timeout_settings", "ALTER TABLE markets ADD COLUMN circuit_breaker_bps integer;", H, "require-timeout-settings: no lock_timeout")
peer("squawk_timeout_settings_present", "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\nALTER TABLE markets ADD COLUMN circuit_breaker_bps integer;", S, "timeouts set first")

# eugene's hints (kaveland.no/eugene/hints)
peer("eugene_e1_validating_new_constraint", PS_LT + "ALTER TABLE margin_accounts ADD CONSTRAINT locked_le_balance CHECK (locked_margin <= balance + 1000000);", H,
     "E1: a new validated constraint scans margin_accounts while ACCESS EXCLUSIVE is held")
peer("eugene_e2_set_not_null", PS_LT + "ALTER TABLE api_key_usage ALTER COLUMN requests SET NOT NULL;", H, "E2: SET NOT NULL scans the table under ACCESS EXCLUSIVE")
peer("eugene_e3_json_column", PS_LT + "ALTER TABLE liquidations ADD COLUMN engine_trace json;", S,
     "E3 warns json lacks equality (breaks DISTINCT/UNION); lock-wise catalog-only")
peer("eugene_e4_long_statement_under_lock", "BEGIN;\n" + PS_LT + "ALTER TABLE positions ADD COLUMN risk_bucket smallint;\nUPDATE positions SET risk_bucket = 1 WHERE status = 'closed';\nCOMMIT;", H,
     "E4: ACCESS EXCLUSIVE is held while a 13k-row UPDATE runs: everything waits")
peer("eugene_e5_rewrite_type", PS_LT + "ALTER TABLE funding_rates ALTER COLUMN rate TYPE numeric(14, 12);", H, "E5: a new scale rewrites funding_rates")
peer("eugene_e6_create_index", "CREATE INDEX funding_rates_time_idx ON funding_rates (funding_time);", H, "E6: non-concurrent index")
peer("eugene_e7_unique_constraint", PS_LT + "ALTER TABLE markets ADD CONSTRAINT markets_base_quote_key UNIQUE (base_asset, quote_asset);", H,
     "E7: a unique constraint creates its index under ACCESS EXCLUSIVE")
peer("eugene_e9_no_timeout", "ALTER TABLE margin_calls ALTER COLUMN notified_via SET DEFAULT '{email}';", H, "E9: dangerous lock without a timeout")
peer("eugene_e9_with_timeout", PS_LT + "ALTER TABLE margin_calls ALTER COLUMN notified_via SET DEFAULT '{email}';", S, "E9 fixed: lock_timeout")
peer("eugene_e10_rewrite_under_lock", "BEGIN;\n" + PS_LT + "ALTER TABLE margin_calls ADD COLUMN note text;\nALTER TABLE margin_calls ALTER COLUMN margin_ratio TYPE numeric(12, 8);\nCOMMIT;", H,
     "E10: a rewrite while ACCESS EXCLUSIVE is held")
peer("eugene_e11_add_generated_column", PS_LT + "ALTER TABLE risk_limits ADD COLUMN max_leverage_calc numeric GENERATED ALWAYS AS (1 / initial_margin_rate) STORED;", H,
     "E11: a stored generated column rewrites the table")

# strong_migrations' README
peer("strong_remove_column", PS_LT + "ALTER TABLE margin_accounts DROP COLUMN tags;", H, "removing a column: the app caches columns until it restarts")
peer("strong_change_column_type_safe", PS_LT + "ALTER TABLE markets ALTER COLUMN base_asset TYPE varchar(32);", S, "increasing a varchar limit is listed as safe")
peer("strong_rename_column", PS_LT + "ALTER TABLE positions RENAME COLUMN client_tag TO strategy_tag;", H, "renaming a column")
peer("strong_rename_table", PS_LT + "ALTER TABLE kyc_documents RENAME TO identity_documents;", H, "renaming a table")
peer("strong_add_index_concurrently", "CREATE INDEX CONCURRENTLY index_liquidations_adl_liquidated_at ON liquidations_adl (liquidated_at);", S, "add_index algorithm: :concurrently")
peer("strong_add_reference_safely", PS_LT + "ALTER TABLE insurance_fund_events ADD COLUMN margin_account_id bigint;\nCREATE INDEX CONCURRENTLY index_insurance_fund_events_on_margin_account_id ON insurance_fund_events (margin_account_id);", S,
     "add_reference with index: {algorithm: :concurrently} and lock_timeout")
peer("strong_add_foreign_key_validate_false", PS_LT + "ALTER TABLE funding_rates ADD CONSTRAINT fk_rails_funding_rates_market FOREIGN KEY (market_id) REFERENCES markets (id) NOT VALID;", S, "validate: false")
peer("strong_validate_orphans_referrer", "ALTER TABLE users VALIDATE CONSTRAINT users_referrer_fk;", H, "referrers that no longer exist: validation fails")
peer("strong_check_validate_separately", "ALTER TABLE positions VALIDATE CONSTRAINT positions_size_nonneg;", S, "validate_check_constraint in a second migration")
peer("strong_check_validate_violated", "ALTER TABLE margin_accounts VALIDATE CONSTRAINT margin_accounts_balance_nonneg;", H, "negative balances: validation fails")
peer("strong_json_column", PS_LT + "ALTER TABLE markets ADD COLUMN oracle_config json;", S, "strong_migrations prefers jsonb (json breaks DISTINCT); no lock hazard")
peer("strong_backfill_in_migration", PS_LT + "BEGIN;\nALTER TABLE users ADD COLUMN marketing_opt_in boolean;\nUPDATE users SET marketing_opt_in = false;\nCOMMIT;", H,
     "backfilling in the same transaction: every row updated while ACCESS EXCLUSIVE is held")
peer("strong_create_table_force", "DROP TABLE IF EXISTS margin_calls CASCADE;\nCREATE TABLE margin_calls (ticket bigserial PRIMARY KEY, account_id bigint NOT NULL, margin_ratio numeric(10, 6) NOT NULL);", H,
     "create_table force: true drops the existing table")
peer("strong_add_column_volatile_default", PS_LT + "ALTER TABLE kyc_documents ADD COLUMN review_token uuid DEFAULT gen_random_uuid();", H, "volatile default rewrites")
peer("strong_change_column_null_with_check", PS_LT + "ALTER TABLE insurance_fund_events ADD CONSTRAINT liquidation_id_present CHECK (liquidation_id IS NOT NULL) NOT VALID;", S,
     "step one of change_column_null: a NOT VALID check (the data would fail validation later; this step is safe)")

# pgfence's checks
peer("pgfence_update_without_where", "UPDATE kyc_documents SET status = lower(status);", H, "UPDATE without WHERE on a live table")
peer("pgfence_delete_without_where", "DELETE FROM insurance_fund_events;", H, "DELETE without WHERE")
peer("pgfence_reindex_table", "REINDEX TABLE margin_accounts;", H, "REINDEX without CONCURRENTLY blocks writes")
peer("pgfence_reindex_table_concurrently", "REINDEX TABLE CONCURRENTLY margin_accounts;", S, "REINDEX CONCURRENTLY")
peer("pgfence_refresh_concurrently", "REFRESH MATERIALIZED VIEW CONCURRENTLY daily_funding;", S, "with a unique index")
peer("pgfence_enum_add_value_if_not_exists", "ALTER TYPE position_side ADD VALUE IF NOT EXISTS 'hedge';", S, "adding an enum value")
peer("pgfence_lock_timeout_then_cic", PS_LT + "CREATE INDEX CONCURRENTLY idx_price_ticks_2026_11_ts ON price_index_ticks_2026_11 (ts);", S, "concurrent build")
peer("pgfence_cluster_verbose", "CLUSTER VERBOSE audit_log USING audit_log_pkey;", H, "CLUSTER rewrites under ACCESS EXCLUSIVE")

# PostgreSQL's documentation
peer("pgdocs_add_column_clock_timestamp", PS_LT + "ALTER TABLE audit_log ADD COLUMN ingested_at timestamptz DEFAULT clock_timestamp();", H,
     "ALTER TABLE docs: a volatile DEFAULT requires a rewrite")
peer("pgdocs_set_not_null_skips_scan", PS_LT + "ALTER TABLE audit_log VALIDATE CONSTRAINT audit_log_payload_present;\nALTER TABLE audit_log ALTER COLUMN payload SET NOT NULL;", S,
     "ALTER TABLE docs: SET NOT NULL skips the scan when a valid CHECK proves it")
peer("pgdocs_attach_default_rescan", PS_LT + "ALTER TABLE funding_payments DETACH PARTITION funding_payments_2026_12;\n"
     "ALTER TABLE funding_payments ATTACH PARTITION funding_payments_2026_12 FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');", H,
     "partitioning docs: re-attaching scans the partition and the DEFAULT partition under strong locks")
peer("pgdocs_create_index_on_partitioned_concurrently", "CREATE INDEX CONCURRENTLY liquidations_account_time_idx ON liquidations (account_id, liquidated_at);", H,
     "CREATE INDEX docs: concurrent builds are not supported on partitioned tables (PostgreSQL 15)")
peer("pgdocs_alter_domain_drop_constraint", PS_LT + "ALTER DOMAIN perp_symbol DROP CONSTRAINT IF EXISTS perp_symbol_check;", S, "dropping a domain constraint checks nothing")


# --- cases whose trace is wrong (found on the first trace; the cases and their expectations are unchanged) ---

TRACER_DEFECTS = {
    "gm_two_cic_one_file": (
        "traced safe: the tracer sends the statements one by one, as psql -f does; golang-migrate's postgres driver sends "
        "the whole file as one multi-statement Exec, which PostgreSQL runs as one implicit transaction, so the second "
        "CREATE INDEX CONCURRENTLY fails (golang-migrate/migrate#284, lib/pq#820)"
    ),
    "lb_formatted_cic_in_transaction": (
        "traced safe: a Liquibase formatted-SQL changeset runs in a transaction unless it says runInTransaction:false; "
        "the tracer reads the file as plain psql, so CREATE INDEX CONCURRENTLY ran outside one"
    ),
    "goose_cic_in_transaction": (
        "traced safe: goose wraps an Up section in a transaction unless the file says -- +goose NO TRANSACTION "
        "(pressly/goose#292); the tracer reads the file as plain psql"
    ),
    "goose_with_down_section": (
        "traced hazard (drops markets.funding_cap): the tracer also ran the -- +goose Down section, which goose never "
        "runs on an up migration"
    ),
    "fw_partition_future_with_default": (
        "traced safe: CREATE TABLE ... PARTITION OF with a DEFAULT partition holding rows takes ACCESS EXCLUSIVE on "
        "funding_payments_default and reads it to prove no row belongs to the new range; PostgreSQL prints a DEBUG1 "
        "message only when the scan is skipped (\"implied by existing constraints\"), so the trace saw no scan"
    ),
}


# --- writing the layouts, the expectations and the bad inputs ------------------------------------------------


def case_path(name: str) -> str:
    """The case's path under cases/, as labels.toml names it."""
    tool = next(c[1] for c in CASES if c[0] == name)
    if name in LAYOUT or tool == "golang-migrate":
        return name
    return f"V42__{name}.sql" if tool == "flyway" else f"{name}.sql"


def write_extras(part: Path) -> None:
    cases = part / "cases"
    for name, (layout, extra) in LAYOUT.items():
        tool = next(c[1] for c in CASES if c[0] == name)
        source = cases / (f"V42__{name}.sql" if tool == "flyway" else f"{name}.sql")
        text = source.read_text()
        source.unlink()
        root = cases / name
        if layout == "flyway-conf":
            _put(root / f"V42__{name}.sql", text)
            _put(root / f"V42__{name}.sql.conf", extra)
        elif layout == "sqitch":
            change = name.removeprefix("sqitch_")
            _put(root / "sqitch.plan", f"%syntax-version=1.0.0\n%project=perp\n\n{change} 2026-12-02T09:30:00Z Mirela Kovac <mk@example.com> # {change}\n")
            _put(root / "deploy" / f"{change}.sql", text)
            _put(root / "revert" / f"{change}.sql", f"-- Revert perp:{change} from pg\n\nBEGIN;\n\n{extra}\n\nCOMMIT;\n")
            _put(root / "verify" / f"{change}.sql", f"-- Verify perp:{change} on pg\n\nBEGIN;\n\nSELECT 1;\n\nROLLBACK;\n")
        elif layout in ("diesel", "diesel-with-down"):
            directory = root / f"2026-12-02-093000_{name.removeprefix('diesel_')}"
            _put(directory / "up.sql", text)
            if layout == "diesel-with-down":
                _put(directory / "down.sql", extra)
    defects = part / "tracer_defects"
    shutil.rmtree(defects, ignore_errors=True)
    defects.mkdir()
    notes = ["# blind3 cases the trace gets wrong", "",
             "Moved out of cases/ after the first trace (they are not labelled or scored); expected.toml keeps the",
             "author's expectation of each. What the trace saw, and what really happens:", ""]
    for name, why in TRACER_DEFECTS.items():
        (cases / case_path(name)).rename(defects / case_path(name))
        notes.append(f"- `{case_path(name)}` (expected {EXPECT[name][0]}): {why}.")
    (defects / "README.md").write_text("\n".join(notes) + "\n")
    lines = [
        "# What the author of blind3, reviewing each migration as a DBA, expected of it before the first trace",
        "# (bench/_corpus/blind3.py EXPECT). Not a label: labels.toml is what the server's trace saw.",
        "",
    ]
    for name, (label, tool, reason) in EXPECT.items():
        where = "tracer_defects" if name in TRACER_DEFECTS else "cases"
        lines += ["[[case]]", f'path = "{where}/{case_path(name)}"', f'tool = "{tool}"', f'expect = "{label}"',
                  "reason = " + json.dumps(reason), ""]
    (part / "expected.toml").write_text("\n".join(lines))
    write_bad(part / "bad")


def _put(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


BAD_MB = 5.3
"""The huge statement's size: over the 5 MiB a migration file may have."""


def write_bad(directory: Path) -> None:
    """Ten inputs a migration gate must refuse with a clear message, never a traceback."""
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    alter = "ALTER TABLE markets ADD COLUMN note text;\n"
    files = {
        "empty.sql": b"",
        "latin1.sql": "-- Marché: ajout d'une colonne\nALTER TABLE markets ADD COLUMN libellé text DEFAULT 'é';\n".encode("latin-1"),
        "utf16_bom.sql": ("\ufeff" + alter).encode("utf-16-le"),
        "binary.sql": bytes(range(256)) * 8,
        "syntax_error.sql": b"ALTER TABEL positions ADD COLUMN hedge_mode boolean;\n",
        # Cut inside a string literal: a cut after "DEFAULT fal" still parses ("fal" reads as a column name).
        "truncated.sql": b"SET lock_timeout = '2s';\nALTER TABLE positions ADD CONSTRAINT positions_hedge_chk CHECK (client_tag IN ('one_way', 'hed",
        "unterminated_dollar.sql": b"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$\nBEGIN\n  RETURN 1;\nEND;\n",
        "mysql_dialect.sql": b"CREATE TABLE `orders` (\n  `id` bigint unsigned NOT NULL AUTO_INCREMENT,\n  `symbol` varchar(20) NOT NULL,\n"
        b"  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n",
        "crlf_nul.sql": b"SET lock_timeout = '2s';\r\nALTER TABLE markets ADD COLUMN note text;\r\n\x00\r\n",
    }
    row = "(1, '2026-12-01 00:00:00+00', 42000.123456789012, 3, NULL),\n"
    count = int(BAD_MB * 1_000_000) // len(row) + 1
    files["huge_statement.sql"] = (
        "INSERT INTO price_index_ticks (market_id, ts, index_price, sources, components) VALUES\n" + row * count
    ).rstrip(",\n").encode() + b";\n"
    for name, data in files.items():
        (directory / name).write_bytes(data)
