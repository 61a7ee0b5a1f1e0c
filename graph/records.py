"""The neutral record form both stores hold: nodes and edges with flat properties.

Stores never see pydantic models: the mapping between the domain model and records lives here
once, so both stores hold exactly the same facts and export the same bundle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

Scalar = str | int | float | bool | list[str] | None
Props = dict[str, Scalar]

LABELS = ("Person", "Unit", "Post", "Region", "Assessment", "Training")

# Edge types; time-bound ones carry `valid_from`/`valid_to` (ISO dates) in their properties.
PART_OF = "PART_OF"
IN_REGION = "IN_REGION"
REGULATES = "REGULATES"
IN_UNIT = "IN_UNIT"
REPORTS_TO = "REPORTS_TO"
OVERSEES = "OVERSEES"
WITHIN = "WITHIN"
GREW_UP_IN = "GREW_UP_IN"
HOLDS = "HOLDS"
KIN = "KIN"
ASSESSED = "ASSESSED"
TRAINED = "TRAINED"
ACT_TYPES = {
    "recommend": "RECOMMENDS",
    "inspect": "INSPECTS",
    "vote": "VOTES_ON",
    "decide": "DECIDES",
    "reference": "VOUCHES_FOR",
}
KIN_MAX_HOPS = 4
"""The longest chain of declared kinship edges searched for derived kinship (each declared
edge is at least one step; no chain longer than the kinship engine's MAX_KIN_LENGTH steps can
be kin)."""

EDGE_TYPES = (
    PART_OF, IN_REGION, REGULATES, IN_UNIT, REPORTS_TO, OVERSEES, WITHIN, GREW_UP_IN,
    HOLDS, KIN, ASSESSED, TRAINED, *ACT_TYPES.values(),
)


@dataclass(frozen=True, slots=True)
class NodeRecord:
    key: str
    label: str
    props: Props = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EdgeRecord:
    id: str
    type: str
    source: str
    target: str
    props: Props = field(default_factory=dict)

    def active_on(self, day: str | None) -> bool:
        """As-of filter on ISO date strings (`valid_from <= day < valid_to`)."""
        if day is None:
            return True
        start = self.props.get("valid_from")
        end = self.props.get("valid_to")
        return (start is None or str(start) <= day) and (end is None or day < str(end))


def iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def day_of(value: Scalar) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def structural_edge(kind: str, source: str, target: str) -> EdgeRecord:
    return EdgeRecord(f"{kind}:{source}->{target}", kind, source, target)
