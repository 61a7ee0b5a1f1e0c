"""The optimiser on both stores: swaps, cycles, vacancies, locks, forbid, must,
EXCHANGE-NOT-BOTH, and the re-check of planted avoidance traps."""

from __future__ import annotations

from datetime import date

import pytest

from graph import ops
from graph.errors import InvalidInput, NotFound
from graph.model import Bundle, Kinship
from graph.store.base import GraphStore
from queries.avoidance.check import Proposal, what_if
from queries.rotation.plan import PlanRequest, plan
from queries.rotation.report import Plan
from queries.rules import national
from tests.queries.rotation.scenario import AS_OF, RECENT, F, cadre, scenario

LIMIT = 5.0


def _plan(store: GraphStore, bundle: Bundle, **options: object) -> Plan:
    ops.write_bundle(store, bundle)
    request = PlanRequest.model_validate({"as_of": AS_OF, "time_limit": LIMIT, **options})
    result = plan(store, national(), request)
    assert result.status == "OPTIMAL" and result.gap == 0.0
    return result


def _moves(result: Plan) -> dict[str, str]:
    return {m.person_id: m.to_post for m in result.moves}


def _why(result: Plan) -> dict[str, list[str]]:
    return {u.person_id: u.codes for u in result.unmoved_due}


def test_swap_without_vacancy(store: GraphStore) -> None:
    result = _plan(store, scenario([cadre("X1", "FIN-HEAD"), cadre("X2", "EDU-HEAD")]),
                   lock=["AUD-HEAD", "PUB-HEAD", "T1-SEC", "T2-SEC", "B-AUD-HEAD",
                         "B-EDU-HEAD"])
    assert _moves(result) == {"X1": "EDU-HEAD", "X2": "FIN-HEAD"}
    (x1, _) = result.moves
    assert x1.from_post == "FIN-HEAD" and "与干部X2对调" in x1.reasons
    assert "EXCHANGE-10Y" in x1.due_rules and "AVOIDANCE" in x1.passed
    assert result.unmoved_due == [] and result.recheck == []
    assert {u.post_id for u in result.unfilled} >= {"AUD-HEAD"}


def test_swap_beats_leaving_holes(store: GraphStore) -> None:
    result = _plan(store, scenario([cadre("X1", "FIN-HEAD"), cadre("X2", "EDU-HEAD")]))
    assert _moves(result) == {"X1": "EDU-HEAD", "X2": "FIN-HEAD"}
    assert result.stats["moves"] == 2 and result.objective > 0


def test_three_cycle_when_swaps_are_forbidden(store: GraphStore) -> None:
    bundle = scenario([cadre("X1", "FIN-HEAD"), cadre("X2", "EDU-HEAD"),
                       cadre("X3", "AUD-HEAD")])
    result = _plan(store, bundle, forbid=["X1=AUD-HEAD", "X2=FIN-HEAD", "X3=EDU-HEAD"],
                   lock=["PUB-HEAD", "T1-SEC", "T2-SEC", "B-AUD-HEAD", "B-EDU-HEAD"])
    assert _moves(result) == {"X1": "EDU-HEAD", "X2": "AUD-HEAD", "X3": "FIN-HEAD"}
    assert all("3人循环交流" in " ".join(m.reasons) for m in result.moves)


def test_vacancy_fill_and_seed_preferences(store: GraphStore) -> None:
    # A township party secretary goes to a department principal post (seed 000), locally.
    result = _plan(store, scenario([cadre("T", "T1-SEC")]), lock=["PUB-HEAD"])
    (move,) = result.moves
    assert move.to_post in {"FIN-HEAD", "EDU-HEAD", "AUD-HEAD"}
    assert move.kind == "需求性交流" and "乡镇主要领导调任部门正职" in move.reasons
    assert "本地就近交流" in move.reasons and "补充空缺职位" in move.reasons
    assert [(u.post_id, u.vacant) for u in result.unfilled if u.post_id == "T1-SEC"] == [
        ("T1-SEC", 1)]


def test_young_cadre_goes_from_organ_to_township(store: GraphStore) -> None:
    young = cadre("Y", "EDU-DEP", born=date(1992, 1, 1))
    result = _plan(store, scenario([young]))
    (move,) = result.moves
    assert move.to_post in {"T1-DEP", "T2-DEP"} and move.kind == "培养性交流"


