"""A brute-force avoidance checker, written from rules.md §2 and roster-format.md alone.

It imports nothing from `queries`: no kinship engine, no snapshot, no rule set. It reads a
`graph.model.Bundle` (plain records) and answers, for one date, the set of finding keys
(rule, sorted persons) of the ten §2 avoidance rules, by trying every pair of posts of every
kin pair: KIN-SAME-LEADER (same unit, a common direct leader post other than theirs),
KIN-DIRECT-LEAD (one post among the other's direct superiors), KIN-SENSITIVE (same unit, one
leading post, the other post in 组织/人事/纪检/监察/审计/财务), KIN-BUSINESS (the principal of a
unit whose `regulates` names the unit where the relative holds a leading post), REGION-* (the
principal of a key organ, or of a township's 乡镇/党委/政府, whose 成长地 lies in the organ's
region of that level), DUTY-* (below).

Scope of kinship: **one declared edge**. Two people are kin on a day when one declared the
other, in force that day, with a 称谓 of `TERMS`: every 称谓 the generator writes
(ingest/generate/kinrows.py) and those `mutate.py` adds, classified by hand per rules.md §1
(including terms outside it: 再从兄弟, 堂侄, 孙媳 ...); an unknown 称谓 is an error, not a
silent miss. Kinship derived through several declared edges is not computed: on generated
bundles (and after `mutate.py`) every pair of relevant people joined by any chain of declared
edges is also joined by one declared edge (`multi_edge_only_pairs` checks that), and every
rule but KIN-BUSINESS accepts all four categories, so within this scope the comparison is
exact. KIN-BUSINESS reads the 称谓 itself (spouse, child, child's spouse).

Regions nest by code prefix (GB/T 2260), as roster-format.md says; a parent_code declared in
regions.csv against the prefix is not read (generated bundles declare none).

Duty rules: an act (vote, inspection, recommendation) in force on the day (done on or before
it) on oneself (votes only) or on someone who was kin on the act's date.

Leadership, from roster-format.md (posts.csv `reports_to`): a post reports to its explicit
`reports_to`; else deputies, members and staff report to their unit's principal(s); a principal
to the post(s) overseeing its unit, else, for a top unit governed by a region's party committee
(government, 人大, 政协, courts ...: any top unit that is not itself a party committee, an
enterprise, an institution or `other`), to the principal of that region's top party committee,
else to the principal of its parent unit. Direct superiors of a leading post also include the
posts overseeing its unit (上一级正副职与下一级正副职之间的领导关系).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from graph.model import Bundle, Kinship, Post, Unit
from graph.vocab import ActRole, PostFunction, PostRole, UnitKind

Key = tuple[str, tuple[str, ...]]

SPOUSE, LINEAL, COLLATERAL3, INLAW, NONE = "spouse", "lineal", "collateral3", "inlaw", "none"
TERMS: dict[str, str] = {
    "妻子": SPOUSE, "丈夫": SPOUSE,
    "父亲": LINEAL, "母亲": LINEAL, "儿子": LINEAL, "女儿": LINEAL,
    "孙子": LINEAL, "外孙女": LINEAL, "爷爷": LINEAL, "外婆": LINEAL, "曾祖父": LINEAL,
    "哥哥": COLLATERAL3, "弟弟": COLLATERAL3, "姐姐": COLLATERAL3, "妹妹": COLLATERAL3,
    "堂兄": COLLATERAL3, "堂妹": COLLATERAL3, "表哥": COLLATERAL3, "表姐": COLLATERAL3,
    "侄子": COLLATERAL3, "侄女": COLLATERAL3, "外甥": COLLATERAL3, "外甥女": COLLATERAL3,
    "叔叔": COLLATERAL3, "姑姑": COLLATERAL3, "舅舅": COLLATERAL3, "姨妈": COLLATERAL3,
    "岳父": INLAW, "岳母": INLAW, "公公": INLAW, "婆婆": INLAW,  # 配偶的父母
    "小舅子": INLAW, "大姑子": INLAW, "连襟": INLAW,  # 配偶的兄弟姐妹及其配偶
    "儿媳": INLAW, "女婿": INLAW,  # 子女的配偶
    "嫂子": INLAW, "弟媳": INLAW, "姐夫": INLAW, "妹夫": INLAW,  # 三代以内旁系血亲的配偶
    "婶婶": INLAW, "侄媳": INLAW,  # idem (uncle's wife, nephew's wife)
    "再从兄弟": NONE, "堂叔": NONE, "堂侄": NONE, "表侄": NONE,  # 4th degree: outside
    "侄孙": NONE, "孙媳": NONE, "姻侄": NONE,  # not enumerated, neither direction
}
"""Declared 称谓 (the relative seen from the declarer) -> rules.md §1 category."""
KIN_CATEGORIES = frozenset({SPOUSE, LINEAL, COLLATERAL3, INLAW})

BUSINESS_RELATIVE = frozenset({"妻子", "丈夫", "儿子", "女儿", "儿媳", "女婿"})
"""The declarer's spouse, child or child's spouse: the declarer may lead their regulator."""
BUSINESS_DECLARER = frozenset({"妻子", "丈夫", "父亲", "母亲", "岳父", "岳母", "公公", "婆婆"})
"""The declarer is the relative's spouse, child or child's spouse: the relative may lead the
declarer's regulator."""

