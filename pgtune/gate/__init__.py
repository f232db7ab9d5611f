"""The migration gate behind ``pgtune check``: files → DDL actions → migration rules → a CheckResult."""
