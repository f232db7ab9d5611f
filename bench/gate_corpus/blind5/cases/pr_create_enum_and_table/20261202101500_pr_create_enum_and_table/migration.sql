-- CreateEnum
CREATE TYPE "RateKind" AS ENUM ('FIXED', 'FLOATING');

-- CreateTable
CREATE TABLE "rate_cards" (
    "id" SERIAL NOT NULL,
    "kind" "RateKind" NOT NULL,
    "apr_bps" INTEGER NOT NULL,

    CONSTRAINT "rate_cards_pkey" PRIMARY KEY ("id")
);
