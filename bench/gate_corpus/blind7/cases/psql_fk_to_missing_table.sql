CREATE TABLE position_hedges (id bigserial PRIMARY KEY, position_id bigint, market_id smallint, FOREIGN KEY (position_id) REFERENCES position_hedges_src (id) ON DELETE SET NULL (position_id));
