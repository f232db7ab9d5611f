BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "staking_delegations" ADD "reward_address" text;
UPDATE "staking_delegations" SET "reward_address" = 'default';
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
