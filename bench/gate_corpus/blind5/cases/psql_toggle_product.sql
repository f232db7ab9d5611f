UPDATE loan_products SET active = false WHERE code = 'USDT-SOL-25';
