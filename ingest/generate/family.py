"""Family networks: parents, siblings, spouses, children, in-laws, as a graph of persons.

Cadres are given whole families of non-cadre relatives (persons with no holdings). Two cadres
are kin only through a `link` made before (:mod:`.pairing`, :mod:`.plant`), so the families of
different cadres never share anyone else: no chain of declared relations joins two cadres
except their own link.
"""

from __future__ import annotations

import random

from ingest.generate.dates import days, year_of
from ingest.generate.entities import CADRE, GPerson

SPOUSE, SIBLING, PARENT, SIBLING_SPOUSE, CHILD_SPOUSE = (
    "spouse", "sibling", "parent", "sibling_spouse", "child_spouse")


class Families:
    def __init__(self, persons: list[GPerson], as_of: int, rng: random.Random) -> None:
        self.persons, self.as_of, self.rng = persons, as_of, rng

    def new(self, gender: str, birth: int) -> GPerson:
        person = GPerson(len(self.persons), gender, min(birth, self.as_of - 30))
        self.persons.append(person)
        return person

    def marry(self, a: GPerson, b: GPerson) -> None:
        a.spouse, b.spouse = b.idx, a.idx

    def adopt(self, child: GPerson, father: GPerson, mother: GPerson) -> None:
        child.father, child.mother = father.idx, mother.idx
        father.children.append(child.idx)
        if mother.children is not father.children:
            mother.children.append(child.idx)

    def spouse_of(self, p: GPerson, gap: float = 0.0) -> GPerson:
        if p.spouse >= 0:
            return self.persons[p.spouse]
        older = self.rng.uniform(0, 4) + gap
        birth = p.birth + days(older if p.gender == "M" else -older)
        spouse = self.new("F" if p.gender == "M" else "M", birth)
        self.marry(p, spouse)
        return spouse

    def parents_of(self, p: GPerson, siblings: int = 0) -> tuple[GPerson, GPerson]:
        if p.father >= 0:
            return self.persons[p.father], self.persons[p.mother]
        r = self.rng
        mother = self.new("F", p.birth - days(r.uniform(21, 33)))
        father = self.new("M", mother.birth - days(r.uniform(-1, 5)))
        self.marry(father, mother)
        self.adopt(p, father, mother)
        for _ in range(siblings):
            sib = self.new(r.choice("MF"), mother.birth + days(r.uniform(20, 41)))
            self.adopt(sib, father, mother)
        return father, mother

    def link(self, a: GPerson, b: GPerson, kind: str) -> None:
        """Make cadres `a` and `b` kin in the way `kind` says (see module constants)."""
        r = self.rng
        a.link, b.link = b.idx, a.idx
        if kind == SPOUSE:
            self.marry(a, b)
        elif kind == SIBLING:
            elder = a if a.birth <= b.birth else b
            self.parents_of(elder)
            self.adopt(b if elder is a else a, *self.parents_of(elder))
        elif kind == PARENT:  # a is b's parent
            other = self.spouse_of(a)
            self.adopt(b, *((a, other) if a.gender == "M" else (other, a)))
        elif kind == SIBLING_SPOUSE:  # b married a's sibling
            sibling = self.new("F" if b.gender == "M" else "M", b.birth + days(r.uniform(-3, 3)))
            self.adopt(sibling, *self.parents_of(a))
            self.marry(sibling, b)
        elif kind == CHILD_SPOUSE:  # b married a's child
            other = self.spouse_of(a)
            child = self.new("F" if b.gender == "M" else "M", b.birth + days(r.uniform(-2, 2)))
            self.adopt(child, *((a, other) if a.gender == "M" else (other, a)))
            self.marry(child, b)
        else:
            raise ValueError(kind)

    def complete(self, cadres: list[GPerson]) -> None:
        r, as_of = self.rng, self.as_of
        for c in cadres:
            if c.father < 0:
                year = (as_of - c.birth) / 365.2425
                self.parents_of(c, r.randint(*(1, 4) if year > 60 else (0, 3) if year > 48
                                             else (0, 2) if year > 38 else (0, 1)))
        for c in cadres:
            age = (as_of - c.birth) / 365.2425
            if c.spouse < 0 and r.random() < (0.2 if age < 25 else 0.65 if age < 30 else 0.93):
                self.spouse_of(c)
        for c in cadres:
            if c.spouse >= 0 and self.persons[c.spouse].kind != CADRE:
                self.parents_of(self.persons[c.spouse])
        for c in cadres:
            if c.spouse >= 0:
                self._children(c, self.persons[c.spouse])
        for c in cadres:
            for i in self._kin_to_marry(c):
                k = self.persons[i]
                if k.spouse < 0 and k.kind != CADRE and as_of - k.birth > days(25) and (
                        r.random() < (0.6 if k.father == c.idx or k.mother == c.idx else 0.3)):
                    self.spouse_of(k, gap=-2)

    def _children(self, c: GPerson, spouse: GPerson) -> None:
        mother = c if c.gender == "F" else spouse
        if c.children:
            return
        born = mother.birth
        year = year_of(born)
        counts = (1, 1, 2, 2, 3) if year < 1965 else (1, 1, 1, 2) if year < 1980 else (
            0, 1, 1, 2) if year < 1990 else (0, 0, 1)
        father = c if c.gender == "M" else spouse
        for _ in range(self.rng.choice(counts)):
            birth = born + days(self.rng.uniform(22, 37))
            if birth < self.as_of - 30:
                self.adopt(self.new(self.rng.choice("MF"), birth), father, mother)

    def _kin_to_marry(self, c: GPerson) -> list[int]:
        siblings = self.persons[c.father].children if c.father >= 0 else []
        return [*c.children, *(s for s in siblings if s != c.idx)]
