-- CreateTable
CREATE TABLE "take_profit_rules" (
    "id" BIGSERIAL NOT NULL,
    "position_id" BIGINT NOT NULL,
    "trigger_price" DECIMAL(28,10) NOT NULL,
    CONSTRAINT "take_profit_rules_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "take_profit_rules" ADD CONSTRAINT "take_profit_rules_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
