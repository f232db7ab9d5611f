# ruff: noqa: E501  (each case is one migration, kept on one line as the tool writes it)
"""The blind2 corpus: a fifth schema (a crypto exchange's custody service, bench/gate_corpus/blind2/schema.sql),
written by someone who never read pgtune's migration rules, its static reader or the other corpora's cases.

Each case is a migration as a tool emits it (Django ``sqlmigrate``, Rails, Alembic ``--sql``, Flyway,
golang-migrate, dbmate, Prisma, Knex, TypeORM, Sequelize, Ecto, Liquibase formatted SQL, psql scripts) or a
peer's documented hazard (squawk, eugene, strong_migrations, pgfence) restated on this schema. Beside each
case is what a DBA reviewing it would say (``expected.toml``); the label of record is what the server's
trace saw (``labels.toml``, ``python -m bench gate --relabel``). ``bad/`` holds inputs no tool should parse.
"""

from __future__ import annotations

import json
from pathlib import Path

from .tools import alembic, dbmate, django, plain, prisma, rails

G = "golang-migrate"
FW = "flyway"
LT = "SET lock_timeout = '2s';\n"
LT_RAILS = "SET lock_timeout TO '5s';\n"
"""What strong_migrations' configured lock_timeout shows in the Rails log."""
H, S = "hazard", "safe"
ALEMBIC = {"revision": "5e8f3b21c9d4", "down": "c41d9e07a2b3"}


def knex(sql: str, name: str, transaction: bool = True) -> str:
    """``knex migrate:latest --debug``: the statements knex sent, in its own lower-case style."""
    body = sql.strip() + "\n"
    book = f"insert into \"knex_migrations\" (\"batch\", \"migration_time\", \"name\") values (2, '2026-12-02T10:15:00.000Z', '{name}');\n"
    header = f"-- knex migrate:latest --debug: {name}\n"
    return header + (f"begin;\n{body}{book}commit;\n" if transaction else body + book)


def typeorm(sql: str, name: str, transaction: bool = True) -> str:
    """``typeorm migration:run`` with ``logging: ["query"]``: each query its logger printed (one a line,
    ended for psql)."""
    body = "".join(f"{line.rstrip(';')};\n" for line in sql.strip().splitlines())
    stamp = name[-13:]
    book = f"INSERT INTO \"migrations\"(\"timestamp\", \"name\") VALUES ({stamp}, '{name}');\n"
    header = f"-- typeorm migration:run: {name}\n"
    return header + (f"START TRANSACTION;\n{body}{book}COMMIT;\n" if transaction else body + book)


def sequelize(sql: str, name: str) -> str:
    """``sequelize-cli db:migrate`` (no transaction unless the migration opens one), as its logger prints."""
    return f"-- sequelize-cli db:migrate: {name}\n{sql.strip()}\nINSERT INTO \"SequelizeMeta\" (\"name\") VALUES ('{name}') RETURNING \"name\";\n"


def ecto(sql: str, version: str, module: str, ddl_transaction: bool = True) -> str:
    """``mix ecto.migrate --log-migrations-sql``: one migration, in its DDL transaction unless
    ``@disable_ddl_transaction true``. Its log shows statements without terminators; each is ended for psql."""
    body = "".join(f"{line.rstrip(';')};\n" for line in sql.strip().splitlines())
    book = f"INSERT INTO \"schema_migrations\" (\"version\", \"inserted_at\") VALUES ('{version}', '2026-12-02 10:15:00');\n"
    header = f"-- mix ecto.migrate --log-migrations-sql: {version} Custody.Repo.Migrations.{module}\n"
    return header + (f"BEGIN;\n{body}{book}COMMIT;\n" if ddl_transaction else body + book)


def liquibase(changeset: str, sql: str, rollback: str, options: str = "") -> str:
    opts = f" {options}" if options else ""
    return f"--liquibase formatted sql\n\n--changeset custody-platform:{changeset}{opts}\n{sql.strip()}\n--rollback {rollback}\n"


_ALL: list[tuple[str, str, str, str, str, str]] = []


def case(name: str, tool: str, text: str, expected: str, why: str, down: str = "") -> None:
    _ALL.append((name, tool, text, down, expected, why))


