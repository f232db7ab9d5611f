REINDEX TABLE shop_invoice;
