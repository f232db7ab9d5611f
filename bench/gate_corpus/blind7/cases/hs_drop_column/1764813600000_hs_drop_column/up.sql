alter table "public"."api_keys" drop column "scopes" cascade;