# --- Django sqlmigrate -------------------------------------------------------------------------------------------
case("k_dj_add_field_no_timeout", "plain", django("Add field memo to wallet", 'ALTER TABLE "wallets" ADD COLUMN "memo" varchar(80) NULL;'), H, "ACCESS EXCLUSIVE on wallets with no lock_timeout: queues behind any long read and blocks everything behind it")
case("k_dj_add_field_timeout", "plain", django("Add field memo to wallet", LT + 'ALTER TABLE "wallets" ADD COLUMN "memo" varchar(80) NULL;'), S, "nullable column, catalog-only, lock_timeout set")
case("k_dj_add_bool_default_drop", "plain", django("Add field is_vip to client", LT + 'ALTER TABLE "clients" ADD COLUMN "is_vip" boolean DEFAULT false NOT NULL;\nALTER TABLE "clients" ALTER COLUMN "is_vip" DROP DEFAULT;'), S, "constant default: no rewrite since PG 11; lock_timeout set")
case("k_dj_db_default_statement_ts", "plain", django("Add field reviewed_at to withdrawal", LT + 'ALTER TABLE "withdrawals" ADD COLUMN "reviewed_at" timestamp with time zone DEFAULT (STATEMENT_TIMESTAMP()) NOT NULL;'), S, "db_default=Now(): statement_timestamp() is STABLE, evaluated once, no rewrite")
case("k_dj_uuid_default", "plain", django("Add field public_id to withdrawal", LT + 'ALTER TABLE "withdrawals" ADD COLUMN "public_id" uuid DEFAULT (gen_random_uuid()) NOT NULL;'), H, "volatile default: rewrites withdrawals under ACCESS EXCLUSIVE")
case("k_dj_charfield_widen", "plain", django("Alter field label on wallet", LT + 'ALTER TABLE "wallets" ALTER COLUMN "label" TYPE varchar(64);'), S, "varchar(40) -> varchar(64): catalog-only")
case("k_dj_charfield_narrow", "plain", django("Alter field email on client", LT + 'ALTER TABLE "clients" ALTER COLUMN "email" TYPE varchar(120);'), H, "varchar(254) -> varchar(120): every row re-checked and the table rewritten under ACCESS EXCLUSIVE")
case("k_dj_int_to_bigint", "plain", django("Alter field network_fee_sat on withdrawal", LT + 'ALTER TABLE "withdrawals" ALTER COLUMN "network_fee_sat" TYPE bigint USING "network_fee_sat"::bigint;'), H, "integer -> bigint rewrites the table and its indexes")
case("k_dj_smallint_to_int", "plain", django("Alter field confirmations on deposit", LT + 'ALTER TABLE "deposits" ALTER COLUMN "confirmations" TYPE integer USING "confirmations"::integer;'), H, "smallint -> integer rewrites")
case("k_dj_decimal_precision_up", "plain", django("Alter field fee on withdrawal", LT + 'ALTER TABLE "withdrawals" ALTER COLUMN "fee" TYPE numeric(28, 8);'), S, "numeric(20,8) -> numeric(28,8): same scale, more precision, no rewrite")
case("k_dj_decimal_places_change", "plain", django("Alter field fee on withdrawal", LT + 'ALTER TABLE "withdrawals" ALTER COLUMN "fee" TYPE numeric(20, 6);'), H, "scale 8 -> 6: every value rounded, table rewritten")
case("k_dj_datetime_to_tz_using", "plain", django("Alter field seen_at on deposit", LT + 'ALTER TABLE "deposits" ALTER COLUMN "seen_at" TYPE timestamp with time zone USING "seen_at"::timestamp with time zone;'), H, "timestamp -> timestamptz is catalog-only only when the session TimeZone is UTC; a reviewer cannot assume the migration runner's TimeZone, and values are reinterpreted in it")
case("k_dj_add_index_atomic", "plain", django("Create index deposits_tx_hash_idx on field(s) tx_hash of model deposit", 'CREATE INDEX "deposits_tx_hash_idx" ON "deposits" ("tx_hash");'), H, "plain CREATE INDEX: SHARE lock blocks writes to deposits for the whole build")
case("k_dj_add_index_concurrently", "plain", django("Concurrently create index deposits_tx_hash_idx on field(s) tx_hash of model deposit", 'CREATE INDEX CONCURRENTLY "deposits_tx_hash_idx" ON "deposits" ("tx_hash");', atomic=False), S, "AddIndexConcurrently in a non-atomic migration")
case("k_dj_add_index_concurrently_atomic", "plain", django("Concurrently create index deposits_tx_hash_idx on field(s) tx_hash of model deposit", 'CREATE INDEX CONCURRENTLY "deposits_tx_hash_idx" ON "deposits" ("tx_hash");'), H, "atomic = True left in place: CONCURRENTLY inside BEGIN fails (25001)")
case("k_dj_remove_index_concurrently", "plain", django("Concurrently remove index withdrawals_open_idx from withdrawal", 'DROP INDEX CONCURRENTLY IF EXISTS "withdrawals_open_idx";', atomic=False), S, "RemoveIndexConcurrently, non-atomic")
case("k_dj_add_fk_field", "plain", django("Add field wallet to approval", 'ALTER TABLE "approvals" ADD COLUMN "wallet_id" bigint NULL CONSTRAINT "approvals_wallet_id_3c1f2a9e_fk_wallets_id" REFERENCES "wallets"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "approvals_wallet_id_3c1f2a9e_fk_wallets_id" IMMEDIATE;\nCREATE INDEX "approvals_wallet_id_3c1f2a9e" ON "approvals" ("wallet_id");'), H, "ACCESS EXCLUSIVE on approvals and SHARE ROW EXCLUSIVE on wallets without lock_timeout, then a blocking index build")
case("k_dj_fk_on_existing_column", "plain", django("Alter field withdrawal on approval", LT + 'ALTER TABLE "approvals" ADD CONSTRAINT "approvals_withdrawal_id_8d2e_fk_withdrawals_id" FOREIGN KEY ("withdrawal_id") REFERENCES "withdrawals" ("id") DEFERRABLE INITIALLY DEFERRED;'), H, "validated FK: scans approvals while writes to approvals and withdrawals wait")
case("k_dj_unique_email_dupes", "plain", django("Alter field email on client", LT + 'ALTER TABLE "clients" ADD CONSTRAINT "clients_email_key" UNIQUE ("email");'), H, "email has duplicates: fails at run time (and would block reads while building)")
case("k_dj_not_null_with_nulls", "plain", django("Alter field referral_code on client", LT + 'ALTER TABLE "clients" ALTER COLUMN "referral_code" SET NOT NULL;'), H, "referral_code holds NULLs: fails")
case("k_dj_not_null_backfill_same_tx", "plain", django("Alter field note on withdrawal", 'UPDATE "withdrawals" SET "note" = \'\' WHERE "note" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;\nALTER TABLE "withdrawals" ALTER COLUMN "note" SET NOT NULL;'), H, "backfills every row of withdrawals in one transaction, then scans it under ACCESS EXCLUSIVE")
case("k_dj_create_model", "plain", django("Create model Signer", 'CREATE TABLE "custody_signer" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "name" varchar(80) NOT NULL, "hsm_slot" integer NOT NULL);'), S, "a new table")
case("k_dj_create_model_fk_no_timeout", "plain", django("Create model Whitelist", 'CREATE TABLE "custody_whitelist" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "address" varchar(64) NOT NULL, "wallet_id" bigint NOT NULL);\nALTER TABLE "custody_whitelist" ADD CONSTRAINT "custody_whitelist_wallet_id_fk_wallets_id" FOREIGN KEY ("wallet_id") REFERENCES "wallets" ("id") DEFERRABLE INITIALLY DEFERRED;\nCREATE INDEX "custody_whitelist_wallet_id_idx" ON "custody_whitelist" ("wallet_id");'), H, "the FK takes SHARE ROW EXCLUSIVE on wallets (writes wait) with no lock_timeout")
case("k_dj_create_model_fk_timeout", "plain", django("Create model Whitelist", LT + 'CREATE TABLE "custody_whitelist" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "address" varchar(64) NOT NULL, "wallet_id" bigint NOT NULL);\nALTER TABLE "custody_whitelist" ADD CONSTRAINT "custody_whitelist_wallet_id_fk_wallets_id" FOREIGN KEY ("wallet_id") REFERENCES "wallets" ("id") DEFERRABLE INITIALLY DEFERRED;\nCREATE INDEX "custody_whitelist_wallet_id_idx" ON "custody_whitelist" ("wallet_id");'), S, "same, with lock_timeout: the lock on wallets is brief and bounded; the FK scans only the empty new table")
case("k_dj_remove_field", "plain", django("Remove field frozen from wallet", LT + 'ALTER TABLE "wallets" DROP COLUMN "frozen" CASCADE;'), H, "drops a column the running release still selects")
case("k_dj_rename_field", "plain", django("Rename field label on wallet to display_name", LT + 'ALTER TABLE "wallets" RENAME COLUMN "label" TO "display_name";'), H, "rename breaks the running release")
case("k_dj_delete_model", "plain", django("Delete model LegacyColdStorage", LT + 'DROP TABLE "legacy_cold_storage" CASCADE;'), H, "drops a table (and, CASCADE, whatever depends on it)")
case("k_dj_enum_add_value_atomic", "plain", django("Raw SQL operation", "ALTER TYPE \"withdrawal_state\" ADD VALUE 'cancelled';"), S, "ADD VALUE inside a transaction is allowed since PG 12 and locks no table")
case("k_dj_check_constraint", "plain", django("Create constraint withdrawals_amount_positive on model withdrawal", LT + 'ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_amount_positive" CHECK ("amount" > 0);'), H, "validating CHECK: scans withdrawals under ACCESS EXCLUSIVE (eugene E1)")
case("k_dj_check_violated", "plain", django("Create constraint clients_risk_cap on model client", LT + 'ALTER TABLE "clients" ADD CONSTRAINT "clients_risk_cap" CHECK ("risk_score" <= 25);'), H, "half the clients score above 25: fails")

