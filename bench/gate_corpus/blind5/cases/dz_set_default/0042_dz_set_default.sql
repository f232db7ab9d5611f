ALTER TABLE "staking_delegations" ALTER COLUMN "auto_compound" SET DEFAULT false;
