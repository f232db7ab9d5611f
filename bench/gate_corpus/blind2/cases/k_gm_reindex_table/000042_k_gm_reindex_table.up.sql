REINDEX TABLE withdrawals;
