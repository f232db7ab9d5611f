ALTER TABLE "payouts ADD COLUMN note text;
