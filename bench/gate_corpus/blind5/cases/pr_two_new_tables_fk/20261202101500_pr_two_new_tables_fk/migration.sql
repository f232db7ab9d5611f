-- CreateTable
CREATE TABLE "promo_campaigns" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "promo_campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promo_codes" (
    "code" TEXT NOT NULL,
    "campaign_id" INTEGER NOT NULL,

    CONSTRAINT "promo_codes_pkey" PRIMARY KEY ("code")
);

-- AddForeignKey
ALTER TABLE "promo_codes" ADD CONSTRAINT "promo_codes_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "promo_campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
