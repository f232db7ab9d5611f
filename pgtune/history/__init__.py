"""The history over many nights: loaded from the store (:mod:`.load`) and analysed into a HistoryReport
(:mod:`.build`: trends, regressions, plan flips, what became of each recommendation). ``report/`` renders it."""
