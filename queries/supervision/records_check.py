"""REFERENCE-KIN, REFERENCE-ABSENT and RECORD-MISMATCH findings (rules.md §6).

RECORD-MISMATCH is one finding per person gathering everything wrong with their records:
résumé overlaps and gaps (`resume`), references to spells not in the records
(`references`), and facts on which sources disagree (`facts`: the roster and the
disagreements loaders marked on the person nodes always, further sources in `sources`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import date

from graph.store.base import GraphStore
from queries.avoidance.context import Context
from queries.findings import Finding, make, one_per_key
from queries.rules import RuleSet
from queries.snapshot import Snapshot
from queries.supervision.facts import (
    FactSource,
    MarkedFacts,
    RosterFacts,
    fact_discrepancies,
)
from queries.supervision.references import (
    Vouching,
    kin_pairs_of,
    reference_absent,
    reference_acts,
    reference_kin,
    spell_of,
    unknown_spells,
)
from queries.supervision.resume import spell_discrepancies
from queries.supervision.spells import Discrepancy, all_holdings


def mismatch_findings(ctx: Context, found: Iterable[Discrepancy]) -> Iterator[Finding]:
    rule = ctx.rules.rule("RECORD-MISMATCH")
    per_person: dict[str, list[Discrepancy]] = defaultdict(list)
    for d in found:
        per_person[d.person_id].append(d)
    for person_id, items in sorted(per_person.items()):
        posts = sorted({p for d in items for p in d.posts})
        kinds = sorted({d.kind for d in items})
        yield make(rule, [person_id], posts=posts, relation=",".join(kinds),
                   evidence=[ctx.person_node(person_id), *(e for d in items for e in d.evidence)],
                   detail="；".join(d.detail for d in items))


def record_findings(store: GraphStore, rules: RuleSet, as_of: date | None,
                    focus: Collection[str] | None = None,
                    sources: Sequence[FactSource] = ()) -> list[Finding]:
    """Reference and record findings on `as_of` (default today), those of `focus` people
    when given; `sources` are compared with the roster's facts."""
    day = as_of or date.today()
    snap = Snapshot.load(store, day)
    wanted = None if focus is None else set(focus)
    acts = reference_acts(store, day, wanted)
    people = {*(wanted or ()), *(a.actor_id for a in acts), *(a.candidate_id for a in acts)}
    history = all_holdings(store, people if wanted is not None else None)
    vouchings = [Vouching(a, spell_of(a, history.get(a.candidate_id, []))) for a in acts]
    pairs = kin_pairs_of(store, vouchings) if rules.enabled("REFERENCE-KIN") else {}
    ctx = Context.build(store, rules, snap, {*people, *history, *(
        k.partition("/")[2] for ps in pairs.values() for p in ps for k in p.path.nodes)})
    out = [*reference_kin(ctx, vouchings, pairs), *reference_absent(ctx, vouchings, history)]
    rule = rules.rule("RECORD-MISMATCH")
    if rule.enabled:
        gap = int(rule.param("gap_months"))
        found: list[Discrepancy] = [*unknown_spells(ctx, vouchings)]
        for person_id, spells in sorted(history.items()):
            if wanted is None or person_id in wanted:
                found.extend(spell_discrepancies(person_id, spells, gap, day, _label(ctx)))
        every: list[FactSource] = [RosterFacts(store), MarkedFacts(store), *sources]
        found.extend(fact_discrepancies(f for s in every for f in s.facts(wanted)))
        out.extend(mismatch_findings(ctx, found))
    return one_per_key(f for f in out if wanted is None or wanted & set(f.persons))


def _label(ctx: Context) -> Callable[[str], str]:
    return lambda post_id: (ctx.post_node(post_id).label if post_id in ctx.snap.posts
                            else post_id)
