UPDATE deposits SET confirmations = 30 WHERE id BETWEEN 1 AND 2000 AND confirmations < 30;
