BEGIN;
--
-- Create index positions_client_tag on field(s) client_tag of model position
--
CREATE INDEX "positions_client_tag_6a1d2b3c" ON "positions" ("client_tag");
CREATE INDEX "positions_client_tag_6a1d2b3c_like" ON "positions" ("client_tag" varchar_pattern_ops);
COMMIT;
