SET lock_timeout = '2s';
ALTER TABLE "fills" ADD "venue_id" bigint;
CREATE INDEX CONCURRENTLY "index_fills_on_venue_id" ON "fills" ("venue_id");
