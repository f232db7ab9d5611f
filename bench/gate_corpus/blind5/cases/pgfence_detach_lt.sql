SET lock_timeout = '2s';
ALTER TABLE journal_lines DETACH PARTITION journal_lines_2026_09;
