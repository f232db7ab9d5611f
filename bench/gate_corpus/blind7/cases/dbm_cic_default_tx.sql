-- migrate:up
CREATE INDEX CONCURRENTLY liquidations_position_idx ON liquidations (position_id);

-- migrate:down
DROP INDEX liquidations_position_idx;
