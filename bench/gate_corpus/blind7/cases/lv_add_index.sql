BEGIN;
-- php artisan migrate --pretend: 2026_12_04_020000_perps
create index "accounts_kyc_level_index" on "accounts" ("kyc_level");
insert into "migrations" ("migration", "batch") values ('2026_12_04_020000_perps', 7);
COMMIT;
