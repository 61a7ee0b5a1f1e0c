"""Entity resolution: who a declared human is, with explained scores and stored decisions.

- `features`: the explained score (ID number decisive; name, birth month, sex, workplace
  weighted); `index`: blocking (ID number, name, surname + birth month);
- `resolver`: ID number, earlier decision, confident, uncertain (review) or new;
- `book`: the decisions file `<data_dir>/resolution.json` (status, who, when, history);
- `merge` / `review`: accept merges in the graph, reject records a negative decision and
  undoes an earlier merge.
"""

from ingest.resolve.book import Book, Candidate
from ingest.resolve.features import Facts, FeatureScore, MatchScore, score
from ingest.resolve.index import PersonIndex, person_facts
from ingest.resolve.resolver import MERGE_AT, REVIEW_AT, Resolution, resolve
from ingest.resolve.review import accept, reject

__all__ = [
    "MERGE_AT",
    "REVIEW_AT",
    "Book",
    "Candidate",
    "Facts",
    "FeatureScore",
    "MatchScore",
    "PersonIndex",
    "Resolution",
    "accept",
    "person_facts",
    "reject",
    "resolve",
    "score",
]
