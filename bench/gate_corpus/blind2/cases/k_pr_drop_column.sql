/*
  Warnings:

  - You are about to drop the column `vault` on the `legacy_cold_storage` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "legacy_cold_storage" DROP COLUMN "vault";
