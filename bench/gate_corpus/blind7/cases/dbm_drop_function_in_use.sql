-- migrate:up
DROP FUNCTION touch_updated_at();

-- migrate:down
SELECT 1;
