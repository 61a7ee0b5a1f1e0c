from datetime import date
from pathlib import Path

import pytest

from ingest.lrmx.jianli import ResumeSpell, parse_jianli


def _one(text: str) -> ResumeSpell:
    result = parse_jianli(text)
    assert result.issues == []
    assert len(result.spells) == 1
    return result.spells[0]


def test_variants_sample(samples: Path) -> None:
    result = parse_jianli((samples / "jianli_variants.txt").read_text(encoding="utf-8"))
    assert result.issues == []
    top = [s for s in result.spells if s.parent_index is None]
    assert [(s.start, s.end) for s in top] == [
        (date(1985, 9, 1), date(1988, 7, 1)), (date(1988, 9, 1), date(1992, 7, 1)),
        (date(1992, 7, 1), date(1994, 3, 1)), (date(1994, 3, 1), date(1996, 5, 1)),
        (date(1996, 5, 1), date(1998, 12, 1)), (date(1998, 12, 1), date(2001, 6, 1)),
        (date(2001, 6, 1), date(2003, 9, 1)), (date(2003, 9, 1), date(2006, 1, 1)),
        (date(2006, 1, 1), date(2008, 12, 1)), (date(2008, 12, 1), date(2011, 3, 1)),
        (date(2011, 3, 1), date(2016, 9, 1)), (date(2016, 9, 1), None),
    ]
    assert [s.line_no for s in top] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 15]
    assert [s.kind for s in top] == ["study"] * 2 + ["work"] * 10
    subs = [(s.parent_index, s.start, s.end, s.kind, s.part_time, s.unit_text, s.post_texts)
            for s in result.spells if s.parent_index is not None]
    assert subs == [
        (4, date(1997, 3, 1), date(1997, 6, 1), "study", True, "河西省委党校青年干部培训班", []),
        (4, date(1998, 3, 1), date(1998, 9, 1), "work", False, "青阳县城关镇党委", ["副书记"]),
        (8, date(2001, 9, 1), date(2003, 7, 1), "study", True, "中央党校在职研究生班经济学专业",
         []),
        (11, date(2007, 3, 1), date(2007, 7, 1), "study", True, "河西省委党校中青年干部培训班",
         []),
        (11, date(2008, 1, 1), date(2008, 6, 1), "work", False, "河西省发展和改革委员会",
         ["主任助理"]),
        (15, date(2013, 9, 1), date(2013, 12, 1), "study", True, "国家行政学院地厅级干部进修班",
         []),
    ]
    for index, spell in enumerate(result.spells):
        if spell.parent_index is not None:
            assert result.spells[spell.parent_index].parent_index is None
            assert spell.parent_index < index
    wrapped = result.spells[11]
    assert wrapped.text.startswith(
        "河西省临川市委副秘书长、市委办公室主任（其间：2007.03--2007.07在")
    assert wrapped.raw.count("\n") == 2
    assert wrapped.post_texts == ["副秘书长", "市委办公室主任"]
    assert result.spells[10].notes == ["正处级"]


@pytest.mark.parametrize("sep", ["--", "—", "——", "－", "～", "至", "-", "－－", "~"])
def test_separators(sep: str) -> None:
    spell = _one(f"1996.05{sep}1998.12  河西省青阳县财政局副局长")
    assert (spell.start, spell.end) == (date(1996, 5, 1), date(1998, 12, 1))
    assert (spell.unit_text, spell.post_texts) == ("河西省青阳县财政局", ["副局长"])


@pytest.mark.parametrize(("start", "end"), [
    ("1996.05", "1998.12"), ("1996.5", "1998.12"), ("199605", "199812"),
    ("1996年05月", "1998年12月"), ("1996年5月", "1998年12月"), ("１９９６．０５", "１９９８．１２"),
    ("1996-05", "1998-12"), ("1996/5", "1998/12"),
])
def test_date_forms(start: str, end: str) -> None:
    spell = _one(f"{start}--{end}  河西省青阳县财政局副局长")
    assert (spell.start, spell.end) == (date(1996, 5, 1), date(1998, 12, 1))


