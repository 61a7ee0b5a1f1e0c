"""The kinship categories of rules.md §1 (GWYF §74; HBGD §5)."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """Kinship category of a pair of people; the value is the rule-set ID."""

    SPOUSE = "spouse"
    LINEAL = "lineal"
    COLLATERAL3 = "collateral3"
    INLAW = "inlaw"
    NONE = "none"

    @property
    def label(self) -> str:
        """Chinese label for display (夫妻关系 ... 无)."""
        return CATEGORY_LABELS[self]

    @property
    def rank(self) -> int:
        """Closeness: spouse 4 > lineal 3 > collateral3 2 > inlaw 1 > none 0."""
        return _RANK[self]

    @property
    def is_kin(self) -> bool:
        """Whether the avoidance rules apply (every category but ``none``)."""
        return self is not Category.NONE


CATEGORY_LABELS: dict[Category, str] = {
    Category.SPOUSE: "夫妻关系",
    Category.LINEAL: "直系血亲关系",
    Category.COLLATERAL3: "三代以内旁系血亲关系",
    Category.INLAW: "近姻亲关系",
    Category.NONE: "无",
}

_RANK: dict[Category, int] = {
    Category.SPOUSE: 4,
    Category.LINEAL: 3,
    Category.COLLATERAL3: 2,
    Category.INLAW: 1,
    Category.NONE: 0,
}
