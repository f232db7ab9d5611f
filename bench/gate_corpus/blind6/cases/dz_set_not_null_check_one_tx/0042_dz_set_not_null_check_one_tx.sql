SET lock_timeout = '2s';
--> statement-breakpoint
ALTER TABLE "counterparties" ADD CONSTRAINT "email_nn" CHECK ("email" IS NOT NULL) NOT VALID;
--> statement-breakpoint
ALTER TABLE "counterparties" VALIDATE CONSTRAINT "email_nn";
--> statement-breakpoint
ALTER TABLE "counterparties" ALTER COLUMN "email" SET NOT NULL;