# --- Rails (ActiveRecord's SQL, strong_migrations' checks) -------------------------------------------------------
case("k_rails_add_column", "plain", rails('ALTER TABLE "clients" ADD "nickname" character varying'), H, "no lock_timeout")
case("k_rails_add_column_timeout", "plain", rails(LT_RAILS + 'ALTER TABLE "clients" ADD "nickname" character varying'), S, "strong_migrations' lock_timeout set")
case("k_rails_add_index_concurrently", "plain", rails('CREATE INDEX CONCURRENTLY "index_withdrawals_on_destination" ON "withdrawals" ("destination")', transaction=False), S, "disable_ddl_transaction! + algorithm: :concurrently")
case("k_rails_add_index", "plain", rails('CREATE INDEX "index_withdrawals_on_destination" ON "withdrawals" ("destination")'), H, "blocking index build on withdrawals")
case("k_rails_add_reference", "plain", rails(LT_RAILS + 'ALTER TABLE "deposits" ADD "address_book_id" bigint;\nCREATE INDEX "index_deposits_on_address_book_id" ON "deposits" ("address_book_id")'), H, "add_reference builds its index without CONCURRENTLY: writes to deposits wait for the build")
case("k_rails_fk_validate_false", "plain", rails(LT_RAILS + 'ALTER TABLE "approvals" ADD CONSTRAINT "fk_rails_5e1a2b3c4d" FOREIGN KEY ("withdrawal_id") REFERENCES "withdrawals" ("id") NOT VALID'), S, "add_foreign_key validate: false with lock_timeout")
case("k_rails_validate_fk", "plain", rails('ALTER TABLE "approvals" VALIDATE CONSTRAINT "approvals_withdrawal_fk"'), S, "validate_foreign_key in its own migration: SHARE UPDATE EXCLUSIVE, reads and writes go on; no lock_timeout needed for a lock that blocks neither")
case("k_rails_validate_fk_orphans", "plain", rails('ALTER TABLE "deposits" VALIDATE CONSTRAINT "deposits_wallet_fk"'), H, "40 deposits point at wallets that do not exist: fails")
case("k_rails_check_validate_false", "plain", rails(LT_RAILS + 'ALTER TABLE "clients" ADD CONSTRAINT "chk_rails_kyc_level" CHECK (kyc_level BETWEEN 0 AND 3) NOT VALID'), S, "add_check_constraint validate: false")
case("k_rails_change_null_false_nulls", "plain", rails(LT_RAILS + 'ALTER TABLE "withdrawals" ALTER COLUMN "fee" SET NOT NULL'), H, "fee is NULL in a quarter of the rows: fails")
case("k_rails_change_default_no_timeout", "plain", rails('ALTER TABLE "wallets" ALTER COLUMN "kind" SET DEFAULT \'warm\''), H, "ACCESS EXCLUSIVE without lock_timeout")
case("k_rails_datetime_precision_6", "plain", rails(LT_RAILS + 'ALTER TABLE "audit_log" ALTER COLUMN "at" TYPE timestamp(6)'), S, "timestamp -> timestamp(6) is the same precision: no rewrite")
case("k_rails_datetime_precision_0", "plain", rails(LT_RAILS + 'ALTER TABLE "deposits" ALTER COLUMN "seen_at" TYPE timestamp(0)'), H, "precision cut to seconds: every value rounded, rewrite")
case("k_rails_create_table", "plain", rails('CREATE TABLE "signing_sessions" ("id" bigserial primary key, "withdrawal_id" bigint NOT NULL, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL)'), S, "a new table")
case("k_rails_create_table_force", "plain", rails('DROP TABLE IF EXISTS "address_book" CASCADE;\nCREATE TABLE "address_book" ("id" bigserial primary key, "client_id" bigint NOT NULL, "address" character varying NOT NULL)'), H, "create_table force: true drops the live address_book")
case("k_rails_remove_column", "plain", rails(LT_RAILS + 'ALTER TABLE "clients" DROP COLUMN "referral_code"'), H, "drops a column")
case("k_rails_rename_table", "plain", rails(LT_RAILS + 'ALTER TABLE "address_book" RENAME TO "whitelisted_addresses"'), H, "rename breaks the running release")
case("k_rails_backfill_same_migration", "plain", rails(LT_RAILS + 'ALTER TABLE "wallets" ADD "risk_flag" boolean;\nUPDATE "wallets" SET "risk_flag" = FALSE'), H, "backfills all 30,000 wallets in the transaction that holds ACCESS EXCLUSIVE")
case("k_rails_add_json_column", "plain", rails(LT_RAILS + 'ALTER TABLE "withdrawals" ADD "travel_rule" json'), S, "catalog-only with lock_timeout (eugene E3 / strong_migrations prefer jsonb, a design note, not a lock or a break)")
case("k_rails_batched_backfill", "plain", rails('UPDATE "withdrawals" SET "fee" = 0 WHERE "id" IN (SELECT "id" FROM "withdrawals" WHERE "fee" IS NULL ORDER BY "id" LIMIT 1000)', transaction=False), S, "one bounded batch")
case("k_rails_add_bigserial", "plain", rails(LT_RAILS + 'ALTER TABLE "audit_log" ADD "seq" bigserial'), H, "serial default is volatile: rewrite (eugene E11)")
case("k_rails_exclusion_constraint", "plain", rails(LT_RAILS + 'ALTER TABLE "address_book" ADD CONSTRAINT "address_book_no_dup_address" EXCLUDE USING btree ("network" WITH =, "address" WITH =)'), H, "builds the constraint's index under ACCESS EXCLUSIVE (eugene E8)")

# --- Alembic offline mode ---------------------------------------------------------------------------------------
case("k_al_add_column_timeout", "plain", alembic(LT + "ALTER TABLE withdrawals ADD COLUMN chain_id INTEGER;", **ALEMBIC), S, "nullable column with lock_timeout")
case("k_al_server_default_no_timeout", "plain", alembic("ALTER TABLE clients ADD COLUMN is_pep BOOLEAN DEFAULT false NOT NULL;", **ALEMBIC), H, "no lock_timeout")
case("k_al_create_index", "plain", alembic("CREATE INDEX ix_approvals_approver_id ON approvals (approver_id);", **ALEMBIC), H, "blocking index build")
case("k_al_cic_autocommit_block", "plain", "BEGIN;\n\n-- Running upgrade c41d9e07a2b3 -> 5e8f3b21c9d4\n\nCOMMIT;\n\nCREATE INDEX CONCURRENTLY ix_approvals_approver_id ON approvals (approver_id);\n\nBEGIN;\n\nUPDATE alembic_version SET version_num='5e8f3b21c9d4' WHERE alembic_version.version_num = 'c41d9e07a2b3';\n\nCOMMIT;\n", S, "op.get_context().autocommit_block(): offline mode ends the transaction around the concurrent build")
case("k_al_cic_in_transaction", "plain", alembic("CREATE INDEX CONCURRENTLY ix_approvals_approver_id ON approvals (approver_id);", **ALEMBIC), H, "postgresql_concurrently=True without autocommit_block: fails inside BEGIN")
case("k_al_text_to_varchar", "plain", alembic(LT + "ALTER TABLE address_book ALTER COLUMN address TYPE VARCHAR(64);", **ALEMBIC), H, "text -> varchar(64) re-checks every row and rewrites")
case("k_al_varchar_to_text", "plain", alembic(LT + "ALTER TABLE wallets ALTER COLUMN label TYPE TEXT;", **ALEMBIC), S, "varchar -> text is binary-coercible")
case("k_al_char_widen", "plain", alembic(LT + "ALTER TABLE clients ALTER COLUMN country TYPE CHAR(3);", **ALEMBIC), H, "char(2) -> char(3) is not like varchar: blank-padding changes, the table is rewritten")
case("k_al_json_to_jsonb", "plain", alembic(LT + "ALTER TABLE audit_log ALTER COLUMN payload TYPE JSONB USING payload::jsonb;", **ALEMBIC), H, "json -> jsonb rewrites")
case("k_al_enum_add_and_use", "plain", alembic("ALTER TYPE withdrawal_state ADD VALUE 'cancelled';\nUPDATE withdrawals SET state = 'cancelled' WHERE id = 1;", **ALEMBIC), H, "a new enum value cannot be used in the transaction that added it: fails")
case("k_al_drop_missing_constraint", "plain", alembic(LT + "ALTER TABLE wallets DROP CONSTRAINT wallets_label_check;", **ALEMBIC), H, "the constraint does not exist: fails")
case("k_al_create_table_fk_timeout", "plain", alembic(LT + "CREATE TABLE travel_rule_messages (\n    id BIGSERIAL NOT NULL,\n    withdrawal_id BIGINT NOT NULL,\n    payload JSONB,\n    PRIMARY KEY (id),\n    FOREIGN KEY(withdrawal_id) REFERENCES withdrawals (id)\n);", **ALEMBIC), S, "a new table; its FK takes a brief, bounded lock on withdrawals")
case("k_al_unique_using_index", "plain", "BEGIN;\n\n-- Running upgrade c41d9e07a2b3 -> 5e8f3b21c9d4\n\nCOMMIT;\n\nCREATE UNIQUE INDEX CONCURRENTLY uq_deposits_tx_vout ON deposits (tx_hash, vout);\n\nBEGIN;\n\n" + LT + "ALTER TABLE deposits ADD CONSTRAINT uq_deposits_tx_vout UNIQUE USING INDEX uq_deposits_tx_vout;\n\nUPDATE alembic_version SET version_num='5e8f3b21c9d4' WHERE alembic_version.version_num = 'c41d9e07a2b3';\n\nCOMMIT;\n", S, "unique index built concurrently, then attached as a constraint with lock_timeout")

