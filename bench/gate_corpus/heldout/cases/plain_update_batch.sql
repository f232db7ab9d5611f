UPDATE shop_invoice SET paid = true WHERE id BETWEEN 1 AND 100 AND paid IS NOT TRUE;
