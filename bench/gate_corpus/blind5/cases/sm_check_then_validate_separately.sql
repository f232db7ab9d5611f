BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "collateral_positions" ADD CONSTRAINT "haircut_bps_range" CHECK (haircut_bps BETWEEN 0 AND 10000) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE "collateral_positions" VALIDATE CONSTRAINT "haircut_bps_range";
COMMIT;
