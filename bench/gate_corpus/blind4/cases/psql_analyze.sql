ANALYZE trades;
