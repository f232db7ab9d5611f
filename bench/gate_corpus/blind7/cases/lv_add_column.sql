BEGIN;
-- php artisan migrate --pretend: 2026_12_04_020000_perps
alter table "accounts" add column "locale" varchar(255) null;
insert into "migrations" ("migration", "batch") values ('2026_12_04_020000_perps', 7);
COMMIT;