# --- Flyway (each V file in one transaction) ----------------------------------------------------------------------
case("k_fw_add_column_timeout", FW, plain(LT + "ALTER TABLE deposits ADD COLUMN memo text;"), S, "nullable column with lock_timeout")
case("k_fw_cic_alone", FW, plain("CREATE INDEX CONCURRENTLY deposits_seen_idx ON deposits (seen_at);"), S, "Flyway's PostgreSQL parser runs a file whose only statement is CREATE INDEX CONCURRENTLY outside a transaction (flyway/flyway#3531, #3854)")
case("k_fw_cic_mixed", FW, plain(LT + "ALTER TABLE deposits ADD COLUMN memo text;\nCREATE INDEX CONCURRENTLY deposits_memo_idx ON deposits (memo);"), H, "mixed transactional and non-transactional statements: Flyway refuses without mixed=true, and in a transaction the build fails")
case("k_fw_attach_partition_unchecked", FW, plain(LT + "ALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_2027_01 FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');"), S, "the parent only gets SHARE UPDATE EXCLUSIVE; the scan is of the not-yet-live staging table")
case("k_fw_attach_partition_bad_row", FW, plain(LT + "ALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_2027_02 FOR VALUES FROM ('2027-02-01') TO ('2027-03-01');"), H, "one row is dated in March: fails")
case("k_fw_partition_default_has_rows", FW, plain(LT + "CREATE TABLE balance_snapshots_2027q1 PARTITION OF balance_snapshots FOR VALUES FROM ('2027-01-01') TO ('2027-04-01');"), H, "the DEFAULT partition holds Q1 rows: fails")
case("k_fw_partition_default_scanned", FW, plain(LT + "CREATE TABLE balance_snapshots_2027q2 PARTITION OF balance_snapshots FOR VALUES FROM ('2027-04-01') TO ('2027-07-01');"), H, "with a DEFAULT partition, the new bound makes the server scan the default under ACCESS EXCLUSIVE")
case("k_fw_new_partition_timeout", FW, plain(LT + "CREATE TABLE ledger_entries_2027_03 PARTITION OF ledger_entries FOR VALUES FROM ('2027-03-01') TO ('2027-04-01');"), S, "a new, empty partition; no default partition; lock_timeout set")
case("k_fw_new_partition_no_timeout", FW, plain("CREATE TABLE ledger_entries_2027_03 PARTITION OF ledger_entries FOR VALUES FROM ('2027-03-01') TO ('2027-04-01');"), H, "ACCESS EXCLUSIVE on the ledger without lock_timeout")
case("k_fw_update_one_fee", FW, plain("UPDATE fee_schedules SET withdraw_fee = 0.0004 WHERE asset_code = 'A1';"), S, "one row")
case("k_fw_update_all_fees", FW, plain("UPDATE fee_schedules SET withdraw_fee = withdraw_fee * 2;"), S, "every row, but of a six-row configuration table")
case("k_fw_seed_asset", FW, plain("INSERT INTO assets (code, name, network, decimals) VALUES ('USDC', 'USD Coin', 'ethereum', 6);"), S, "seed row")
case("k_fw_detach_concurrently_in_tx", FW, plain(LT + "ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_10 CONCURRENTLY;"), H, "DETACH ... CONCURRENTLY cannot run in Flyway's transaction: fails")
case("k_fw_set_statistics", FW, plain("ALTER TABLE withdrawals ALTER COLUMN destination SET STATISTICS 500;"), S, "SHARE UPDATE EXCLUSIVE only")
case("k_fw_replica_identity_full", FW, plain(LT + "ALTER TABLE ledger_entries_2026_12 REPLICA IDENTITY FULL;"), H, "pgfence: every UPDATE/DELETE now logs the whole old row; CDC consumers and WAL volume blow up")

# --- golang-migrate (no transaction; each file one statement where it matters) ----------------------------------
case("k_gm_cic", G, plain("CREATE INDEX CONCURRENTLY IF NOT EXISTS withdrawals_tx_hash_idx ON withdrawals (tx_hash);"), S, "concurrent build outside a transaction", "DROP INDEX CONCURRENTLY IF EXISTS withdrawals_tx_hash_idx;")
case("k_gm_cic_partitioned", G, plain("CREATE INDEX CONCURRENTLY ledger_entries_ref_idx ON ledger_entries (ref);"), H, "CONCURRENTLY is refused on a partitioned table (PG 15): fails", "DROP INDEX IF EXISTS ledger_entries_ref_idx;")
case("k_gm_index_partitioned", G, plain(LT + "CREATE INDEX ledger_entries_ref_idx ON ledger_entries (ref);"), H, "builds on every partition under SHARE: ledger writes wait for all three builds", "DROP INDEX IF EXISTS ledger_entries_ref_idx;")
case("k_gm_unique_partitioned_no_key", G, plain(LT + "CREATE UNIQUE INDEX ledger_entries_ref_key ON ledger_entries (ref);"), H, "a unique index on a partitioned table must include the partition key: fails", "DROP INDEX IF EXISTS ledger_entries_ref_key;")
case("k_gm_drop_index_concurrently_partitioned", G, plain("DROP INDEX CONCURRENTLY ledger_entries_wallet_idx;"), H, "cannot drop a partitioned index concurrently: fails", "CREATE INDEX ledger_entries_wallet_idx ON ledger_entries (wallet_id);")
case("k_gm_detach_concurrently", G, plain(LT + "ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_10 CONCURRENTLY;"), S, "DETACH CONCURRENTLY outside a transaction", "SELECT 1;")
case("k_gm_drop_old_partition", G, plain(LT + "ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_10;\nDROP TABLE ledger_entries_2026_10;"), H, "drops October's ledger rows", "SELECT 1;")
case("k_gm_statement_timeout_only", G, plain("SET statement_timeout = '30s';\nALTER TABLE withdrawals ALTER COLUMN note SET DEFAULT '';"), H, "statement_timeout is not lock_timeout: the ACCESS EXCLUSIVE request still queues with no bound", "SELECT 1;")
case("k_gm_lock_timeout_zero", G, plain("SET lock_timeout = 0;\nALTER TABLE clients ADD COLUMN lei varchar(20);"), H, "lock_timeout = 0 disables the timeout", "ALTER TABLE clients DROP COLUMN lei;")
case("k_gm_reindex_concurrently", G, plain("REINDEX INDEX CONCURRENTLY withdrawals_wallet_idx;"), S, "online rebuild", "SELECT 1;")
case("k_gm_reindex_table", G, plain("REINDEX TABLE withdrawals;"), H, "rebuilds every index of withdrawals, blocking writes (and reads that use them)", "SELECT 1;")
case("k_gm_vacuum_analyze", G, plain("VACUUM (ANALYZE) deposits;"), S, "plain VACUUM", "SELECT 1;")
case("k_gm_drop_view", G, plain(LT + "DROP VIEW pending_withdrawals;"), H, "the approvals console reads this view", "SELECT 1;")
case("k_gm_replace_view_add_column", G, plain("CREATE OR REPLACE VIEW pending_withdrawals AS SELECT id, wallet_id, amount, requested_at, fee FROM withdrawals WHERE state IN ('requested', 'approved', 'signed');"), S, "a column appended to a view; no table lock beyond ACCESS SHARE", "SELECT 1;")
case("k_gm_alter_type_used_by_view", G, plain(LT + "ALTER TABLE withdrawals ALTER COLUMN amount TYPE numeric(40,18);"), H, "pending_withdrawals uses amount: fails (and would rewrite)", "SELECT 1;")

