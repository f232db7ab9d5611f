-- DropIndex
DROP INDEX "margin_calls_loan_idx";
