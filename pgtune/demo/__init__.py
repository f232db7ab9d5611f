"""The exchange workload and the throwaway server behind ``pgtune demo``."""
