ALTER TYPE liquidation_kind RENAME VALUE 'adl' TO 'auto_deleverage';
