SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE ONLY "public"."fills"
    ADD CONSTRAINT "fk_rails_3c9d1b" FOREIGN KEY ("account_id") REFERENCES "public"."accounts" ("id");
