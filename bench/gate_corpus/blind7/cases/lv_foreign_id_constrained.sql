BEGIN;
-- php artisan migrate --pretend: 2026_12_04_020000_perps
set lock_timeout = '2s';
alter table "api_keys" add column "margin_account_id" bigint null;
alter table "api_keys" add constraint "api_keys_margin_account_id_foreign" foreign key ("margin_account_id") references "margin_accounts" ("id") on delete cascade;
insert into "migrations" ("migration", "batch") values ('2026_12_04_020000_perps', 7);
COMMIT;
