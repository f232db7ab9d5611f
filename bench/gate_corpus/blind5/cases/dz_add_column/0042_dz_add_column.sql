ALTER TABLE "customers" ADD COLUMN "tax_residency" varchar(2);
