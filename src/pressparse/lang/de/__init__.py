"""German: calendar words, number words, and the rule modules per fact type."""
