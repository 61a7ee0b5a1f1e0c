"""Whatever comes in, the parser answers with a record or an LrmxError, and every JianLi
line ends in a spell or an issue."""

import contextlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.lrmx.errors import LrmxError
from ingest.lrmx.jianli import parse_jianli
from ingest.lrmx.parse import parse_lrmx

SAMPLE = (Path(__file__).parent / "samples" / "zhang_utf8.lrmx").read_bytes()
_PIECES = st.sampled_from([
    "1990.09--1994.07  ", "2001.06至今 ", "199009--", "1990年9月", "（其间：", "）", "(", ")",
    "；", "\n", "\n    ", "XX县财政局副局长", "学习", "、", "1990.13", "—", "至", "2003",
    "１９９８．０７", "\r\n", "\n\n",
])
JIANLI_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(JIANLI_TEXT)
def test_every_jianli_line_ends_in_a_spell_or_an_issue(text: str) -> None:
    result = parse_jianli(text)
    kept = {line for spell in result.spells for line in spell.raw.split("\n")}
    kept |= {line for issue in result.issues for line in (issue.raw or "").split("\n")}
    for line in text.splitlines():
        if line.strip():
            assert line.strip() in kept
    for spell in result.spells:
        assert spell.end is None or spell.end >= spell.start or spell.parent_index is not None


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_damaged_files_give_a_record_or_an_lrmx_error(data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(SAMPLE)))
    end = data.draw(st.integers(start, min(len(SAMPLE), start + 40)))
    patch = data.draw(st.binary(max_size=20))
    damaged = SAMPLE[:start] + patch + SAMPLE[end:]
    try:
        record = parse_lrmx(damaged, source="damaged.lrmx")
    except LrmxError as error:
        assert error.file == "damaged.lrmx" and error.reason
    else:
        assert record.source == "damaged.lrmx"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_crash(data: bytes) -> None:
    with contextlib.suppress(LrmxError):
        parse_lrmx(data, source="random.bin")
