"""Loading the sample forms: persons, family, 简历, assessments, provisional units, the
report (nothing lost), bad inputs and re-loading."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from graph import ops
from graph.store.base import GraphStore
from graph.vocab import Gender, Grade, PostRole
from ingest.lrmx import LrmxError
from ingest.lrmx.load import is_lrmx_path, load_lrmx, lrmx_files
from ingest.report import LoadReport
from tests.factory import small_county
from tests.ingest.lrmx.forms import ZHANG_ID, form, member, save

GOOD = ("zhang_utf8.lrmx", "li_gbk.lrmx", "wang_utf16.lrmx")
LI_ID, WANG_ID = "632901197504020027", "632901198102110035"


def _copy(samples: Path, target: Path, *names: str) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(samples / name, target / name)
    return target


def _load(store: GraphStore, path: Path, tmp_path: Path) -> LoadReport:
    _, report = load_lrmx(store, path, data_dir=tmp_path / "data", actor="测试")
    assert report.balanced
    return report


def test_good_forms_become_persons_with_every_field_kept(store: GraphStore, samples: Path,
                                                         tmp_path: Path) -> None:
    report = _load(store, _copy(samples, tmp_path / "in", *GOOD), tmp_path)
    assert report.counts["lrmx_files"].loaded == 3 and not report.rejects
    zhang = ops.get_person(store, ZHANG_ID)
    assert (zhang.name, zhang.gender, zhang.birth_date) == ("张建国", Gender.M, date(1970, 3, 1))
    assert zhang.id_number == ZHANG_ID and zhang.party == "中共党员"
    assert zhang.education == "研究生" and zhang.work_start == date(1992, 7, 1)
    assert zhang.retirement_date == date(2031, 7, 1)
    assert zhang.extra["lrmx:JianKangZhuangKuang"] == "健康"
    assert zhang.extra["lrmx:ZaiZhiJiaoYu_XueWei"] == ""  # present but empty: kept too
    assert zhang.extra["lrmx:GaiGeQianRenZhiNianLingJieXian"] == "改革前任职年龄界限为60岁"
    assert json.loads(zhang.extra["lrmx:namespaces"])["xsi"].endswith("XMLSchema-instance")
    li = ops.get_person(store, LI_ID)
    assert [n["tag"] for n in json.loads(li.extra["lrmx:extra_nodes"])] == ["#comment", "BeiZhu"]
    assert ops.get_person(store, WANG_ID).name == "王磊"


def test_family_assessments_holdings_and_trainings(store: GraphStore, samples: Path,
                                                   tmp_path: Path) -> None:
    _load(store, _copy(samples, tmp_path / "in", "zhang_utf8.lrmx"), tmp_path)
    bundle = ops.export_bundle(store)
    kin = {k.relation: k for k in bundle.kinship}
    assert sorted(kin) == ["儿子", "妻子", "母亲", "父亲"]
    wife = ops.get_person(store, kin["妻子"].relative_id)
    assert (wife.name, wife.gender, wife.birth_date) == ("李红", Gender.F, date(1972, 5, 1))
    assert wife.extra["lrmx:workplace"] == "临川市第一中学教师"
    assert kin["妻子"].extra["lrmx:GongZuoDanWeiJiZhiWu"] == "临川市第一中学教师"
    assert [(a.year, a.grade) for a in bundle.assessments] == [
        (2021, Grade.competent), (2022, Grade.competent), (2023, Grade.excellent)]
    assert {t.institution for t in bundle.trainings} == {
        "河西省委党校青年干部培训班", "中央党校在职研究生班经济学专业",
        "河西省委党校中青年干部培训班", "国家行政学院地厅级干部进修班"}
    posts = {p.id: p for p in bundle.posts}
    units = {u.id: u for u in bundle.units}
    held = {(units[posts[h.post_id].unit_id].name, posts[h.post_id].title, h.start, h.end)
            for h in bundle.holdings}
    assert ("河西省青阳县财政局", "副科长", date(1994, 3, 1), date(1996, 5, 1)) in held
    assert ("河西省青阳县财政局", "科长", date(1994, 3, 1), date(1996, 5, 1)) in held
    assert ("青阳县城关镇党委", "副书记", date(1998, 3, 1), date(1998, 9, 1)) in held  # 其间
    current = [h for h in bundle.holdings if h.end is None]
    assert [(units[posts[h.post_id].unit_id].name, posts[h.post_id].title, h.start)
            for h in current] == [("河西省青阳县委", "书记", date(2016, 9, 1))]  # 现任职务 too
    assert not any(h.start == date(1985, 9, 1) for h in bundle.holdings)  # study: no holding


def test_unknown_units_and_posts_are_provisional(store: GraphStore, samples: Path,
                                                 tmp_path: Path) -> None:
    _load(store, _copy(samples, tmp_path / "in", "li_gbk.lrmx"), tmp_path)
    bundle = ops.export_bundle(store)
    assert bundle.units and all(u.id.startswith("prov-u-") for u in bundle.units)
    assert all(u.extra["provisional"] == "true" for u in bundle.units)
    fed = next(u for u in bundle.units if u.name == "河西省临川市妇女联合会")
    assert "待核实单位" in fed.extra["review"] and "li_gbk.lrmx 简历第5行" in fed.extra["review"]
    titles = {p.title: p for p in bundle.posts if p.unit_id == fed.id}
    assert set(titles) == {"主席", "党组书记"}  # 简历 and 现任职务 land on the same posts
    assert titles["主席"].role == PostRole.principal
    assert titles["主席"].extra["role_from_title"] == "true"


def test_every_bad_input_is_a_clear_reject(store: GraphStore, samples: Path,
                                           tmp_path: Path) -> None:
    report = _load(store, samples, tmp_path)
    files = report.counts["lrmx_files"]
    assert (files.read, files.loaded, files.rejected) == (9, 5, 4)
    text = "\n".join(str(r) for r in report.rejects)
    assert "broken_malformed.lrmx [MinZu]: malformed XML: Opening and ending tag mismatch" in text
    assert "broken_encoding.lrmx: wrong encoding: the bytes are not valid UTF-8" in text
    assert "broken_truncated.lrmx [JianLi]: truncated file" in text
    assert "broken_root.lrmx [GanBu]: root element is <GanBu>, expected <Person>" in text
    assert ("broken_dates.lrmx [Person/ChuShengNianYue]: invalid date '1990.13': month 13 is "
            "out of range 1-12") in text
    assert "broken_dates.lrmx row 15 [Person/JianLi]: invalid date '2016.13'" in text
    assert ("broken_family.lrmx [Person/JiaTingChengYuan/Item[2]/XingMing]: family member has "
            "no name (XingMing)") in text
    assert "broken_family.lrmx [Person/JiaTingChengYuan/Item[3]]: empty family member" in text
    family = report.counts["lrmx_family"]
    assert family.read == family.loaded + family.rejected and family.rejected == 2
    saved = tmp_path / "rejects"
    report.write(saved)
    assert "1990.13" in (saved / "rejects.csv").read_text("utf-8-sig")


def test_bad_date_keeps_the_raw_text(store: GraphStore, samples: Path, tmp_path: Path) -> None:
    _load(store, _copy(samples, tmp_path / "in", "broken_dates.lrmx"), tmp_path)
    person = ops.get_person(store, ZHANG_ID)
    assert person.birth_date is None and person.extra["lrmx:ChuShengNianYue"] == "1990.13"
    assert person.party == "群众"


def test_no_name_rejects_the_form_and_its_family(store: GraphStore, tmp_path: Path) -> None:
    record = form(" ", id_number=ZHANG_ID, family=(member("妻子", "李红"),),
                  source="noname.lrmx")
    report = _load(store, save(tmp_path / "in", record), tmp_path)
    assert [str(r) for r in report.rejects] == [
        "noname.lrmx [Person/XingMing]: no name (姓名): 表格被拒收",
        "noname.lrmx [家庭成员1]: 所在表格无姓名被拒收，家庭成员未载入"]
    assert ops.stats(store).nodes == {}


def test_loading_again_changes_nothing(store: GraphStore, samples: Path,
                                       tmp_path: Path) -> None:
    folder = _copy(samples, tmp_path / "in", *GOOD, "broken_family.lrmx", "broken_dates.lrmx")
    _load(store, folder, tmp_path)
    first = ops.export_bundle(store)
    decisions = (tmp_path / "data" / "resolution.json").read_text("utf-8")
    report = _load(store, folder, tmp_path)
    assert ops.export_bundle(store) == first
    assert (tmp_path / "data" / "resolution.json").read_text("utf-8") == decisions
    assert report.counts["lrmx_files"].loaded == 5


def test_file_discovery(samples: Path, tmp_path: Path) -> None:
    nested = _copy(samples, tmp_path / "a" / "b", "li_gbk.lrmx")
    (nested / "UPPER.LRMX").write_bytes((samples / "zhang_utf8.lrmx").read_bytes())
    (nested / "notes.txt").write_text("x")
    assert [name for _, name in lrmx_files(tmp_path / "a")] == ["b/UPPER.LRMX", "b/li_gbk.lrmx"]
    assert is_lrmx_path(tmp_path / "a") and is_lrmx_path(nested / "li_gbk.lrmx")
    assert not is_lrmx_path(nested / "notes.txt")
    with pytest.raises(LrmxError, match="no such file or directory"):
        lrmx_files(tmp_path / "missing")


def _current(store: GraphStore) -> list[tuple[str, date]]:
    posts = {p.id: p.title for p in ops.export_bundle(store).posts}
    return [(posts[h.post_id], h.start) for h in ops.export_bundle(store).holdings
            if h.end is None]


@pytest.mark.parametrize("together", [True, False])
def test_a_dated_current_post_replaces_an_estimated_one(store: GraphStore, samples: Path,
                                                        tmp_path: Path, together: bool) -> None:
    # broken_dates: the current spell's date is broken, so 现任职务 is dated by 填表时间
    if together:
        _load(store, _copy(samples, tmp_path / "in", "broken_dates.lrmx", "zhang_utf8.lrmx"),
              tmp_path)
    else:
        _load(store, _copy(samples, tmp_path / "a", "broken_dates.lrmx"), tmp_path)
        assert _current(store) == [("书记", date(2024, 6, 1))]
        _load(store, _copy(samples, tmp_path / "b", "zhang_utf8.lrmx"), tmp_path)
    assert _current(store) == [("书记", date(2016, 9, 1))]


def test_roster_regions_are_left_alone(store: GraphStore, tmp_path: Path) -> None:
    ops.write_bundle(store, small_county())
    before = ops.export_bundle(store)
    record = form("王建国", id_number="330102197005011234", birth="1970.05",
                  native_place="330102")
    _load(store, save(tmp_path / "in", record), tmp_path)
    after = ops.export_bundle(store)
    assert after.regions == before.regions  # declared names kept, nothing marked derived
    person = ops.get_person(store, "A1")
    assert person.grew_up_in == "330102101" and person.native_place == "330102"
    assert person.extra["lrmx:XingMing"] == "王建国"
