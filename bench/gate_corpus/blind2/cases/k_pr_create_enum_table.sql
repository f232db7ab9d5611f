-- CreateEnum
CREATE TYPE "SignerRole" AS ENUM ('OPERATOR', 'APPROVER', 'AUDITOR');

-- CreateTable
CREATE TABLE "Signer" (
    "id" TEXT NOT NULL,
    "role" "SignerRole" NOT NULL,

    CONSTRAINT "Signer_pkey" PRIMARY KEY ("id")
);
