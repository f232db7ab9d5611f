CREATE TABLE hedges (
    id bigserial PRIMARY KEY,
    notional numeric(28,