@pytest.mark.parametrize("line", [
    "2016.09--至今  河西省青阳县委书记", "2016.09至今  河西省青阳县委书记",
    "2016.09--         河西省青阳县委书记", "2016.09-  河西省青阳县委书记",
    "2016.09  河西省青阳县委书记", "2016.09--今 河西省青阳县委书记",
])
def test_missing_end_or_zhijin_means_current(line: str) -> None:
    spell = _one(line)
    assert spell.start == date(2016, 9, 1) and spell.end is None and spell.current
    assert (spell.unit_text, spell.post_texts) == ("河西省青阳县委", ["书记"])


def test_wrapped_lines_continue_the_previous_entry() -> None:
    result = parse_jianli("1998.05--2005.09  某某省某某市委常委、宣传部部长，市社会科学\n"
                          "                  界联合会主席\n"
                          "2005.09--2007.02  某某省某某市委副书记")
    assert result.issues == []
    assert result.spells[0].text == "某某省某某市委常委、宣传部部长，市社会科学界联合会主席"
    assert result.spells[0].post_texts == ["常委", "宣传部部长", "市社会科学界联合会主席"]


def test_unindented_wrap_inside_open_bracket() -> None:
    result = parse_jianli("1979.09--1988.11  某某市委党校教师（其间：1985.10--\n"
                          "1988.07在某某省委党校电教大专班学习）\n"
                          "1988.11--1993.07  某某市委宣传部干事")
    assert result.issues == []
    assert [(s.start, s.end, s.parent_index) for s in result.spells] == [
        (date(1979, 9, 1), date(1988, 11, 1), None),
        (date(1985, 10, 1), date(1988, 7, 1), 0),
        (date(1988, 11, 1), date(1993, 7, 1), None),
    ]


def test_sub_entries_with_comma_separated_dates_and_notes() -> None:
    result = parse_jianli(
        "1984.12--1988.12  某某大学国际法学系教师、副主任（其间：1985年09月至1988年07月，"
        "某某大学国际经济法专业博士研究生，1988年10月至1989年09月，美国某大学进修）\n"
        "2003.02--2007.05  某某省政府副秘书长、省法制办主任（正厅级，其间：2006年03月至"
        "2007年01月，中央党校一年制中青年干部培训班学习）\n"
        "2008.01--2012.12  某某省高级人民法院院长、党组书记（2008年02月二级大法官）")
    assert result.issues == []
    spells = result.spells
    assert [(s.start, s.end, s.parent_index, s.kind) for s in spells] == [
        (date(1984, 12, 1), date(1988, 12, 1), None, "work"),
        (date(1985, 9, 1), date(1988, 7, 1), 0, "study"),
        (date(1988, 10, 1), date(1989, 9, 1), 0, "study"),
        (date(2003, 2, 1), date(2007, 5, 1), None, "work"),
        (date(2006, 3, 1), date(2007, 1, 1), 3, "study"),
        (date(2008, 1, 1), date(2012, 12, 1), None, "work"),
        (date(2008, 2, 1), date(2012, 12, 1), 5, "work"),  # no end: bounded by the parent
    ]
    assert spells[3].notes == ["正厅级"]
    assert spells[1].post_texts == ["博士研究生"] and spells[1].part_time


def test_sub_entry_without_dates_takes_the_parent_dates() -> None:
    spells = parse_jianli("2010.01--2012.06  某某县委常委、副县长（其间：挂任某某市发展和改革"
                          "委员会副主任）").spells
    assert (spells[1].start, spells[1].end, spells[1].parent_index) == (
        date(2010, 1, 1), date(2012, 6, 1), 0)
    assert (spells[1].unit_text, spells[1].post_texts) == ("某某市发展和改革委员会", ["副主任"])


