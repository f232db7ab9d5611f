/*
  Warnings:

  - Added the required column `network` to the `deposits` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "deposits" ADD COLUMN "network" TEXT NOT NULL;
