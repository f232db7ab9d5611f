{"name": "add_hedge_ref", "operations": [{"add_column": {"table": "positions", "column": {"name": "hedge_ref", "type": "text", "nullable": true}}}]}
