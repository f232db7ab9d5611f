SET lock_timeout = '2s';
alter table "public"."markets" add column "display_name" text
 null;
