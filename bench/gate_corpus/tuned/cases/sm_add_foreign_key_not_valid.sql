BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "fills" ADD CONSTRAINT "fk_rails_ab12" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
