UPDATE settings SET value = '3' WHERE key = 'a';
