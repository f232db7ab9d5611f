-- DropIndex
DROP INDEX "orders_open_idx";
