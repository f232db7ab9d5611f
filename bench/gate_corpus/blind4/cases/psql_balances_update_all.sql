UPDATE balances SET version = version + 1;