# --- dbmate --------------------------------------------------------------------------------------------------------
case("k_db_cic_default_tx", "plain", dbmate("CREATE INDEX CONCURRENTLY deposits_credited_idx ON deposits (credited_at);", "DROP INDEX deposits_credited_idx;"), H, "dbmate wraps by default: fails")
case("k_db_cic_no_tx", "plain", dbmate("CREATE INDEX CONCURRENTLY deposits_credited_idx ON deposits (credited_at);", "DROP INDEX deposits_credited_idx;", transaction=False), S, "-- migrate:up transaction:false")
case("k_db_refresh_matview", "plain", dbmate("REFRESH MATERIALIZED VIEW daily_flows;", "SELECT 1;"), H, "ACCESS EXCLUSIVE on daily_flows: dashboards block for the whole refresh")
case("k_db_refresh_matview_concurrently", "plain", dbmate("REFRESH MATERIALIZED VIEW CONCURRENTLY daily_flows;", "SELECT 1;"), S, "reads go on (it has a unique index)")
case("k_db_truncate", "plain", dbmate(LT + "TRUNCATE legacy_cold_storage;", "SELECT 1;"), H, "deletes all of a table's data")
case("k_db_truncate_cascade", "plain", dbmate(LT + "TRUNCATE clients CASCADE;", "SELECT 1;"), H, "squawk ban-truncate-cascade: empties wallets and withdrawals too")
case("k_db_trigger_no_timeout", "plain", dbmate("CREATE FUNCTION withdrawals_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := coalesce(NEW.note, ''); RETURN NEW; END $$;\nCREATE TRIGGER withdrawals_touch BEFORE UPDATE ON withdrawals FOR EACH ROW EXECUTE FUNCTION withdrawals_touch();", "DROP TRIGGER withdrawals_touch ON withdrawals;"), H, "CREATE TRIGGER takes SHARE ROW EXCLUSIVE (writes wait) with no lock_timeout")
case("k_db_trigger_timeout", "plain", dbmate(LT + "CREATE FUNCTION withdrawals_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := coalesce(NEW.note, ''); RETURN NEW; END $$;\nCREATE TRIGGER withdrawals_touch BEFORE UPDATE ON withdrawals FOR EACH ROW EXECUTE FUNCTION withdrawals_touch();", "DROP TRIGGER withdrawals_touch ON withdrawals;"), S, "same with lock_timeout")
case("k_db_lock_share", "plain", dbmate("LOCK TABLE wallets IN SHARE MODE;\nUPDATE wallets SET label = 'treasury' WHERE id = 1;", "SELECT 1;"), H, "explicit SHARE lock on wallets with no lock_timeout")
case("k_db_enable_rls", "plain", dbmate(LT + "ALTER TABLE withdrawals ENABLE ROW LEVEL SECURITY;", "ALTER TABLE withdrawals DISABLE ROW LEVEL SECURITY;"), H, "pgfence: no policy exists yet, so every non-owner role sees no withdrawals")
case("k_db_alter_domain_check", "plain", dbmate("ALTER DOMAIN network_code ADD CONSTRAINT network_code_lower CHECK (VALUE = lower(VALUE));", "ALTER DOMAIN network_code DROP CONSTRAINT network_code_lower;"), H, "squawk ban-alter-domain-with-add-constraint: checks every column of the domain (assets, address_book) under SHARE, no lock_timeout")
case("k_db_alter_domain_not_valid", "plain", dbmate("ALTER DOMAIN network_code ADD CONSTRAINT network_code_lower CHECK (VALUE = lower(VALUE)) NOT VALID;", "ALTER DOMAIN network_code DROP CONSTRAINT network_code_lower;"), S, "NOT VALID: no scan of existing rows")
case("k_db_comment", "plain", dbmate("COMMENT ON COLUMN withdrawals.network_fee_sat IS 'miner fee in satoshis';", "COMMENT ON COLUMN withdrawals.network_fee_sat IS NULL;"), S, "comment")
case("k_db_grant_view", "plain", dbmate("GRANT SELECT ON pending_withdrawals TO PUBLIC;", "REVOKE SELECT ON pending_withdrawals FROM PUBLIC;"), S, "grant")

# --- Prisma migrate (migration.sql) ------------------------------------------------------------------------------
case("k_pr_add_optional", "plain", prisma("AlterTable", 'ALTER TABLE "wallets" ADD COLUMN "nickname" TEXT;'), H, "Prisma never sets lock_timeout: ACCESS EXCLUSIVE request unbounded")
case("k_pr_add_required_default", "plain", prisma("AlterTable", 'ALTER TABLE "clients" ADD COLUMN "marketing_opt_in" BOOLEAN NOT NULL DEFAULT false;'), H, "no lock_timeout (pgfence's headline case)")
case("k_pr_add_required_no_default", "plain", "/*\n  Warnings:\n\n  - Added the required column `network` to the `deposits` table without a default value. This is not possible if the table is not empty.\n\n*/\n" + prisma("AlterTable", 'ALTER TABLE "deposits" ADD COLUMN "network" TEXT NOT NULL;'), H, "NOT NULL without default on 20,000 rows: fails")
case("k_pr_create_index", "plain", prisma("CreateIndex", 'CREATE INDEX "withdrawals_state_requested_at_idx" ON "withdrawals"("state", "requested_at");'), H, "blocking index build")
case("k_pr_create_table_fk", "plain", prisma("CreateTable", 'CREATE TABLE "WithdrawalHold" (\n    "id" SERIAL NOT NULL,\n    "withdrawalId" BIGINT NOT NULL,\n    "reason" TEXT NOT NULL,\n\n    CONSTRAINT "WithdrawalHold_pkey" PRIMARY KEY ("id")\n);') + "\n" + prisma("AddForeignKey", 'ALTER TABLE "WithdrawalHold" ADD CONSTRAINT "WithdrawalHold_withdrawalId_fkey" FOREIGN KEY ("withdrawalId") REFERENCES "withdrawals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;'), H, "the FK locks withdrawals (SHARE ROW EXCLUSIVE) with no lock_timeout")
case("k_pr_alter_enum_remove_value", "plain", "/*\n  Warnings:\n\n  - The values [pro] on the enum `client_tier` will be removed. If these variants are still used in the database, this will fail.\n\n*/\n-- AlterEnum\nBEGIN;\nCREATE TYPE \"client_tier_new\" AS ENUM ('retail', 'institutional');\nALTER TABLE \"clients\" ALTER COLUMN \"tier\" DROP DEFAULT;\nALTER TABLE \"clients\" ALTER COLUMN \"tier\" TYPE \"client_tier_new\" USING (\"tier\"::text::\"client_tier_new\");\nALTER TYPE \"client_tier\" RENAME TO \"client_tier_old\";\nALTER TYPE \"client_tier_new\" RENAME TO \"client_tier\";\nDROP TYPE \"client_tier_old\";\nALTER TABLE \"clients\" ALTER COLUMN \"tier\" SET DEFAULT 'retail';\nCOMMIT;\n", H, "a third of the clients are 'pro': fails (and the type swap rewrites clients)")
case("k_pr_widen_varchar_no_timeout", "plain", prisma("AlterTable", 'ALTER TABLE "wallets" ALTER COLUMN "address" SET DATA TYPE VARCHAR(128);'), H, "catalog-only, but ACCESS EXCLUSIVE without lock_timeout")
case("k_pr_drop_column", "plain", "/*\n  Warnings:\n\n  - You are about to drop the column `vault` on the `legacy_cold_storage` table. All the data in the column will be lost.\n\n*/\n" + prisma("AlterTable", 'ALTER TABLE "legacy_cold_storage" DROP COLUMN "vault";'), H, "drops a column")
case("k_pr_create_enum_table", "plain", prisma("CreateEnum", "CREATE TYPE \"SignerRole\" AS ENUM ('OPERATOR', 'APPROVER', 'AUDITOR');") + "\n" + prisma("CreateTable", 'CREATE TABLE "Signer" (\n    "id" TEXT NOT NULL,\n    "role" "SignerRole" NOT NULL,\n\n    CONSTRAINT "Signer_pkey" PRIMARY KEY ("id")\n);'), S, "new type and table")
case("k_pr_drop_index", "plain", prisma("DropIndex", 'DROP INDEX "withdrawals_open_idx";'), H, "DROP INDEX without CONCURRENTLY: ACCESS EXCLUSIVE on withdrawals, no lock_timeout")

