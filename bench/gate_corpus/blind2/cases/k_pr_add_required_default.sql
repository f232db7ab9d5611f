-- AlterTable
ALTER TABLE "clients" ADD COLUMN "marketing_opt_in" BOOLEAN NOT NULL DEFAULT false;
