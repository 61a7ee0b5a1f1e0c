"""Findings: one rule broken by one person or one unordered pair, with evidence and citation.

The JSON shape is the contract of roster-format.md ("Outputs"): rule, severity, persons
(sorted), posts, category, relation, evidence (real node and edge ids), citation.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from queries.rules import Rule, RuleSet, Strength


class Evidence(BaseModel):
    """One step of an evidence path: a node (`node`) or an edge (`edge`) of the graph."""

    kind: Literal["node", "edge"]
    id: str
    type: str
    label: str = ""
    source: str | None = None
    target: str | None = None


class Finding(BaseModel):
    rule: str
    severity: Strength
    persons: list[str]
    posts: list[str] = Field(default_factory=list)
    category: str | None = None
    relation: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    citation: str
    title: str = ""
    mover: str | None = None
    """The person who would normally move (the lower-ranked one); None when equal."""
    detail: str = ""

    def key(self) -> tuple[str, tuple[str, ...]]:
        return self.rule, tuple(self.persons)


class FindingsReport(BaseModel):
    as_of: date | None
    rule_set: str
    findings: list[Finding]


def make(rule: Rule, persons: Iterable[str], **fields: object) -> Finding:
    return Finding.model_validate({
        "rule": rule.id, "severity": rule.strength, "persons": sorted(set(persons)),
        "citation": rule.citation, "title": rule.title_zh, **fields})


def one_per_key(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per rule per person set (the first seen wins: callers emit the strongest
    evidence first), sorted by rule then persons."""
    kept: dict[tuple[str, tuple[str, ...]], Finding] = {}
    for f in findings:
        kept.setdefault(f.key(), f)
    return [kept[k] for k in sorted(kept)]


def report(rules: RuleSet, as_of: date | None, findings: Iterable[Finding]) -> FindingsReport:
    return FindingsReport(as_of=as_of, rule_set=rules.version, findings=one_per_key(findings))
