-- Archive October events
ALTER TABLE "events" DETACH PARTITION "events_2026_10";
