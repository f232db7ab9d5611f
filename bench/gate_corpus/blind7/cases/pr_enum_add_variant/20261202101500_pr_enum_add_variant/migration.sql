-- AlterEnum
ALTER TYPE "account_tier" ADD VALUE 'vip3';
