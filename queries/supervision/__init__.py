"""Supervision and records (issue 5; rules.md §5-6).

- :mod:`.chain`: the supervision chain of a post or person as of a date; :mod:`.network`
  draws it as a Network.
- :mod:`.span`: everyone a leader supervises, directly and indirectly.
- :mod:`.checks`: SUPERVISION-KIN, SUPERVISION-GAP, SUPERVISION-CYCLE findings.
- :mod:`.trail`, :mod:`.reverse`: who recommended, inspected, voted on and decided each
  appointment, and the reverse (whom a person recommended, and where they are now).
- :mod:`.references`, :mod:`.resume`, :mod:`.facts`, :mod:`.records_check`: reference
  persons (证明人) and record mismatches (REFERENCE-KIN, REFERENCE-ABSENT, RECORD-MISMATCH).

Conventions (each detailed in its module):

- Each step up a chain is `Snapshot.leaders_of`; of several leaders the chain follows the
  highest rank (`queries.ranks`), then the smallest post id, and lists the others.
- Acting (代理/主持工作) and concurrent (兼任) holdings are read from a holding's extra
  columns (`flags`); spells starting on the same day are concurrent too (`resume`).
- The principal of a root party committee (no parent unit in the data) is the top of the
  chain by design, not a SUPERVISION-GAP.
- Thresholds (`vacancy_days`, `gap_months`) and kin categories come from the rule set.
- Functions taking `as_of=None` mean today.
"""
