-- RenameIndex
ALTER INDEX "positions_margin_account_idx" RENAME TO "positions_margin_account_id_idx";
