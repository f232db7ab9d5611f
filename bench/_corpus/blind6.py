# ruff: noqa: E501  (each case is one migration, kept on one line as the tool writes it)
"""blind6: a crypto OTC desk and payments-and-payouts processor (bench/gate_corpus/blind6/).

RFQs, dealer quotes, trades, on-chain settlements, wallets, payouts, KYC checks, fee schedules, an audit log, a
partitioned event stream (with a DEFAULT partition holding early January events) and a partitioned double-entry
ledger (no DEFAULT), enums, domains, views, two materialized views, a sequence and triggers. Written by an author
who read neither the gate's rules, the static reader nor any other corpus' cases. Each case carries what that
author, as a reviewing DBA, expected of it before the first trace (``expected.toml``); the label is what the
tracer saw (``labels.toml``).
"""

from __future__ import annotations

from pathlib import Path

from . import blind5, blindset
from .blind4 import atlas, diesel, drizzle, ecto, efcore, goose, hibernate, knex, liquibase, sequelize, sqitch, typeorm
from .blind5 import sqlx
from .tools import LT, alembic, dbmate, django, plain, rails

H, S = "hazard", "safe"
_DIRECTORY_TOOLS = ("golang-migrate", "prisma", "diesel", "atlas", "drizzle")
_DIESEL_NO_TRANSACTION = {"ds_cic_run_in_transaction_false"}
"""Diesel cases whose metadata.toml says ``run_in_transaction = false``."""


def write(directory: Path, name: str, tool: str, text: str, down: str = "") -> str:
    """Write one case as its tool lays it out (blind5's layouts); returns its corpus path."""
    path = blind5.write(directory, name, tool, text, down)
    if name in _DIESEL_NO_TRANSACTION:
        (directory / name / "metadata.toml").write_text("run_in_transaction = false\n")
    return path


def alembic_autocommit(sql: str) -> str:
    """Alembic offline output of an ``op.get_context().autocommit_block()``: the migration's transaction is
    committed around the statement and reopened after it."""
    return alembic(f"COMMIT;\n\n{sql.strip()}\n\nBEGIN;")


def efcore_suppressed(sql: str, migration: str = "20261203081500_Payouts") -> str:
    """EF Core's script of a migration whose ``migrationBuilder.Sql(..., suppressTransaction: true)`` runs
    outside the migration's transaction."""
    return (
        f"START TRANSACTION;\n\nCOMMIT;\n\n{sql.strip()}\n\nSTART TRANSACTION;\n\n"
        f'INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")\n'
        f"VALUES ('{migration}', '8.0.11');\n\nCOMMIT;\n"
    )


def sqitch_bare(change: str, sql: str) -> str:
    """A sqitch deploy script written without the BEGIN/COMMIT ``sqitch add`` puts in (sqitch runs it with psql)."""
    return f"-- Deploy otc:{change} to pg\n\n{sql.strip()}\n"


def knex_no_transaction(sql: str, name: str = "20261203_payouts.js") -> str:
    """knex with ``exports.config = { transaction: false }``: no BEGIN around the migration."""
    return (
        f"-- knex migrate:latest --debug (pg): migration {name} (transaction: false)\n{sql.strip()}\n"
        f"insert into \"knex_migrations\" (\"batch\", \"migration_time\", \"name\") values (43, now(), '{name}');\n"
    )


def liquibase_changesets(*changesets: str) -> str:
    """A Liquibase formatted-SQL file of several changesets: each runs in its own transaction."""
    body = "".join(f"--changeset otc:{i}\n{sql.strip()}\n\n" for i, sql in enumerate(changesets, 1))
    return f"--liquibase formatted sql\n\n{body}".rstrip() + "\n"


