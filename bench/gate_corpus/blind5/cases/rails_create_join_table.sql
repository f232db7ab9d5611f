BEGIN;
CREATE TABLE "customers_loan_products" ("customer_id" bigint NOT NULL, "loan_product_id" bigint NOT NULL);
CREATE UNIQUE INDEX "index_customers_loan_products" ON "customers_loan_products" ("customer_id", "loan_product_id");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
