BEGIN;
-- mix ecto.migrate --log-migrations-sql
CREATE TABLE "collateral_top_ups" ("id" bigserial, "margin_call_id" bigint CONSTRAINT "collateral_top_ups_margin_call_id_fkey" REFERENCES "margin_calls"("id"), "asset" varchar(255), "quantity" numeric, "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
COMMIT;