# ORM logs quote identifiers with double quotes; the cases write them as backticks to stay readable on one
# line, and _CASES turns them back (no case means a backtick).
# (name, tool, text, expectation, the reviewing DBA's reason[, down])
_RAW = [
    # --- adding columns ---------------------------------------------------------------------------------
    ("dj_add_nullable_no_lt", "django", django("Add field desk_notes to quote", "ALTER TABLE `quotes` ADD COLUMN `desk_notes` text NULL;"), H, "catalog-only add, but ACCESS EXCLUSIVE on quotes with no lock_timeout: every reader queues behind it"),
    ("dj_add_nullable_lt", "django", django("Add field desk_notes to quote", LT + "ALTER TABLE `quotes` ADD COLUMN `desk_notes` text NULL;"), S, "catalog-only add, the lock wait is bounded by lock_timeout"),
    ("rl_add_default_constant_lt", "rails", rails(LT + 'ALTER TABLE `payouts` ADD `priority` integer DEFAULT 0 NOT NULL'), S, "constant default is stored in the catalog (PG 11+ fast default), no rewrite; lock_timeout set"),
    ("rl_add_default_constant_no_lt", "rails", rails('ALTER TABLE `payouts` ADD `priority` integer DEFAULT 0 NOT NULL'), H, "fast default, but ACCESS EXCLUSIVE on payouts taken with no lock_timeout"),
    ("al_add_uuid_default_volatile", "alembic", alembic(LT + "ALTER TABLE settlements ADD COLUMN public_id UUID DEFAULT gen_random_uuid() NOT NULL;"), H, "gen_random_uuid() is volatile: each existing row needs its own value, settlements is rewritten under ACCESS EXCLUSIVE"),
    ("fw_add_clock_timestamp_default", "flyway", plain(LT + "ALTER TABLE audit_log ADD COLUMN ingested_at timestamptz DEFAULT clock_timestamp();"), H, "clock_timestamp() is volatile: audit_log is rewritten"),
    ("pr_add_current_timestamp_default", "prisma", '-- AlterTable\nALTER TABLE "wallets" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;\n', H, "CURRENT_TIMESTAMP is stable (evaluated once, no rewrite) but Prisma sets no lock_timeout before ACCESS EXCLUSIVE on wallets"),
    ("sx_add_now_default_lt", "sqlx", sqlx(LT + "ALTER TABLE trades ADD COLUMN booked_at timestamptz NOT NULL DEFAULT now();"), S, "now() is stable: one value for all rows, a fast default; lock_timeout set"),
    ("go_add_not_null_no_default", "goose", goose(LT + "ALTER TABLE kyc_checks ADD COLUMN reviewer text NOT NULL;", "ALTER TABLE kyc_checks DROP COLUMN reviewer;"), H, "NOT NULL with no default on a table with rows fails: column contains null values"),
    ("ec_add_generated_stored", "ecto", ecto(LT + "ALTER TABLE trades ADD COLUMN fee_bps numeric GENERATED ALWAYS AS (fee / notional * 10000) STORED;"), H, "a stored generated column is computed for every row: trades is rewritten"),
    ("dm_add_bigserial_column", "dbmate", dbmate(LT + "ALTER TABLE audit_log ADD COLUMN seq bigserial;", "ALTER TABLE audit_log DROP COLUMN seq;"), H, "serial's nextval() default is volatile: audit_log rewritten to number the rows"),
    ("ef_add_identity_column", "efcore", efcore(LT + 'ALTER TABLE bank_accounts ADD "RowVersion" integer GENERATED BY DEFAULT AS IDENTITY;'), H, "an identity column fills every existing row from its sequence: rewrite"),
    ("kx_add_jsonb_default_lt", "knex", knex(LT + "alter table `rfqs` add column `tags` jsonb default '[]'::jsonb;"), S, "constant jsonb default is a fast default; lock_timeout set"),
    ("to_add_varchar_default_lt", "typeorm", typeorm(LT + "ALTER TABLE `payouts` ADD `rail` character varying NOT NULL DEFAULT 'sepa'"), S, "constant default, no rewrite, bounded lock wait"),
    ("sz_add_column_no_lt", "sequelize", sequelize('ALTER TABLE "counterparties" ADD COLUMN "risk_score" INTEGER;'), H, "ACCESS EXCLUSIVE on counterparties with no lock_timeout"),
    ("hb_add_column_no_lt", "hibernate", hibernate("alter table if exists fee_schedules add column currency varchar(3)"), H, "hbm2ddl update sets no lock_timeout; ACCESS EXCLUSIVE on fee_schedules"),
    ("ds_add_column_lt", "diesel", diesel(LT + "ALTER TABLE assets ADD COLUMN min_withdrawal numeric(38, 18);"), S, "nullable add with lock_timeout"),
    ("at_add_column_lt", "atlas", atlas(LT + 'ALTER TABLE "public"."wallets" ADD COLUMN "chain_id" integer NULL;'), S, "nullable add with lock_timeout"),
    ("dz_add_column_no_lt", "drizzle", drizzle('ALTER TABLE "settlements" ADD COLUMN "network_fee" numeric(38, 18);'), H, "drizzle-kit sets no lock_timeout: ACCESS EXCLUSIVE on settlements unbounded"),
    ("lq_add_array_default_lt", "liquibase", liquibase(LT + "ALTER TABLE wallets ADD COLUMN tags text[] DEFAULT '{}';", "otc:101"), S, "constant array default, fast default; lock_timeout set"),
    ("psql_add_random_default", "psql", plain(LT + "ALTER TABLE quotes ADD COLUMN jitter double precision DEFAULT random();"), H, "random() is volatile: quotes rewritten"),
    ("sq_add_constrained_domain_column", "sqitch", sqitch("payout_fee", LT + "ALTER TABLE payouts ADD COLUMN fee positive_amount;"), H, "a column of a domain with a CHECK is checked row by row: PostgreSQL rewrites payouts even with a NULL default"),
    ("sq_add_plain_domain_column", "sqitch", sqitch("iban_alt", LT + "ALTER TABLE bank_accounts ADD COLUMN iban_alt iban_text;"), S, "iban_text has no constraint: catalog-only add with lock_timeout"),
    ("psql_add_now_not_null_lt", "psql", plain(LT + "ALTER TABLE wallets ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();"), S, "stable default evaluated once: no rewrite"),
    ("rl_add_json_column_lt", "rails", rails(LT + 'ALTER TABLE `quotes` ADD `pricing_inputs` json'), S, "strong_migrations warns about json for DISTINCT queries, but the add itself is catalog-only with lock_timeout"),
    ("psql_add_column_exists", "psql", plain(LT + "ALTER TABLE payouts ADD COLUMN status text;"), H, "payouts already has status: the migration fails"),
    ("psql_add_column_if_not_exists_existing", "psql", plain(LT + "ALTER TABLE payouts ADD COLUMN IF NOT EXISTS status payout_status;"), S, "already there: a notice and nothing else, lock bounded"),
    ("ec_add_column_then_backfill_same_tx", "ecto", ecto(LT + "ALTER TABLE wallets ADD COLUMN network text;\nUPDATE wallets SET network = 'mainnet';"), H, "backfill of every wallet inside the transaction that still holds ACCESS EXCLUSIVE"),
    # --- indexes -----------------------------------------------------------------------------------------
    ("dj_add_index_atomic", "django", django("Create index payouts_requested_at_idx on field(s) requested_at of model payout", 'CREATE INDEX `payouts_requested_at_idx` ON `payouts` (`requested_at`);'), H, "plain CREATE INDEX holds SHARE on payouts while it reads the table: writes wait"),
    ("dj_add_index_concurrently_nonatomic", "django", django("Concurrently create index payouts_requested_at_idx", 'CREATE INDEX CONCURRENTLY `payouts_requested_at_idx` ON `payouts` (`requested_at`);', atomic=False), S, "AddIndexConcurrently in a non-atomic migration: no write lock"),
    ("dj_add_index_concurrently_atomic", "django", django("Concurrently create index payouts_requested_at_idx", 'CREATE INDEX CONCURRENTLY `payouts_requested_at_idx` ON `payouts` (`requested_at`);'), H, "atomic migration: CREATE INDEX CONCURRENTLY cannot run inside a transaction block, it fails"),
    ("rl_index_concurrently_ddl_disabled", "rails", rails('CREATE INDEX CONCURRENTLY `index_quotes_on_valid_until` ON `quotes` (`valid_until`)', transaction=False), S, "disable_ddl_transaction! + algorithm: :concurrently"),
    ("rl_index_concurrently_in_tx", "rails", rails('CREATE INDEX CONCURRENTLY `index_quotes_on_valid_until` ON `quotes` (`valid_until`)'), H, "forgot disable_ddl_transaction!: fails inside the migration transaction"),
    ("al_cic_autocommit_block", "alembic", alembic_autocommit("CREATE INDEX CONCURRENTLY ix_trades_counterparty_id ON trades (counterparty_id);"), S, "autocommit_block closes the transaction around the concurrent build"),
    ("al_create_index_plain", "alembic", alembic(LT + "CREATE INDEX ix_trades_counterparty_id ON trades (counterparty_id);"), H, "lock_timeout bounds the wait, not the build: writes to trades wait while it reads the table"),
    ("fw_cic_alone", "flyway", plain("CREATE INDEX CONCURRENTLY idx_settlements_status ON settlements (status);"), S, "Flyway runs a migration of only non-transactional statements outside a transaction"),
    ("gm_cic_single", "golang-migrate", "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_wallets_address ON wallets (address);\n", S, "one statement per file: golang-migrate sends it alone, no transaction", "DROP INDEX CONCURRENTLY IF EXISTS idx_wallets_address;\n"),
    ("gm_cic_two_statements", "golang-migrate", "CREATE INDEX CONCURRENTLY idx_wallets_asset ON wallets (asset);\nCREATE INDEX CONCURRENTLY idx_wallets_created ON wallets (created_at);\n", H, "golang-migrate sends the file as one multi-statement query: an implicit transaction block, so CIC fails", "DROP INDEX IF EXISTS idx_wallets_asset;\nDROP INDEX IF EXISTS idx_wallets_created;\n"),
    ("dm_cic_transaction_false", "dbmate", dbmate("CREATE INDEX CONCURRENTLY idx_kyc_checks_counterparty ON kyc_checks (counterparty_id);", "DROP INDEX idx_kyc_checks_counterparty;", transaction=False), S, "transaction:false: concurrent build outside a transaction"),
    ("dm_cic_default_tx", "dbmate", dbmate("CREATE INDEX CONCURRENTLY idx_kyc_checks_counterparty ON kyc_checks (counterparty_id);", "DROP INDEX idx_kyc_checks_counterparty;"), H, "dbmate's default transaction: CIC fails"),
    ("go_cic_no_transaction", "goose", goose("CREATE INDEX CONCURRENTLY idx_bank_accounts_cp ON bank_accounts (counterparty_id);", "DROP INDEX CONCURRENTLY idx_bank_accounts_cp;", transaction=False), S, "+goose NO TRANSACTION"),
    ("go_create_index_lt", "goose", goose(LT + "CREATE INDEX idx_bank_accounts_cp ON bank_accounts (counterparty_id);"), H, "SHARE lock for the whole build: writes wait"),
    ("pr_create_index", "prisma", '-- CreateIndex\nCREATE INDEX "payouts_wallet_id_idx" ON "payouts"("wallet_id");\n', H, "Prisma's CreateIndex is not concurrent: payouts writes wait during the build"),
    ("pr_cic_edited", "prisma", '-- CreateIndex (edited by hand: concurrent build)\nCREATE INDEX CONCURRENTLY "payouts_wallet_id_idx" ON "payouts"("wallet_id");\n', S, "a one-statement Prisma migration runs outside a transaction block"),
    ("sx_cic_no_transaction", "sqlx", sqlx("CREATE INDEX CONCURRENTLY idx_audit_entity ON audit_log (entity, entity_id);", transaction=False), S, "-- no-transaction"),
    ("sx_cic_in_tx", "sqlx", sqlx("CREATE INDEX CONCURRENTLY idx_audit_entity ON audit_log (entity, entity_id);"), H, "sqlx wraps the file in a transaction: CIC fails"),
    ("ec_cic_ddl_transaction_disabled", "ecto", ecto("CREATE INDEX CONCURRENTLY settlements_trade_id_index ON settlements (trade_id);", transaction=False), S, "@disable_ddl_transaction true + concurrently: true"),
    ("ec_create_index_tx", "ecto", ecto("CREATE INDEX settlements_trade_id_index ON settlements (trade_id);"), H, "plain index build in the migration transaction: writes wait"),
    ("at_cic_txmode_none", "atlas", atlas("CREATE INDEX CONCURRENTLY idx_rfqs_status ON rfqs (status);", "none"), S, "atlas:txmode none"),
    ("at_cic_txmode_file", "atlas", atlas("CREATE INDEX CONCURRENTLY idx_rfqs_status ON rfqs (status);"), H, "Atlas runs the file in a transaction by default: CIC fails"),
    ("kx_cic_in_tx", "knex", knex("CREATE INDEX CONCURRENTLY quotes_dealer_index ON quotes (dealer);"), H, "knex wraps the migration in a transaction: CIC fails"),
    ("kx_cic_transaction_false", "knex", knex_no_transaction("CREATE INDEX CONCURRENTLY quotes_dealer_index ON quotes (dealer);"), S, "config.transaction = false"),
    ("sz_cic_no_tx", "sequelize", sequelize('CREATE INDEX CONCURRENTLY "payouts_sent_at" ON "payouts" ("sent_at");'), S, "queryInterface.addIndex(..., {concurrently: true}) outside a transaction"),
    ("to_create_unique_index", "typeorm", typeorm('CREATE UNIQUE INDEX "IDX_wallets_address" ON "wallets" ("address") '), H, "unique build under SHARE: writes to wallets wait"),
    ("lq_cic_run_in_transaction_false", "liquibase", liquibase("CREATE INDEX CONCURRENTLY idx_fee_sched_valid ON fee_schedules (valid_from);", "otc:102", "runInTransaction:false"), S, "runInTransaction:false"),
    ("lq_create_index", "liquibase", liquibase("CREATE INDEX idx_fee_sched_valid ON fee_schedules (valid_from);", "otc:102"), H, "non-concurrent build, no lock_timeout"),
    ("hb_create_index", "hibernate", hibernate("create index idx_trades_quote on trades (quote_id)"), H, "non-concurrent build blocks writes"),
    ("ds_cic_run_in_transaction_false", "diesel", diesel("CREATE INDEX CONCURRENTLY idx_quotes_created ON quotes (created_at);"), S, "metadata.toml run_in_transaction = false"),
    ("ds_cic_in_tx", "diesel", diesel("CREATE INDEX CONCURRENTLY idx_quotes_created ON quotes (created_at);"), H, "Diesel runs up.sql in a transaction: CIC fails"),
    ("dz_create_index", "drizzle", drizzle('CREATE INDEX IF NOT EXISTS "settlements_asset_idx" ON "settlements" USING btree ("asset");'), H, "non-concurrent build"),
    ("psql_cic_unique_duplicates", "psql", plain("CREATE UNIQUE INDEX CONCURRENTLY payouts_idempotency_key_idx ON payouts (idempotency_key);"), H, "retried payouts share a key: the build fails (and leaves an INVALID index)"),
    ("psql_cic_unique_partial_clean", "psql", plain("CREATE UNIQUE INDEX CONCURRENTLY payouts_idempotency_key_idx ON payouts (idempotency_key) WHERE requested_at >= '2026-11-15';"), S, "the retries all predate the cut-off: concurrent partial unique build"),
    ("psql_cic_partitioned_parent", "psql", plain("CREATE INDEX CONCURRENTLY events_kind_idx ON events (kind);"), H, "PostgreSQL 15 cannot build an index concurrently on a partitioned table: it fails"),
    ("psql_index_on_only_parent_lt", "psql", plain("BEGIN;\nSET LOCAL lock_timeout = '2s';\nCREATE INDEX events_kind_idx ON ONLY events (kind);\nCOMMIT;"), S, "ON ONLY creates an invalid parent index without touching partitions: brief lock, bounded"),
    ("psql_partition_index_pattern", "psql", plain(LT + "CREATE INDEX ledger_account_idx ON ONLY ledger_entries (account);\nCREATE INDEX CONCURRENTLY ledger_entries_2026_10_account_idx ON ledger_entries_2026_10 (account);\nCREATE INDEX CONCURRENTLY ledger_entries_2026_11_account_idx ON ledger_entries_2026_11 (account);\nCREATE INDEX CONCURRENTLY ledger_entries_2026_12_account_idx ON ledger_entries_2026_12 (account);\nALTER INDEX ledger_account_idx ATTACH PARTITION ledger_entries_2026_10_account_idx;\nALTER INDEX ledger_account_idx ATTACH PARTITION ledger_entries_2026_11_account_idx;\nALTER INDEX ledger_account_idx ATTACH PARTITION ledger_entries_2026_12_account_idx;"), S, "the documented way to index a partitioned table without blocking writes"),
    ("psql_create_index_on_parent", "psql", plain("CREATE INDEX events_occurred_kind_idx ON events (occurred_at, kind);"), H, "recurses to every partition, each built under SHARE: event writes wait"),
    ("psql_reindex_index", "psql", plain("REINDEX INDEX payouts_status_idx;"), H, "plain REINDEX blocks writes to payouts while it rebuilds"),
    ("psql_reindex_concurrently", "psql", plain("REINDEX INDEX CONCURRENTLY payouts_status_idx;"), S, "PG 12+ concurrent rebuild"),
    ("go_reindex_concurrently_in_tx", "goose", goose("REINDEX TABLE CONCURRENTLY payouts;"), H, "goose's transaction: REINDEX CONCURRENTLY fails inside a transaction block"),
    ("dj_drop_index_no_lt", "django", django("Remove index quotes_rfq_idx from quote", 'DROP INDEX IF EXISTS `quotes_rfq_idx`;'), H, "DROP INDEX takes ACCESS EXCLUSIVE on quotes, no lock_timeout"),
    ("dj_drop_index_concurrently", "django", django("Concurrently remove index rfqs_counterparty_idx", 'DROP INDEX CONCURRENTLY IF EXISTS `rfqs_counterparty_idx`;', atomic=False), S, "RemoveIndexConcurrently, non-atomic"),
    ("rl_drop_index_lt", "rails", rails(LT + 'DROP INDEX `trades_executed_idx`'), S, "ACCESS EXCLUSIVE for an instant, bounded by lock_timeout; an index is no object the application names"),
    ("psql_create_index_new_table", "psql", plain("CREATE TABLE fx_rates (pair text NOT NULL, at timestamptz NOT NULL, rate numeric(24, 10) NOT NULL);\nCREATE INDEX fx_rates_pair_at_idx ON fx_rates (pair, at);"), S, "index on a table the file creates"),
    ("al_index_if_not_exists_existing_lt", "alembic", alembic(LT + "CREATE INDEX IF NOT EXISTS quotes_rfq_idx ON quotes (rfq_id);"), S, "the index exists: a notice; the SHARE lock is bounded"),
    ("ef_create_index", "efcore", efcore('CREATE INDEX "IX_payouts_wallet_id" ON payouts (wallet_id);'), H, "EF Core's CreateIndex is a plain build inside its transaction"),
    ("ef_cic_suppress_transaction", "efcore", efcore_suppressed('CREATE INDEX CONCURRENTLY "IX_payouts_wallet_id" ON payouts (wallet_id);'), S, "suppressTransaction: true, the build runs between the script's transactions"),
    ("sq_cic_bare_script", "sqitch", sqitch_bare("ix_rfqs_expires", "CREATE INDEX CONCURRENTLY rfqs_expires_at_idx ON rfqs (expires_at);"), S, "deploy script without BEGIN: psql runs the concurrent build alone"),
    ("psql_cic_brin", "psql", plain("CREATE INDEX CONCURRENTLY audit_log_at_brin ON audit_log USING brin (at);"), S, "concurrent BRIN build"),
    ("psql_cic_stable_expression", "psql", plain("CREATE INDEX CONCURRENTLY counterparties_created_day_idx ON counterparties (date_trunc('day', created_at));"), H, "date_trunc on timestamptz is STABLE, not IMMUTABLE: the build fails"),
    ("dm_cic_where_now", "dbmate", dbmate("CREATE INDEX CONCURRENTLY payouts_recent_idx ON payouts (requested_at) WHERE requested_at > now() - interval '7 days';", "DROP INDEX payouts_recent_idx;", transaction=False), H, "now() in an index predicate is not immutable: fails"),
    ("fw_cic_missing_column", "flyway", plain("CREATE INDEX CONCURRENTLY idx_payouts_bank_account ON payouts (bank_account_id);"), H, "payouts has no bank_account_id: fails"),
    # --- constraints -------------------------------------------------------------------------------------
    ("dj_add_fk_validated", "django", django("Alter field asset on settlement", 'ALTER TABLE `settlements` ADD CONSTRAINT `settlements_asset_fk_assets_code` FOREIGN KEY (`asset`) REFERENCES `assets` (`code`) DEFERRABLE INITIALLY DEFERRED;'), H, "validating FK: SHARE ROW EXCLUSIVE on settlements and assets while every settlement is checked"),
    ("dj_add_fk_not_valid_validate_same_tx", "django", django("Add FK not valid, then validate", LT + 'ALTER TABLE `settlements` ADD CONSTRAINT `settlements_asset_fk` FOREIGN KEY (`asset`) REFERENCES `assets` (`code`) NOT VALID;\nALTER TABLE `settlements` VALIDATE CONSTRAINT `settlements_asset_fk`;'), H, "validated in the same transaction that still holds SHARE ROW EXCLUSIVE from the ADD: writes wait during the scan"),
    ("rl_add_fk_not_valid_lt", "rails", rails(LT + 'ALTER TABLE `settlements` ADD CONSTRAINT `fk_rails_settlements_asset` FOREIGN KEY (`asset`) REFERENCES `assets` (`code`) NOT VALID'), S, "validate: false, lock bounded, no scan"),
    ("rl_validate_fk_separate", "rails", rails('ALTER TABLE `wallets` VALIDATE CONSTRAINT `wallets_asset_fk`'), S, "VALIDATE takes SHARE UPDATE EXCLUSIVE: reads and writes go on during the scan"),
    ("al_validate_check_separate", "alembic", alembic("ALTER TABLE quotes VALIDATE CONSTRAINT quotes_price_positive;"), S, "validation under SHARE UPDATE EXCLUSIVE, every price is positive"),
    ("fw_validate_violated", "flyway", plain("ALTER TABLE counterparties VALIDATE CONSTRAINT counterparties_lei_present;"), H, "42 counterparties have no LEI: validation fails"),
    ("gm_add_check_validated_lt", "golang-migrate", LT + "ALTER TABLE payouts ADD CONSTRAINT payouts_amount_cap CHECK (amount < 1000000);\n", H, "a validated CHECK scans payouts under ACCESS EXCLUSIVE", "ALTER TABLE payouts DROP CONSTRAINT payouts_amount_cap;\n"),
    ("gm_add_check_not_valid_lt", "golang-migrate", LT + "ALTER TABLE payouts ADD CONSTRAINT payouts_amount_cap CHECK (amount < 1000000) NOT VALID;\n", S, "NOT VALID: no scan, bounded lock", "ALTER TABLE payouts DROP CONSTRAINT payouts_amount_cap;\n"),
    ("dm_add_check_not_valid_no_lt", "dbmate", dbmate("ALTER TABLE payouts ADD CONSTRAINT payouts_amount_cap CHECK (amount < 1000000) NOT VALID;", "ALTER TABLE payouts DROP CONSTRAINT payouts_amount_cap;"), H, "NOT VALID avoids the scan but ACCESS EXCLUSIVE is still taken with no lock_timeout"),
    ("pr_add_unique_constraint", "prisma", '-- AddUniqueConstraint\nALTER TABLE "wallets" ADD CONSTRAINT "wallets_address_key" UNIQUE ("address");\n', H, "UNIQUE constraint builds its index under ACCESS EXCLUSIVE"),
    ("go_unique_using_index_lt", "goose", goose(LT + "ALTER TABLE quotes ADD CONSTRAINT quotes_ref_key UNIQUE USING INDEX quotes_ref_uidx;"), S, "promotes an existing unique index: catalog-only, bounded lock"),
    ("psql_pk_using_index_not_null_cols", "psql", plain(LT + "ALTER TABLE price_snapshots ADD CONSTRAINT price_snapshots_pkey PRIMARY KEY USING INDEX price_snapshots_key;"), S, "columns already NOT NULL, index already built: catalog-only"),
    ("psql_pk_using_index_nullable_col", "psql", plain(LT + "ALTER TABLE price_snapshots ADD CONSTRAINT price_snapshots_pkey PRIMARY KEY USING INDEX price_snapshots_source_key;"), H, "source is nullable: the PK sets NOT NULL, which scans price_snapshots under ACCESS EXCLUSIVE"),
    ("sx_add_pk_direct", "sqlx", sqlx(LT + "ALTER TABLE price_snapshots ADD PRIMARY KEY (asset, taken_at);"), H, "builds the PK index under ACCESS EXCLUSIVE"),
    ("kx_add_exclusion_constraint", "knex", knex("alter table `fee_schedules` add constraint `fee_schedules_no_overlap` exclude using gist (name with =, daterange(valid_from, valid_to) with &&);"), H, "text = has no gist operator class without btree_gist: fails (and would block everything while it builds)"),
    ("to_drop_constraint_lt", "typeorm", typeorm(LT + 'ALTER TABLE "quotes" DROP CONSTRAINT "quotes_price_positive"'), S, "dropping a CHECK is catalog-only, bounded"),
    ("to_drop_constraint_no_lt", "typeorm", typeorm('ALTER TABLE "quotes" DROP CONSTRAINT "quotes_price_positive"'), H, "ACCESS EXCLUSIVE on quotes, no lock_timeout"),
    ("ec_check_not_valid_validate_same_tx", "ecto", ecto(LT + "ALTER TABLE trades ADD CONSTRAINT trades_fee_nonneg CHECK (fee >= 0) NOT VALID;\nALTER TABLE trades VALIDATE CONSTRAINT trades_fee_nonneg;"), H, "the ACCESS EXCLUSIVE of the ADD is still held while VALIDATE scans trades"),
    ("ef_fk_to_new_table", "efcore", efcore('CREATE TABLE payout_batches (id bigint GENERATED BY DEFAULT AS IDENTITY, created_at timestamptz NOT NULL, CONSTRAINT "PK_payout_batches" PRIMARY KEY (id));\n\nALTER TABLE payouts ADD batch_id bigint NULL;\n\nALTER TABLE payouts ADD CONSTRAINT "FK_payouts_payout_batches_batch_id" FOREIGN KEY (batch_id) REFERENCES payout_batches (id);'), H, "ACCESS EXCLUSIVE on payouts with no lock_timeout (the FK check itself is trivial: batch_id is all NULL)"),
    ("lq_fk_not_valid_then_validate_changesets", "liquibase", liquibase_changesets(LT + "ALTER TABLE kyc_checks ADD CONSTRAINT kyc_checks_cp_fk2 FOREIGN KEY (counterparty_id) REFERENCES counterparties (id) NOT VALID;", "ALTER TABLE kyc_checks VALIDATE CONSTRAINT kyc_checks_cp_fk2;"), S, "two changesets, two transactions: the validation runs under SHARE UPDATE EXCLUSIVE only"),
    ("hb_add_fk", "hibernate", hibernate("alter table if exists bank_accounts add constraint FK7q1bank_cp foreign key (counterparty_id) references counterparties"), H, "validating FK under SHARE ROW EXCLUSIVE on both tables, no lock_timeout"),
    ("ds_set_not_null_with_nulls", "diesel", diesel(LT + "ALTER TABLE wallets ALTER COLUMN label SET NOT NULL;"), H, "60 wallets have no label: fails"),
    ("at_set_not_null_full_scan", "atlas", atlas(LT + 'ALTER TABLE "public"."counterparties" ALTER COLUMN "email" SET NOT NULL;'), H, "no valid CHECK to rely on: counterparties scanned under ACCESS EXCLUSIVE"),
    ("dz_set_not_null_check_one_tx", "drizzle", drizzle(LT.strip(), 'ALTER TABLE "counterparties" ADD CONSTRAINT "email_nn" CHECK ("email" IS NOT NULL) NOT VALID;', 'ALTER TABLE "counterparties" VALIDATE CONSTRAINT "email_nn";', 'ALTER TABLE "counterparties" ALTER COLUMN "email" SET NOT NULL;'), H, "drizzle's migrator runs everything in one transaction: VALIDATE scans while the ADD's ACCESS EXCLUSIVE is held"),
    ("psql_set_not_null_check_autocommit", "psql", plain(LT + "ALTER TABLE counterparties ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE counterparties VALIDATE CONSTRAINT email_nn;\nALTER TABLE counterparties ALTER COLUMN email SET NOT NULL;\nALTER TABLE counterparties DROP CONSTRAINT email_nn;"), S, "each statement commits on its own; SET NOT NULL uses the validated CHECK and skips the scan"),
    ("sq_set_not_null_existing_check", "sqitch", sqitch("bic_not_null", LT + "ALTER TABLE bank_accounts ALTER COLUMN bic SET NOT NULL;"), S, "bank_accounts_bic_nn is a valid CHECK (bic IS NOT NULL): no scan"),
    ("psql_drop_not_null_no_lt", "psql", plain("ALTER TABLE quotes ALTER COLUMN valid_until DROP NOT NULL;"), H, "catalog-only but ACCESS EXCLUSIVE with no lock_timeout"),
    ("rl_drop_not_null_lt", "rails", rails(LT + 'ALTER TABLE `quotes` ALTER COLUMN `dealer` DROP NOT NULL'), S, "change_column_null true: catalog-only, bounded"),
    ("psql_check_violated", "psql", plain(LT + "ALTER TABLE fee_schedules ADD CONSTRAINT fee_schedules_min_fee CHECK (min_fee >= 0.5);"), H, "the cheaper tiers have min_fee below 0.5: fails"),
    ("go_add_fk_not_valid_no_lt", "goose", goose("ALTER TABLE trades ADD CONSTRAINT trades_settlement_fee_fk FOREIGN KEY (fee_schedule_id) REFERENCES fee_schedules (id) NOT VALID;"), H, "no scan, but SHARE ROW EXCLUSIVE on trades and fee_schedules with no lock_timeout"),
    ("sz_add_fk_not_valid_lt", "sequelize", sequelize(LT + 'ALTER TABLE "payouts" ADD CONSTRAINT "payouts_wallet_fk2" FOREIGN KEY ("wallet_id") REFERENCES "wallets" ("id") NOT VALID;'), S, "NOT VALID with lock_timeout"),
    ("psql_truncate_cascade", "psql", plain("TRUNCATE counterparties CASCADE;"), H, "empties counterparties and every table that references it"),
    ("psql_validate_after_lt_autocommit", "psql", plain(LT + "ALTER TABLE wallets VALIDATE CONSTRAINT wallets_asset_fk;"), S, "SHARE UPDATE EXCLUSIVE validation"),
    # --- type changes ------------------------------------------------------------------------------------
    ("dj_varchar_widen_lt", "django", django("Alter field email on counterparty", LT + 'ALTER TABLE `counterparties` ALTER COLUMN `email` TYPE varchar(254);'), S, "widening varchar is binary coercible: no rewrite, no scan"),
    ("dj_varchar_widen_no_lt", "django", django("Alter field email on counterparty", 'ALTER TABLE `counterparties` ALTER COLUMN `email` TYPE varchar(254);'), H, "no rewrite, but ACCESS EXCLUSIVE unbounded"),
    ("rl_int_to_bigint", "rails", rails(LT + 'ALTER TABLE `kyc_checks` ALTER COLUMN `score` TYPE bigint'), H, "integer to bigint rewrites kyc_checks"),
    ("al_varchar_to_text_lt", "alembic", alembic(LT + "ALTER TABLE wallets ALTER COLUMN address TYPE TEXT;"), S, "varchar to text is binary coercible"),
    ("fw_text_to_varchar_lt", "flyway", plain(LT + "ALTER TABLE rfqs ALTER COLUMN notes TYPE varchar(500);"), H, "text to varchar(n) must check each value's length: rewrite"),
    ("gm_numeric_precision_up_lt", "golang-migrate", LT + "ALTER TABLE trades ALTER COLUMN notional TYPE numeric(30, 2);\n", S, "more precision, same scale: no rewrite", "ALTER TABLE trades ALTER COLUMN notional TYPE numeric(24, 2);\n"),
    ("gm_numeric_scale_change_lt", "golang-migrate", LT + "ALTER TABLE trades ALTER COLUMN notional TYPE numeric(30, 4);\n", H, "a scale change rewrites trades", "ALTER TABLE trades ALTER COLUMN notional TYPE numeric(24, 2);\n"),
    ("dm_timestamp_to_tz_utc", "dbmate", dbmate("SET TIME ZONE 'UTC';\n" + LT + "ALTER TABLE kyc_checks ALTER COLUMN checked_at TYPE timestamptz;", "ALTER TABLE kyc_checks ALTER COLUMN checked_at TYPE timestamp;"), S, "PG 12+: timestamp to timestamptz is not rewritten when the session's TimeZone is UTC"),
    ("dm_timestamp_to_tz_new_york", "dbmate", dbmate("SET TIME ZONE 'America/New_York';\n" + LT + "ALTER TABLE wallets ALTER COLUMN created_at TYPE timestamptz;", "ALTER TABLE wallets ALTER COLUMN created_at TYPE timestamp;"), H, "outside UTC every value shifts: wallets rewritten"),
    ("pr_timestamp_precision_down", "prisma", '-- AlterTable\nALTER TABLE "wallets" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMP(3);\n', H, "lower precision rounds every value: rewrite, and no lock_timeout"),
    ("go_enum_to_text_view_dep", "goose", goose(LT + "ALTER TABLE rfqs ALTER COLUMN status TYPE text;"), H, "open_rfqs uses rfqs.status: cannot alter type of a column used by a view, fails"),
    ("go_varchar_shrink_too_long", "goose", goose(LT + "ALTER TABLE settlements ALTER COLUMN tx_hash TYPE varchar(64);"), H, "hashes are 66 characters: value too long, fails"),
    ("sq_type_cast_fails", "sqitch", sqitch("actor_int", LT + "ALTER TABLE audit_log ALTER COLUMN actor TYPE integer USING actor::integer;"), H, "'svc-1' is not an integer: fails"),
    ("kx_jsonb_to_json", "knex", knex(LT + "alter table `audit_log` alter column `detail` type json using (`detail`::json);"), H, "jsonb to json rewrites audit_log"),
    ("to_char_to_varchar", "typeorm", typeorm(LT + 'ALTER TABLE "counterparties" ALTER COLUMN "country" TYPE character varying(2)'), H, "char(n) to varchar goes through a trimming cast: rewrite"),
    ("sz_text_to_varchar_no_lt", "sequelize", sequelize('ALTER TABLE "payouts" ALTER COLUMN "failure_reason" TYPE VARCHAR(255);'), H, "rewrite of payouts and ACCESS EXCLUSIVE with no lock_timeout"),
    ("ec_enum_swap_view_dep", "ecto", ecto(LT + "CREATE TYPE payout_status_v2 AS ENUM ('pending', 'processing', 'sent', 'failed');\nALTER TABLE payouts ALTER COLUMN status TYPE payout_status_v2 USING status::text::payout_status_v2;"), H, "payout_queue depends on payouts.status (and some payouts are 'returned'): fails"),
    ("ef_int_pk_to_bigint", "efcore", efcore(LT + "ALTER TABLE bank_accounts ALTER COLUMN id TYPE bigint;"), H, "rewrites bank_accounts and its primary key index"),
    ("hb_numeric_precision_up_no_lt", "hibernate", hibernate("alter table if exists fee_schedules alter column min_fee set data type numeric(24,8)"), H, "no rewrite, but ACCESS EXCLUSIVE and Hibernate sets no lock_timeout"),
    ("ds_text_to_varchar_lt", "diesel", diesel(LT + "ALTER TABLE assets ALTER COLUMN network TYPE varchar(64);"), H, "text to varchar(64) rewrites assets"),
    ("at_domain_to_base_type", "atlas", atlas(LT + 'ALTER TABLE "public"."wallets" ALTER COLUMN "asset" TYPE varchar(12);'), S, "asset_code is a domain over varchar(12): dropping to the base type is binary coercible and checks nothing"),
    ("dz_smallint_to_integer", "drizzle", drizzle('ALTER TABLE "counterparties" ALTER COLUMN "tier" SET DATA TYPE integer;'), H, "smallint to integer rewrites counterparties"),
    ("lq_timestamptz_full_precision", "liquibase", liquibase(LT + "ALTER TABLE audit_log ALTER COLUMN at TYPE timestamptz(6);", "otc:103"), S, "precision 6 is the maximum already stored: no rewrite"),
    ("psql_bigint_via_new_column", "psql", plain(LT + "ALTER TABLE kyc_checks ADD COLUMN score_big bigint;\nCREATE OR REPLACE FUNCTION kyc_score_sync() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n    NEW.score_big := NEW.score;\n    RETURN NEW;\nEND\n$$;\nCREATE TRIGGER kyc_score_sync BEFORE INSERT OR UPDATE ON kyc_checks FOR EACH ROW EXECUTE FUNCTION kyc_score_sync();"), S, "the expand step of a type change: new column and a sync trigger, every lock bounded"),
    # --- renames and drops -------------------------------------------------------------------------------
    ("dj_rename_column", "django", django("Rename field label on wallet to nickname", 'ALTER TABLE `wallets` RENAME COLUMN `label` TO `nickname`;'), H, "the running application still selects label"),
    ("rl_rename_table", "rails", rails('ALTER TABLE `bank_accounts` RENAME TO `payout_bank_accounts`'), H, "the running code still queries bank_accounts"),
    ("al_rename_table_compat_view", "alembic", alembic(LT + "ALTER TABLE bank_accounts RENAME TO payout_bank_accounts;\nCREATE VIEW bank_accounts AS SELECT * FROM payout_bank_accounts;"), H, "a compat view keeps simple reads and writes going, but the table is still renamed under the application"),
    ("fw_drop_column", "flyway", plain(LT + "ALTER TABLE rfqs DROP COLUMN notes;"), H, "drops a column the running code may still read"),
    ("gm_drop_column_view_dep", "golang-migrate", LT + "ALTER TABLE payouts DROP COLUMN requested_at;\n", H, "payout_queue selects requested_at: fails", "ALTER TABLE payouts ADD COLUMN requested_at timestamptz;\n"),
    ("dm_drop_table", "dbmate", dbmate("DROP TABLE kyc_checks;", "CREATE TABLE kyc_checks (id serial PRIMARY KEY);"), H, "drops a table with data"),
    ("pr_drop_referenced_table", "prisma", '-- DropTable\nDROP TABLE "fee_schedules";\n', H, "trades references fee_schedules: fails"),
    ("go_drop_table_if_exists_absent", "goose", goose("DROP TABLE IF EXISTS legacy_quotes;"), S, "nothing to drop: a notice"),
    ("sq_drop_table_created_here", "sqitch", sqitch("scratch", "CREATE TABLE payout_scratch (id bigint, note text);\nINSERT INTO payout_scratch VALUES (1, 'x');\nDROP TABLE payout_scratch;"), S, "the file's own scratch table"),
    ("kx_rename_index_lt", "knex", knex(LT + "alter index `quotes_rfq_idx` rename to `quotes_rfq_id_index`;"), S, "ALTER INDEX RENAME takes SHARE UPDATE EXCLUSIVE (PG 12+); nothing names indexes at run time"),
    ("to_rename_constraint_lt", "typeorm", typeorm(LT + 'ALTER TABLE "quotes" RENAME CONSTRAINT "quotes_price_positive" TO "CHK_quotes_price"'), S, "constraint names are not used by queries; bounded lock"),
    ("sz_remove_column", "sequelize", sequelize('ALTER TABLE "counterparties" DROP COLUMN "lei";'), H, "drops a column, no lock_timeout"),
    ("ec_rename_enum_value", "ecto", ecto("ALTER TYPE rfq_status RENAME VALUE 'cancelled' TO 'canceled';"), H, "running code still writes 'cancelled': its inserts and updates start failing"),
    ("ef_rename_column", "efcore", efcore('ALTER TABLE payouts RENAME COLUMN failure_reason TO "FailureReason";'), H, "renames a column the deployed code uses"),
    ("ds_drop_view", "diesel", diesel("DROP VIEW open_rfqs;"), H, "the dealer UI reads open_rfqs"),
    ("at_drop_sequence_in_use", "atlas", atlas('DROP SEQUENCE "public"."trade_ref_seq";'), H, "trades.trade_ref defaults to nextval of it: fails"),
    ("psql_drop_column_if_exists_absent_lt", "psql", plain(LT + "ALTER TABLE payouts DROP COLUMN IF EXISTS legacy_ref;"), S, "no such column: a notice, lock bounded"),
    ("psql_drop_column_if_exists_absent_no_lt", "psql", plain("ALTER TABLE payouts DROP COLUMN IF EXISTS legacy_ref;"), H, "drops nothing, but ACCESS EXCLUSIVE on payouts is taken first, with no lock_timeout"),
    ("lq_drop_default_no_lt", "liquibase", liquibase("ALTER TABLE payouts ALTER COLUMN status DROP DEFAULT;", "otc:104"), H, "ACCESS EXCLUSIVE with no lock_timeout (and inserts relying on the default start failing)"),
    ("lq_set_default_lt", "liquibase", liquibase(LT + "ALTER TABLE payouts ALTER COLUMN status SET DEFAULT 'processing';", "otc:105"), S, "SET DEFAULT changes future inserts only"),
    ("dz_rename_enum_type", "drizzle", drizzle('ALTER TYPE "public"."payout_status" RENAME TO "payout_state";'), H, "the ORM casts to payout_status by name: deployed queries break"),
    ("rl_create_table_force", "rails", rails('DROP TABLE IF EXISTS `bank_accounts` CASCADE\nCREATE TABLE `bank_accounts` (`id` bigserial primary key, `counterparty_id` bigint NOT NULL, `iban` character varying NOT NULL)'), H, "create_table force: true drops the existing bank_accounts and its rows"),
    ("psql_drop_trigger_lt", "psql", plain(LT + "DROP TRIGGER IF EXISTS payouts_touch ON payouts;"), S, "dropping a trigger is catalog-only; bounded"),
    ("hb_drop_table_created_here", "hibernate", hibernate("create table payout_tmp (id bigint not null, primary key (id))", "drop table if exists payout_tmp cascade"), S, "create-drop of its own table"),
    # --- backfills and data changes ----------------------------------------------------------------------
    ("dj_runpython_partial_update", "django", django("Raw SQL operation", "UPDATE `wallets` SET `label` = '' WHERE `label` IS NULL;"), S, "60 of 300 wallets, row locks only"),
    ("rl_backfill_whole_table", "rails", rails("UPDATE `payouts` SET `updated_at` = now()"), H, "updates every payout in one statement (and fires the row triggers on each)"),
    ("al_backfill_batch", "alembic", alembic("UPDATE quotes SET accepted = false WHERE id BETWEEN 1 AND 100 AND accepted;"), S, "one bounded batch"),
    ("fw_backfill_where_always_true", "flyway", plain("UPDATE counterparties SET tier = tier + 0 WHERE created_at > '2020-01-01';"), H, "the WHERE matches every counterparty: a whole-table update"),
    ("gm_delete_all", "golang-migrate", "DELETE FROM audit_log;\n", H, "deletes every audit row", "SELECT 1;\n"),
    ("gm_delete_old_rows", "golang-migrate", "DELETE FROM audit_log WHERE at < '2026-11-02 00:00+00';\n", S, "about half the rows, row locks only", "SELECT 1;\n"),
    ("dm_truncate", "dbmate", dbmate("TRUNCATE audit_log;", "SELECT 1;"), H, "TRUNCATE empties audit_log under ACCESS EXCLUSIVE"),
    ("pr_insert_seed", "prisma", "-- Seed a new asset\nINSERT INTO \"assets\" (\"code\", \"name\", \"decimals\") VALUES ('OP', 'Optimism', 18);\n", S, "one insert"),
    ("go_archive_copy", "goose", goose("CREATE TABLE payout_archive (LIKE payouts INCLUDING DEFAULTS);\nINSERT INTO payout_archive SELECT * FROM payouts WHERE status = 'sent';"), S, "reads payouts under ACCESS SHARE into a new table"),
    ("sq_update_join_every_trade", "sqitch", sqitch("recompute_fees", "UPDATE trades t SET fee = t.notional * fs.taker_bps / 10000 FROM fee_schedules fs WHERE fs.id = t.fee_schedule_id;"), H, "every trade has a fee schedule: whole-table update"),
    ("kx_update_violates_not_valid_check", "knex", knex("update `quotes` set `price` = 0 where `id` = 3;"), H, "quotes_price_positive is NOT VALID but still enforced on new rows: fails"),
    ("to_insert_duplicate_name", "typeorm", typeorm("INSERT INTO \"fee_schedules\" (\"name\", \"maker_bps\", \"taker_bps\", \"valid_from\") VALUES ('tier-1', 1, 2, '2027-01-01')"), H, "tier-1 exists: unique violation, fails"),
    ("sz_add_enum_value_then_use_autocommit", "sequelize", sequelize("ALTER TYPE \"payout_status\" ADD VALUE 'on_hold';\nUPDATE \"payouts\" SET \"status\" = 'on_hold' WHERE \"id\" = 1;"), S, "each statement commits alone, so the new value is usable; one row updated"),
    ("ec_add_enum_value_then_use_in_tx", "ecto", ecto("ALTER TYPE payout_status ADD VALUE 'on_hold';\nUPDATE payouts SET status = 'on_hold' WHERE id = 2;"), H, "a value added in this transaction cannot be used before it commits: unsafe use of new value, fails"),
    ("ef_add_enum_value_in_tx", "efcore", efcore("ALTER TYPE kyc_level ADD VALUE 'sanctioned';"), S, "PG 12+ allows ADD VALUE in a transaction; no table lock"),
    ("ds_delete_partial_partition", "diesel", diesel("DELETE FROM events WHERE occurred_at < '2026-10-05 00:00+00';"), S, "a few days of one partition"),
    ("at_delete_whole_partition", "atlas", atlas("DELETE FROM events WHERE occurred_at < '2026-11-01 00:00+00';"), H, "empties the October partition row by row: a DETACH/DROP would do it without touching every row"),
    ("dz_update_one_row", "drizzle", drizzle("UPDATE \"fee_schedules\" SET \"valid_to\" = '2027-01-01' WHERE \"id\" = 3;"), S, "one row"),
    ("psql_merge_seed_asset", "psql", plain("MERGE INTO assets a\nUSING (VALUES ('ARB', 'Arbitrum', 18)) AS v (code, name, decimals) ON a.code = v.code\nWHEN NOT MATCHED THEN INSERT (code, name, decimals) VALUES (v.code, v.name, v.decimals);"), S, "PG 15 MERGE of one reference row"),
    ("psql_batched_backfill_do_commit", "psql", plain("DO $$\nDECLARE\n    done integer;\nBEGIN\n    LOOP\n        UPDATE wallets SET label = coalesce(label, 'wallet ' || id)\n        WHERE id IN (SELECT id FROM wallets WHERE label IS NULL LIMIT 20);\n        GET DIAGNOSTICS done = ROW_COUNT;\n        EXIT WHEN done = 0;\n        COMMIT;\n    END LOOP;\nEND\n$$;"), S, "batches of 20 committed one by one (PG 11+ procedures' COMMIT in DO)"),
    ("psql_do_update_every_row", "psql", plain("DO $$\nBEGIN\n    UPDATE wallets SET balance = round(balance, 8);\nEND\n$$;"), H, "one transaction updating every wallet, hidden in a DO block"),
    ("lq_insert_generated_rows", "liquibase", liquibase("INSERT INTO audit_log (actor, action, entity) SELECT 'migration', 'seed', 'fee' FROM generate_series(1, 100);", "otc:106"), S, "inserts only"),
    ("rl_update_limited_subquery", "rails", rails("UPDATE `payouts` SET `failure_reason` = 'n/a' WHERE `id` IN (SELECT `id` FROM `payouts` WHERE `failure_reason` IS NULL ORDER BY `id` LIMIT 100)"), S, "one batch of 100 of 400"),
    ("psql_update_division_by_zero", "psql", plain("UPDATE trades SET fee = notional / 0 WHERE id = 1;"), H, "division by zero: fails"),
    ("gm_insert_fk_violation", "golang-migrate", "INSERT INTO wallets (counterparty_id, asset, address) VALUES (99999, 'BTC', 'bc1qtreasury');\n", H, "no counterparty 99999: foreign key violation", "DELETE FROM wallets WHERE address = 'bc1qtreasury';\n"),
    ("dm_delete_cascade_target", "dbmate", dbmate("DELETE FROM counterparties WHERE id = 5;", "SELECT 1;"), H, "rfqs, wallets and others reference counterparty 5 without ON DELETE CASCADE: fails"),
    ("psql_backfill_every_row_in_tx_after_lt", "psql", plain("BEGIN;\nSET LOCAL lock_timeout = '2s';\nUPDATE settlements SET status = lower(status);\nCOMMIT;"), H, "lock_timeout does not make a whole-table update small"),
    ("ef_update_tracked_rows", "efcore", efcore("UPDATE bank_accounts SET verified = TRUE WHERE id <= 20 AND NOT verified;"), S, "ten rows"),
    # --- enums, domains, types ---------------------------------------------------------------------------
    ("dj_add_enum_value", "django", django("Raw SQL operation", "ALTER TYPE `payout_status` ADD VALUE 'cancelled';"), S, "PG 12+: ADD VALUE inside a transaction, no table touched"),
    ("rl_add_enum_value_before", "rails", rails("ALTER TYPE `rfq_status` ADD VALUE 'countered' BEFORE 'accepted'"), S, "adds a label, no rewrite"),
    ("al_add_enum_value_if_not_exists", "alembic", alembic("ALTER TYPE quote_side ADD VALUE IF NOT EXISTS 'buy';"), S, "exists: a notice"),
    ("fw_add_enum_value_after_missing", "flyway", plain("ALTER TYPE kyc_level ADD VALUE 'pep' AFTER 'premium';"), H, "'premium' is not a kyc_level label: fails"),
    ("gm_enum_recreate_default_blocks", "golang-migrate", LT + "ALTER TYPE kyc_level RENAME TO kyc_level_old;\nCREATE TYPE kyc_level AS ENUM ('basic', 'enhanced', 'institutional');\nALTER TABLE counterparties ALTER COLUMN kyc TYPE kyc_level USING kyc::text::kyc_level;\nDROP TYPE kyc_level_old;\n", H, "the column's default 'basic'::kyc_level_old cannot be cast automatically: fails", "SELECT 1;\n"),
    ("dm_enum_recreate_rewrite", "dbmate", dbmate(LT + "ALTER TABLE counterparties ALTER COLUMN kyc DROP DEFAULT;\nALTER TYPE kyc_level RENAME TO kyc_level_old;\nCREATE TYPE kyc_level AS ENUM ('basic', 'enhanced', 'institutional');\nALTER TABLE counterparties ALTER COLUMN kyc TYPE kyc_level USING kyc::text::kyc_level;\nALTER TABLE counterparties ALTER COLUMN kyc SET DEFAULT 'basic';\nDROP TYPE kyc_level_old;", "SELECT 1;"), H, "removing an enum label means a new type: counterparties rewritten"),
    ("pr_add_enum_value", "prisma", "-- AlterEnum\nALTER TYPE \"rfq_status\" ADD VALUE 'rejected';\n", S, "no table lock"),
    ("go_new_enum_new_table", "goose", goose("CREATE TYPE settlement_rail AS ENUM ('onchain', 'sepa', 'swift', 'fedwire');\nCREATE TABLE settlement_instructions (id bigserial PRIMARY KEY, counterparty_id bigint NOT NULL, rail settlement_rail NOT NULL, details jsonb NOT NULL);"), S, "new type, new table without a foreign key"),
    ("sq_alter_domain_add_check", "sqitch", sqitch("amount_cap", LT + "ALTER DOMAIN positive_amount ADD CONSTRAINT positive_amount_cap CHECK (VALUE < 1000000000000);"), H, "ALTER DOMAIN ADD CONSTRAINT checks every payouts row under a SHARE lock: writes wait during the scan"),
    ("kx_alter_domain_add_check_not_valid", "knex", knex(LT + "alter domain positive_amount add constraint positive_amount_cap check (value < 1000000000000) not valid;"), S, "NOT VALID: new values only, no scan"),
    ("to_alter_domain_validate", "typeorm", typeorm(LT + "ALTER DOMAIN asset_code VALIDATE CONSTRAINT asset_code_upper"), H, "validating a domain constraint scans every table using asset_code under SHARE: their writes wait"),
    ("sz_alter_domain_set_not_null", "sequelize", sequelize("ALTER DOMAIN iban_text SET NOT NULL;"), H, "scans bank_accounts under a lock that blocks writes, no lock_timeout"),
    ("ec_create_domain_new", "ecto", ecto("CREATE DOMAIN tx_hash_text AS varchar(66) CHECK (VALUE ~ '^0x[0-9a-f]{64}$');"), S, "a new domain, used by nothing yet"),
    ("ef_alter_domain_drop_constraint", "efcore", efcore(LT + "ALTER DOMAIN asset_code DROP CONSTRAINT asset_code_upper;"), S, "dropping a domain check is catalog-only"),
    ("ds_create_composite_type", "diesel", diesel("CREATE TYPE money_amount AS (amount numeric(38, 18), currency char(3));"), S, "new type"),
    ("at_drop_type_in_use", "atlas", atlas('DROP TYPE "public"."quote_side";'), H, "rfqs.side uses it: fails"),
    ("psql_domain_column_with_lt_and_check_not_valid", "psql", plain(LT + "ALTER TABLE settlements ADD COLUMN tx_hash_v2 varchar(66);\nALTER TABLE settlements ADD CONSTRAINT settlements_tx_hash_v2_fmt CHECK (tx_hash_v2 ~ '^0x') NOT VALID;"), S, "plain column plus a NOT VALID check: no scan, bounded locks"),
    # --- partitions --------------------------------------------------------------------------------------
    ("dj_partition_default_overlap", "django", django("Raw SQL operation", LT + "CREATE TABLE `events_2027_01` PARTITION OF `events` FOR VALUES FROM ('2027-01-01 00:00+00') TO ('2027-02-01 00:00+00');"), H, "January events sit in events_default: the partition constraint check fails"),
    ("rl_partition_default_scan_lt", "rails", rails(LT + "CREATE TABLE `events_2027_03` PARTITION OF `events` FOR VALUES FROM ('2027-03-01 00:00+00') TO ('2027-04-01 00:00+00')"), H, "with a DEFAULT partition, PostgreSQL scans it under ACCESS EXCLUSIVE to prove no row belongs to March"),
    ("al_ledger_partition_lt", "alembic", alembic(LT + "CREATE TABLE ledger_entries_2027_01 PARTITION OF ledger_entries FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');"), S, "no DEFAULT partition: a catalog change under a bounded lock"),
    ("fw_ledger_partition_no_lt", "flyway", plain("CREATE TABLE ledger_entries_2027_01 PARTITION OF ledger_entries FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');"), H, "PARTITION OF takes ACCESS EXCLUSIVE on ledger_entries, no lock_timeout"),
    ("gm_attach_new_table_with_check", "golang-migrate", "CREATE TABLE ledger_entries_2027_02 (LIKE ledger_entries INCLUDING DEFAULTS);\nALTER TABLE ledger_entries_2027_02 ADD CONSTRAINT ledger_2027_02_range CHECK (booked_on >= DATE '2027-02-01' AND booked_on < DATE '2027-03-01');\n" + LT + "ALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_2027_02 FOR VALUES FROM ('2027-02-01') TO ('2027-03-01');\n", S, "ATTACH takes SHARE UPDATE EXCLUSIVE on the parent; the new table is empty and checked", "ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2027_02;\nDROP TABLE ledger_entries_2027_02;\n"),
    ("gm_attach_new_table_no_lt", "golang-migrate", "CREATE TABLE ledger_entries_2027_03 (LIKE ledger_entries INCLUDING DEFAULTS);\nALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_2027_03 FOR VALUES FROM ('2027-03-01') TO ('2027-04-01');\n", S, "SHARE UPDATE EXCLUSIVE on the parent does not block reads or writes; the partition is new and empty", "ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2027_03;\nDROP TABLE ledger_entries_2027_03;\n"),
    ("dm_attach_loaded_table_no_check", "dbmate", dbmate(LT + "ALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_2026_09 FOR VALUES FROM ('2026-09-01') TO ('2026-10-01');", "ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_09;"), H, "September has no matching CHECK: its 200 rows are scanned under ACCESS EXCLUSIVE"),
    ("dm_attach_loaded_table_with_check", "dbmate", dbmate(LT + "ALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_2026_08 FOR VALUES FROM ('2026-08-01') TO ('2026-09-01');", "ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_08;"), S, "the valid CHECK proves the range: no scan, bounded lock"),
    ("pr_detach_partition_no_lt", "prisma", "-- Archive October events\nALTER TABLE \"events\" DETACH PARTITION \"events_2026_10\";\n", H, "plain DETACH takes ACCESS EXCLUSIVE on events, no lock_timeout"),
    ("go_detach_partition_lt", "goose", goose(LT + "ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_10;"), S, "archival detach with a bounded lock"),
    ("go_detach_concurrently_no_tx", "goose", goose("ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_10 CONCURRENTLY;", "", transaction=False), S, "PG 14+ DETACH CONCURRENTLY, outside a transaction, no DEFAULT partition"),
    ("sq_detach_concurrently_default_exists", "sqitch", sqitch_bare("detach_oct_events", "ALTER TABLE events DETACH PARTITION events_2026_10 CONCURRENTLY;"), H, "events has a DEFAULT partition: DETACH CONCURRENTLY is refused"),
    ("kx_detach_concurrently_in_tx", "knex", knex("alter table `ledger_entries` detach partition `ledger_entries_2026_10` concurrently;"), H, "knex's transaction: DETACH CONCURRENTLY fails"),
    ("to_drop_old_partition", "typeorm", typeorm('DROP TABLE "events_2026_10"'), H, "drops a month of events"),
    ("sz_detach_then_drop", "sequelize", sequelize(LT + 'ALTER TABLE "ledger_entries" DETACH PARTITION "ledger_entries_2026_10";\nDROP TABLE "ledger_entries_2026_10";'), H, "drops October's ledger rows"),
    ("ec_add_default_partition_ledger", "ecto", ecto(LT + "CREATE TABLE ledger_entries_default PARTITION OF ledger_entries DEFAULT;"), S, "a DEFAULT partition on a table without one: no scan, bounded lock"),
    ("ef_index_partitioned_parent_lt", "efcore", efcore(LT + 'CREATE INDEX "IX_ledger_entries_account" ON ledger_entries (account);'), H, "the build recurses to every ledger partition under SHARE"),
    ("hb_create_partitioned_table", "hibernate", hibernate("create table payout_events (id bigint not null, at timestamp(6) with time zone not null, body jsonb, primary key (id, at)) partition by range (at)", "create table payout_events_2027_01 partition of payout_events for values from ('2027-01-01') to ('2027-02-01')"), S, "new partitioned table and its first partition"),
    ("ds_split_default_partition", "diesel", diesel(LT + "ALTER TABLE events DETACH PARTITION events_default;\nALTER TABLE events_default RENAME TO events_default_old;\nCREATE TABLE events_2027_01 PARTITION OF events FOR VALUES FROM ('2027-01-01 00:00+00') TO ('2027-02-01 00:00+00');\nCREATE TABLE events_default PARTITION OF events DEFAULT;\nINSERT INTO events SELECT * FROM events_default_old;\nDROP TABLE events_default_old;"), H, "splitting the DEFAULT: ACCESS EXCLUSIVE on events for the whole copy, and the old default is renamed and dropped"),
    ("at_attach_with_default_present", "atlas", atlas("CREATE TABLE events_2027_02 (LIKE events INCLUDING DEFAULTS);\n" + LT + "ALTER TABLE events ATTACH PARTITION events_2027_02 FOR VALUES FROM ('2027-02-01 00:00+00') TO ('2027-03-01 00:00+00');"), H, "attaching beside a DEFAULT partition scans events_default under ACCESS EXCLUSIVE"),
    ("psql_create_partition_events_no_lt", "psql", plain("CREATE TABLE events_2027_04 PARTITION OF events FOR VALUES FROM ('2027-04-01 00:00+00') TO ('2027-05-01 00:00+00');"), H, "ACCESS EXCLUSIVE on events and the DEFAULT scanned, no lock_timeout"),
    ("sx_ledger_partition_lt", "sqlx", sqlx(LT + "CREATE TABLE IF NOT EXISTS ledger_entries_2027_01 PARTITION OF ledger_entries FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');"), S, "next month's ledger partition, bounded lock"),
    ("psql_partition_overlap_fails", "psql", plain(LT + "CREATE TABLE ledger_entries_late_dec PARTITION OF ledger_entries FOR VALUES FROM ('2026-12-15') TO ('2027-01-15');"), H, "overlaps ledger_entries_2026_12: fails"),
    # --- lock_timeout: where it is and is not in force ----------------------------------------------------
    ("psql_set_local_outside_tx", "psql", plain("SET LOCAL lock_timeout = '2s';\nALTER TABLE payouts ADD COLUMN note text;"), H, "SET LOCAL outside a transaction block only warns: the ALTER runs with no lock_timeout"),
    ("psql_statement_timeout_only", "psql", plain("SET statement_timeout = '5s';\nALTER TABLE payouts ADD COLUMN note text;"), H, "statement_timeout alone: the ACCESS EXCLUSIVE request still queues readers for up to 5 s; no lock_timeout"),
    ("psql_lt_after_statement", "psql", plain("ALTER TABLE payouts ADD COLUMN note text;\n" + LT), H, "lock_timeout set after the statement it should have guarded"),
    ("psql_lt_zero", "psql", plain("SET lock_timeout = 0;\nALTER TABLE payouts ADD COLUMN note text;"), H, "0 disables lock_timeout"),
    ("rl_set_local_lt_in_tx", "rails", rails("SET LOCAL lock_timeout = '1s'\nALTER TABLE `payouts` ADD `note` text"), S, "SET LOCAL inside the migration's transaction"),
    ("psql_lt_via_set_config", "psql", plain("SELECT set_config('lock_timeout', '3s', false);\nALTER TABLE payouts ADD COLUMN note text;"), S, "set_config sets lock_timeout for the session"),
    ("psql_lt_in_rolled_back_tx", "psql", plain("BEGIN;\nSET LOCAL lock_timeout = '2s';\nROLLBACK;\nALTER TABLE payouts ADD COLUMN note text;"), H, "the SET LOCAL went with the rolled-back transaction"),
    ("sx_lt_both_timeouts", "sqlx", sqlx("SET lock_timeout = '2s';\nSET statement_timeout = '30s';\nALTER TABLE assets ADD COLUMN delisted_at timestamptz;"), S, "both timeouts, catalog-only add"),
    ("go_lt_with_long_statement_timeout", "goose", goose("SET LOCAL lock_timeout = '500ms';\nALTER TABLE wallets ALTER COLUMN label SET DEFAULT 'unnamed';"), S, "SET LOCAL inside goose's transaction; SET DEFAULT is catalog-only"),
    ("psql_nested_begin", "psql", plain("BEGIN;\nBEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE payouts ADD COLUMN note text;\nCOMMIT;\nCOMMIT;"), S, "the inner BEGIN only warns, the second COMMIT warns: one transaction with lock_timeout"),
    # --- triggers, RLS, comments, storage parameters -------------------------------------------------------
    ("dj_create_trigger_no_lt", "django", django("Raw SQL operation", "CREATE TRIGGER trades_audit AFTER INSERT ON trades FOR EACH ROW EXECUTE FUNCTION audit_payout();"), H, "CREATE TRIGGER takes SHARE ROW EXCLUSIVE on trades: writes wait, no lock_timeout"),
    ("dj_create_trigger_lt", "django", django("Raw SQL operation", LT + "CREATE TRIGGER trades_touch BEFORE UPDATE ON trades FOR EACH ROW EXECUTE FUNCTION touch_updated_at();"), S, "catalog-only, bounded lock"),
    ("rl_disable_trigger", "rails", rails("ALTER TABLE `payouts` DISABLE TRIGGER `payouts_audit`"), H, "SHARE ROW EXCLUSIVE with no lock_timeout, and the audit trail stops"),
    ("al_replace_function", "alembic", alembic("CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n    NEW.updated_at := clock_timestamp();\n    RETURN NEW;\nEND\n$$;"), S, "replacing a function body takes no table lock"),
    ("fw_enable_rls_no_lt", "flyway", plain("ALTER TABLE bank_accounts ENABLE ROW LEVEL SECURITY;"), H, "ACCESS EXCLUSIVE on bank_accounts with no lock_timeout"),
    ("gm_create_policy_lt", "golang-migrate", LT + "CREATE POLICY wallets_desk_read ON wallets FOR SELECT USING (true);\n", S, "policies are catalog rows; the lock is bounded (RLS is not enabled, so nothing changes for readers)", "DROP POLICY wallets_desk_read ON wallets;\n"),
    ("dm_comment_on_table", "dbmate", dbmate("COMMENT ON TABLE payouts IS 'Outgoing crypto and fiat payouts';\nCOMMENT ON COLUMN payouts.idempotency_key IS 'client supplied';", "COMMENT ON TABLE payouts IS NULL;"), S, "COMMENT takes SHARE UPDATE EXCLUSIVE: reads and writes continue"),
    ("pr_set_fillfactor", "prisma", "-- Tune HOT updates on quotes\nALTER TABLE \"quotes\" SET (fillfactor = 90);\n", S, "fillfactor takes SHARE UPDATE EXCLUSIVE and rewrites nothing"),
    ("go_set_statistics", "goose", goose("ALTER TABLE rfqs ALTER COLUMN status SET STATISTICS 500;"), S, "SET STATISTICS: SHARE UPDATE EXCLUSIVE"),
    ("sq_create_statistics", "sqitch", sqitch("rfq_stats", "CREATE STATISTICS rfqs_pair_stats (dependencies, ndistinct) ON base_asset, quote_asset FROM rfqs;"), S, "extended statistics: SHARE UPDATE EXCLUSIVE"),
    ("lq_replica_identity_full_no_lt", "liquibase", liquibase("ALTER TABLE payouts REPLICA IDENTITY FULL;", "otc:107"), H, "ACCESS EXCLUSIVE on payouts, no lock_timeout"),
    ("lq_replica_identity_full_lt", "liquibase", liquibase(LT + "ALTER TABLE payouts REPLICA IDENTITY FULL;", "otc:108"), S, "catalog-only, bounded"),
    ("ec_set_default_volatile_lt", "ecto", ecto(LT + "ALTER TABLE quotes ALTER COLUMN ref SET DEFAULT gen_random_uuid();"), S, "SET DEFAULT applies to future rows: no rewrite even for a volatile expression"),
    ("ef_autovacuum_settings", "efcore", efcore("ALTER TABLE audit_log SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);"), S, "autovacuum storage parameters: SHARE UPDATE EXCLUSIVE"),
    ("psql_enable_trigger_lt", "psql", plain(LT + "ALTER TABLE payouts ENABLE TRIGGER payouts_audit;"), S, "bounded SHARE ROW EXCLUSIVE, catalog-only"),
    ("psql_set_unlogged", "psql", plain(LT + "ALTER TABLE audit_log SET UNLOGGED;"), H, "SET UNLOGGED rewrites audit_log"),
    ("psql_set_tablespace", "psql", plain(LT + "ALTER TABLE audit_log SET TABLESPACE pg_default;"), S, "already in pg_default: nothing moves"),
    ("psql_alter_column_storage", "psql", plain(LT + "ALTER TABLE audit_log ALTER COLUMN detail SET STORAGE EXTERNAL;"), S, "SET STORAGE affects future rows only; bounded lock"),
    ("psql_alter_column_compression", "psql", plain(LT + "ALTER TABLE audit_log ALTER COLUMN detail SET COMPRESSION pglz;"), S, "compression applies to new values only"),
    # --- maintenance and materialized views ---------------------------------------------------------------
    ("kx_vacuum_full_in_tx", "knex", knex("VACUUM FULL audit_log;"), H, "VACUUM cannot run inside knex's transaction: fails"),
    ("psql_vacuum_full", "psql", plain("VACUUM FULL payouts;"), H, "VACUUM FULL rewrites payouts under ACCESS EXCLUSIVE"),
    ("psql_vacuum_analyze", "psql", plain("VACUUM (ANALYZE, VERBOSE) payouts;"), S, "plain VACUUM takes SHARE UPDATE EXCLUSIVE"),
    ("psql_cluster", "psql", plain("CLUSTER trades USING trades_executed_idx;"), H, "CLUSTER rewrites trades under ACCESS EXCLUSIVE"),
    ("to_analyze", "typeorm", typeorm('ANALYZE "payouts"'), S, "ANALYZE in a transaction is fine: SHARE UPDATE EXCLUSIVE"),
    ("sz_refresh_matview", "sequelize", sequelize('REFRESH MATERIALIZED VIEW "daily_volume";'), H, "non-concurrent refresh swaps daily_volume under ACCESS EXCLUSIVE: dashboards wait"),
    ("sz_refresh_matview_concurrently", "sequelize", sequelize('REFRESH MATERIALIZED VIEW CONCURRENTLY "daily_volume";'), S, "unique index on day; readers are not blocked"),
    ("ec_refresh_concurrently_no_unique_index", "ecto", ecto("REFRESH MATERIALIZED VIEW CONCURRENTLY counterparty_exposure;", transaction=False), H, "counterparty_exposure has no unique index: fails"),
    ("ef_create_matview", "efcore", efcore("CREATE MATERIALIZED VIEW payout_daily AS SELECT date_trunc('day', requested_at) AS day, status, count(*) AS payouts FROM payouts GROUP BY 1, 2;"), S, "a new matview reads payouts under ACCESS SHARE"),
    ("dz_matview_unique_index_then_refresh", "drizzle", drizzle("CREATE UNIQUE INDEX CONCURRENTLY \"counterparty_exposure_cp_idx\" ON \"counterparty_exposure\" (\"counterparty_id\");", "REFRESH MATERIALIZED VIEW CONCURRENTLY \"counterparty_exposure\";"), H, "drizzle runs the migration in one transaction: the concurrent index build fails"),
    ("psql_matview_unique_index_then_refresh", "psql", plain("CREATE UNIQUE INDEX CONCURRENTLY counterparty_exposure_cp_idx ON counterparty_exposure (counterparty_id);\nREFRESH MATERIALIZED VIEW CONCURRENTLY counterparty_exposure;"), S, "the unique index first, then a concurrent refresh"),
    ("at_drop_matview", "atlas", atlas('DROP MATERIALIZED VIEW "public"."counterparty_exposure";'), H, "the risk report reads counterparty_exposure"),
    ("psql_reindex_table_matview", "psql", plain("REINDEX TABLE daily_volume;"), H, "rebuilds the matview's index; its readers wait"),
    # --- views, sequences, grants, schemas -----------------------------------------------------------------
    ("ds_replace_view_add_column", "diesel", diesel("CREATE OR REPLACE VIEW payout_queue AS\n    SELECT id, wallet_id, amount, status, requested_at, idempotency_key FROM payouts WHERE status = 'pending';"), S, "appending a column to a view is allowed and locks no table"),
    ("at_replace_view_drop_column", "atlas", atlas('CREATE OR REPLACE VIEW "public"."payout_queue" AS SELECT id, wallet_id, amount FROM payouts WHERE status = \'pending\';'), H, "CREATE OR REPLACE VIEW cannot drop columns: fails"),
    ("dz_create_view", "drizzle", drizzle("CREATE VIEW \"failed_payouts\" AS (SELECT \"id\", \"wallet_id\", \"failure_reason\" FROM \"payouts\" WHERE \"status\" = 'failed');"), S, "a new view"),
    ("psql_lock_table_access_exclusive", "psql", plain("BEGIN;\nLOCK TABLE payouts IN ACCESS EXCLUSIVE MODE;\nUPDATE payouts SET failure_reason = NULL WHERE id = 1;\nCOMMIT;"), H, "an explicit ACCESS EXCLUSIVE lock with no lock_timeout"),
    ("psql_lock_table_lt", "psql", plain("BEGIN;\nSET LOCAL lock_timeout = '2s';\nLOCK TABLE fee_schedules IN SHARE ROW EXCLUSIVE MODE;\nUPDATE fee_schedules SET valid_to = '2027-06-30' WHERE id = 1;\nCOMMIT;"), S, "a bounded lock for a one-row change"),
    ("psql_sequence_restart", "psql", plain("ALTER SEQUENCE trade_ref_seq RESTART WITH 500000;"), S, "sequence only, no table lock"),
    ("psql_sequence_maxvalue_below_current", "psql", plain("ALTER SEQUENCE trade_ref_seq MAXVALUE 1000;"), H, "START 100000 is above the new MAXVALUE: fails"),
    ("go_setval", "goose", goose("SELECT setval('payouts_id_seq', 10000);"), S, "moves a sequence"),
    ("psql_grant_select", "psql", plain("GRANT SELECT ON payout_queue, open_rfqs TO PUBLIC;"), S, "privileges only"),
    ("psql_new_schema_tables", "psql", plain("CREATE SCHEMA reporting;\nCREATE TABLE reporting.desk_pnl (day date PRIMARY KEY, pnl numeric(24, 2) NOT NULL);\nCREATE VIEW reporting.volume AS SELECT * FROM daily_volume;"), S, "new objects only"),
    ("sq_sequence_as_bigint", "sqitch", sqitch("seq_bigint", "ALTER SEQUENCE kyc_checks_id_seq AS bigint;"), S, "widens the sequence only (the column stays integer)"),
    ("to_create_sequence_default_lt", "typeorm", typeorm(LT + 'CREATE SEQUENCE "payout_ref_seq"\nALTER TABLE "payouts" ADD "ref_no" bigint'), S, "new sequence and a nullable column under a bounded lock"),
    # --- new tables and their foreign keys -------------------------------------------------------------------
    ("dj_create_model_with_fk", "django", django("Create model DeskLimit", 'CREATE TABLE `otc_desk_limits` (`id` bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, `limit_usd` numeric(24, 2) NOT NULL, `counterparty_id` bigint NOT NULL);\nALTER TABLE `otc_desk_limits` ADD CONSTRAINT `otc_desk_limits_counterparty_id_fk_counterparties_id` FOREIGN KEY (`counterparty_id`) REFERENCES `counterparties` (`id`) DEFERRABLE INITIALLY DEFERRED;\nCREATE INDEX `otc_desk_limits_counterparty_id_idx` ON `otc_desk_limits` (`counterparty_id`);'), H, "the FK takes SHARE ROW EXCLUSIVE on counterparties (writes wait), and Django sets no lock_timeout"),
    ("dj_create_model_no_fk", "django", django("Create model DeskNote", 'CREATE TABLE `otc_desk_notes` (`id` bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, `body` text NOT NULL, `created_at` timestamp with time zone NOT NULL);'), S, "a new table referencing nothing"),
    ("rl_create_table_fk_lt", "rails", rails(LT + 'CREATE TABLE `payout_approvals` (`id` bigserial primary key, `payout_id` bigint NOT NULL, `approver` character varying NOT NULL, `created_at` timestamp(6) NOT NULL, CONSTRAINT `fk_rails_payout_approvals` FOREIGN KEY (`payout_id`) REFERENCES `payouts` (`id`))'), S, "the FK's lock on payouts is bounded by lock_timeout; the new table is empty"),
    ("pr_create_table_fk", "prisma", '-- CreateTable\nCREATE TABLE "DepositAddress" (\n    "id" SERIAL NOT NULL,\n    "walletId" BIGINT NOT NULL,\n    "address" TEXT NOT NULL,\n    CONSTRAINT "DepositAddress_pkey" PRIMARY KEY ("id")\n);\n\n-- AddForeignKey\nALTER TABLE "DepositAddress" ADD CONSTRAINT "DepositAddress_walletId_fkey" FOREIGN KEY ("walletId") REFERENCES "wallets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;\n', H, "the FK locks wallets in SHARE ROW EXCLUSIVE with no lock_timeout"),
    ("al_create_table_as", "alembic", alembic("CREATE TABLE trade_snapshot_2026_11 AS SELECT * FROM trades WHERE executed_at < '2026-12-01';"), S, "reads trades under ACCESS SHARE into a new table"),
    ("sx_create_unlogged_staging", "sqlx", sqlx("CREATE UNLOGGED TABLE payout_import_staging (line integer, raw jsonb);"), S, "new table"),
    ("ec_create_table_references_lt", "ecto", ecto(LT + "CREATE TABLE kyc_documents (id bigserial PRIMARY KEY, kyc_check_id integer NOT NULL REFERENCES kyc_checks (id) ON DELETE CASCADE, kind text NOT NULL, uploaded_at timestamptz NOT NULL DEFAULT now());\nCREATE INDEX kyc_documents_kyc_check_id_index ON kyc_documents (kyc_check_id);"), S, "references() on a new table with lock_timeout"),
    ("go_create_table_exists", "goose", goose("CREATE TABLE assets (code text PRIMARY KEY);"), H, "assets exists: fails"),
    ("kx_create_table_if_not_exists", "knex", knex("create table if not exists `assets` (`code` varchar(12) primary key);"), S, "exists: a notice"),
    ("lq_create_table_fk_no_lt", "liquibase", liquibase("CREATE TABLE rfq_comments (id bigserial PRIMARY KEY, rfq_id bigint NOT NULL, body text NOT NULL, CONSTRAINT fk_rfq_comments_rfq FOREIGN KEY (rfq_id) REFERENCES rfqs (id));", "otc:109"), H, "SHARE ROW EXCLUSIVE on rfqs, no lock_timeout"),
    ("dm_like_table_copy", "dbmate", dbmate("CREATE TABLE payouts_v2 (LIKE payouts INCLUDING ALL);", "DROP TABLE payouts_v2;"), S, "LIKE reads the catalog only"),
    ("hb_sequence_and_table", "hibernate", hibernate("create sequence otc_fee_rule_seq start with 1 increment by 50", "create table otc_fee_rule (id bigint not null, name varchar(255), bps numeric(6,2), primary key (id))"), S, "new sequence and table"),
    ("at_create_table_fk_no_lt", "atlas", atlas('CREATE TABLE "public"."payout_holds" ("id" bigserial NOT NULL, "payout_id" bigint NOT NULL, "reason" text NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "payout_holds_payout_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);'), H, "the FK locks payouts against writes, no lock_timeout"),
    ("sz_create_table_no_fk", "sequelize", sequelize('CREATE TABLE IF NOT EXISTS "FeeOverrides" ("id" SERIAL, "counterpartyId" BIGINT NOT NULL, "bps" DECIMAL(6,2), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));'), S, "no foreign key, new table"),
    # --- other run-time failures ----------------------------------------------------------------------------
    ("psql_do_guard_raises", "psql", plain("DO $$\nBEGIN\n    IF EXISTS (SELECT 1 FROM payouts WHERE status = 'processing') THEN\n        RAISE EXCEPTION 'payouts in flight: drain the queue first';\n    END IF;\nEND\n$$;"), H, "payouts are processing: the guard raises and the migration fails"),
    ("ds_sql_function_missing_table", "diesel", diesel("CREATE FUNCTION payout_total(p_wallet bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT sum(amount) FROM payout_lines WHERE wallet_id = p_wallet $$;"), H, "SQL function bodies are checked at creation: payout_lines does not exist, fails"),
    ("ef_insert_history_only", "efcore", efcore("SELECT 1;"), S, "an empty EF Core migration"),
    ("rl_rename_missing_column", "rails", rails(LT + "ALTER TABLE `wallets` RENAME COLUMN `nickname` TO `label`"), H, "wallets has no nickname: fails"),
    ("al_alembic_version_only", "alembic", alembic("-- empty revision: merge of two heads"), S, "only the version row changes"),
    ("fw_repeatable_view", "flyway", plain("CREATE OR REPLACE VIEW open_rfqs AS\n    SELECT r.id, c.legal_name, r.base_asset, r.quote_asset, r.side, r.quantity, r.expires_at\n    FROM rfqs r JOIN counterparties c ON c.id = r.counterparty_id WHERE r.status IN ('open', 'quoted');"), S, "same columns, new filter: views only"),
    ("gm_not_null_add_with_default_and_check", "golang-migrate", LT + "ALTER TABLE trades ADD COLUMN venue text NOT NULL DEFAULT 'otc' CHECK (venue IN ('otc', 'rfq'));\n", H, "a CHECK on the new column is verified against every trade: a full scan under ACCESS EXCLUSIVE", "ALTER TABLE trades DROP COLUMN venue;\n"),
]

