CREATE TABLE liquidation_auctions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    loan_id bigint NOT NULL,
    started_at timestamptz NOT NULL,
    settled_at timestamptz
);
CREATE INDEX liquidation_auctions_loan_idx ON liquidation_auctions (loan_id);
