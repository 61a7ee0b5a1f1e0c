"""Units and posts a 简历 entry refers to: matched to the graph by name (explained), or made
provisional (`prov-u-…`, `prov-p-…`, extra `provisional=true` and a `review` text saying what
was looked for and what came closest). Nothing is guessed: a name matching two units, or a
title matching two posts, is provisional too.

Provisional ids derive from the canonical name, so every form that writes the same unit
(`河西省青阳县财政局`, `青阳县财政局`) lands on the same provisional unit, and re-loading
creates nothing new. A provisional post's role is read from its title (副… deputy, …长/书记/
主任 principal, 常委/委员 member, else staff) and flagged `role_from_title`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graph.convert import node_to_model
from graph.ids import record_id
from graph.model import Post, Unit
from graph.store.base import GraphStore
from graph.vocab import PostRole
from ingest.lrmx.jianli_text import POST_AT_END
from ingest.lrmx.unit_names import (
    MATCH_AT,
    canonical,
    drop_admin,
    join_unit,
    post_match,
    unit_match,
)
from ingest.resolve.text import bigrams, nfkc

PROVISIONAL = "provisional"
_NOT_SUB_UNITS = ("党组", "党委", "党工委", "党总支", "党支部", "")
_PRINCIPAL = ("书记", "长", "主任", "主席", "总经理", "主任委员")
_MEMBER = ("常委", "委员", "成员", "党组成员", "党委委员")


def infer_role(title: str) -> PostRole:
    t = nfkc(title)
    if "副" in t:
        return PostRole.deputy
    if t in _MEMBER:
        return PostRole.member
    if t.endswith(("助理", "科员", "办事员")):
        return PostRole.staff
    return PostRole.principal if t.endswith(_PRINCIPAL) else PostRole.staff


@dataclass(frozen=True)
class UnitFind:
    unit_id: str | None
    explanation: str


class Catalog:
    def __init__(self, units: Iterable[Unit], posts: Iterable[Post]) -> None:
        self.units: dict[str, Unit] = {u.id: u for u in units}
        self.posts: dict[str, Post] = {p.id: p for p in posts}
        self.new_units: dict[str, Unit] = {}
        self.new_posts: dict[str, Post] = {}
        self._by_unit: dict[str, list[Post]] = defaultdict(list)
        self._names: dict[str, set[str]] = defaultdict(set)
        self._grams: dict[str, set[str]] = defaultdict(set)
        for post in self.posts.values():
            if post.extra.get(PROVISIONAL) != "true":
                self._by_unit[post.unit_id].append(post)
        for unit in self.units.values():
            if unit.extra.get(PROVISIONAL) == "true":
                continue
            name = canonical(unit.name)
            for key in {name, drop_admin(name)}:
                self._names[key].add(unit.id)
            for gram in bigrams(name):
                self._grams[gram].add(unit.id)
        self._found: dict[str, UnitFind] = {}

    @classmethod
    def from_store(cls, store: GraphStore) -> Catalog:
        units = [node_to_model(n) for n in store.scan_nodes("Unit")]
        posts = [node_to_model(n) for n in store.scan_nodes("Post")]
        return cls([u for u in units if isinstance(u, Unit)],
                   [p for p in posts if isinstance(p, Post)])

    def find_unit(self, text: str) -> UnitFind:
        """The one known unit this name is (score >= MATCH_AT), with the explanation."""
        if text in self._found:
            return self._found[text]
        name = canonical(text)
        ids = self._names.get(name, set()) | self._names.get(drop_admin(name), set())
        scored = sorted(((unit_match(text, self.units[i].name), i) for i in ids),
                        key=lambda p: (-p[0].score, p[1]))
        best = [(m, i) for m, i in scored if m.score >= MATCH_AT and m.score == scored[0][0].score]
        if len(best) == 1:
            m, uid = best[0]
            found = UnitFind(uid, f"匹配单位「{self.units[uid].name}」（{m.score:.2f}："
                                  f"{'，'.join(m.reasons)}）")
        elif best:
            names = "、".join(f"{self.units[i].name}（{i}）" for _, i in best)
            found = UnitFind(None, f"多个单位同样匹配：{names}")
        else:
            found = UnitFind(None, self._nearest(text, name))
        self._found[text] = found
        return found

    def _nearest(self, text: str, name: str) -> str:
        ids: set[str] = set()
        for gram in bigrams(name):
            ids |= self._grams.get(gram, set())
        scored = sorted(((unit_match(text, self.units[i].name), i) for i in ids),
                        key=lambda p: (-p[0].score, p[1]))[:3]
        if not scored or scored[0][0].score <= 0:
            return "图谱中没有相近的单位"
        return "最接近：" + "、".join(f"{self.units[i].name}（{i}，{m.score:.2f}，"
                                     f"{'，'.join(m.reasons)}）" for m, i in scored)

    def unit_for(self, text: str, source: str) -> str:
        """The matched unit's id, else the provisional unit for this name."""
        found = self.find_unit(text)
        if found.unit_id is not None:
            return found.unit_id
        uid = record_id("prov-u", canonical(text))
        if uid not in self.units and uid not in self.new_units:
            self.new_units[uid] = Unit(id=uid, name=nfkc(text), extra={
                PROVISIONAL: "true", "lrmx:source": source,
                "review": f"待核实单位「{text}」：{found.explanation}；来源 {source}"})
        return uid

    def post_for(self, unit_text: str, post_text: str, source: str) -> str:
        """The post a 简历 entry names: matched in its unit, else provisional."""
        unit_id, title = self.unit_for(unit_text, source), nfkc(post_text)
        sub = POST_AT_END.search(title)
        if sub is not None and title[:sub.start()] not in _NOT_SUB_UNITS:
            inner = self.find_unit(join_unit(canonical(unit_text), title[:sub.start()]))
            if inner.unit_id is not None:
                unit_id, title = inner.unit_id, sub.group(0)
        unit = self.units.get(unit_id) or self.new_units[unit_id]
        scored = sorted(((post_match(title, p.title, unit.name), p.id)
                         for p in self._by_unit.get(unit_id, [])), key=lambda p: (-p[0], p[1]))
        best = [pid for value, pid in scored if value >= 0.95 and value == scored[0][0]]
        if len(best) == 1:
            return best[0]
        pid = record_id("prov-p", unit_id, title)
        if pid not in self.posts and pid not in self.new_posts:
            why = ("多个职位同样匹配：" + "、".join(best)) if best else "该单位中没有此职位"
            self.new_posts[pid] = Post(id=pid, unit_id=unit_id, title=title,
                                       role=infer_role(title), extra={
                PROVISIONAL: "true", "role_from_title": "true", "lrmx:source": source,
                "review": f"待核实职位「{title}」（单位 {unit.name}）：{why}；来源 {source}"})
        return pid
