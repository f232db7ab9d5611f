-- CreateEnum
CREATE TYPE "AlertChannel" AS ENUM ('EMAIL', 'SMS', 'WEBHOOK');

-- CreateTable
CREATE TABLE "alert_preferences" (
    "id" SERIAL NOT NULL,
    "account_id" BIGINT NOT NULL,
    "channel" "AlertChannel" NOT NULL,

    CONSTRAINT "alert_preferences_pkey" PRIMARY KEY ("id")
);
