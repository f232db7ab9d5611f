DELETE FROM wallets WHERE address = 'bc1qtreasury';
