SET lock_timeout = '2s';
alter table "public"."positions" alter column "realized_pnl" set default '0';
