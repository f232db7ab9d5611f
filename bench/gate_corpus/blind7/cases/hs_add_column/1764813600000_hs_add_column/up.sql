alter table "public"."markets" add column "display_name" text
 null;
