-- Modify "loans" table
ALTER TABLE "loans" ADD COLUMN "broker_id" bigint NULL;
