"""Bundle-level checks: duplicates, dangling references, unit hierarchy cycles, date order.

Everything that fails becomes a reject naming file, row and field; the rest forms the Bundle.
References may point to rows of this bundle or to nodes already in the store (`known`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

from graph.ids import node_key
from graph.model import Bundle, Record
from ingest.report import LoadReport, Reject
from ingest.roster.rows import Row
from ingest.roster.schema import TABLE_BY_NAME, TABLES, bundle_field

Known = Callable[[Iterable[str]], set[str]]
# (table, column name, model attribute, referenced label)
REFS: dict[str, list[tuple[str, str, str]]] = {
    "units": [("parent_id", "parent_id", "Unit"), ("regulates", "regulates", "Unit")],
    "posts": [("unit_id", "unit_id", "Unit"), ("reports_to", "reports_to", "Post"),
              ("oversees", "oversees", "Unit")],
    "holdings": [("person_id", "person_id", "Person"), ("post_id", "post_id", "Post")],
    "kinship": [("person_id", "person_id", "Person"), ("relative_id", "relative_id", "Person")],
    "roles": [("actor_id", "actor_id", "Person"), ("candidate_id", "candidate_id", "Person"),
              ("post_id", "post_id", "Post")],
    "assessments": [("person_id", "person_id", "Person")],
    "trainings": [("person_id", "person_id", "Person")],
}
LABEL_TABLE = {"Unit": "units", "Post": "posts", "Person": "persons"}


def _dedupe(table: str, rows: list[Row], report: LoadReport) -> list[Row]:
    key_of = attrgetter(*TABLE_BY_NAME[table].key)
    single = len(TABLE_BY_NAME[table].key) == 1
    first: dict[Any, Row] = {}
    out: list[Row] = []
    for row in rows:
        key = key_of(row.record)
        seen = first.get(key)
        if seen is None:
            first[key] = row
            out.append(row)
        elif seen.record != row.record:
            what = "/".join(str(k) for k in ((key,) if single else key))
            report.reject(table, Reject(row.file, row.line, TABLE_BY_NAME[table].columns[0].name,
                                        f"duplicate {what} with different data "
                                        f"(first at row {seen.line})"))
        else:
            report.count(table).loaded += 1  # an identical repeat: merged into the first
    return out


def _date_order(table: str, rows: list[Row], report: LoadReport) -> list[Row]:
    pairs = {"holdings": ("start", "end"), "trainings": ("start", "end"),
             "kinship": ("since", "until")}.get(table)
    if pairs is None:
        return rows
    out = []
    for row in rows:
        start, end = (getattr(row.record, a) for a in pairs)
        if start is not None and end is not None and end < start:
            report.reject(table, Reject(row.file, row.line, pairs[1],
                                        f"{pairs[1]} {end} is before {pairs[0]} {start}"))
        elif table == "kinship" and row.record.person_id == row.record.relative_id:  # type: ignore[attr-defined]
            report.reject(table, Reject(row.file, row.line, "relative_id",
                                        "a person cannot be their own relative"))
        else:
            out.append(row)
    return out


def _unit_cycles(rows: list[Row], report: LoadReport) -> list[Row]:
    parent = {r.record.id: r.record.parent_id for r in rows}  # type: ignore[attr-defined]
    in_cycle: dict[str, str] = {}
    for start in parent:
        path: list[str] = []
        current: str | None = start
        while current is not None and current in parent and current not in in_cycle:
            if current in path:
                cycle = [*path[path.index(current):], current]
                for uid in cycle[:-1]:
                    in_cycle[uid] = " → ".join(cycle)
                break
            path.append(current)
            current = parent[current]
    out = []
    for row in rows:
        cycle_text = in_cycle.get(row.record.id)  # type: ignore[attr-defined]
        if cycle_text:
            report.reject("units", Reject(row.file, row.line, "parent_id",
                                          f"unit hierarchy cycle: {cycle_text}"))
        else:
            out.append(row)
    return out


def _refs_of(table: str, record: Record) -> list[tuple[str, str, str]]:
    """(column, referenced label, id) for every reference a record makes."""
    out: list[tuple[str, str, str]] = []
    for column, attr, label in REFS.get(table, ()):
        value = getattr(record, attr)
        if type(value) is tuple:
            out.extend((column, label, ident) for ident in value if ident)
        elif value:
            out.append((column, label, value))
    return out


def validate(tables: dict[str, list[Row]], report: LoadReport, known: Known) -> Bundle:
    """Checked rows as a Bundle; rejects (with cascades to dependants) go to the report."""
    rows = {t.name: _date_order(t.name, _dedupe(t.name, tables.get(t.name, []), report), report)
            for t in TABLES}
    rows["units"] = _unit_cycles(rows["units"], report)
    ids = {label: {r.record.id for r in rows[t]}  # type: ignore[attr-defined]
           for label, t in LABEL_TABLE.items()}
    refs = {name: [(row, _refs_of(name, row.record)) for row in rs]
            for name, rs in rows.items()}
    in_store = known(sorted({node_key(label, ident) for pairs in refs.values()
                             for _, found in pairs for _, label, ident in found
                             if ident not in ids[label]}))
    changed = True
    while changed:  # a reject can orphan rows that refer to it: repeat until stable
        changed = False
        for name, pairs in refs.items():
            kept = []
            for row, found in pairs:
                bad = next(((col, label, ident) for col, label, ident in found
                            if ident not in ids[label] and node_key(label, ident) not in in_store),
                           None)
                if bad is None:
                    kept.append((row, found))
                    continue
                col, label, ident = bad
                report.reject(name, Reject(row.file, row.line, col,
                                           f"refers to {label.lower()} {ident!r}, which is not in "
                                           "this bundle (or was rejected) nor in the graph", ident))
                if label_of(name):
                    ids[label_of(name)].discard(row.record.id)  # type: ignore[attr-defined]
                changed = True
            refs[name] = kept
    rows = {name: [row for row, _ in pairs] for name, pairs in refs.items()}
    for name, rs in rows.items():
        report.count(name).loaded += len(rs)
    return Bundle.model_validate({bundle_field(TABLE_BY_NAME[n]): [r.record for r in rs]
                                  for n, rs in rows.items()})


def label_of(table: str) -> str:
    return next((label for label, t in LABEL_TABLE.items() if t == table), "")
