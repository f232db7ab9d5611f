SET lock_timeout = '2s';
ALTER TABLE "orders" ADD CONSTRAINT "price_positive" CHECK (price > 0) NOT VALID;
SET lock_timeout = '2s';
ALTER TABLE "orders" VALIDATE CONSTRAINT "price_positive";
