"""The index advisor's passes: candidates → HypoPG what-if costing → workload-wide selection → sizing."""
