BEGIN;
--
-- Create index fills_created_idx on field(s) created_at of model fill
--
CREATE INDEX "fills_created_idx" ON "fills" ("created_at");
COMMIT;
