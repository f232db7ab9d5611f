DO $$ BEGIN
 CREATE TYPE "public"."bot_state" AS ENUM('running', 'paused');
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "bots" (
	"id" serial PRIMARY KEY NOT NULL,
	"state" "bot_state" NOT NULL
);
