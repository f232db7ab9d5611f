BEGIN;
-- php artisan migrate --pretend: 2026_12_04_020000_perps
create table "announcements" ("id" bigserial not null primary key, "title" varchar(255) not null, "created_at" timestamp(0) without time zone null, "updated_at" timestamp(0) without time zone null);
insert into "migrations" ("migration", "batch") values ('2026_12_04_020000_perps', 7);
COMMIT;
