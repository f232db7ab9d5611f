BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "collateral_positions" ADD CONSTRAINT "fk_rails_c0ll4t3r4l" FOREIGN KEY ("asset") REFERENCES "assets" ("symbol") NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE "collateral_positions" VALIDATE CONSTRAINT "fk_rails_c0ll4t3r4l";
COMMIT;
