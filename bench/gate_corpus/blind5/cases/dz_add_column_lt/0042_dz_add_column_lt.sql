SET lock_timeout = '2s';
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tax_residency" varchar(2);
