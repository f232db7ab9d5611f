TRUNCATE markets;
