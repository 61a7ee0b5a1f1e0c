"""Explainable person-match scores: each feature's weight, similarity, points and reason.

score = Σ weight × similarity, clipped to [0, 1]. Similarity is 1 for agreement, between 0 and
1 for partial agreement, 0 when unknown and negative for a contradiction. A shared ID number
decides alone (score 1); two different ID numbers rule a pair out. A pair needs at least a
close name to be scored at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict

from graph.vocab import Gender, chinese
from ingest.resolve.text import dice, name_key, one_edit_apart, workplace_key

WEIGHTS: dict[str, float] = {"name": 0.40, "birth_month": 0.25, "gender": 0.10,
                             "workplace": 0.25}
"""Feature weights (they sum to 1); `id_number` is decisive and carries no weight."""
LABELS: dict[str, str] = {"id_number": "身份证号", "name": "姓名", "birth_month": "出生年月",
                          "gender": "性别", "workplace": "工作单位及职务"}
NEAR_NAME = 0.5
SAME_YEAR = 0.3


@dataclass(frozen=True)
class Facts:
    """What the resolver compares about one human (a graph person or a declared relative)."""

    name: str
    gender: Gender | None = None
    birth: date | None = None
    id_number: str | None = None
    workplaces: tuple[str, ...] = ()
    id: str | None = None
    family_derived: bool = False
    """Created from a 家庭成员 item (not from the person's own form or the roster)."""
    merged_into: str | None = None


class FeatureScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    feature: str
    label: str
    weight: float
    similarity: float
    points: float
    detail: str


class MatchScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    person_id: str
    score: float
    features: list[FeatureScore]

    @property
    def contradicted(self) -> bool:
        return any(f.similarity < 0 for f in self.features)

    def explain(self) -> str:
        """One line: `姓名 +0.40（…）；出生年月 +0.25（…）… = 0.90`."""
        parts = [f"{f.label} {f.points:+.2f}（{f.detail}）" for f in self.features]
        return "；".join(parts) + f" = {self.score:.2f}"


def _feature(name: str, similarity: float, detail: str) -> FeatureScore:
    weight = WEIGHTS.get(name, 1.0)
    return FeatureScore(feature=name, label=LABELS[name], weight=weight, similarity=similarity,
                        points=round(weight * similarity, 4), detail=detail)


def _month(day: date | None) -> str:
    return "未填" if day is None else f"{day.year}.{day.month:02d}"


def _birth(a: date | None, b: date | None) -> FeatureScore:
    if a is None or b is None:
        return _feature("birth_month", 0.0, f"无法比较（{_month(a)} / {_month(b)}）")
    if (a.year, a.month) == (b.year, b.month):
        return _feature("birth_month", 1.0, f"相同：{_month(a)}")
    if a.year == b.year:
        return _feature("birth_month", SAME_YEAR, f"同年不同月：{_month(a)} / {_month(b)}")
    return _feature("birth_month", -1.0, f"不同：{_month(a)} / {_month(b)}")


def _gender(a: Gender | None, b: Gender | None) -> FeatureScore:
    if a is None or b is None:
        return _feature("gender", 0.0, "一方未知")
    if a == b:
        return _feature("gender", 1.0, f"相同：{chinese(a)}")
    return _feature("gender", -1.0, f"不同：{chinese(a)} / {chinese(b)}")


def _workplace(a: tuple[str, ...], b: tuple[str, ...]) -> FeatureScore:
    left = [k for k in (workplace_key(t) for t in a) if k]
    right = [k for k in (workplace_key(t) for t in b) if k]
    if not left or not right:
        return _feature("workplace", 0.0, "一方未写明")
    best, pair = 0.0, (left[0], right[0])
    for x in left:
        for y in right:
            value = 1.0 if x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x)) else dice(
                x, y)
            if value > best:
                best, pair = value, (x, y)
    return _feature("workplace", round(best, 2), f"相似度 {best:.2f}：「{pair[0]}」~「{pair[1]}」")


def score(query: Facts, other: Facts) -> MatchScore | None:
    """The explained score of `other` as the same human as `query`; None when they cannot be
    (different ID numbers, or names that are not even one character apart)."""
    assert other.id is not None
    if query.id_number and other.id_number:
        if query.id_number != other.id_number:
            return None
        feature = _feature("id_number", 1.0, f"相同：{query.id_number}")
        return MatchScore(person_id=other.id, score=1.0, features=[feature])
    a, b = name_key(query.name), name_key(other.name)
    if a == b:
        name = _feature("name", 1.0, f"相同：{query.name}")
    elif len(a) >= 2 and a[0] == b[:1] and one_edit_apart(a, b):
        name = _feature("name", NEAR_NAME, f"相近：{query.name} / {other.name}")
    else:
        return None
    features = [name, _birth(query.birth, other.birth), _gender(query.gender, other.gender),
                _workplace(query.workplaces, other.workplaces)]
    total = max(0.0, min(1.0, sum(f.points for f in features)))
    return MatchScore(person_id=other.id, score=round(total, 4), features=features)
