"""Statement anti-patterns (QR): each finding names the statement, the rewrite and the evidence behind it."""
