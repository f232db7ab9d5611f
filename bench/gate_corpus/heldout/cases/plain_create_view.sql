CREATE VIEW paid_invoices AS SELECT * FROM shop_invoice WHERE paid;
