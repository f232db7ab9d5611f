-- DropIndex
DROP INDEX "withdrawals_open_idx";
