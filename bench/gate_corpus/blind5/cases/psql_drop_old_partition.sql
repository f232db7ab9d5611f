SET lock_timeout = '2s';
DROP TABLE journal_lines_2026_09;
