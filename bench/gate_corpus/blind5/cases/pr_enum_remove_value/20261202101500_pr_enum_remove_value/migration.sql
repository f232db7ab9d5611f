/*
  Warnings:

  - The values [critical] on the enum "aml_severity" will be removed. If these variants are still used in the database, this will fail.

*/
-- AlterEnum
BEGIN;
CREATE TYPE "aml_severity_new" AS ENUM ('low', 'medium', 'high');
ALTER TABLE "aml_alerts" ALTER COLUMN "severity" TYPE "aml_severity_new" USING ("severity"::text::"aml_severity_new");
ALTER TYPE "aml_severity" RENAME TO "aml_severity_old";
ALTER TYPE "aml_severity_new" RENAME TO "aml_severity";
DROP TYPE "aml_severity_old";
COMMIT;
