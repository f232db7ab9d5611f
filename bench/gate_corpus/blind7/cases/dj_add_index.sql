BEGIN;
--
-- Create index positions_opened_idx on field(s) opened_at of model position
--
CREATE INDEX "positions_opened_idx" ON "positions" ("opened_at");
COMMIT;
