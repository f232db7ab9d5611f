DROP TABLE venue_limits;
