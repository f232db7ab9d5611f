INSERT INTO currencies (code, name) VALUES ('EURC', 'Euro Coin');
