from datetime import date

from ingest.lrmx.jianli import parse_jianli, spell_gaps_and_overlaps


def _found(text: str, **kwargs: object) -> list[tuple[str, int, int, int | None]]:
    spells = parse_jianli(text).spells
    return [(d.kind, d.first, d.second, d.months)
            for d in spell_gaps_and_overlaps(spells, **kwargs)]  # type: ignore[arg-type]


def test_contiguous_spells_are_fine() -> None:
    assert _found("1990.09--1994.07  XX大学学习\n"
                  "1994.07--1996.05  XX县财政局科员\n"
                  "1996.05--  XX县财政局副科长") == []


def test_gap_and_overlap() -> None:
    text = ("1994.07--1996.05  XX县财政局科员\n"
            "1997.01--1999.03  XX县财政局副科长\n"
            "1998.10--2001.01  XX县财政局科长")
    assert _found(text) == [("gap", 0, 1, 8), ("overlap", 1, 2, 5)]
    spells = parse_jianli(text).spells
    gap = spell_gaps_and_overlaps(spells)[0]
    assert (gap.first_end, gap.second_start) == (date(1996, 5, 1), date(1997, 1, 1))


def test_tolerance() -> None:
    text = "1994.07--1996.05  XX县财政局科员\n1996.08--1999.03  XX县财政局副科长"
    assert _found(text) == [("gap", 0, 1, 3)]
    assert _found(text, tolerance_months=3) == []
    assert _found(text, tolerance_months=0) == [("gap", 0, 1, 3)]


def test_open_end_followed_by_another_spell() -> None:
    assert _found("1994.07--  XX县财政局科员\n1996.05--1999.03  XX县财政局副科长") == [
        ("open_end", 0, 1, None)]


def test_part_time_study_and_sub_spells_are_ignored() -> None:
    text = ("1994.07--2001.05  XX县财政局科员（其间：1995.09--1998.07XX大学函授学习）\n"
            "1996.09--1999.07  中央党校在职研究生班学习\n"
            "2001.05--2003.01  XX县财政局科长")
    assert _found(text) == []


def test_full_time_study_fills_a_gap_unless_only_work_counts() -> None:
    text = ("1990.07--1995.07  XX县财政局科员\n"
            "1995.09--1998.07  XX大学经济学专业学习\n"
            "1998.07--2001.01  XX县财政局科长")
    assert _found(text) == []
    assert _found(text, kinds=("work",)) == [("gap", 0, 2, 36)]


def test_out_of_order_spells_are_compared_by_start() -> None:
    text = "1998.07--2001.01  XX县财政局科长\n1990.07--1998.07  XX县财政局科员"
    assert _found(text) == []
