# ruff: noqa: E501  (each case is one migration, kept on one line as the tool writes it)
"""blind4: a spot exchange's matching-engine persistence, settlement and market data (bench/gate_corpus/blind4/).

Written by an author who read neither the gate's rules, the static reader nor any other corpus' cases. Each
case carries what that author, as a reviewing DBA, expected of it before the first trace (``expected.toml``);
the label is what the tracer saw (``labels.toml``).
"""

from __future__ import annotations

from pathlib import Path

from . import blindset
from .tools import LT, alembic, dbmate, django, plain, prisma, rails, write

H, S = "hazard", "safe"


def _ended(sql: str) -> str:
    """ORM query logs print one statement a line without the terminator psql needs."""
    return "".join(f"{line.rstrip().rstrip(';')};\n" for line in sql.strip().splitlines())


def knex(sql: str, name: str = "20261202_knex.js") -> str:
    return (
        f"-- knex migrate:latest --debug (pg): migration {name}\nBEGIN;\n{sql.strip()}\n"
        f"insert into \"knex_migrations\" (\"batch\", \"migration_time\", \"name\") values (42, now(), '{name}');\nCOMMIT;\n"
    )


def typeorm(sql: str, name: str = "Exchange1764662400000") -> str:
    return (
        f"-- typeorm migration:run (query logging)\nSTART TRANSACTION;\n{_ended(sql)}"
        f"INSERT INTO \"typeorm_migrations\"(\"timestamp\", \"name\") VALUES (1764662400000, '{name}');\nCOMMIT;\n"
    )


def sequelize(sql: str, name: str = "20261202-exchange.js") -> str:
    return f"-- sequelize db:migrate (logging: console.log)\n{sql.strip()}\nINSERT INTO \"SequelizeMeta\" (\"name\") VALUES ('{name}') RETURNING \"name\";\n"


def ecto(sql: str, transaction: bool = True) -> str:
    body = f"-- mix ecto.migrate --log-migrations-sql\n{_ended(sql)}"
    return f"BEGIN;\n{body}COMMIT;\n" if transaction else body


def liquibase(sql: str, changeset: str = "exchange:42", options: str = "") -> str:
    return f"--liquibase formatted sql\n\n--changeset {changeset}{(' ' + options) if options else ''}\n{sql.strip()}\n"


def goose(sql: str, down: str = "", transaction: bool = True) -> str:
    head = "-- +goose Up\n" if transaction else "-- +goose NO TRANSACTION\n-- +goose Up\n"
    tail = f"\n-- +goose Down\n{down.strip()}\n" if down else ""
    return f"{head}-- +goose StatementBegin\n{sql.strip()}\n-- +goose StatementEnd\n{tail}"


def efcore(sql: str, migration: str = "20261202071500_Exchange") -> str:
    return (
        f"START TRANSACTION;\n\n{sql.strip()}\n\nINSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\")\n"
        f"VALUES ('{migration}', '8.0.11');\n\nCOMMIT;\n"
    )


def drizzle(*statements: str) -> str:
    return "--> statement-breakpoint\n".join(s.strip() + "\n" for s in statements)


def atlas(sql: str, txmode: str = "") -> str:
    head = f"-- atlas:txmode {txmode}\n\n" if txmode else ""
    return f"{head}{sql.strip()}\n"


def diesel(sql: str) -> str:
    return f"-- Your SQL goes here\n{sql.strip()}\n"


def hibernate(*statements: str) -> str:
    return "".join(f"{s.strip()};\n" for s in statements)


def sqitch(change: str, sql: str) -> str:
    return f"-- Deploy exchange:{change} to pg\n\nBEGIN;\n\n{sql.strip()}\n\nCOMMIT;\n"


