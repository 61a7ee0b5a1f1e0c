"""Category: IDs, Chinese labels, closeness order."""

from __future__ import annotations

from queries.kinship import CATEGORY_LABELS, Category, strongest

S, L, C3, IN, NO = (
    Category.SPOUSE,
    Category.LINEAL,
    Category.COLLATERAL3,
    Category.INLAW,
    Category.NONE,
)


def test_category_labels() -> None:
    assert [category.label for category in Category] == [
        "夫妻关系", "直系血亲关系", "三代以内旁系血亲关系", "近姻亲关系", "无",
    ]  # fmt: skip
    assert CATEGORY_LABELS[Category.INLAW] == "近姻亲关系"
    assert Category("collateral3") is C3
    assert [c.rank for c in (S, L, C3, IN, NO)] == [4, 3, 2, 1, 0]
    assert not NO.is_kin and IN.is_kin


def test_strongest() -> None:
    assert strongest([IN, C3, NO]) is C3
    assert strongest([IN, S, L]) is S
    assert strongest([]) is NO
