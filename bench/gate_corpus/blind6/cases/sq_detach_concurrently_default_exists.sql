-- Deploy otc:detach_oct_events to pg

ALTER TABLE events DETACH PARTITION events_2026_10 CONCURRENTLY;
