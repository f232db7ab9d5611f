ALTER TABLE "audit_log" ALTER COLUMN "entity_type" SET DATA TYPE varchar(32);