LEADING = frozenset({PostRole.principal, PostRole.deputy, PostRole.member})
SENSITIVE = frozenset({PostFunction.organization, PostFunction.personnel,
                       PostFunction.discipline, PostFunction.supervision, PostFunction.audit,
                       PostFunction.finance})
NOT_LED_BY_COMMITTEE = frozenset({UnitKind.party_committee, UnitKind.enterprise,
                                  UnitKind.institution, UnitKind.other})
KEY_ORGANS = frozenset({UnitKind.party_committee, UnitKind.government, UnitKind.discipline,
                        UnitKind.organization, UnitKind.court, UnitKind.procuratorate,
                        UnitKind.public_security})
TOWNSHIP_ORGANS = frozenset({UnitKind.township, UnitKind.party_committee, UnitKind.government})
DUTY_RULE = {ActRole.vote: "DUTY-VOTE", ActRole.inspect: "DUTY-INSPECT",
             ActRole.recommend: "DUTY-RECOMMEND"}


def category(term: str) -> str:
    if term not in TERMS:
        raise ValueError(f"the brute-force checker does not know the 称谓 {term!r}")
    return TERMS[term]


def active(start: date | None, end: date | None, day: date) -> bool:
    return (start is None or start <= day) and (end is None or day < end)


def region_level(code: str | None) -> str | None:
    """GB/T 2260: 9 digits township; 6 digits: ..0000 province, ..00 city, else county."""
    if code is None or not code.isdigit():
        return None
    if len(code) == 9:
        return "township"
    if len(code) != 6:
        return None
    return "province" if code.endswith("0000") else "city" if code.endswith("00") else "county"


def inside(home: str, area: str) -> bool:
    """Whether region `home` lies in region `area` (or is it), by the code prefix."""
    level = region_level(area)
    if region_level(home) is None or level is None:
        return False
    width = {"township": 9, "county": 6, "city": 4, "province": 2}[level]
    return home[:width] == area[:width]


@dataclass
class Org:
    """Units and posts of a bundle, and who leads whom (independent of the date)."""

    units: dict[str, Unit]
    posts: dict[str, Post]
    principals: dict[str, list[str]] = field(default_factory=dict)
    overseers: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, bundle: Bundle) -> Org:
        org = cls({u.id: u for u in bundle.units}, {p.id: p for p in bundle.posts})
        principals, overseers = defaultdict(list), defaultdict(list)
        for p in bundle.posts:
            if p.role == PostRole.principal:
                principals[p.unit_id].append(p.id)
            for unit_id in p.oversees:
                overseers[unit_id].append(p.id)
        org.principals, org.overseers = dict(principals), dict(overseers)
        return org

    def _committee_of(self, region: str) -> str | None:
        found = sorted(u.id for u in self.units.values() if u.kind == UnitKind.party_committee
                       and u.parent_id is None and u.region_code == region)
        return found[0] if found else None

    def leaders(self, post_id: str) -> set[str]:
        post = self.posts[post_id]
        if post.reports_to in self.posts:
            return {str(post.reports_to)}
        unit = self.units.get(post.unit_id)
        if unit is None:
            return set()
        if post.role != PostRole.principal:
            return set(self.principals.get(unit.id, [])) - {post_id}
        over = set(self.overseers.get(unit.id, [])) - {post_id}
        if over:
            return over
        if unit.parent_id is None:
            committee = None
            if unit.kind not in NOT_LED_BY_COMMITTEE and region_level(unit.region_code):
                committee = self._committee_of(str(unit.region_code))
            return set(self.principals.get(committee, [])) if committee else set()
        return set(self.principals.get(unit.parent_id, []))

    def superiors(self, post_id: str) -> set[str]:
        out = self.leaders(post_id)
        post = self.posts[post_id]
        if post.role in LEADING:
            out |= set(self.overseers.get(post.unit_id, [])) - {post_id}
        return out


def kin_edges(bundle: Bundle, day: date) -> dict[tuple[str, str], list[Kinship]]:
    """Unordered pair -> the declared kinship edges between them in force on `day`."""
    out: dict[tuple[str, str], list[Kinship]] = defaultdict(list)
    for k in bundle.kinship:
        if k.person_id != k.relative_id and active(k.since, k.until, day):
            out[(min(k.person_id, k.relative_id), max(k.person_id, k.relative_id))].append(k)
    return out


def _is_kin(edges: list[Kinship]) -> bool:
    return any(category(k.relation) in KIN_CATEGORIES for k in edges)


def _business_leaders(edges: list[Kinship]) -> set[str]:
    """Who of the pair may not head the regulator of a business the other runs."""
    out = set()
    for k in edges:
        if k.relation in BUSINESS_RELATIVE:
            out.add(k.person_id)
        if k.relation in BUSINESS_DECLARER:
            out.add(k.relative_id)
    return out