# --- Knex ------------------------------------------------------------------------------------------------------------
case("k_knex_add_column", "plain", knex('alter table "wallets" add column "tag" varchar(255);', "20261202101500_add_wallet_tag.js"), H, "knex's default transaction, no lock_timeout")
case("k_knex_cic_no_tx", "plain", knex('create index concurrently "withdrawals_destination_index" on "withdrawals" ("destination");', "20261202101600_index_destination.js", transaction=False), S, "config = { transaction: false } + knex.raw concurrent build")
case("k_knex_rename_column", "plain", knex(LT + 'alter table "clients" rename "legal_name" to "registered_name";', "20261202101700_rename_legal_name.js"), H, "rename breaks the running release")
case("k_knex_alter_widen_using", "plain", knex("set lock_timeout = '2s';\n" + 'alter table "wallets" alter column "label" drop default;\nalter table "wallets" alter column "label" drop not null;\nalter table "wallets" alter column "label" type varchar(80) using ("label"::varchar(80));', "20261202101800_widen_label.js"), S, ".alter(): varchar(40) -> varchar(80), the USING cast is a no-op length coercion, lock_timeout set")
case("k_knex_retention_delete", "plain", knex('delete from "audit_log" where "at" < \'2026-01-01\';', "20261202101900_purge_audit.js"), H, "deletes every audit row in one statement")

# --- TypeORM ------------------------------------------------------------------------------------------------------
case("k_to_add_column", "plain", typeorm('ALTER TABLE "withdrawals" ADD "memo_tag" character varying;', "AddMemoTag1764670500000"), H, "no lock_timeout")
case("k_to_change_length_drop_add", "plain", typeorm(LT + 'ALTER TABLE "wallets" DROP COLUMN "label";\nALTER TABLE "wallets" ADD "label" character varying(64);', "WidenLabel1764670600000"), H, "TypeORM's generator drops and re-adds the column to change its length: every label lost")
case("k_to_cic_transaction_false", "plain", typeorm('CREATE INDEX CONCURRENTLY "IDX_approvals_approved_at" ON "approvals" ("approved_at");', "IndexApprovedAt1764670700000", transaction=False), S, "transaction = false in the migration, --transaction each")
case("k_to_add_fk_orphans", "plain", typeorm(LT + 'ALTER TABLE "deposits" ADD CONSTRAINT "FK_7c1e3d2b9a0f4e5d6c7b8a9e0f1" FOREIGN KEY ("wallet_id") REFERENCES "wallets"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;', "DepositWallet1764670800000"), H, "orphan deposits: fails")
case("k_to_add_unique", "plain", typeorm(LT + 'ALTER TABLE "wallets" ADD CONSTRAINT "UQ_4e2c9b1a7d3f5e6a8b0c1d2e3f4" UNIQUE ("address");', "UniqueAddress1764670900000"), H, "builds a unique index under ACCESS EXCLUSIVE: reads and writes of wallets wait")

# --- Sequelize -------------------------------------------------------------------------------------------------------
case("k_sq_add_column", "plain", sequelize('ALTER TABLE "public"."clients" ADD COLUMN "lei" VARCHAR(255);', "20261202101500-add-client-lei.js"), H, "no lock_timeout")
case("k_sq_cic", "plain", sequelize('CREATE INDEX CONCURRENTLY "deposits_credited_at" ON "deposits" ("credited_at");', "20261202101600-index-credited-at.js"), S, "addIndex(..., { concurrently: true }) outside a transaction")
case("k_sq_change_column", "plain", sequelize('ALTER TABLE "withdrawals" ALTER COLUMN "destination" SET NOT NULL;ALTER TABLE "withdrawals" ALTER COLUMN "destination" DROP DEFAULT;ALTER TABLE "withdrawals" ALTER COLUMN "destination" TYPE VARCHAR(255);', "20261202101700-widen-destination.js"), H, "changeColumn: three ACCESS EXCLUSIVE statements, no lock_timeout")
case("k_sq_bulk_update", "plain", sequelize('UPDATE "wallets" SET "settings"=\'{"v":2}\';', "20261202101800-settings-v2.js"), H, "rewrites every wallet row in one statement")

# --- Ecto -------------------------------------------------------------------------------------------------------------
case("k_ecto_add_column", "plain", ecto('ALTER TABLE "deposits" ADD COLUMN "risk_score" integer', "20261202101500", "AddRiskScore"), H, "no lock_timeout")
case("k_ecto_cic", "plain", ecto('CREATE INDEX CONCURRENTLY "approvals_approver_id_index" ON "approvals" ("approver_id")', "20261202101600", "IndexApprover", ddl_transaction=False), S, "@disable_ddl_transaction true + concurrently: true")
case("k_ecto_modify_type", "plain", ecto(LT + 'ALTER TABLE "clients" ALTER COLUMN "kyc_level" TYPE integer', "20261202101700", "WidenKyc"), H, "smallint -> integer rewrites clients")
case("k_ecto_index_in_tx", "plain", ecto('CREATE INDEX "deposits_wallet_id_index" ON "deposits" ("wallet_id")', "20261202101800", "IndexDepositWallet"), H, "create index without concurrently: writes to deposits wait")

# --- Liquibase formatted SQL --------------------------------------------------------------------------------------
case("k_lb_cic_no_tx", "plain", liquibase("41", "CREATE INDEX CONCURRENTLY IF NOT EXISTS withdrawals_requested_idx ON withdrawals (requested_at);", "DROP INDEX CONCURRENTLY IF EXISTS withdrawals_requested_idx;", "runInTransaction:false"), S, "runInTransaction:false")
case("k_lb_add_column", "plain", liquibase("42", "SET lock_timeout = '3s';\nALTER TABLE approvals ADD COLUMN comment text;", "ALTER TABLE approvals DROP COLUMN comment;"), S, "nullable column with lock_timeout")
case("k_lb_not_null_via_check", "plain", liquibase("43", LT + "ALTER TABLE deposits ALTER COLUMN credited_at SET NOT NULL;", "ALTER TABLE deposits ALTER COLUMN credited_at DROP NOT NULL;"), S, "a validated CHECK (credited_at IS NOT NULL) already exists: no scan, brief lock bounded by lock_timeout")
case("k_lb_drop_not_null", "plain", liquibase("44", LT + "ALTER TABLE withdrawals ALTER COLUMN destination DROP NOT NULL;", "ALTER TABLE withdrawals ALTER COLUMN destination SET NOT NULL;"), S, "catalog-only")

