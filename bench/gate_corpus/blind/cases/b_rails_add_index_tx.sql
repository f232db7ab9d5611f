BEGIN;
CREATE INDEX "index_refunds_on_payment_id" ON "refunds" ("payment_id");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
