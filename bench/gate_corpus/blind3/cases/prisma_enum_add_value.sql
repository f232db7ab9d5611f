-- AlterEnum
ALTER TYPE "kyc_tier" ADD VALUE 'institutional';