# --- psql scripts and peers' documented cases ---------------------------------------------------------------------
case("k_psql_validate_check", "plain", plain("ALTER TABLE withdrawals VALIDATE CONSTRAINT withdrawals_fee_nonneg;"), S, "second half of NOT VALID + VALIDATE: SHARE UPDATE EXCLUSIVE")
case("k_psql_validate_check_violated", "plain", plain("ALTER TABLE deposits VALIDATE CONSTRAINT deposits_min_amount;"), H, "twenty zero-amount dust deposits violate it: fails")
case("k_psql_validate_wallet_check", "plain", plain(LT + "ALTER TABLE wallets VALIDATE CONSTRAINT wallets_address_nonempty;"), S, "validation under SHARE UPDATE EXCLUSIVE")
case("k_psql_vacuum_full", "plain", plain("VACUUM FULL audit_log;"), H, "rewrites audit_log under ACCESS EXCLUSIVE")
case("k_psql_cluster", "plain", plain("CLUSTER withdrawals USING withdrawals_wallet_idx;"), H, "rewrites withdrawals under ACCESS EXCLUSIVE")
case("k_psql_pk_using_nullable_index", "plain", plain(LT + "ALTER TABLE audit_log ADD CONSTRAINT audit_log_pkey PRIMARY KEY USING INDEX audit_log_id_idx;"), H, "eugene W14: id is nullable, so the server scans audit_log for NULLs under ACCESS EXCLUSIVE")
case("k_psql_add_primary_key", "plain", plain(LT + "ALTER TABLE approvals ADD PRIMARY KEY (withdrawal_id, approver_id);"), H, "builds the index under ACCESS EXCLUSIVE")
case("k_psql_update_under_access_exclusive", "plain", plain(LT + "BEGIN;\nALTER TABLE wallets ADD COLUMN last_used_at timestamptz;\nUPDATE wallets SET last_used_at = created_at WHERE kind = 'cold';\nCOMMIT;"), H, "eugene E4: a 10,000-row update while the transaction holds ACCESS EXCLUSIVE on wallets")
case("k_psql_delete_old_month", "plain", plain("DELETE FROM ledger_entries WHERE booked_at < '2026-11-01';"), H, "deletes all of October row by row instead of detaching the partition")
case("k_psql_delete_batch", "plain", plain("DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < '2025-03-01' ORDER BY id LIMIT 500);"), S, "one bounded batch")
case("k_psql_update_ledger_all", "plain", plain("UPDATE ledger_entries SET ref = upper(ref);"), H, "every ledger row, one statement")
case("k_psql_tz_utc_convert", "plain", plain("SET TIME ZONE 'UTC';\n" + LT + "ALTER TABLE clients ALTER COLUMN onboarded_at TYPE timestamptz;"), S, "session pinned to UTC: catalog-only since PG 12")
case("k_psql_tz_server_default_convert", "plain", plain(LT + "ALTER TABLE clients ALTER COLUMN onboarded_at TYPE timestamptz;"), H, "depends on the runner's TimeZone: rewrites unless it is UTC")
case("k_psql_tz_berlin_convert", "plain", plain("SET timezone = 'Europe/Berlin';\n" + LT + "ALTER TABLE audit_log ALTER COLUMN at TYPE timestamptz;"), H, "non-UTC session: rewrites (and shifts every value by the Berlin offset)")
case("k_psql_tz_to_naive_using", "plain", plain(LT + "ALTER TABLE wallets ALTER COLUMN created_at TYPE timestamp USING created_at AT TIME ZONE 'UTC';"), H, "USING AT TIME ZONE: rewrite")
case("k_psql_numeric_unconstrained", "plain", plain(LT + "ALTER TABLE withdrawals ALTER COLUMN fee TYPE numeric;"), S, "numeric(20,8) -> numeric: no rewrite")
case("k_psql_narrow_int_fails", "plain", plain(LT + "ALTER TABLE withdrawals ALTER COLUMN network_fee_sat TYPE smallint;"), H, "values up to 59,999: fails (and would rewrite)")
case("k_psql_fk_to_missing_table", "plain", plain(LT + "ALTER TABLE approvals ADD CONSTRAINT approvals_approver_fk FOREIGN KEY (approver_id) REFERENCES approvers (id) NOT VALID;"), H, "approvers is created by a later migration: fails")
case("k_psql_index_typo_column", "plain", plain("CREATE INDEX CONCURRENTLY withdrawals_status_idx ON withdrawals (status);"), H, "the column is state, not status: fails")
case("k_psql_unique_concurrently_dupes", "plain", plain("CREATE UNIQUE INDEX CONCURRENTLY clients_email_key ON clients (email);"), H, "duplicate emails: fails and leaves an INVALID index behind")
case("k_psql_drop_if_exists_absent", "plain", plain("DROP TABLE IF EXISTS wallet_labels_tmp;"), S, "nothing to drop")
case("k_psql_create_function", "plain", plain("CREATE OR REPLACE FUNCTION wallet_balance(w bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT coalesce(sum(CASE side WHEN 'credit' THEN amount ELSE -amount END), 0) FROM ledger_entries WHERE wallet_id = w $$;"), S, "a function")
case("k_psql_analyze", "plain", plain("ANALYZE withdrawals;"), S, "statistics")
case("k_psql_fillfactor", "plain", plain("ALTER TABLE withdrawals SET (fillfactor = 90);"), S, "SHARE UPDATE EXCLUSIVE; applies to new pages only")
case("k_psql_clock_default", "plain", plain(LT + "ALTER TABLE deposits ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp();"), H, "volatile default: rewrite")
case("k_psql_now_default", "plain", plain(LT + "ALTER TABLE deposits ADD COLUMN imported_at timestamptz NOT NULL DEFAULT now();"), S, "now() is STABLE: no rewrite")
case("k_psql_generated_stored", "plain", plain(LT + "ALTER TABLE withdrawals ADD COLUMN total numeric GENERATED ALWAYS AS (amount + coalesce(fee, 0)) STORED;"), H, "stored generated column: rewrite (eugene E11)")
case("k_psql_identity_column", "plain", plain(LT + "ALTER TABLE audit_log ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;"), H, "identity on an existing table: rewrite")
case("k_psql_set_unlogged", "plain", plain(LT + "ALTER TABLE audit_log SET UNLOGGED;"), H, "rewrite under ACCESS EXCLUSIVE")
case("k_psql_enum_rename_value", "plain", plain("ALTER TYPE wallet_kind RENAME VALUE 'warm' TO 'warm_multisig';"), H, "the running release still writes 'warm': its inserts fail from now on")
case("k_psql_seed_fee_schedules", "plain", plain("INSERT INTO fee_schedules SELECT code, 0.001, 0.01 FROM assets WHERE code NOT IN (SELECT asset_code FROM fee_schedules);"), S, "seed rows")
case("k_psql_new_table_index", "plain", plain("CREATE TABLE hsm_keys (id bigint PRIMARY KEY, wallet_id bigint NOT NULL, public_key bytea NOT NULL);\nCREATE INDEX hsm_keys_wallet_idx ON hsm_keys (wallet_id);"), S, "new table and its index")
case("k_psql_set_local_outside_tx", "plain", plain("SET LOCAL lock_timeout = '2s';\nALTER TABLE withdrawals ADD COLUMN risk_hold boolean;"), H, "SET LOCAL outside a transaction block does nothing (psql autocommit): the ALTER runs with no lock_timeout")
case("k_psql_set_local_in_tx", "plain", plain("BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE withdrawals ADD COLUMN risk_hold boolean;\nCOMMIT;"), S, "SET LOCAL inside the transaction: bounded")
case("k_psql_partitioned_index_on_only", "plain", plain(LT + "CREATE INDEX ledger_entries_ref_idx ON ONLY ledger_entries (ref);\nCREATE INDEX CONCURRENTLY ledger_entries_2026_10_ref_idx ON ledger_entries_2026_10 (ref);\nCREATE INDEX CONCURRENTLY ledger_entries_2026_11_ref_idx ON ledger_entries_2026_11 (ref);\nCREATE INDEX CONCURRENTLY ledger_entries_2026_12_ref_idx ON ledger_entries_2026_12 (ref);\nALTER INDEX ledger_entries_ref_idx ATTACH PARTITION ledger_entries_2026_10_ref_idx;\nALTER INDEX ledger_entries_ref_idx ATTACH PARTITION ledger_entries_2026_11_ref_idx;\nALTER INDEX ledger_entries_ref_idx ATTACH PARTITION ledger_entries_2026_12_ref_idx;"), S, "the documented pattern: ON ONLY, concurrent build per partition, attach")
case("k_psql_attach_with_check", "plain", plain(LT + "ALTER TABLE ledger_entries_2027_01 ADD CONSTRAINT ledger_2027_01_bound CHECK (booked_at >= '2027-01-01' AND booked_at < '2027-02-01') NOT VALID;\nALTER TABLE ledger_entries_2027_01 VALIDATE CONSTRAINT ledger_2027_01_bound;\nALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_2027_01 FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');"), S, "the PG docs' recipe: a validated CHECK matching the bound spares the attach its scan")
case("k_psql_detach_no_timeout", "plain", plain("ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_10;"), H, "ACCESS EXCLUSIVE on the ledger without lock_timeout")
case("k_psql_set_not_null_direct", "plain", plain(LT + "ALTER TABLE wallets ALTER COLUMN asset_code SET NOT NULL;\nALTER TABLE approvals ALTER COLUMN signature SET NOT NULL;"), H, "signature has no NULLs, but SET NOT NULL scans approvals under ACCESS EXCLUSIVE (eugene E2)")
case("k_psql_json_add_distinct_break", "plain", plain(LT + "ALTER TABLE deposits ADD COLUMN raw json;"), S, "catalog-only; json vs jsonb is a design note (eugene E3)")

