SET lock_timeout = '2s';
alter table "public"."positions" rename column "realized_pnl" to "pnl_realized";
