-- AlterEnum
ALTER TYPE "card_status" ADD VALUE 'chargeback';
