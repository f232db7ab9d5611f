-- AlterEnum
ALTER TYPE "rfq_status" ADD VALUE 'rejected';
