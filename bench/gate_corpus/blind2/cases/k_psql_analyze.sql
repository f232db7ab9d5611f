ANALYZE withdrawals;
