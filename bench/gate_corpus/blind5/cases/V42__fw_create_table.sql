CREATE TABLE loan_covenant_breaches (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    loan_id bigint NOT NULL,
    covenant text NOT NULL,
    detected_at timestamptz NOT NULL DEFAULT now()
);
