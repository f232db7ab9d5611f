DELETE FROM currencies;
