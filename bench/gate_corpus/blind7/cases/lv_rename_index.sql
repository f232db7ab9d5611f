BEGIN;
-- php artisan migrate --pretend: 2026_12_04_020000_perps
alter index "api_keys_account_idx" rename to "api_keys_account_id_index";
insert into "migrations" ("migration", "batch") values ('2026_12_04_020000_perps', 7);
COMMIT;
