"""Avoidance checks (rules.md §2): kinship, regional and duty avoidance, with evidence."""
