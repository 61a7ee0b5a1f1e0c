"""Roles and what each may do.

| role       | read | personal | rotation | findings | audit | write |
|------------|------|----------|----------|----------|-------|-------|
| viewer     | yes  |          |          |          |       |       |
| planner    | yes  |          | yes      | grant    |       |       |
| supervisor | yes  | yes      | yes      | yes      |       |       |
| admin      | yes  | yes      | yes      | yes      | yes   | yes   |

`read`: persons, units, posts, networks, chains, spans, trails, rules, kinship terms.
`personal`: ID numbers and relatives' personal details unmasked (others see them masked).
`findings`: discipline-sensitive findings (avoidance, supervision, records) and what-if checks.
`audit`: the audit log. `write`: uploading bundles and LRMX files.
A key may carry extra grants (`--grant findings`) on top of its role.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

Role = Literal["viewer", "planner", "supervisor", "admin"]
Permission = Literal["read", "personal", "rotation", "findings", "audit", "write"]
ROLES: tuple[Role, ...] = get_args(Role)
PERMISSIONS: tuple[Permission, ...] = get_args(Permission)

_BY_ROLE: dict[Role, frozenset[Permission]] = {
    "viewer": frozenset({"read"}),
    "planner": frozenset({"read", "rotation"}),
    "supervisor": frozenset({"read", "personal", "rotation", "findings"}),
    "admin": frozenset(PERMISSIONS),
}


def permissions_of(role: Role, grants: Iterable[str] = ()) -> frozenset[Permission]:
    """What a key of this role with these grants may do."""
    extra = {g for g in PERMISSIONS if g in set(grants)}
    return _BY_ROLE[role] | extra
