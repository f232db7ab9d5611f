-- CreateTable
CREATE TABLE "price_bands" (
    "market_id" SMALLINT NOT NULL,
    "max_deviation_bps" INTEGER NOT NULL,

    CONSTRAINT "price_bands_pkey" PRIMARY KEY ("market_id")
);
