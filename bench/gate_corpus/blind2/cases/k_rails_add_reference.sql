BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "deposits" ADD "address_book_id" bigint;
CREATE INDEX "index_deposits_on_address_book_id" ON "deposits" ("address_book_id");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
