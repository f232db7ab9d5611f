DO $$ BEGIN
 CREATE TYPE "public"."payout_status" AS ENUM('queued', 'sent', 'failed');
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "reward_payouts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"status" "payout_status" DEFAULT 'queued' NOT NULL,
	"amount" numeric(38, 18) NOT NULL
);
