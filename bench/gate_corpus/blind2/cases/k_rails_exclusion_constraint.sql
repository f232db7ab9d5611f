BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "address_book" ADD CONSTRAINT "address_book_no_dup_address" EXCLUDE USING btree ("network" WITH =, "address" WITH =);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
