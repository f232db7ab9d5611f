ALTER TABLE "positions" ADD COLUMN "stop_loss" numeric(38, 12);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "positions_stop_loss_idx" ON "positions" USING btree ("stop_loss");