@pytest.mark.parametrize(("text", "kind", "part_time"), [
    ("河西大学经济系经济学专业学习", "study", False),
    ("河西省青阳县第一中学高中读书", "study", False),
    ("在河西大学中文系就读", "study", False),
    ("河西大学中文系学生", "study", False),
    ("武汉大学法律系国际法专业硕士研究生", "study", False),
    ("中央党校在职研究生班经济学专业学习", "study", True),
    ("中央党校研究生院经济学专业研究生", "study", True),
    ("河西广播电视大学汉语言文学专业学习", "study", True),
    ("河西大学研究生院副院长", "work", False),
    ("河西大学学生会主席", "work", False),
    ("河西大学教师", "work", False),
    ("待分配", "other", False),
])
def test_kinds(text: str, kind: str, part_time: bool) -> None:
    spell = _one(f"1990.09--1994.07  {text}")
    assert (spell.kind, spell.part_time) == (kind, part_time)


@pytest.mark.parametrize(("text", "unit", "posts"), [
    ("XX县财政局副局长", "XX县财政局", ["副局长"]),
    ("XX县委常委、组织部部长", "XX县委", ["常委", "组织部部长"]),
    ("XX市委副书记、代市长", "XX市委", ["副书记", "代市长"]),
    ("XX局局长兼党组书记", "XX局", ["局长", "党组书记"]),
    ("XX局一级主任科员", "XX局", ["一级主任科员"]),
    ("XX县人民政府常务副县长", "XX县人民政府", ["常务副县长"]),
    ("在XX县农业局工作", "XX县农业局", []),
    ("河西大学经济系经济学专业学习", "河西大学经济系经济学专业", []),
    ("XX县农业技术推广中心", None, []),
])
def test_unit_and_post_split(text: str, unit: str | None, posts: list[str]) -> None:
    spell = _one(f"1990.09--1994.07  {text}")
    assert (spell.unit_text, spell.post_texts) == (unit, posts)


def test_bad_dates_produce_issues_naming_the_line() -> None:
    result = parse_jianli("1990.09--1994.07  XX大学学习\n"
                          "1994.13--1996.05  XX县财政局科员\n"
                          "          XX县财政局副科长\n"
                          "19961--1998.12  XX县财政局副局长\n"
                          "1999.05--1998.12  XX县委常委\n"
                          "2001.06--2003.09  XX县委副书记（其间：2002.14--2002.16XX学习）")
    assert [(i.line_no, i.severity, i.reason) for i in result.issues] == [
        (2, "error", "invalid date '1994.13': month 13 is out of range 1-12"),
        (4, "error", "unrecognised date at the start of the line"),
        (5, "error", "end '1998.12' is before start '1999.05'"),
        (6, "error", "sub-entry '2002.14--2002.16XX学习': invalid date '2002.14': month 14 "
                     "is out of range 1-12"),
    ]
    assert result.issues[0].raw == "1994.13--1996.05  XX县财政局科员\nXX县财政局副科长"
    assert all(i.element == "Person" and i.field == "JianLi" for i in result.issues)
    assert [s.line_no for s in result.spells] == [1, 6]


def test_lines_that_cannot_be_attached_are_issues() -> None:
    result = parse_jianli("简历：\n1990.09--1994.07  XX大学学习\n\n      第十九届中央候补委员")
    assert [(i.line_no, i.severity) for i in result.issues] == [(1, "warning"), (4, "warning")]
    assert result.issues[1].raw == "第十九届中央候补委员"
    assert len(result.spells) == 1


def test_year_only_dates_warn() -> None:
    result = parse_jianli("1978-1982年　东北重型机械学院锻压专业学习")
    spell = result.spells[0]
    assert (spell.start, spell.end) == (date(1978, 1, 1), date(1982, 1, 1))
    assert [i.severity for i in result.issues] == ["warning"]
    assert "year-only" in result.issues[0].reason


def test_unclosed_bracket_does_not_swallow_the_rest() -> None:
    result = parse_jianli("1990.09--1994.07  XX县财政局科员（其间：1991.01--1991.06XX学习\n"
                          "1994.07--1996.05  XX县财政局副科长")
    assert [s.start for s in result.spells if s.parent_index is None] == [
        date(1990, 9, 1), date(1994, 7, 1)]
    assert {i.reason for i in result.issues} == {"unclosed bracket in this entry",
                                                 "unbalanced brackets"}


def test_empty_text() -> None:
    assert parse_jianli("").spells == [] and parse_jianli(" \n\n").issues == []
