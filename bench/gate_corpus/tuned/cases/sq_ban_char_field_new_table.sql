CREATE TABLE venues (code char(4) PRIMARY KEY, name text);
