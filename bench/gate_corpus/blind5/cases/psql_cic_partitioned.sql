CREATE INDEX CONCURRENTLY journal_lines_side_idx ON journal_lines (side);