# (name, tool, text, expectation, the reviewing DBA's reason[, down])
_CASES: list[tuple] = [
    # ---- Django sqlmigrate -----------------------------------------------------------------------------
    ("dj_add_nullable_field_lt", "django", django("Add field last_login_ip to account", LT + 'ALTER TABLE "accounts" ADD COLUMN "last_login_ip" inet NULL;'), S, "nullable column, catalog only, lock_timeout bounds the queue"),
    ("dj_add_nullable_field_no_lt", "django", django("Add field last_login_ip to account", 'ALTER TABLE "accounts" ADD COLUMN "last_login_ip" inet NULL;'), H, "ACCESS EXCLUSIVE on the hot accounts table with no lock_timeout"),
    ("dj_add_field_default_drop", "django", django("Add field is_market_maker to account", LT + 'ALTER TABLE "accounts" ADD COLUMN "is_market_maker" boolean DEFAULT false NOT NULL;\nALTER TABLE "accounts" ALTER COLUMN "is_market_maker" DROP DEFAULT;'), S, "constant default is catalog-only since PG 11; Django drops the default afterwards"),
    ("dj_add_not_null_no_default", "django", django("Add field tier_locked to account", LT + 'ALTER TABLE "accounts" ADD COLUMN "tier_locked" boolean NOT NULL;'), H, "NOT NULL without a default fails on a table with rows"),
    ("dj_add_index_atomic", "django", django("Create index withdrawals_status_idx on field(s) status of model withdrawal", 'CREATE INDEX "withdrawals_status_idx" ON "withdrawals" ("status");'), H, "plain CREATE INDEX blocks withdrawal writes for the build, no lock_timeout"),
    ("dj_add_index_concurrently", "django", django("Create index withdrawals_status_idx on field(s) status of model withdrawal", 'CREATE INDEX CONCURRENTLY "withdrawals_status_idx" ON "withdrawals" ("status");', atomic=False), S, "AddIndexConcurrently in a non-atomic migration"),
    ("dj_add_index_concurrently_atomic", "django", django("Create index withdrawals_status_idx on field(s) status of model withdrawal", 'CREATE INDEX CONCURRENTLY "withdrawals_status_idx" ON "withdrawals" ("status");'), H, "atomic = True left on: CONCURRENTLY fails inside the transaction block"),
    ("dj_alter_field_max_length_up", "django", django("Alter field symbol on market", LT + 'ALTER TABLE "markets" ALTER COLUMN "symbol" TYPE varchar(32);'), S, "widening varchar is catalog-only"),
    ("dj_alter_field_max_length_down", "django", django("Alter field address on withdrawal", LT + 'ALTER TABLE "withdrawals" ALTER COLUMN "address" TYPE varchar(40);'), H, "narrowing text to varchar(40) rewrites withdrawals under ACCESS EXCLUSIVE"),
    ("dj_alter_bigautofield", "django", django("Alter field id on referralpayout", LT + 'ALTER TABLE "referral_payouts" ALTER COLUMN "id" TYPE bigint USING "id"::bigint;\nALTER SEQUENCE IF EXISTS "referral_payouts_id_seq" AS bigint;'), H, "int to bigint rewrites referral_payouts"),
    ("dj_rename_field", "django", django("Rename field address on withdrawal to destination", LT + 'ALTER TABLE "withdrawals" RENAME COLUMN "address" TO "destination";'), H, "the running app still selects address"),
    ("dj_remove_field", "django", django("Remove field label from apikey", LT + 'ALTER TABLE "api_keys" DROP COLUMN "label" CASCADE;'), H, "drops a column the deployed code reads"),
    ("dj_create_model_fk_lt", "django", django("Create model PriceAlert", LT + 'CREATE TABLE "price_alerts" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "threshold" numeric(30, 12) NOT NULL, "account_id" bigint NOT NULL, "market_id" smallint NOT NULL);\nALTER TABLE "price_alerts" ADD CONSTRAINT "price_alerts_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") DEFERRABLE INITIALLY DEFERRED;\nALTER TABLE "price_alerts" ADD CONSTRAINT "price_alerts_market_id_fk" FOREIGN KEY ("market_id") REFERENCES "markets" ("id") DEFERRABLE INITIALLY DEFERRED;\nCREATE INDEX "price_alerts_account_id_idx" ON "price_alerts" ("account_id");\nCREATE INDEX "price_alerts_market_id_idx" ON "price_alerts" ("market_id");'), S, "new table; FKs lock accounts/markets briefly under lock_timeout"),
    ("dj_create_model_fk_no_lt", "django", django("Create model PriceAlert", 'CREATE TABLE "price_alerts" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "account_id" bigint NOT NULL);\nALTER TABLE "price_alerts" ADD CONSTRAINT "price_alerts_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") DEFERRABLE INITIALLY DEFERRED;'), H, "FK takes SHARE ROW EXCLUSIVE on accounts with no lock_timeout: account writes queue"),
    ("dj_create_model_plain", "django", django("Create model MarketHoliday", 'CREATE TABLE "market_holidays" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "day" date NOT NULL UNIQUE, "note" text NOT NULL);'), S, "a new table touching nothing existing"),
    ("dj_runsql_backfill_all", "django", django("Raw SQL operation", "UPDATE withdrawals SET metadata = '{}'::jsonb WHERE metadata IS NULL OR metadata IS NOT NULL;"), H, "rewrites every withdrawal in one transaction"),
    ("dj_runsql_backfill_nulls", "django", django("Raw SQL operation", "UPDATE withdrawals SET metadata = '{}'::jsonb WHERE metadata IS NULL;"), S, "touches ~14% of rows (the NULLs), a bounded backfill on a small table"),
    ("dj_add_check_validated", "django", django("Create constraint fee_non_negative on model withdrawal", LT + 'ALTER TABLE "withdrawals" ADD CONSTRAINT "fee_non_negative" CHECK ("fee" >= 0);'), H, "validated CHECK scans under ACCESS EXCLUSIVE and fails: some fees are negative"),
    ("dj_add_unique_together", "django", django("Alter unique_together for apikey (1 constraint(s))", LT + 'ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_account_id_label_uniq" UNIQUE ("account_id", "label");'), H, "builds a unique index under a lock that blocks writes"),
    ("dj_alter_field_null_true", "django", django("Alter field credited_at on deposit", LT + 'ALTER TABLE "deposits" ALTER COLUMN "confirmations" DROP NOT NULL;'), S, "DROP NOT NULL is catalog-only"),
    ("dj_alter_field_null_false", "django", django("Alter field country on account", LT + 'ALTER TABLE "accounts" ALTER COLUMN "country" SET NOT NULL;'), H, "NULL countries exist: SET NOT NULL fails after a full scan"),
    ("dj_delete_model", "django", django("Delete model AuditLog", LT + 'DROP TABLE "audit_log" CASCADE;'), H, "drops a table the app writes"),
    ("dj_add_json_field", "django", django("Add field preferences to account", LT + 'ALTER TABLE "accounts" ADD COLUMN "preferences" jsonb DEFAULT \'{}\'::jsonb NOT NULL;\nALTER TABLE "accounts" ALTER COLUMN "preferences" DROP DEFAULT;'), S, "constant jsonb default, no rewrite"),
    ("dj_add_uuid_default", "django", django("Add field public_id to deposit", LT + 'ALTER TABLE "deposits" ADD COLUMN "public_id" uuid DEFAULT gen_random_uuid() NOT NULL;'), H, "volatile default rewrites deposits"),
    # ---- Rails -----------------------------------------------------------------------------------------
    ("rails_add_column_lt", "rails", rails(LT.strip() + '\nALTER TABLE "deposits" ADD "memo" character varying'), S, "nullable column with lock_timeout"),
    ("rails_add_column_default", "rails", rails(LT.strip() + "\nALTER TABLE \"deposits\" ADD \"source\" character varying DEFAULT 'chain' NOT NULL"), S, "constant default, PG 11+ no rewrite"),
    ("rails_add_index", "rails", rails('CREATE INDEX "index_deposits_on_tx_hash" ON "deposits" ("tx_hash")'), H, "non-concurrent index on deposits blocks credits"),
    ("rails_add_index_concurrently", "rails", rails('CREATE INDEX CONCURRENTLY "index_deposits_on_tx_hash" ON "deposits" ("tx_hash")', transaction=False), S, "disable_ddl_transaction! + algorithm: :concurrently"),
    ("rails_unique_index_concurrently_dupes", "rails", rails('CREATE UNIQUE INDEX CONCURRENTLY "index_deposits_on_tx_hash" ON "deposits" ("tx_hash")', transaction=False), H, "duplicate tx_hash values: the build fails and leaves an INVALID index"),
    ("rails_add_reference", "rails", rails('ALTER TABLE "withdrawals" ADD "market_id" smallint\nCREATE INDEX "index_withdrawals_on_market_id" ON "withdrawals" ("market_id")\nALTER TABLE "withdrawals" ADD CONSTRAINT "fk_rails_7e1a" FOREIGN KEY ("market_id") REFERENCES "markets" ("id")'), H, "add_reference in one transaction: plain index, validated FK, no lock_timeout"),
    ("rails_add_fk_not_valid", "rails", rails(LT.strip() + '\nALTER TABLE "referral_payouts" ADD CONSTRAINT "fk_rails_ref_code" FOREIGN KEY ("code") REFERENCES "referral_codes" ("code") NOT VALID'), S, "NOT VALID FK is catalog-only, under lock_timeout"),
    ("rails_validate_fk_orphans", "rails", rails('ALTER TABLE "deposits" VALIDATE CONSTRAINT "deposits_account_fk"'), H, "deposits reference accounts 4003-4100 that do not exist: validation fails"),
    ("rails_change_column_null", "rails", rails(LT.strip() + '\nALTER TABLE "withdrawals" ALTER COLUMN "metadata" SET NOT NULL'), H, "NULL metadata rows: fails"),
    ("rails_change_column_type_bigint", "rails", rails(LT.strip() + '\nALTER TABLE "withdrawals" ALTER COLUMN "batch_id" TYPE bigint'), H, "int to bigint rewrites withdrawals"),
    ("rails_rename_table", "rails", rails(LT.strip() + '\nALTER TABLE "tickers" RENAME TO "market_tickers"'), H, "the app reads tickers"),
    ("rails_remove_column", "rails", rails(LT.strip() + '\nALTER TABLE "accounts" DROP COLUMN "api_flags"'), H, "drops a column (ignored_columns may be missing)"),
    ("rails_create_table", "rails", rails('CREATE TABLE "maintenance_windows" ("id" bigserial primary key, "market_id" smallint, "starts_at" timestamp(6) NOT NULL, "ends_at" timestamp(6) NOT NULL, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL)'), S, "new table without FKs"),
    ("rails_change_default", "rails", rails("ALTER TABLE \"withdrawals\" ALTER COLUMN \"status\" SET DEFAULT 'pending'"), H, "ACCESS EXCLUSIVE on withdrawals with no lock_timeout"),
    ("rails_change_default_lt", "rails", rails(LT.strip() + "\nALTER TABLE \"withdrawals\" ALTER COLUMN \"status\" SET DEFAULT 'pending'"), S, "catalog-only change under lock_timeout"),
    ("rails_in_batches_backfill", "rails", rails("UPDATE \"deposits\" SET \"confirmations\" = 30 WHERE \"deposits\".\"id\" >= 1 AND \"deposits\".\"id\" < 1001 AND \"deposits\".\"credited_at\" IS NOT NULL\nUPDATE \"deposits\" SET \"confirmations\" = 30 WHERE \"deposits\".\"id\" >= 1001 AND \"deposits\".\"id\" < 2001 AND \"deposits\".\"credited_at\" IS NOT NULL", transaction=False), S, "in_batches of 1000, no transaction around them"),
    ("rails_timestamptz", "rails", rails("SET LOCAL TimeZone = 'UTC'\n" + LT.strip() + '\nALTER TABLE "settlement_batches" ALTER COLUMN "closed_at" TYPE timestamp'), S, "timestamptz -> timestamp with TimeZone UTC set in the same transaction: catalog-only (PG 12+)"),
    # ---- Alembic --sql ---------------------------------------------------------------------------------
    ("al_add_column", "alembic", alembic(LT + "ALTER TABLE outbox ADD COLUMN trace_id VARCHAR(64);"), S, "nullable column under lock_timeout"),
    ("al_add_column_server_default_now", "alembic", alembic(LT + "ALTER TABLE outbox ADD COLUMN enqueued_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL;"), S, "now() is evaluated once: no rewrite"),
    ("al_add_column_clock_timestamp", "alembic", alembic(LT + "ALTER TABLE outbox ADD COLUMN enqueued_at TIMESTAMP WITH TIME ZONE DEFAULT clock_timestamp() NOT NULL;"), H, "clock_timestamp() is volatile: rewrite"),
    ("al_create_index", "alembic", alembic("CREATE INDEX ix_outbox_aggregate ON outbox (aggregate, aggregate_id);"), H, "plain index on the CDC outbox blocks inserts"),
    ("al_create_index_concurrently_autocommit", "alembic", "-- Running upgrade 8b1e2d4c6a90 -> 8b1e2d4c6a91 (autocommit_block)\n\nCOMMIT;\nCREATE INDEX CONCURRENTLY ix_outbox_aggregate ON outbox (aggregate, aggregate_id);\nBEGIN;\nUPDATE alembic_version SET version_num='8b1e2d4c6a91' WHERE alembic_version.version_num = 'c0ffee000001';\nCOMMIT;\n", S, "op.get_context().autocommit_block(): CIC outside the transaction"),
    ("al_enum_add_value_and_use", "alembic", alembic("ALTER TYPE settlement_state ADD VALUE 'cancelled';\nUPDATE settlement_batches SET state = 'cancelled' WHERE state = 'failed' AND tx_hash IS NULL;"), H, "new enum value used in the same transaction: fails"),
    ("al_enum_add_value", "alembic", alembic("ALTER TYPE settlement_state ADD VALUE IF NOT EXISTS 'cancelled';"), S, "ADD VALUE alone is catalog-only"),
    ("al_alter_type_json_to_jsonb", "alembic", alembic(LT + "ALTER TABLE tickers ALTER COLUMN payload TYPE JSONB USING payload::jsonb;"), H, "json -> jsonb rewrites (tiny table, but ACCESS EXCLUSIVE during rewrite)"),
    ("al_alter_numeric_unconstrained", "alembic", alembic(LT + "ALTER TABLE balances ALTER COLUMN locked TYPE NUMERIC;"), S, "numeric(38,18) -> numeric is binary coercible"),
    ("al_alter_numeric_scale", "alembic", alembic(LT + "ALTER TABLE balances ALTER COLUMN locked TYPE NUMERIC(38, 8);"), H, "scale change rewrites balances"),
    ("al_alter_generated_dependency", "alembic", alembic(LT + "ALTER TABLE trades ALTER COLUMN price TYPE NUMERIC(40, 12);"), H, "price is used by the generated notional column: fails"),
    ("al_alter_view_dependency", "alembic", alembic(LT + "ALTER TABLE orders ALTER COLUMN quantity TYPE NUMERIC(38, 12);"), H, "quantity is used by view open_orders: fails"),
    ("al_drop_constraint", "alembic", alembic(LT + "ALTER TABLE accounts DROP CONSTRAINT accounts_referrer_fk;"), S, "dropping a NOT VALID FK under lock_timeout"),
    ("al_create_table_partitioned", "alembic", alembic("CREATE TABLE liquidity_snapshots (\n    market_id SMALLINT NOT NULL,\n    taken_at TIMESTAMP WITH TIME ZONE NOT NULL,\n    depth JSONB NOT NULL,\n    PRIMARY KEY (market_id, taken_at)\n) PARTITION BY RANGE (taken_at);\nCREATE TABLE liquidity_snapshots_2026_12 PARTITION OF liquidity_snapshots FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');"), S, "a new partitioned table"),
    ("al_bulk_insert_sequence_limit", "alembic", alembic("INSERT INTO settlement_batches (asset, network) SELECT 'ETH', 'arbitrum' FROM generate_series(1, 100);"), H, "settlement_batch_seq has 48 values left: nextval fails"),
    ("al_insert_domain_violation", "alembic", alembic("INSERT INTO assets (code, name, decimals) VALUES ('usdc', 'USD Coin', 6);"), H, "lower-case code violates the asset_code domain: fails"),
    ("al_insert_asset", "alembic", alembic("INSERT INTO assets (code, name, decimals, networks) VALUES ('USDC', 'USD Coin', 6, '{ethereum,solana}');"), S, "seed row"),
    ("al_drop_view", "alembic", alembic(LT + "DROP VIEW account_fees;"), H, "the fee service reads account_fees"),
    # ---- Flyway ----------------------------------------------------------------------------------------
    ("fw_partition_default_overlap", "flyway", plain(LT + "CREATE TABLE trades_2027_01 PARTITION OF trades FOR VALUES FROM ('2027-01-01 00:00+00') TO ('2027-02-01 00:00+00');"), H, "the DEFAULT partition holds January 2027 rows: fails"),
    ("fw_partition_default_scan", "flyway", plain(LT + "CREATE TABLE trades_2027_03 PARTITION OF trades FOR VALUES FROM ('2027-03-01 00:00+00') TO ('2027-04-01 00:00+00');"), H, "the DEFAULT partition is scanned under ACCESS EXCLUSIVE to prove no row belongs to March"),
    ("fw_orders_next_day", "flyway", plain(LT + "CREATE TABLE orders_2026_12_03 PARTITION OF orders FOR VALUES FROM ('2026-12-03') TO ('2026-12-04');"), S, "orders has no DEFAULT: a new day partition is catalog-only"),
    ("fw_orders_next_day_no_lt", "flyway", plain("CREATE TABLE orders_2026_12_03 PARTITION OF orders FOR VALUES FROM ('2026-12-03') TO ('2026-12-04');"), H, "ACCESS EXCLUSIVE on the orders parent with no lock_timeout"),
    ("fw_cic_partitioned", "flyway", plain("CREATE INDEX CONCURRENTLY orders_client_idx ON orders (client_order_id);"), H, "CONCURRENTLY on a partitioned table fails on PG 15"),
    ("fw_index_partitioned_plain", "flyway", plain("CREATE INDEX orders_client_idx ON orders (client_order_id);"), H, "locks every day partition against writes for the build"),
    ("fw_index_on_only", "flyway", plain(LT + "CREATE INDEX orders_client_idx ON ONLY orders (client_order_id);"), S, "ON ONLY builds nothing: an invalid parent index"),
    ("fw_cic_one_partition", "flyway", plain("CREATE INDEX CONCURRENTLY orders_2026_12_02_client_idx ON orders_2026_12_02 (client_order_id);"), S, "CIC on one leaf partition, Flyway runs it outside a transaction"),
    ("fw_check_not_valid", "flyway", plain(LT + "ALTER TABLE balances ADD CONSTRAINT balances_available_nonneg CHECK (available >= 0) NOT VALID;"), S, "NOT VALID check, catalog-only"),
    ("fw_validate_negative_balance", "flyway", plain(LT + "ALTER TABLE balances ADD CONSTRAINT balances_available_nonneg CHECK (available >= 0) NOT VALID;\nALTER TABLE balances VALIDATE CONSTRAINT balances_available_nonneg;"), H, "two negative balances: validation fails"),
    ("fw_fk_partitioned_not_valid", "flyway", plain(LT + "ALTER TABLE trades ADD CONSTRAINT trades_market_fk FOREIGN KEY (market_id) REFERENCES markets (id) NOT VALID;"), H, "NOT VALID FK on a partitioned table is refused on PG 15"),
    ("fw_seed_fee_tier", "flyway", plain("INSERT INTO fee_tiers VALUES (5, 500000000, -2, 4) ON CONFLICT (tier) DO NOTHING;"), S, "seed row"),
    ("fw_truncate_cascade", "flyway", plain("TRUNCATE referral_codes CASCADE;"), H, "TRUNCATE ... CASCADE empties referral tables"),
    ("fw_vacuum_full", "flyway", plain("VACUUM FULL outbox;"), H, "rewrites outbox under ACCESS EXCLUSIVE"),
    ("fw_set_fillfactor", "flyway", plain(LT + "ALTER TABLE order_books SET (fillfactor = 70);"), S, "reloption only, SHARE UPDATE EXCLUSIVE"),
    ("fw_autovacuum_tuning", "flyway", plain("ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_cost_limit = 2000);"), S, "reloptions, SHARE UPDATE EXCLUSIVE: no reads or writes wait"),
    ("fw_set_unlogged", "flyway", plain(LT + "ALTER TABLE tickers SET UNLOGGED;"), H, "SET UNLOGGED rewrites"),
    ("fw_candle_partition", "flyway", plain(LT + "CREATE TABLE candles_1m_2027_01 PARTITION OF candles_1m FOR VALUES FROM ('2027-01-01 00:00+00') TO ('2027-02-01 00:00+00');"), S, "new sub-partition, no default, lock_timeout"),
    ("fw_candle_list_unknown_value", "flyway", plain(LT + "CREATE TABLE candles_15m PARTITION OF candles FOR VALUES IN ('15m');"), H, "'15m' is not a candle_interval label: fails"),
    ("fw_candle_check_validated", "flyway", plain(LT + "ALTER TABLE candles ADD CONSTRAINT candles_hl CHECK (high >= low);"), H, "scans every candle partition and fails on the bad 1d row"),
    # ---- golang-migrate --------------------------------------------------------------------------------
    ("gm_cic", "golang-migrate", plain("CREATE INDEX CONCURRENTLY IF NOT EXISTS api_keys_account_idx ON api_keys (account_id);"), S, "CIC, golang-migrate runs the file without a transaction", "DROP INDEX CONCURRENTLY IF EXISTS api_keys_account_idx;"),
    ("gm_cic_in_tx", "golang-migrate", plain("BEGIN;\nCREATE INDEX CONCURRENTLY api_keys_account_idx ON api_keys (account_id);\nCOMMIT;"), H, "explicit BEGIN around CIC: fails", "DROP INDEX IF EXISTS api_keys_account_idx;"),
    ("gm_drop_index_concurrently", "golang-migrate", plain("DROP INDEX CONCURRENTLY IF EXISTS accounts_email_idx;"), S, "DIC does not block; the index is not a constraint", "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);"),
    ("gm_drop_index_plain", "golang-migrate", plain("DROP INDEX accounts_email_idx;"), H, "ACCESS EXCLUSIVE on accounts, no lock_timeout", "CREATE INDEX accounts_email_idx ON accounts (email);"),
    ("gm_unique_lower_email", "golang-migrate", plain("CREATE UNIQUE INDEX CONCURRENTLY accounts_email_lower_key ON accounts (lower(email));"), H, "user7 and USER7 collide: the build fails", "DROP INDEX CONCURRENTLY IF EXISTS accounts_email_lower_key;"),
    ("gm_reindex_concurrently", "golang-migrate", plain("REINDEX INDEX CONCURRENTLY outbox_unpublished_idx;"), S, "REINDEX CONCURRENTLY", ""),
    ("gm_reindex_table", "golang-migrate", plain("REINDEX TABLE outbox;"), H, "plain REINDEX TABLE blocks writes while every outbox index rebuilds", ""),
    ("gm_detach_concurrently_default_exists", "golang-migrate", plain("ALTER TABLE trades DETACH PARTITION trades_2026_10 CONCURRENTLY;"), H, "trades has a DEFAULT partition: DETACH CONCURRENTLY is refused", ""),
    ("gm_detach_concurrently_orders", "golang-migrate", plain("ALTER TABLE orders DETACH PARTITION orders_2026_11_28 CONCURRENTLY;"), S, "retention: detach without blocking (orders has no DEFAULT)", ""),
    ("gm_attach_checked", "golang-migrate", plain(LT + "CREATE TABLE orders_2026_12_04 (LIKE orders INCLUDING DEFAULTS INCLUDING CONSTRAINTS);\nALTER TABLE orders_2026_12_04 ADD CONSTRAINT orders_2026_12_04_bound CHECK (placed_on >= DATE '2026-12-04' AND placed_on < DATE '2026-12-05');\nALTER TABLE orders ATTACH PARTITION orders_2026_12_04 FOR VALUES FROM ('2026-12-04') TO ('2026-12-05');\nALTER TABLE orders_2026_12_04 DROP CONSTRAINT orders_2026_12_04_bound;"), S, "the documented attach recipe on an empty new table", ""),
    ("gm_lock_table", "golang-migrate", plain("BEGIN;\nLOCK TABLE order_books IN ACCESS EXCLUSIVE MODE;\nUPDATE order_books SET sequence = sequence + 1 WHERE market_id = 1;\nCOMMIT;"), H, "explicit ACCESS EXCLUSIVE with no lock_timeout", ""),
    ("gm_exclusion_constraint", "golang-migrate", plain(LT + "ALTER TABLE settlement_batches ADD CONSTRAINT one_open_batch EXCLUDE USING gist (tstzrange(opened_at, coalesce(closed_at, 'infinity')) WITH &&);"), H, "EXCLUDE builds a GiST index under ACCESS EXCLUSIVE; every batch is still open (closed_at NULL) so the ranges overlap and the build fails", ""),
    # ---- dbmate ----------------------------------------------------------------------------------------
    ("dbmate_cic_default_tx", "dbmate", dbmate("CREATE INDEX CONCURRENTLY referral_payouts_code_idx ON referral_payouts (code);", "DROP INDEX referral_payouts_code_idx;"), H, "dbmate wraps -- migrate:up in a transaction: CIC fails"),
    ("dbmate_cic_no_tx", "dbmate", dbmate("CREATE INDEX CONCURRENTLY referral_payouts_code_idx ON referral_payouts (code);", "DROP INDEX referral_payouts_code_idx;", transaction=False), S, "transaction:false"),
    ("dbmate_refresh_matview", "dbmate", dbmate("REFRESH MATERIALIZED VIEW daily_volume;", "SELECT 1;"), H, "non-concurrent refresh locks out readers of daily_volume"),
    ("dbmate_refresh_matview_concurrently", "dbmate", dbmate("REFRESH MATERIALIZED VIEW CONCURRENTLY daily_volume;", "SELECT 1;", transaction=False), S, "concurrent refresh with its unique index"),
    ("dbmate_create_matview", "dbmate", dbmate("CREATE MATERIALIZED VIEW market_fee_revenue AS SELECT market_id, sum(coalesce(maker_fee, 0) + coalesce(taker_fee, 0)) AS fees FROM trades GROUP BY market_id;", "DROP MATERIALIZED VIEW market_fee_revenue;"), S, "new matview; reads trades under ACCESS SHARE"),
    ("dbmate_drop_column_down_section", "dbmate", dbmate(LT + "ALTER TABLE referral_codes ADD COLUMN expires_at timestamptz;", "ALTER TABLE referral_codes DROP COLUMN expires_at;"), S, "the DROP is in the down section, which does not run on deploy"),
    ("dbmate_add_identity", "dbmate", dbmate(LT + "ALTER TABLE tickers ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;", "ALTER TABLE tickers DROP COLUMN seq;"), H, "identity column fills every row: rewrite"),
    ("dbmate_add_generated_stored", "dbmate", dbmate(LT + "ALTER TABLE withdrawals ADD COLUMN net_amount numeric GENERATED ALWAYS AS (amount - fee) STORED;", "ALTER TABLE withdrawals DROP COLUMN net_amount;"), H, "stored generated column rewrites withdrawals"),
    ("dbmate_create_trigger_lt", "dbmate", dbmate(LT + "CREATE TRIGGER tickers_touch BEFORE UPDATE ON tickers FOR EACH ROW EXECUTE FUNCTION touch_updated_at();", "DROP TRIGGER tickers_touch ON tickers;"), S, "SHARE ROW EXCLUSIVE briefly under lock_timeout (function errors only at run time)"),
    # ---- Prisma ----------------------------------------------------------------------------------------
    ("prisma_add_column", "prisma", prisma("AlterTable", 'ALTER TABLE "api_keys" ADD COLUMN "last_used_at" TIMESTAMP(3);'), H, "Prisma sets no lock_timeout: ACCESS EXCLUSIVE on api_keys unbounded"),
    ("prisma_add_required_column", "prisma", prisma("AlterTable", 'ALTER TABLE "api_keys" ADD COLUMN "scope" TEXT NOT NULL;'), H, "required column without default on a filled table: fails"),
    ("prisma_create_index", "prisma", prisma("CreateIndex", 'CREATE INDEX "api_keys_revoked_at_idx" ON "api_keys"("revoked_at");'), H, "non-concurrent index"),
    ("prisma_create_table", "prisma", prisma("CreateTable", 'CREATE TABLE "Webhook" (\n    "id" TEXT NOT NULL,\n    "url" TEXT NOT NULL,\n    "events" TEXT[],\n    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n\n    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")\n);'), S, "a new table"),
    ("prisma_create_table_fk", "prisma", prisma("CreateTable", 'CREATE TABLE "Webhook" ("id" TEXT NOT NULL, "accountId" BIGINT NOT NULL, CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id"));\n\n-- AddForeignKey\nALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;'), H, "FK to accounts without lock_timeout"),
    ("prisma_alter_enum_recreate", "prisma", prisma("AlterEnum", 'BEGIN;\nCREATE TYPE "settlement_state_new" AS ENUM (\'pending\', \'broadcast\', \'confirmed\');\nALTER TABLE "settlement_batches" ALTER COLUMN "state" DROP DEFAULT;\nALTER TABLE "settlement_batches" ALTER COLUMN "state" TYPE "settlement_state_new" USING ("state"::text::"settlement_state_new");\nALTER TYPE "settlement_state" RENAME TO "settlement_state_old";\nALTER TYPE "settlement_state_new" RENAME TO "settlement_state";\nDROP TYPE "settlement_state_old";\nALTER TABLE "settlement_batches" ALTER COLUMN "state" SET DEFAULT \'pending\';\nCOMMIT;'), H, "removing a value: batches in state 'failed' make the cast fail (and it rewrites)"),
    ("prisma_rename_via_drop_add", "prisma", prisma("AlterTable", 'ALTER TABLE "referral_codes" DROP COLUMN "commission_bps",\nADD COLUMN "commissionBps" SMALLINT NOT NULL DEFAULT 2000;'), H, "Prisma's rename is drop + add: data lost"),
    ("prisma_drop_index", "prisma", prisma("DropIndex", 'DROP INDEX "orders_open_idx";'), H, "dropping a partitioned index locks orders and all partitions, no lock_timeout"),
    # ---- Knex ------------------------------------------------------------------------------------------
    ("knex_add_column", "knex", knex(LT + 'alter table "audit_log" add column "ip" inet;'), S, "nullable column under lock_timeout"),
    ("knex_add_column_no_lt", "knex", knex('alter table "audit_log" add column "ip" inet;'), H, "no lock_timeout"),
    ("knex_index_in_tx", "knex", knex('create index "audit_log_actor_index" on "audit_log" ("actor");'), H, "plain index on audit_log"),
    ("knex_create_table", "knex", knex('create table "announcement" ("id" serial primary key, "title" varchar(255) not null, "body" text, "created_at" timestamptz not null default CURRENT_TIMESTAMP);'), S, "new table"),
    ("knex_rename_column", "knex", knex(LT + 'alter table "audit_log" rename "actor" to "actor_name";'), H, "renames a column in use"),
    ("knex_alter_type_text", "knex", knex(LT + 'alter table "markets" alter column "status" type text using ("status"::text);'), S, "varchar -> text with USING the identity cast: catalog-only"),
    ("knex_set_not_null_valid_check", "knex", knex(LT + 'alter table "audit_log" add constraint "audit_log_actor_nn" check ("actor" is not null) not valid;') + knex(LT + 'alter table "audit_log" validate constraint "audit_log_actor_nn";\nalter table "audit_log" alter column "actor" set not null;\nalter table "audit_log" drop constraint "audit_log_actor_nn";', "20261202_knex_2.js"), S, "two migrations: NOT VALID, then VALIDATE and SET NOT NULL that uses the proven check"),
    # ---- TypeORM ---------------------------------------------------------------------------------------
    ("typeorm_add_column", "typeorm", typeorm(LT + 'ALTER TABLE "fee_tiers" ADD "label" character varying'), S, "small table, lock_timeout"),
    ("typeorm_change_length_recreate", "typeorm", typeorm('ALTER TABLE "markets" DROP COLUMN "status"\nALTER TABLE "markets" ADD "status" character varying(32) NOT NULL DEFAULT \'trading\''), H, "TypeORM drops and re-adds a column to change its length: data lost"),
    ("typeorm_create_index", "typeorm", typeorm('CREATE INDEX "IDX_withdrawals_requested" ON "withdrawals" ("requested_at") '), H, "non-concurrent index on withdrawals"),
    ("typeorm_create_table", "typeorm", typeorm('CREATE TABLE "risk_limit" ("id" SERIAL NOT NULL, "asset" character varying NOT NULL, "daily_withdraw_cap" numeric NOT NULL, CONSTRAINT "PK_risk_limit" PRIMARY KEY ("id"))'), S, "new table"),
    ("typeorm_fk_validated", "typeorm", typeorm('ALTER TABLE "referral_payouts" ADD CONSTRAINT "FK_ref_code" FOREIGN KEY ("code") REFERENCES "referral_codes"("code") ON DELETE NO ACTION ON UPDATE NO ACTION'), H, "validated FK: payouts for codes R801-R900 are orphans, fails"),
    ("typeorm_drop_table", "typeorm", typeorm('DROP TABLE "tickers"'), H, "drops a table in use"),
    # ---- Sequelize -------------------------------------------------------------------------------------
    ("sequelize_add_index_concurrently", "sequelize", sequelize('CREATE INDEX CONCURRENTLY "withdrawals_batch_id" ON "withdrawals" ("batch_id");'), S, "addIndex with concurrently: true, no transaction"),
    ("sequelize_add_column", "sequelize", sequelize('ALTER TABLE "public"."withdrawals" ADD COLUMN "reviewed_by" VARCHAR(255);'), H, "no lock_timeout on withdrawals"),
    ("sequelize_change_column", "sequelize", sequelize(LT + 'ALTER TABLE "withdrawals" ALTER COLUMN "status" SET NOT NULL;ALTER TABLE "withdrawals" ALTER COLUMN "status" DROP DEFAULT;ALTER TABLE "withdrawals" ALTER COLUMN "status" TYPE VARCHAR(16);'), H, "changeColumn narrows text to varchar(16): rewrites withdrawals"),
    ("sequelize_bulk_delete_all", "sequelize", sequelize('DELETE FROM "audit_log";'), H, "bulkDelete with no where: every row"),
    ("sequelize_bulk_insert", "sequelize", sequelize('INSERT INTO "fee_tiers" ("tier","min_30d_volume_usd","maker_bps","taker_bps") VALUES (6,1000000000,-3,3);'), S, "seed"),
    # ---- Ecto ------------------------------------------------------------------------------------------
    ("ecto_create_index", "ecto", ecto('CREATE INDEX "referral_codes_account_id_index" ON "referral_codes" ("account_id")'), H, "plain index, no lock_timeout"),
    ("ecto_create_index_concurrently", "ecto", ecto('CREATE INDEX CONCURRENTLY "referral_codes_account_id_index" ON "referral_codes" ("account_id")', transaction=False), S, "@disable_ddl_transaction + @disable_migration_lock"),
    ("ecto_add_column_lt", "ecto", ecto(LT + 'ALTER TABLE "referral_codes" ADD COLUMN "campaign" varchar(255)'), S, "nullable column"),
    ("ecto_modify_type", "ecto", ecto(LT + 'ALTER TABLE "referral_codes" ALTER COLUMN "commission_bps" TYPE integer'), H, "smallint -> integer rewrites"),
    ("ecto_execute_backfill", "ecto", ecto("UPDATE referral_payouts SET paid_at = now() WHERE paid_at IS NULL"), H, "two thirds of payouts in one statement, unbatched"),
    # ---- Liquibase formatted SQL -----------------------------------------------------------------------
    ("lb_add_column_lt", "liquibase", liquibase(LT + "ALTER TABLE withdrawals ADD COLUMN approved_at TIMESTAMPTZ;"), S, "nullable column"),
    ("lb_cic_run_in_tx_false", "liquibase", liquibase("CREATE INDEX CONCURRENTLY withdrawals_account_idx ON withdrawals (account_id);", options="runInTransaction:false"), S, "runInTransaction:false"),
    ("lb_rename_table", "liquibase", liquibase(LT + "ALTER TABLE referral_payouts RENAME TO referral_rewards;"), H, "rename of a table in use"),
    ("lb_add_pk_using_index", "liquibase", liquibase("CREATE UNIQUE INDEX CONCURRENTLY audit_log_at_id ON audit_log (at, id);", "exchange:43", "runInTransaction:false") + liquibase(LT + "ALTER TABLE order_books ADD CONSTRAINT order_books_seq_uniq UNIQUE USING INDEX order_books_pkey;", "exchange:44"), H, "an index already used by the primary key cannot back a second constraint: fails"),
    ("lb_delete_old_audit", "liquibase", liquibase("DELETE FROM audit_log WHERE at < now() - interval '3 days';"), S, "retention delete of ~680 of 5000 rows older than 3 days: bounded"),
    ("lb_alter_sequence_bigint", "liquibase", liquibase("ALTER SEQUENCE settlement_batch_seq AS bigint MAXVALUE 9223372036854775807;"), S, "sequence only; the column change comes later"),
    # ---- goose -----------------------------------------------------------------------------------------
    ("goose_add_column", "goose", goose(LT + "ALTER TABLE tickers ADD COLUMN high_24h numeric(30, 12);"), S, "nullable column under lock_timeout (no Down section)"),
    ("goose_with_down_section", "goose", goose(LT + "ALTER TABLE tickers ADD COLUMN low_24h numeric(30, 12);", "ALTER TABLE tickers DROP COLUMN low_24h;"), S, "goose runs only the Up section; the Down DROP never runs on deploy"),
    ("goose_no_tx_cic", "goose", goose("CREATE INDEX CONCURRENTLY IF NOT EXISTS outbox_aggregate_idx ON outbox (aggregate_id);", transaction=False), S, "NO TRANSACTION + CIC"),
    ("goose_update_all_tickers", "goose", goose("UPDATE tickers SET refreshed_at = now();"), S, "15-row table: updating every ticker is trivial"),
    ("goose_update_all_outbox", "goose", goose("UPDATE outbox SET headers = '{}'::jsonb;"), H, "every outbox row rewritten at once, CDC floods"),
    # ---- sqitch ----------------------------------------------------------------------------------------
    ("sqitch_create_function", "sqitch", sqitch("fn_fee", "CREATE OR REPLACE FUNCTION taker_fee(bps numeric, notional numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT notional * bps / 10000 $$;"), S, "a function"),
    ("sqitch_replace_view", "sqitch", sqitch("open_orders_v2", LT + "CREATE OR REPLACE VIEW open_orders AS SELECT id, placed_on, account_id, market_id, side, price, quantity - filled AS remaining, type FROM orders WHERE status IN ('open', 'partially_filled');"), S, "appending a column to a view under lock_timeout"),
    ("sqitch_replace_view_no_lt", "sqitch", sqitch("open_orders_v2", "CREATE OR REPLACE VIEW open_orders AS SELECT id, placed_on, account_id, market_id, side, price, quantity - filled AS remaining, type FROM orders WHERE status IN ('open', 'partially_filled');"), H, "ACCESS EXCLUSIVE on the view with no lock_timeout: readers queue"),
    ("sqitch_replace_view_drop_col", "sqitch", sqitch("open_orders_v3", LT + "CREATE OR REPLACE VIEW open_orders AS SELECT id, placed_on, account_id, market_id, side, price FROM orders WHERE status = 'open';"), H, "CREATE OR REPLACE VIEW cannot drop a column: fails"),
    ("sqitch_grant", "sqitch", sqitch("grants", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reporting') THEN CREATE ROLE reporting; END IF; END $$;\nGRANT SELECT ON trades, candles, tickers TO reporting;"), S, "grants"),
    ("sqitch_add_domain_constraint", "sqitch", sqitch("asset_len", "ALTER DOMAIN asset_code ADD CONSTRAINT asset_code_len CHECK (length(VALUE) <= 8);"), H, "validating a domain scans every table using asset_code under a lock"),
    ("sqitch_add_domain_constraint_not_valid", "sqitch", sqitch("asset_len", LT + "ALTER DOMAIN asset_code ADD CONSTRAINT asset_code_len CHECK (length(VALUE) <= 8) NOT VALID;"), S, "NOT VALID domain constraint, no scan"),
    # ---- EF Core ---------------------------------------------------------------------------------------
    ("ef_add_column", "efcore", efcore('ALTER TABLE order_books ADD "Depth" integer NOT NULL DEFAULT 0;'), H, "no lock_timeout on order_books (hot: every book update)"),
    ("ef_add_column_lt", "efcore", efcore(LT + 'ALTER TABLE order_books ADD "Depth" integer NOT NULL DEFAULT 0;'), S, "constant default, lock_timeout"),
    ("ef_create_index", "efcore", efcore('CREATE INDEX "IX_deposits_asset" ON deposits (asset);'), H, "plain index"),
    ("ef_create_index_concurrently_tx", "efcore", efcore('CREATE INDEX CONCURRENTLY "IX_deposits_asset" ON deposits (asset);'), H, "migrationBuilder.Sql with CONCURRENTLY inside START TRANSACTION: fails"),
    ("ef_alter_column_type", "efcore", efcore(LT + 'ALTER TABLE tickers ALTER COLUMN change_24h_pct TYPE double precision;'), H, "real -> double precision rewrites"),
    ("ef_idempotent_script", "efcore", "DO $EF$\nBEGIN\n    IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20261202071500_Exchange') THEN\n    CREATE TABLE kyc_documents (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, kind text NOT NULL, uploaded_at timestamptz NOT NULL);\n    END IF;\nEND $EF$;\n", S, "idempotent script creating a new table"),
    # ---- Drizzle ---------------------------------------------------------------------------------------
    ("drizzle_add_column", "drizzle", drizzle('ALTER TABLE "outbox" ADD COLUMN "partition_key" text;'), H, "drizzle sets no lock_timeout; outbox is hot"),
    ("drizzle_create_table", "drizzle", drizzle('CREATE TABLE IF NOT EXISTS "sessions" (\n\t"id" text PRIMARY KEY NOT NULL,\n\t"account_id" bigint NOT NULL,\n\t"expires_at" timestamp with time zone NOT NULL\n);', 'CREATE INDEX IF NOT EXISTS "sessions_account_idx" ON "sessions" USING btree ("account_id");'), S, "new table and its index"),
    ("drizzle_fk_do_block", "drizzle", drizzle('CREATE TABLE IF NOT EXISTS "sessions" ("id" text PRIMARY KEY NOT NULL, "account_id" bigint NOT NULL);', 'DO $$ BEGIN\n ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;'), H, "FK to accounts inside a DO block, no lock_timeout"),
    ("drizzle_set_data_type", "drizzle", drizzle(LT + 'ALTER TABLE "deposits" ALTER COLUMN "confirmations" SET DATA TYPE integer;'), H, "smallint -> integer rewrites deposits"),
    # ---- Atlas -----------------------------------------------------------------------------------------
    ("atlas_modify_table", "atlas", atlas('-- Modify "withdrawals" table\nALTER TABLE "public"."withdrawals" ADD COLUMN "chain_fee" numeric NULL;'), H, "no lock_timeout"),
    ("atlas_txmode_none_cic", "atlas", atlas('-- Create index "withdrawals_address_idx" to table: "withdrawals"\nCREATE INDEX CONCURRENTLY "withdrawals_address_idx" ON "public"."withdrawals" ("address");', "none"), S, "atlas:txmode none + CIC"),
    ("atlas_nulls_not_distinct", "atlas", atlas('CREATE UNIQUE INDEX CONCURRENTLY "withdrawals_address_key" ON "public"."withdrawals" ("address") NULLS NOT DISTINCT;', "none"), S, "PG 15 syntax on PG 15; addresses are unique"),
    ("atlas_drop_column", "atlas", atlas(LT + '-- Modify "markets" table\nALTER TABLE "public"."markets" DROP COLUMN "config";'), H, "drops market config the engine reads"),
    # ---- Diesel ----------------------------------------------------------------------------------------
    ("diesel_create_table", "diesel", diesel("CREATE TABLE market_makers (\n  account_id BIGINT PRIMARY KEY,\n  rebate_bps NUMERIC(6,2) NOT NULL,\n  since TIMESTAMPTZ NOT NULL DEFAULT NOW()\n);"), S, "new table"),
    ("diesel_add_fk_lt", "diesel", diesel(LT + "CREATE TABLE market_makers (account_id BIGINT PRIMARY KEY REFERENCES accounts (id));"), S, "new table referencing accounts, lock_timeout"),
    ("diesel_serial_pk_existing", "diesel", diesel(LT + "ALTER TABLE tickers DROP CONSTRAINT tickers_pkey;\nALTER TABLE tickers ADD COLUMN id SERIAL PRIMARY KEY;"), H, "drops the PK the app relies on and a serial column rewrites"),
    ("diesel_manage_updated_at", "diesel", diesel("SELECT diesel_manage_updated_at('tickers');"), H, "the helper does not exist in this database: fails"),
    # ---- Hibernate / JPA schema update -----------------------------------------------------------------
    ("hib_add_column", "hibernate", hibernate("alter table if exists accounts add column last_login_at timestamp(6) with time zone"), H, "hbm2ddl.auto=update: no lock_timeout on accounts"),
    ("hib_create_sequence_table", "hibernate", hibernate("create sequence rebate_seq start with 1 increment by 50", "create table rebate (id bigint not null, amount numeric(38,2), account_id bigint, primary key (id))"), S, "new sequence and table"),
    ("hib_fk_new_table", "hibernate", hibernate("create table rebate (id bigint not null, account_id bigint, primary key (id))", "alter table if exists rebate add constraint FKrebate_account foreign key (account_id) references accounts"), H, "FK to accounts with no lock_timeout"),
    ("hib_unique", "hibernate", hibernate("alter table if exists markets drop constraint if exists UK_markets_symbol", "alter table if exists markets add constraint UK_markets_symbol unique (symbol)"), H, "unique constraint build under lock, no lock_timeout"),
    # ---- plain psql scripts ----------------------------------------------------------------------------
    ("psql_lt_then_add_column", "plain", plain("\\set ON_ERROR_STOP on\n" + LT + "ALTER TABLE candles ADD COLUMN vwap numeric(30, 12);"), S, "partitioned add column, catalog-only"),
    ("psql_candles_volatile_default", "plain", plain(LT + "ALTER TABLE candles ADD COLUMN ingested_at timestamptz NOT NULL DEFAULT clock_timestamp();"), H, "volatile default rewrites every candle partition"),
    ("psql_set_local_outside_tx", "plain", plain("SET LOCAL lock_timeout = '2s';\nALTER TABLE balances ADD COLUMN frozen numeric(38, 18);"), H, "SET LOCAL outside a transaction has no effect: no lock_timeout"),
    ("psql_set_local_in_tx", "plain", plain("BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE balances ADD COLUMN frozen numeric(38, 18);\nCOMMIT;"), S, "SET LOCAL inside the transaction"),
    ("psql_lock_timeout_zero", "plain", plain("SET lock_timeout = 0;\nALTER TABLE balances ADD COLUMN frozen numeric(38, 18);"), H, "lock_timeout = 0 disables it"),
    ("psql_statement_timeout_only", "plain", plain("SET statement_timeout = '15min';\nALTER TABLE balances ADD COLUMN frozen numeric(38, 18);"), H, "a 15-minute statement_timeout still lets writes queue for minutes"),
    ("psql_lock_timeout_ms", "plain", plain("SET lock_timeout TO 1500;\nALTER TABLE balances ADD COLUMN frozen numeric(38, 18);"), S, "lock_timeout in milliseconds"),
    ("psql_set_config", "plain", plain("SELECT set_config('lock_timeout', '2s', false);\nALTER TABLE balances ADD COLUMN frozen numeric(38, 18);"), S, "set_config sets the session's lock_timeout"),
    ("psql_lt_after_statement", "plain", plain("ALTER TABLE balances ADD COLUMN frozen numeric(38, 18);\n" + LT), H, "lock_timeout set after the ALTER it should protect"),
    ("psql_timestamptz_utc", "plain", plain("BEGIN;\nSET LOCAL TimeZone = 'UTC';\n" + LT + "ALTER TABLE audit_log ALTER COLUMN at TYPE timestamp;\nCOMMIT;"), S, "timestamptz -> timestamp under UTC is catalog-only (PG 12+)"),
    ("psql_timestamptz_other_tz", "plain", plain("BEGIN;\nSET LOCAL TimeZone = 'Asia/Singapore';\n" + LT + "ALTER TABLE audit_log ALTER COLUMN at TYPE timestamp;\nCOMMIT;"), H, "outside UTC the conversion rewrites audit_log"),
    ("psql_char_to_varchar", "plain", plain(LT + "ALTER TABLE accounts ALTER COLUMN country TYPE varchar(2);"), H, "bpchar -> varchar goes through rtrim: rewrite"),
    ("psql_varchar_to_text_indexed", "plain", plain(LT + "ALTER TABLE markets ALTER COLUMN symbol TYPE text;"), S, "varchar -> text is binary coercible, the unique index is kept"),
    ("psql_settlement_id_bigint", "plain", plain(LT + "ALTER SEQUENCE settlement_batch_seq AS bigint MAXVALUE 9223372036854775807;\nALTER TABLE settlement_batches ALTER COLUMN id TYPE bigint;"), H, "rewrites settlement_batches and re-checks the withdrawals FK"),
    ("psql_sequence_restart", "plain", plain("ALTER SEQUENCE order_id_seq RESTART WITH 1;"), H, "restarting the order id sequence produces duplicate keys at run time (not in the migration itself)"),
    ("psql_batched_delete_outbox", "plain", plain("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at IS NOT NULL ORDER BY id LIMIT 1000);\nDELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at IS NOT NULL ORDER BY id LIMIT 1000);"), S, "bounded batches of 1000"),
    ("psql_delete_published_outbox", "plain", plain("DELETE FROM outbox WHERE published_at IS NOT NULL;"), H, "unbatched delete of 90% of the outbox: long transaction, WAL spike"),
    ("psql_delete_partition_via_parent", "plain", plain("DELETE FROM orders WHERE placed_on = DATE '2026-11-28';"), H, "deletes every row of one day's partition; detach/drop is the way"),
    ("psql_merge_tickers", "plain", plain("MERGE INTO tickers t USING (SELECT market_id, max(price) AS p FROM trades WHERE executed_at >= TIMESTAMPTZ '2026-11-30 00:00+00' GROUP BY market_id) s ON t.market_id = s.market_id WHEN MATCHED THEN UPDATE SET last_price = s.p WHEN NOT MATCHED THEN DO NOTHING;"), S, "PG 15 MERGE refreshing a 15-row table"),
    ("psql_virtual_generated_pg18", "plain", plain(LT + "ALTER TABLE withdrawals ADD COLUMN net_amount numeric GENERATED ALWAYS AS (amount - fee) VIRTUAL;"), H, "VIRTUAL generated columns are PG 18 syntax: fails on 15"),
    ("psql_not_null_not_valid_pg18", "plain", plain(LT + "ALTER TABLE orders ADD CONSTRAINT orders_client_nn NOT NULL client_order_id NOT VALID;"), H, "NOT NULL ... NOT VALID constraints are PG 18: fails on 15"),
    ("psql_uuidv7_pg18", "plain", plain(LT + "ALTER TABLE outbox ADD COLUMN event_id uuid DEFAULT uuidv7();"), H, "uuidv7() does not exist before PG 18: fails (and would rewrite)"),
    ("psql_json_table_pg17", "plain", plain("UPDATE withdrawals w SET fee = 0 FROM JSON_TABLE(w.metadata, '$' COLUMNS (two_fa boolean PATH '$.two_fa')) jt WHERE jt.two_fa AND w.id < 10;"), H, "JSON_TABLE is PG 17 syntax: fails on 15"),
    ("psql_orders_set_not_null_fails", "plain", plain(LT + "ALTER TABLE orders ALTER COLUMN client_order_id SET NOT NULL;"), H, "NULL client_order_id in every partition: fails after scanning"),
    ("psql_orders_add_default", "plain", plain(LT + "ALTER TABLE orders ADD COLUMN time_in_force text NOT NULL DEFAULT 'GTC';"), S, "constant default on a partitioned table: catalog-only in every partition"),
    ("psql_enum_rename_value", "plain", plain("ALTER TYPE order_status RENAME VALUE 'partially_filled' TO 'partial';"), H, "renames an enum label the engine writes and the open_orders view tests"),
    ("psql_enum_add_value_no_tx_then_use", "plain", plain("ALTER TYPE candle_interval ADD VALUE IF NOT EXISTS '15m' AFTER '5m';\n" + LT + "CREATE TABLE candles_15m PARTITION OF candles FOR VALUES IN ('15m');"), S, "autocommit: the value is committed before the partition uses it"),
    ("psql_create_statistics", "plain", plain("CREATE STATISTICS trades_market_side (dependencies) ON market_id, taker_side FROM trades;"), S, "extended statistics: SHARE UPDATE EXCLUSIVE"),
    ("psql_set_statistics", "plain", plain("ALTER TABLE orders ALTER COLUMN market_id SET STATISTICS 500;"), S, "SHARE UPDATE EXCLUSIVE"),
    ("psql_analyze", "plain", plain("ANALYZE trades;"), S, "ANALYZE"),
    ("psql_comment", "plain", plain("COMMENT ON COLUMN trades.notional IS 'price * quantity, quote currency';"), S, "comment"),
    ("psql_cluster", "plain", plain("CLUSTER candles_1h USING candles_1h_pkey;"), H, "CLUSTER rewrites under ACCESS EXCLUSIVE"),
    ("psql_replica_identity_full", "plain", plain(LT + "ALTER TABLE outbox REPLICA IDENTITY FULL;"), S, "catalog-only under lock_timeout"),
    ("psql_publication", "plain", plain("CREATE PUBLICATION cdc_outbox FOR TABLE outbox;"), S, "publication: SHARE UPDATE EXCLUSIVE"),
    ("psql_disable_trigger", "plain", plain("ALTER TABLE order_books DISABLE TRIGGER order_books_touch;"), H, "SHARE ROW EXCLUSIVE on order_books, no lock_timeout"),
    ("psql_create_table_as", "plain", plain("CREATE TABLE trades_archive_2026_10 AS SELECT * FROM trades_2026_10;"), S, "reads under ACCESS SHARE only"),
    ("psql_staging_lifecycle", "plain", plain("CREATE TABLE fee_import (tier smallint, maker_bps numeric, taker_bps numeric);\nINSERT INTO fee_import VALUES (1, 7, 17);\nUPDATE fee_import SET maker_bps = maker_bps;\nTRUNCATE fee_import;\nDROP TABLE fee_import;"), S, "everything on a table made in the same file"),
    ("psql_do_block_batched", "plain", plain("DO $$\nDECLARE n int;\nBEGIN\n  LOOP\n    UPDATE referral_payouts SET amount = round(amount, 8) WHERE id IN (SELECT id FROM referral_payouts WHERE amount <> round(amount, 8) LIMIT 500);\n    GET DIAGNOSTICS n = ROW_COUNT;\n    EXIT WHEN n = 0;\n  END LOOP;\nEND $$;"), S, "batched, but in one DO block: one transaction touching only unrounded rows (none here)"),
    ("psql_attach_existing_unchecked", "plain", plain(LT + "CREATE TABLE orders_2026_12_05 (LIKE orders INCLUDING DEFAULTS);\nINSERT INTO orders_2026_12_05 (id, placed_on, account_id, market_id, side, quantity, placed_at) SELECT g, DATE '2026-12-05', 1, 1, 'buy', 1, TIMESTAMPTZ '2026-12-05 10:00+00' FROM generate_series(1, 500) g;\nALTER TABLE orders ATTACH PARTITION orders_2026_12_05 FOR VALUES FROM ('2026-12-05') TO ('2026-12-06');"), S, "the scanned table is new and private to the migration"),
    ("psql_attach_out_of_range", "plain", plain(LT + "CREATE TABLE orders_2026_12_06 (LIKE orders INCLUDING DEFAULTS);\nINSERT INTO orders_2026_12_06 (id, placed_on, account_id, market_id, side, quantity, placed_at) VALUES (1, DATE '2026-12-07', 1, 1, 'buy', 1, now());\nALTER TABLE orders ATTACH PARTITION orders_2026_12_06 FOR VALUES FROM ('2026-12-06') TO ('2026-12-07');"), H, "a row outside the bound: ATTACH fails"),
    ("psql_drop_old_partition", "plain", plain(LT + "DROP TABLE orders_2026_11_28;"), H, "a day of orders dropped; the parent is locked too"),
    ("psql_detach_plain_lt", "plain", plain(LT + "ALTER TABLE orders DETACH PARTITION orders_2026_11_28;"), S, "plain detach under lock_timeout: a brief ACCESS EXCLUSIVE, no scan"),
    ("psql_index_new_partition_only", "plain", plain("CREATE INDEX ON trades_2026_12 (taker_order_id);"), H, "plain build on the live month partition blocks trade inserts"),
    ("psql_alter_index_attach", "plain", plain(LT + "CREATE INDEX orders_client_idx ON ONLY orders (client_order_id);\nCREATE INDEX orders_2026_11_28_client_idx ON orders_2026_11_28 (client_order_id);\nALTER INDEX orders_client_idx ATTACH PARTITION orders_2026_11_28_client_idx;"), H, "the per-partition index is built plainly, not CONCURRENTLY: writes to that day wait"),
    ("psql_unique_constraint_using_index", "plain", plain("CREATE UNIQUE INDEX CONCURRENTLY referral_codes_account_key ON referral_codes (account_id);\n" + LT + "ALTER TABLE referral_codes ADD CONSTRAINT referral_codes_account_uniq UNIQUE USING INDEX referral_codes_account_key;"), S, "CIC then UNIQUE USING INDEX: the documented way"),
    ("psql_fk_then_validate_same_tx", "plain", plain("BEGIN;\n" + LT + "ALTER TABLE api_keys ADD CONSTRAINT api_keys_account_fk2 FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;\nALTER TABLE api_keys VALIDATE CONSTRAINT api_keys_account_fk2;\nCOMMIT;"), H, "validating in the same transaction holds the NOT VALID's SHARE ROW EXCLUSIVE through the scan"),
    ("psql_validate_separately", "plain", plain("ALTER TABLE accounts VALIDATE CONSTRAINT accounts_referrer_fk;"), H, "an orphan referrer (999999): validation fails"),
    ("psql_insert_duplicate_market", "plain", plain("INSERT INTO markets (symbol, base, quote, tick_size, lot_size) VALUES ('BTC-USDT', 'BTC', 'USDT', 0.1, 0.001);"), H, "BTC-USDT exists: unique violation"),
    ("psql_insert_identity_always", "plain", plain("INSERT INTO markets (id, symbol, base, quote, tick_size, lot_size) VALUES (99, 'SOL-BTC', 'SOL', 'BTC', 0.00000001, 0.01);"), H, "markets.id is GENERATED ALWAYS: an explicit id fails without OVERRIDING SYSTEM VALUE"),
    ("psql_insert_overriding", "plain", plain("INSERT INTO markets (id, symbol, base, quote, tick_size, lot_size) OVERRIDING SYSTEM VALUE VALUES (99, 'SOL-BTC', 'SOL', 'BTC', 0.00000001, 0.01);"), S, "OVERRIDING SYSTEM VALUE"),
    ("psql_update_generated", "plain", plain("UPDATE trades SET notional = 0 WHERE id = 1;"), H, "notional is generated: the UPDATE fails"),
    ("psql_drop_column_used_by_view", "plain", plain(LT + "ALTER TABLE fee_tiers DROP COLUMN maker_bps;"), H, "account_fees depends on it: fails without CASCADE"),
    ("psql_drop_matview", "plain", plain(LT + "DROP MATERIALIZED VIEW daily_volume;"), H, "dashboards read daily_volume"),
    ("psql_create_index_if_not_exists_existing", "plain", plain("CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON outbox (created_at) WHERE published_at IS NULL;"), S, "the index exists: the statement is a no-op notice"),
    ("psql_brin_on_audit", "plain", plain("CREATE INDEX CONCURRENTLY audit_log_at_brin ON audit_log USING brin (at);"), S, "BRIN built concurrently"),
    ("psql_alter_column_storage", "plain", plain(LT + "ALTER TABLE outbox ALTER COLUMN payload SET STORAGE EXTERNAL;"), S, "storage setting affects new rows only"),
    ("psql_alter_column_compression", "plain", plain(LT + "ALTER TABLE outbox ALTER COLUMN payload SET COMPRESSION lz4;"), S, "PG 14+: new rows only (lz4 if the server has it)"),
    ("psql_drop_default_identity", "plain", plain(LT + "ALTER TABLE audit_log ALTER COLUMN id DROP IDENTITY;"), H, "inserts that rely on the identity start failing"),
    ("psql_vacuum", "plain", plain("VACUUM (ANALYZE) outbox;"), S, "plain VACUUM"),
    ("psql_nested_begin", "plain", plain("BEGIN;\n" + LT + "ALTER TABLE tickers ADD COLUMN open_24h numeric(30, 12);\nBEGIN;\nALTER TABLE tickers ADD COLUMN close_24h numeric(30, 12);\nCOMMIT;\nCOMMIT;"), S, "a nested BEGIN only warns; lock_timeout still set"),
    ("psql_default_partition_create", "plain", plain(LT + "CREATE TABLE orders_default PARTITION OF orders DEFAULT;"), S, "adding a DEFAULT to a table that has none scans nothing"),
    ("psql_fee_tiers_update_all", "plain", plain("UPDATE fee_tiers SET taker_bps = taker_bps + 1;"), S, "5 rows of reference data"),
    ("psql_balances_update_all", "plain", plain("UPDATE balances SET version = version + 1;"), H, "every balance row updated: blocks the matching engine's balance updates"),
    ("psql_deposits_range_backfill", "plain", plain("UPDATE deposits SET confirmations = 30 WHERE id BETWEEN 1 AND 2000 AND confirmations < 30;"), S, "bounded id range"),
    ("psql_add_fk_column_inline", "plain", plain(LT + "ALTER TABLE deposits ADD COLUMN batch_id integer REFERENCES settlement_batches (id);"), H, "the new FK is still validated by a query over deposits while ADD COLUMN holds ACCESS EXCLUSIVE"),
    ("psql_add_check_column_inline", "plain", plain(LT + "ALTER TABLE deposits ADD COLUMN risk_score smallint CHECK (risk_score BETWEEN 0 AND 100);"), H, "adding the CHECK with the column still verifies the table under ACCESS EXCLUSIVE"),
    # ---- peers' documented cases restated on this schema ---------------------------------------------
    ("sq_adding_field_with_default_volatile", "plain", plain(LT + "ALTER TABLE api_keys ADD COLUMN rotated_at timestamptz DEFAULT statement_timestamp() + random() * interval '1 day';"), H, "squawk adding-field-with-default: volatile default"),
    ("sq_adding_foreign_key_constraint", "plain", plain(LT + "ALTER TABLE withdrawals ADD CONSTRAINT withdrawals_asset_fk FOREIGN KEY (asset) REFERENCES assets (code);"), H, "squawk adding-foreign-key-constraint: validated FK scans withdrawals under SHARE ROW EXCLUSIVE"),
    ("sq_constraint_not_valid_then_validate", "plain", plain("BEGIN;\n" + LT + "ALTER TABLE withdrawals ADD CONSTRAINT withdrawals_asset_fk FOREIGN KEY (asset) REFERENCES assets (code) NOT VALID;\nCOMMIT;\nALTER TABLE withdrawals VALIDATE CONSTRAINT withdrawals_asset_fk;"), S, "squawk's fix: NOT VALID committed, then VALIDATE (SHARE UPDATE EXCLUSIVE)"),
    ("sq_disallowed_unique_constraint", "plain", plain(LT + "ALTER TABLE api_keys ADD CONSTRAINT api_keys_label_uniq UNIQUE (label);"), H, "squawk disallowed-unique-constraint"),
    ("sq_require_concurrent_index_deletion", "plain", plain(LT + "DROP INDEX trades_market_time_idx;"), S, "a plain drop under lock_timeout: brief (squawk would ask for CONCURRENTLY, which partitioned indexes cannot use)"),
    ("sq_renaming_table", "plain", plain(LT + "ALTER TABLE outbox RENAME TO event_outbox;"), H, "squawk renaming-table: Debezium and the app read outbox"),
    ("sq_ban_drop_table", "plain", plain(LT + "DROP TABLE IF EXISTS knex_migrations_lock;"), H, "squawk ban-drop-table (knex needs its lock table)"),
    ("sq_changing_column_type", "plain", plain(LT + "ALTER TABLE referral_codes ALTER COLUMN code TYPE varchar(8);"), H, "squawk changing-column-type: narrowing, and referral_codes.code is a PK"),
    ("sq_adding_serial_primary_key", "plain", plain(LT + "ALTER TABLE balances ADD COLUMN id bigserial;"), H, "squawk adding-serial-primary-key-field: fills every row"),
    ("sq_transaction_nesting_cic_after_commit", "plain", plain("BEGIN;\n" + LT + "ALTER TABLE referral_codes ADD COLUMN tier smallint;\nCOMMIT;\nCREATE INDEX CONCURRENTLY referral_codes_tier_idx ON referral_codes (tier);"), S, "CIC after the COMMIT, outside the block"),
    ("eu_e2_long_lock_then_update", "plain", plain("BEGIN;\n" + LT + "ALTER TABLE deposits ADD COLUMN reviewed boolean;\nUPDATE deposits SET reviewed = false WHERE credited_at IS NULL;\nCOMMIT;"), H, "eugene E4: holding ACCESS EXCLUSIVE while the UPDATE runs"),
    ("eu_e9_safer", "plain", plain("BEGIN;\n" + LT + "ALTER TABLE deposits ADD COLUMN reviewed boolean;\nCOMMIT;\nUPDATE deposits SET reviewed = false WHERE id <= 1000;"), S, "eugene's safer shape: lock released before the bounded UPDATE"),
    ("eu_e3_json_column", "plain", plain(LT + "ALTER TABLE withdrawals ADD COLUMN debug json;"), S, "json column under lock_timeout (eugene E3 is about queries, not locks)"),
    ("sm_add_index_columns_many", "plain", plain("CREATE INDEX CONCURRENTLY trades_taker_idx ON trades_2026_11 (taker_order_id);\nCREATE INDEX CONCURRENTLY trades_taker_idx_12 ON trades_2026_12 (taker_order_id);"), S, "strong_migrations: concurrent per-partition builds"),
    ("sm_change_column_null_safe", "plain", plain(LT + "ALTER TABLE referral_payouts ADD CONSTRAINT referral_payouts_code_nn CHECK (code IS NOT NULL) NOT VALID;"), S, "strong_migrations' first step for NOT NULL"),
    ("sm_change_column_null_step2", "plain", plain("ALTER TABLE referral_payouts ADD CONSTRAINT referral_payouts_amount_nn CHECK (amount IS NOT NULL) NOT VALID;\nALTER TABLE referral_payouts VALIDATE CONSTRAINT referral_payouts_amount_nn;"), H, "ADD CONSTRAINT ... NOT VALID still takes ACCESS EXCLUSIVE on referral_payouts, here with no lock_timeout"),
    ("sm_remove_column_ignored", "plain", plain(LT + "ALTER TABLE accounts DROP COLUMN api_flags;"), H, "still a drop of a column the old release may read"),
    ("pf_lock_timeout_then_add_not_null_default", "plain", plain(LT + "ALTER TABLE withdrawals ADD COLUMN priority smallint NOT NULL DEFAULT 0;"), S, "pgfence: constant default NOT NULL is safe on PG 11+"),
    ("pf_refresh_matview_no_unique", "plain", plain("CREATE MATERIALIZED VIEW asset_totals AS SELECT asset, sum(available) AS total FROM balances GROUP BY asset;\nREFRESH MATERIALIZED VIEW CONCURRENTLY asset_totals;"), H, "CONCURRENTLY needs a unique index: fails"),
    ("pf_alter_type_varchar_widen_partitioned", "plain", plain(LT + "ALTER TABLE orders ALTER COLUMN client_order_id TYPE varchar(128);"), S, "widening on a partitioned table: catalog-only in every partition"),
    ("pf_alter_type_varchar_narrow_partitioned", "plain", plain(LT + "ALTER TABLE orders ALTER COLUMN client_order_id TYPE varchar(16);"), H, "narrowing checks (rewrites) every partition"),
    ("pg_docs_add_column_default_expr", "plain", plain(LT + "ALTER TABLE audit_log ADD COLUMN source text DEFAULT current_user;"), S, "current_user is stable: evaluated once, no rewrite"),
    ("pg_docs_set_access_method_same", "plain", plain(LT + "ALTER TABLE audit_log SET ACCESS METHOD heap;"), H, "PG 15 rewrites the table even into the same access method"),
]

TRACER_DEFECTS = {
    "goose_with_down_section": "goose runs only the -- +goose Up section; the tracer runs the file as plain psql, Down included, and reports the Down's DROP COLUMN",
}
"""Cases the trace plainly gets wrong: kept out of cases/ and labels.toml, in tracer_defects/ with why."""

CASES = [(c[0], c[1], c[2], *c[5:]) for c in _CASES if c[0] not in TRACER_DEFECTS]


_BAD = {
    "empty.sql": b"",
    "latin1.sql": "-- Migration für Gebühren\nALTER TABLE fee_tiers ADD COLUMN beschreibung text DEFAULT 'Gebühr';\n".encode("latin-1"),
    "binary.sql": bytes(range(256)) * 4,
    "syntax_error.sql": b"ALTER TABLE accounts ADD COLUM referral_code varchar(16);\n",
    "truncated_string.sql": b"INSERT INTO assets (code, name, decimals) VALUES ('ADA', 'Card",
    "mysql_dialect.sql": b"ALTER TABLE `accounts` ADD COLUMN `nickname` VARCHAR(64) NOT NULL DEFAULT '' AFTER `email`, ALGORITHM=INPLACE, LOCK=NONE;\n",
}


def write_extras(directory: Path) -> None:
    """expected.toml (the author's expectation, written before the first trace) and bad/ inputs."""
    blindset.write_extras(directory, "blind4", _CASES, TRACER_DEFECTS, _BAD, write)
