-- AlterTable
ALTER TABLE "loan_products" ALTER COLUMN "code" SET DATA TYPE TEXT;
