"""简历 units and posts matched to the graph by name, explained; else provisional."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from graph import ops
from graph.model import Post, Unit
from graph.store.base import GraphStore
from graph.vocab import PostRole
from ingest.lrmx.catalog import Catalog, infer_role
from ingest.lrmx.load import load_lrmx
from ingest.lrmx.unit_names import canonical, join_unit, post_match, unit_match
from tests.ingest.lrmx.forms import ZHANG_ID, form, roster, save

UNITS = [Unit(id="U-FIN", name="青阳县财政局"), Unit(id="U-PC", name="中共青阳县委员会"),
         Unit(id="U-ORG", name="中共青阳县委组织部"), Unit(id="U-A", name="办公室"),
         Unit(id="U-B", name="办公室")]
POSTS = [Post(id="P-DEP", unit_id="U-FIN", title="副局长"),
         Post(id="P-SEC", unit_id="U-PC", title="县委书记"),
         Post(id="P-ORG", unit_id="U-ORG", title="部长")]


def test_canonical_names() -> None:
    assert canonical("中共河西省青阳县委员会") == canonical("青阳县委") == "青阳县委"
    assert canonical("河西省临川市人民政府") == "临川市政府"
    assert canonical("临川市　财政局") == "临川市财政局"  # full-width space
    assert join_unit("临川市委", "市委办公室") == "临川市委办公室"


def test_unit_matches_are_explained() -> None:
    same = unit_match("河西省青阳县财政局", "青阳县财政局")
    assert same.score == 1.0 and "去掉省级前缀或“中共”" in same.reasons
    assert unit_match("青阳财政局", "青阳县财政局").score == 0.9
    assert unit_match("青阳县财政局", "青阳市财政局").score < 0.9
    suffix = unit_match("青阳县城关镇党委", "城关镇党委")
    assert suffix.score == 0.8 and "不自动认定" in suffix.reasons[-1]
    assert post_match("书记", "县委书记", "中共青阳县委员会") == 0.95
    assert post_match("副局长", "局长", "青阳县财政局") == 0.0


def test_catalog_matches_known_units_and_posts() -> None:
    catalog = Catalog(UNITS, POSTS)
    assert catalog.post_for("河西省青阳县财政局", "副局长", "f 简历第1行") == "P-DEP"
    assert catalog.post_for("河西省青阳县委", "书记", "f") == "P-SEC"
    assert catalog.post_for("河西省青阳县委", "组织部部长", "f") == "P-ORG"  # its own unit
    assert not catalog.new_units and not catalog.new_posts


def test_catalog_never_guesses() -> None:
    catalog = Catalog(UNITS, POSTS)
    pid = catalog.post_for("河西省青阳县财政局", "局长", "f 简历第2行")
    post = catalog.new_posts[pid]
    assert pid.startswith("prov-p-") and post.unit_id == "U-FIN"
    assert post.extra["review"] == ("待核实职位「局长」（单位 青阳县财政局）：该单位中没有此职位；"
                                    "来源 f 简历第2行")
    uid = catalog.unit_for("办公室", "f")  # two units of that name: not chosen
    review = catalog.new_units[uid].extra["review"]
    assert "多个单位同样匹配：办公室（U-A）、办公室（U-B）" in review
    near = catalog.unit_for("青阳县城关镇财政局", "f")
    assert near.startswith("prov-u-")
    assert "最接近：青阳县财政局（U-FIN" in catalog.new_units[near].extra["review"]
    assert catalog.unit_for("河西省青阳县城关镇财政局", "g") == near  # same name, same unit


def test_roles_read_from_titles() -> None:
    titles = ("副局长", "党组书记", "常委", "主任科员", "主任助理", "教师")
    assert [infer_role(t) for t in titles] == [
        PostRole.deputy, PostRole.principal, PostRole.member, PostRole.staff, PostRole.staff,
        PostRole.staff]


def test_loading_matches_the_roster(store: GraphStore, tmp_path: Path) -> None:
    roster(store)
    record = form("张建国", id_number=ZHANG_ID, current="青阳县委书记", resume=(
        "2003.09--2011.03  河西省青阳县财政局副局长\n2011.03--  中共河西省青阳县委书记"))
    load_lrmx(store, save(tmp_path / "in", record), data_dir=tmp_path / "data", actor="t")
    held = [(h.post_id, h.start, h.end) for h in ops.export_bundle(store).holdings]
    assert held == [("P-FIN-DEP", date(2003, 9, 1), date(2011, 3, 1)),
                    ("P-SEC", date(2011, 3, 1), None)]
    assert not [u for u in ops.export_bundle(store).units if u.id.startswith("prov-")]
