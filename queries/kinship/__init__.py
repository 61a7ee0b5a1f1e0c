"""Kinship engine: 称谓 / GB/T 4761 codes / step chains -> the categories of rules.md §1.

>>> resolve("岳父", "男").category
<Category.INLAW: 'inlaw'>
>>> pair_category("w,xb,s")  # 配偶的侄子: inlaw from the other side (姑父)
<Category.INLAW: 'inlaw'>
>>> pair_category(compose("w", "f"))  # A's wife B declares C as her father
<Category.INLAW: 'inlaw'>

Chains (:mod:`.steps`), the rewriting to normal forms (:mod:`.rewrite`, :mod:`.distinct`,
:mod:`.simplify`), categories by rule (:mod:`.categories`), path-search bounds
(:mod:`.paths`), term and code tables with the normaliser (:mod:`.terms`, ``terms.tsv``,
``gbt4761.tsv``), and :func:`resolve` (:mod:`.resolve`). Design notes: ``README.md``.
"""

from queries.kinship.categories import (
    categorize,
    classify,
    compose,
    invert,
    pair_category,
    strongest,
)
from queries.kinship.paths import MAX_KIN_LENGTH, may_become_kin
from queries.kinship.resolve import ChainResult, Resolution, resolve
from queries.kinship.simplify import simplify
from queries.kinship.steps import (
    Chain,
    KinshipError,
    Sex,
    Step,
    format_chain,
    parse_chain,
    parse_sex,
)
from queries.kinship.terms import TermKind, code_table, term_for, term_table
from queries.kinship.types import CATEGORY_LABELS, Category

__all__ = [
    "CATEGORY_LABELS",
    "MAX_KIN_LENGTH",
    "Category",
    "Chain",
    "ChainResult",
    "KinshipError",
    "Resolution",
    "Sex",
    "Step",
    "TermKind",
    "categorize",
    "classify",
    "code_table",
    "compose",
    "format_chain",
    "invert",
    "may_become_kin",
    "pair_category",
    "parse_chain",
    "parse_sex",
    "resolve",
    "simplify",
    "strongest",
    "term_for",
    "term_table",
]
