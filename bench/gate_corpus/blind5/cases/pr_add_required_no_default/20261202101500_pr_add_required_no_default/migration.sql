/*
  Warnings:

  - Added the required column "region" to the "staking_validators" table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "staking_validators" ADD COLUMN "region" TEXT NOT NULL;
