CREATE TABLE IF NOT EXISTS venue_fees (venue text, bps int);
CREATE INDEX CONCURRENTLY IF NOT EXISTS venue_fees_venue_idx ON venue_fees (venue);
