ANALYZE fills;
