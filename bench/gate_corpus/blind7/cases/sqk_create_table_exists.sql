CREATE TABLE markets (id smallint PRIMARY KEY);
