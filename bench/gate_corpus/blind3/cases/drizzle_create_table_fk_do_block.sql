CREATE TABLE IF NOT EXISTS "sub_accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_user_id" bigint NOT NULL,
	"label" text
);
--> statement-breakpoint
DO $$ BEGIN
 ALTER TABLE "sub_accounts" ADD CONSTRAINT "sub_accounts_parent_user_id_users_id_fk" FOREIGN KEY ("parent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
