-- AlterTable
/*
  Warnings:

  - Added the required column `risk_score` to the `users` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "users" ADD COLUMN     "risk_score" INTEGER NOT NULL;