_CASES = [(name, tool, text.replace("`", '"'), *rest) for name, tool, text, *rest in _RAW]

TRACER_DEFECTS: dict[str, str] = {}
"""Cases the trace plainly gets wrong: kept out of cases/ and labels.toml, in tracer_defects/ with why."""

CASES = [(c[0], c[1], c[2], *c[5:]) for c in _CASES if c[0] not in TRACER_DEFECTS]


def _huge_insert() -> bytes:
    """One INSERT of 25,000 generated rows, as a seed script written by code: ~1 MB in one statement."""
    rows = ",\n".join(f"('gen-{i}', 'seed', 'fee', {i})" for i in range(25_000))
    return f"INSERT INTO audit_log (actor, action, entity, entity_id) VALUES\n{rows};\n".encode()


_BAD = {
    "empty.sql": b"",
    "whitespace_only.sql": b"   \n\t\n  \n",
    "binary_gzip.sql": b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9\x57\x28\xcf\x2f\xca\x49\x01\x00" * 40,
    "utf16_bom.sql": "ALTER TABLE payouts ADD COLUMN note text;\n".encode("utf-16"),
    "cp1252_comment.sql": b"-- Geb\xfchren f\xfcr Auszahlungen \x80\nALTER TABLE payouts ADD COLUMN fee_eur numeric;\n",
    "nul_in_statement.sql": b"ALTER TABLE payouts ADD COLUMN n\x00ote text;\n",
    "unterminated_dollar_quote.sql": b"CREATE FUNCTION payout_guard() RETURNS trigger LANGUAGE plpgsql AS $body$\nBEGIN\n    RETURN NEW;\nEND\n$bod;\n",
    "unterminated_block_comment.sql": b"/* migration 0042: payouts\nALTER TABLE payouts ADD COLUMN note text;\n",
    "unterminated_identifier.sql": b'ALTER TABLE "payouts ADD COLUMN note text;\n',
    "truncated_mid_statement.sql": b"BEGIN;\nALTER TABLE payouts ADD CONSTRAINT payouts_wallet_fk FOREIGN KEY (wallet_id) REFERENCES wal",
    "mssql_dialect.sql": b"ALTER TABLE [dbo].[payouts] ADD [note] NVARCHAR(MAX) NULL;\nGO\nCREATE NONCLUSTERED INDEX [IX_payouts_note] ON [dbo].[payouts] ([note]);\nGO\n",
    "huge_generated_insert.sql": _huge_insert(),
}
"""Inputs the gate must refuse or report cleanly, never with a traceback."""


def write_extras(directory: Path) -> None:
    blindset.write_extras(directory, "blind6", _CASES, TRACER_DEFECTS, _BAD, write, _DIRECTORY_TOOLS)
