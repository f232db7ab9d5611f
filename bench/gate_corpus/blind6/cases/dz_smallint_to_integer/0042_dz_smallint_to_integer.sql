ALTER TABLE "counterparties" ALTER COLUMN "tier" SET DATA TYPE integer;
