"""Stored resolution decisions (`<data_dir>/resolution.json`): every candidate pair with its
explained score, status, who decided what and when, and what a merge moved (so it can be
undone). Nothing is ever deleted: a decision appends to the pair's history.

A pair is `source` (the person merged away on accept: a relative created from a 家庭成员
item, or a form without an ID number) and `target` (the person kept). Status `pending`
waits for review, `accepted` is merged in the graph (`auto` when the loader was confident),
`rejected` is a negative decision: the pair is never proposed or merged again.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, PrivateAttr

from graph.errors import InvalidInput, NotFound
from graph.ids import record_id
from ingest.resolve.features import FeatureScore

FILE_NAME = "resolution.json"
Status = Literal["pending", "accepted", "rejected"]
Action = Literal["proposed", "auto_accepted", "accepted", "rejected"]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class HistoryEntry(BaseModel):
    at: str
    actor: str
    action: Action
    note: str = ""


class Moved(BaseModel):
    """What a merge changed in the graph: records it deleted (kept whole, to restore) and the
    keys/ids of records it created (deleted again on undo; pre-existing ones are not listed)."""

    old_nodes: list[dict[str, Any]] = Field(default_factory=list)
    old_edges: list[dict[str, Any]] = Field(default_factory=list)
    new_nodes: list[str] = Field(default_factory=list)
    new_edges: list[dict[str, str]] = Field(default_factory=list)


class Candidate(BaseModel):
    id: str
    source: str
    target: str
    kind: Literal["relative", "subject"]
    status: Status = "pending"
    auto: bool = False
    score: float
    features: list[FeatureScore]
    context: dict[str, str] = Field(default_factory=dict)
    """Where the source came from: 文件, 元素, 申报人, 称谓, 姓名, 出生年月, 工作单位及职务."""
    moved: Moved | None = None
    merged_to: str | None = None
    """The person the source was actually merged into (the target, or where it was merged)."""
    history: list[HistoryEntry] = Field(default_factory=list)

    def record(self, actor: str, action: Action, note: str = "") -> None:
        self.history.append(HistoryEntry(at=now(), actor=actor, action=action, note=note))


def pair_id(a: str, b: str) -> str:
    """The same id for (a, b) and (b, a)."""
    return record_id("rv", *sorted((a, b)))


class Book(BaseModel):
    version: int = 1
    candidates: dict[str, Candidate] = Field(default_factory=dict)
    _involving: dict[str, list[Candidate]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        for cand in self.candidates.values():
            self._file(cand)

    def _file(self, cand: Candidate) -> None:
        for person in {cand.source, cand.target}:
            self._involving.setdefault(person, []).append(cand)

    @classmethod
    def load(cls, data_dir: Path) -> Book:
        path = data_dir / FILE_NAME
        if not path.exists():
            return cls()
        try:
            return cls.model_validate_json(path.read_text("utf-8"))
        except ValueError as exc:
            raise InvalidInput(f"{path}: 无法读取甄别决定文件 cannot read the resolution "
                               f"file: {exc}") from None

    def save(self, data_dir: Path) -> Path:
        """Write atomically (temporary file, then rename)."""
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / FILE_NAME
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=1),
                       encoding="utf-8")
        os.replace(tmp, path)
        return path

    def get(self, ident: str) -> Candidate:
        """A candidate by id or by a unique prefix of it."""
        if ident in self.candidates:
            return self.candidates[ident]
        found = [c for key, c in self.candidates.items() if key.startswith(ident)]
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFound(f"没有编号为 {ident!r} 的待甄别记录 no review candidate {ident!r}")
        raise InvalidInput(f"编号 {ident!r} 不唯一 ambiguous candidate id {ident!r}")

    def pair(self, a: str, b: str) -> Candidate | None:
        return self.candidates.get(pair_id(a, b))

    def negative(self, a: str, b: str) -> bool:
        found = self.pair(a, b)
        return found is not None and found.status == "rejected"

    def merged_target(self, source: str) -> str | None:
        """The person `source` is merged into (directly), if any."""
        return next((c.target for c in self._involving.get(source, ())
                     if c.source == source and c.status == "accepted"), None)

    def final(self, person_id: str) -> str:
        """Follow accepted merges to the person that is kept."""
        seen = {person_id}
        current = person_id
        while (following := self.merged_target(current)) is not None and following not in seen:
            seen.add(following)
            current = following
        return current

    def open_for(self, person_id: str) -> list[Candidate]:
        """Pending candidates involving a person."""
        return [c for c in self._involving.get(person_id, ()) if c.status == "pending"]

    def add(self, candidate: Candidate) -> Candidate:
        """Keep an existing pair as it is (its status and history stand); else add it."""
        if candidate.id in self.candidates:
            return self.candidates[candidate.id]
        self.candidates[candidate.id] = candidate
        self._file(candidate)
        return candidate