def test_locks_forbid_and_why(store: GraphStore) -> None:
    bundle = scenario([cadre("X1", "FIN-HEAD"), cadre("X2", "EDU-HEAD")])
    locked_all = ["AUD-HEAD", "PUB-HEAD", "T1-SEC", "T2-SEC", "B-AUD-HEAD", "B-EDU-HEAD"]
    result = _plan(store, bundle, lock=["X2", *locked_all])
    assert result.moves == []
    assert _why(result) == {"X1": ["NO-OPTION", "RANK-MATCH"], "X2": ["LOCKED"]}
    assert "职级不相当" in result.unmoved_due[0].why  # only 副科 and 正处 posts are open
    result = _plan(store, bundle, lock=["FIN-HEAD", *locked_all])  # a locked post: X1 stays
    assert _why(result) == {"X1": ["LOCKED"], "X2": ["NO-OPTION", "RANK-MATCH"]}
    result = _plan(store, bundle, lock=locked_all, forbid=["X1=EDU-HEAD"])
    assert result.moves == []
    assert _why(result)["X1"] == ["NO-OPTION", "FORBID", "RANK-MATCH"]
    assert "指定不得前往×1" in result.unmoved_due[0].why
    with pytest.raises(NotFound):
        _plan(store, bundle, lock=["NOBODY"])


def test_must_overrides_the_best_plan(store: GraphStore) -> None:
    bundle = scenario([cadre("X1", "FIN-HEAD"), cadre("X2", "EDU-HEAD")])
    result = _plan(store, bundle, must=["X1=B-AUD-HEAD"])
    assert _moves(result)["X1"] == "B-AUD-HEAD"
    assert "按指定安排（must）" in result.moves[0].reasons
    with pytest.raises(InvalidInput, match="RANK-MATCH"):
        _plan(store, bundle, must=["X1=FIN-DEP"])  # a demotion is never planned
    store.clear()
    # N is not due: moves only when told; Z holds no post: a new appointment when told.
    recent = scenario([cadre("N", "AUD-HEAD", RECENT), cadre("Z", None)])
    assert _plan(store, recent).moves == []
    store.clear()
    told = _plan(store, recent, must=["N=B-EDU-HEAD", "Z=PUB-HEAD"])
    assert _moves(told) == {"N": "B-EDU-HEAD", "Z": "PUB-HEAD"}
    assert [m.from_post for m in told.moves] == ["AUD-HEAD", None]


def test_exchange_not_both_principals_of_one_county(store: GraphStore) -> None:
    result = _plan(store, scenario([cadre("S", "P-SEC"), cadre("M", "P-MAYOR")]))
    assert len(result.moves) == 1
    (unmoved,) = result.unmoved_due
    assert unmoved.codes == ["EXCHANGE-NOT-BOTH"] and unmoved.strength == "must"


def _traps(store: GraphStore, bundle: Bundle, control: Bundle,
           **options: object) -> tuple[dict[str, str], dict[str, str]]:
    """The plan on the trapped data and on the same data without the traps (control)."""
    free = _moves(_plan(store, control, **options))
    store.clear()
    result = _plan(store, bundle, **options)
    assert result.recheck == []
    moves = _moves(result)
    proposals = [Proposal(p, post, AS_OF) for p, post in moves.items()]
    assert what_if(store, national(), proposals, AS_OF).findings == []
    return moves, free


def test_kin_traps_create_no_new_conflict(store: GraphStore) -> None:
    people = [
        # K1 is due; his wife is deputy head of 财政局, whose vacant head post is his best fit.
        cadre("K1", "T1-SEC"), cadre("K2", "FIN-DEP", RECENT, gender=F),
        # S1 and S2 are due, too old for promotion; both fit the two local 审计局副局长 posts
        # best, but as brothers not together (KIN-SAME-LEADER between two moved people).
        cadre("S1", "EDU-DEP", born=date(1975, 1, 1)),
        cadre("S2", "T2-DEP", born=date(1975, 1, 1))]
    kin = [Kinship(person_id="K1", relative_id="K2", relation="妻子"),
           Kinship(person_id="S1", relative_id="S2", relation="弟弟")]
    options = {"forbid": ["S1=T2-DEP", "S2=EDU-DEP"],
               "lock": ["EDU-HEAD", "AUD-HEAD", "PUB-HEAD", "T1-DEP"]}
    moves, free = _traps(store, scenario(people, kin), scenario(people), **options)
    assert free == {"K1": "FIN-HEAD", "S1": "AUD-DEP", "S2": "AUD-DEP"}
    assert set(moves) == {"K1", "S1", "S2"}
    assert moves["K1"] != "FIN-HEAD"
    assert sorted([moves["S1"], moves["S2"]]) == ["AUD-DEP", "B-T-DEP"]


def test_region_traps_create_no_new_conflict(store: GraphStore) -> None:
    # R1 is due; the vacant 公安局长 post is in the county where he grew up, and so is the
    # vacant 青山镇党委书记 post (REGION-COUNTY, REGION-TOWNSHIP): his two best local fits.
    options = {"lock": ["FIN-HEAD", "AUD-HEAD", "T2-SEC"]}
    trapped = scenario([cadre("R1", "EDU-HEAD", home="330102101")])
    moves, free = _traps(store, trapped, scenario([cadre("R1", "EDU-HEAD")]), **options)
    assert free["R1"] in {"PUB-HEAD", "T1-SEC"}
    assert moves["R1"] in {"B-AUD-HEAD", "B-EDU-HEAD"}
