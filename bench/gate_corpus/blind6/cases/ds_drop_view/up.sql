-- Your SQL goes here
DROP VIEW open_rfqs;
