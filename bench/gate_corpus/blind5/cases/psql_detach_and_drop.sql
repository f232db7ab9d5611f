SET lock_timeout = '2s';
ALTER TABLE price_marks DETACH PARTITION price_marks_eth;
DROP TABLE price_marks_eth;
