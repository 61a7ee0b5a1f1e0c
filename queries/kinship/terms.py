"""The 称谓 and GB/T 4761 code tables (data files) and the normaliser for written terms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from queries.kinship.steps import Chain, KinshipError, Sex, parse_chain, parse_sex


class TermKind(StrEnum):
    """How a declared relation counts (rules.md §1, 拟制血亲)."""

    KIN = "kin"  # blood or marriage
    ADOPTIVE = "adoptive"  # 养: counts like the blood relation
    STEP = "step"  # 继: counts like blood only with 抚养 upbringing
    ADOPTIVE_OR_STEP = "adoptive_or_step"  # 养子或继子 (GB/T 4761 27): counted as adoptive
    NONE = "none"  # a declared relation that is not kin (朋友, 干爹, 非亲属)


@dataclass(frozen=True)
class TermEntry:
    """One row of ``terms.tsv`` or ``gbt4761.tsv``."""

    term: str
    chains: tuple[Chain, ...]
    ego: Sex | None
    kind: TermKind
    note: str


def _rows(filename: str) -> Iterator[list[str]]:
    text = resources.files("queries.kinship").joinpath(filename).read_text(encoding="utf-8")
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cells = [*line.rstrip("\n").split("\t"), "", "", "", ""]
        if not cells[0].strip():
            raise KinshipError(f"{filename}:{number}: empty first column")
        yield [cell.strip() for cell in cells[:5]]


def _chains(cell: str) -> tuple[Chain, ...]:
    return tuple(parse_chain(part) for part in cell.split("|") if part.strip())


@cache
def term_table() -> dict[str, TermEntry]:
    """称谓 -> entry, in file order (``terms.tsv``)."""
    table: dict[str, TermEntry] = {}
    for term, chains, ego, kind, note in _rows("terms.tsv"):
        if term in table:
            raise KinshipError(f"terms.tsv: duplicate term {term}")
        table[term] = TermEntry(
            term, _chains(chains), parse_sex(ego), TermKind(kind or "kin"), note
        )
    return table


@cache
def code_table() -> dict[str, TermEntry]:
    """GB/T 4761 code -> entry (``gbt4761.tsv``); the entry's term is the standard's name."""
    table: dict[str, TermEntry] = {}
    for code, name, chains, kind, note in _rows("gbt4761.tsv"):
        table[code] = TermEntry(name, _chains(chains), None, TermKind(kind or "kin"), note)
    return table


@cache
def _by_chain() -> dict[Chain, str]:
    index: dict[Chain, str] = {}
    for entry in term_table().values():
        if entry.kind is TermKind.KIN and len(entry.chains) == 1:
            index.setdefault(entry.chains[0], entry.term)
    return index


def term_for(chain: Chain) -> str | None:
    """The first table term meaning exactly this chain (``w,f`` -> 岳父), if any."""
    return _by_chain().get(chain)


_QUALIFIER = re.compile(r"^(?P<core>.*?)[(\[【〔](?P<qualifier>[^)\]】〕]*)[)\]】〕]$")
_NO_UPBRINGING = re.compile(r"(无|未|没有|不)(形成)?(抚养|扶养)")
_UPBRINGING = re.compile(r"抚养|扶养|养育")
_BLOOD_PREFIXES = ("亲生", "同胞", "亲", "胞")
_ORDINAL = re.compile(r"^(?:十[一二三四五六七八九]|[大小老长次幺二三四五六七八九十]|\d{1,2})(?=.)")
_DECEASED = ("已故", "已去世", "去世")


def split_qualifier(text: str) -> tuple[str, bool | None]:
    """``继父(抚养)`` -> (``继父``, True); ``继父(无抚养关系)`` -> False; no qualifier -> None.

    Also strips 已故/去世 markers, which do not change the relation.
    """
    core = unicodedata.normalize("NFKC", text)
    core = re.sub(r"\s+", "", core)
    upbringing: bool | None = None
    while match := _QUALIFIER.match(core):
        core, qualifier = match["core"], match["qualifier"]
        if _NO_UPBRINGING.search(qualifier):
            upbringing = False
        elif _UPBRINGING.search(qualifier):
            upbringing = True
    for marker in _DECEASED:
        core = core.removeprefix(marker)
    return core, upbringing


def _variants(term: str) -> Iterator[str]:
    """``term``, then without a blood prefix (亲/胞) and/or one ordinal (大/二/长/次)."""
    yield term
    stems = [term]
    for prefix in _BLOOD_PREFIXES:
        if term.startswith(prefix) and len(term) > len(prefix):
            stems.append(term[len(prefix) :])
            yield stems[-1]
            break
    for stem in stems:
        match = _ORDINAL.match(stem)
        if match:
            yield stem[match.end() :]


def lookup(term: str) -> TermEntry | None:
    """The table entry for a written 称谓, via the normaliser (大哥 -> 哥哥's row ``哥``)."""
    table = term_table()
    for variant in _variants(term):
        if variant in table:
            return table[variant]
    return None
