"""The query model: SQL text in, frozen shapes out. No pglast node ever leaves this package."""
