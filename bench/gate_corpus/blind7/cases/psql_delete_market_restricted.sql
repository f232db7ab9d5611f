DELETE FROM markets WHERE id = 10;
