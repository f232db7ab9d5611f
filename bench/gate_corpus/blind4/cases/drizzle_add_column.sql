ALTER TABLE "outbox" ADD COLUMN "partition_key" text;
