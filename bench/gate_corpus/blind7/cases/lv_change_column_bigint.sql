BEGIN;
-- php artisan migrate --pretend: 2026_12_04_020000_perps
set lock_timeout = '2s';
alter table "margin_accounts" alter column "leverage" type bigint;
insert into "migrations" ("migration", "batch") values ('2026_12_04_020000_perps', 7);
COMMIT;
