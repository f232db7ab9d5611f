BEGIN;
--
-- Delete model OrderEvent
--
DROP TABLE "order_events" CASCADE;
COMMIT;