def _pair_rules(org: Org, a: str, b: str, post_a: str, post_b: str) -> Iterator[str]:
    pa, pb = org.posts[post_a], org.posts[post_b]
    if pa.unit_id == pb.unit_id:
        if (org.leaders(post_a) & org.leaders(post_b)) - {post_a, post_b}:
            yield "KIN-SAME-LEADER"
        if post_a != post_b and ((pa.role in LEADING and pb.function in SENSITIVE)
                                 or (pb.role in LEADING and pa.function in SENSITIVE)):
            yield "KIN-SENSITIVE"
    if post_a in org.superiors(post_b) or post_b in org.superiors(post_a):
        yield "KIN-DIRECT-LEAD"


def _business(org: Org, leader_post: str, other_post: str) -> bool:
    lead, other = org.posts[leader_post], org.posts[other_post]
    regulator = org.units.get(lead.unit_id)
    return (lead.role == PostRole.principal and regulator is not None
            and other.unit_id in regulator.regulates and other.role in LEADING)


def kin_findings(bundle: Bundle, org: Org, day: date,
                 posts_of: dict[str, list[str]]) -> set[Key]:
    out: set[Key] = set()
    for (a, b), edges in kin_edges(bundle, day).items():
        if a not in posts_of or b not in posts_of or not _is_kin(edges):
            continue
        leaders = _business_leaders(edges)
        for post_a in posts_of[a]:
            for post_b in posts_of[b]:
                out |= {(rule, (a, b)) for rule in _pair_rules(org, a, b, post_a, post_b)}
                if (a in leaders and _business(org, post_a, post_b)) or (
                        b in leaders and _business(org, post_b, post_a)):
                    out.add(("KIN-BUSINESS", (a, b)))
    return out


def region_findings(bundle: Bundle, org: Org, posts_of: dict[str, list[str]]) -> set[Key]:
    rules = {"county": ("REGION-COUNTY", KEY_ORGANS), "city": ("REGION-CITY", KEY_ORGANS),
             "township": ("REGION-TOWNSHIP", TOWNSHIP_ORGANS)}
    out: set[Key] = set()
    for person in bundle.persons:
        home = person.grew_up_in or person.birthplace
        for post_id in posts_of.get(person.id, []):
            post = org.posts[post_id]
            unit = org.units.get(post.unit_id)
            level = region_level(unit.region_code) if unit else None
            if unit is None or level not in rules or post.role != PostRole.principal:
                continue
            rule, kinds = rules[level]
            if unit.kind in kinds and home and inside(home, str(unit.region_code)):
                out.add((rule, (person.id,)))
    return out


def duty_findings(bundle: Bundle, day: date) -> set[Key]:
    """Acts done on or before `day` on oneself (votes) or on a kin of the act's date."""
    out: set[Key] = set()
    edges: dict[tuple[str, str], list[Kinship]] = defaultdict(list)
    for k in bundle.kinship:
        edges[(min(k.person_id, k.relative_id), max(k.person_id, k.relative_id))].append(k)
    for act in bundle.roles:
        rule = DUTY_RULE.get(act.role)
        if rule is None or (act.on is not None and act.on > day):
            continue
        if act.actor_id == act.candidate_id:
            if act.role == ActRole.vote:
                out.add((rule, (act.actor_id,)))
            continue
        pair = (min(act.actor_id, act.candidate_id), max(act.actor_id, act.candidate_id))
        when = act.on or day
        if _is_kin([k for k in edges.get(pair, []) if active(k.since, k.until, when)]):
            out.add((rule, pair))
    return out


def holders_on(bundle: Bundle, day: date) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for h in bundle.holdings:
        if active(h.start, h.end, day) and h.post_id not in out[h.person_id]:
            out[h.person_id].append(h.post_id)
    return dict(out)


def findings(bundle: Bundle, day: date) -> set[Key]:
    """Every finding key of KIN-*, REGION-* and DUTY-* on `day`, within the scope above."""
    org, posts_of = Org.of(bundle), holders_on(bundle, day)
    return (kin_findings(bundle, org, day, posts_of) | region_findings(bundle, org, posts_of)
            | duty_findings(bundle, day))


def multi_edge_only_pairs(bundle: Bundle, day: date) -> set[tuple[str, str]]:
    """Pairs of relevant people (post holders on `day`, actors and candidates of acts) joined
    by a chain of declared kinship edges but by no single edge: outside this checker's scope."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k in bundle.kinship:
        parent[find(k.person_id)] = find(k.relative_id)
    relevant = set(holders_on(bundle, day)) | {p for a in bundle.roles
                                               for p in (a.actor_id, a.candidate_id)}
    groups: dict[str, list[str]] = defaultdict(list)
    for person in sorted(relevant & set(parent)):
        groups[find(person)].append(person)
    declared = {(min(k.person_id, k.relative_id), max(k.person_id, k.relative_id))
                for k in bundle.kinship}
    return {(a, b) for members in groups.values() for i, a in enumerate(members)
            for b in members[i + 1:] if (a, b) not in declared}