# --- more of what teams ship every week, all of it safe --------------------------------------------------------------
case("k_psql_not_null_constant_default", "plain", plain(LT + "ALTER TABLE withdrawals ADD COLUMN priority smallint NOT NULL DEFAULT 0;"), S, "constant default, no rewrite since PG 11")
case("k_rails_change_default_timeout", "plain", rails(LT_RAILS + 'ALTER TABLE "wallets" ALTER COLUMN "kind" SET DEFAULT \'warm\''), S, "catalog-only, lock_timeout set")
case("k_psql_rename_index", "plain", plain(LT + "ALTER INDEX withdrawals_wallet_idx RENAME TO withdrawals_wallet_id_idx;"), S, "applications never name an index")
case("k_psql_create_statistics", "plain", plain("CREATE STATISTICS withdrawals_state_wallet (dependencies) ON state, wallet_id FROM withdrawals;"), S, "SHARE UPDATE EXCLUSIVE only")
case("k_psql_cic_leaf_partition", "plain", plain("CREATE INDEX CONCURRENTLY ledger_entries_2026_12_ref_idx ON ledger_entries_2026_12 (ref);"), S, "a leaf partition is an ordinary table: a concurrent build works")
case("k_psql_varchar_drop_limit", "plain", plain(LT + "ALTER TABLE wallets ALTER COLUMN address TYPE varchar;"), S, "varchar(64) -> varchar: no rewrite, the unique index is kept")
case("k_dj_drop_not_null", "plain", django("Alter field legal_name on client", LT + 'ALTER TABLE "clients" ALTER COLUMN "legal_name" DROP NOT NULL;'), S, "catalog-only")
case("k_to_create_table", "plain", typeorm('CREATE TABLE "signer" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_6b1f3c9e2a7d4e8f0a1b2c3d4e5" PRIMARY KEY ("id"))'.replace("uuid_generate_v4()", "gen_random_uuid()"), "CreateSigner1764671000000"), S, "a new table (gen_random_uuid() as TypeORM emits with uuidExtension: 'pgcrypto')")
case("k_sq_create_table", "plain", sequelize('CREATE TABLE IF NOT EXISTS "Approvers" ("id"   SERIAL , "name" VARCHAR(255) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));', "20261202101900-create-approvers.js"), S, "a new table")
case("k_ecto_create_table", "plain", ecto('CREATE TABLE "withdrawal_limits" ("id" bigserial, "client_id" bigint NOT NULL, "daily_limit" decimal NOT NULL, "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"))', "20261202101900", "CreateWithdrawalLimits"), S, "a new table")
case("k_knex_create_table", "plain", knex('create table "signer_sessions" ("id" bigserial primary key, "signer" varchar(255) not null, "opened_at" timestamptz not null default CURRENT_TIMESTAMP);', "20261202102000_signer_sessions.js"), S, "a new table")
case("k_lb_enum_add_value", "plain", liquibase("45", "ALTER TYPE wallet_kind ADD VALUE IF NOT EXISTS 'mpc' AFTER 'warm';", "SELECT 1;"), S, "appending an enum value locks no table")
case("k_db_add_column_timeout", "plain", dbmate("SET lock_timeout = '1s';\nALTER TABLE address_book ADD COLUMN verified boolean;", "ALTER TABLE address_book DROP COLUMN verified;"), S, "nullable column with lock_timeout")
case("k_gm_new_partitioned_table", G, plain("CREATE TABLE price_alerts (id bigint NOT NULL, asset_code varchar(10) NOT NULL, fired_at timestamptz NOT NULL) PARTITION BY RANGE (fired_at);\nCREATE TABLE price_alerts_2026_12 PARTITION OF price_alerts FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');"), S, "a new partitioned table and its first partition", "DROP TABLE price_alerts;")
case("k_al_batched_key_range", "plain", alembic("UPDATE wallets SET settings = settings || '{\"v\": 2}' WHERE id BETWEEN 1 AND 1000;", **ALEMBIC), S, "one key-range batch of a backfill")
case("k_psql_do_loop_commit", "plain", plain("DO $$\nDECLARE n integer;\nBEGIN\n  LOOP\n    UPDATE withdrawals SET fee = 0 WHERE id IN (SELECT id FROM withdrawals WHERE fee IS NULL ORDER BY id LIMIT 1000);\n    GET DIAGNOSTICS n = ROW_COUNT;\n    EXIT WHEN n = 0;\n    COMMIT;\n  END LOOP;\nEND $$;"), S, "pgfence's batched backfill, committing each batch (PG 11+ DO blocks may COMMIT when run outside a transaction, as psql does)")

CASES: list[tuple] = [(name, tool, text, down) if down else (name, tool, text) for name, tool, text, down, _, _ in _ALL]

# Inputs a migration gate must refuse with one line and exit 2 (README: unusable input), never a traceback.
BAD: list[tuple[str, bytes, str]] = [
    ("bad_empty.sql", b"", "empty file"),
    ("bad_comments_only_latin1.sql", "-- Gebühr für Auszahlungen\nALTER TABLE withdrawals ADD COLUMN gebuehr numeric;\n".encode("latin-1"), "not UTF-8 (Latin-1 umlaut)"),
    ("bad_utf16.sql", "ALTER TABLE wallets ADD COLUMN tag text;\n".encode("utf-16"), "UTF-16 with BOM: NUL bytes"),
    ("V43__bad_gzip_dump.sql", bytes.fromhex("1f8b0800000000000003") + b"\x00\x01\x02\x03binary", "a gzip'd dump named like a Flyway migration"),
    ("bad_syntax.sql", b"ALTER TABLE wallets ADD COLUMN;\n", "does not parse"),
    ("bad_truncated.sql", b"SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY withdrawals_destination_idx ON withdrawals (dest", "cut off mid-statement"),
    ("bad_unterminated_dollar.sql", b"DO $$\nBEGIN\n  UPDATE withdrawals SET fee = 0 WHERE id = 1;\n", "unterminated dollar quote"),
    ("bad_mysql_dialect.sql", b"ALTER TABLE `wallets` ADD COLUMN `tag` VARCHAR(20) AFTER `label`;\n", "MySQL dialect"),
]


def _case_path(name: str, tool: str) -> str:
    if tool == G:
        return f"cases/{name}"
    return f"cases/V42__{name}.sql" if tool == FW else f"cases/{name}.sql"


def write_extras(directory: Path) -> None:
    """expected.toml (what a reviewing DBA expects of each case) and bad/ (inputs that must be refused)."""
    lines = [
        "# What the corpus's author, reviewing each migration as a DBA, expected before any trace ran; the label",
        "# of record is labels.toml (the server's trace). Written by `python -m bench._corpus`; do not edit by hand.",
        "",
    ]
    for name, tool, _, _, expected, why in _ALL:
        lines += ["[[migration]]", f"path = {json.dumps(_case_path(name, tool))}", f'expected = "{expected}"', f"why = {json.dumps(why)}", ""]
    for filename, _, why in BAD:
        lines += ["[[bad]]", f"path = {json.dumps('bad/' + filename)}", 'expected = "unusable input: one line, exit 2"', f"why = {json.dumps(why)}", ""]
    (directory / "expected.toml").write_text("\n".join(lines))
    bad = directory / "bad"
    bad.mkdir(exist_ok=True)
    for filename, content, _ in BAD:
        (bad / filename).write_bytes(content)
