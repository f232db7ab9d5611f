SET lock_timeout = '2s';
ALTER TABLE "comments" ADD CONSTRAINT "fk_rails_1a2b" FOREIGN KEY ("user_id") REFERENCES "users" ("id") NOT VALID;
ALTER TABLE "comments" VALIDATE CONSTRAINT "fk_rails_1a2b";
