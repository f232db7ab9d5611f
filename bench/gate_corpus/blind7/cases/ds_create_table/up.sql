-- Your SQL goes here
CREATE TABLE copy_trading_links (
    leader_account_id BIGINT NOT NULL,
    follower_account_id BIGINT NOT NULL,
    PRIMARY KEY (leader_account_id, follower_account_id)
);
