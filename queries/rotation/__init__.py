"""Exchange and rotation planning (rules.md §3-§4, seeds 000 and 004).

Public entry points (each loads the facts once per call):

- `queries.rotation.due.due(store, rules, as_of, within_months)`: the due list;
- `queries.rotation.candidates.for_person(store, rules, person_id, as_of)` and
  `for_post(store, rules, post_id, as_of, open_selection=False)`: ranked candidates;
- `queries.rotation.plan.plan(store, rules, PlanRequest(...))`: the optimised plan;
- `queries.rotation.retirement.retirement_date(person, rules)` and
  `queries.rotation.tenure.tenure(facts, person_id, post_id)`: the engines underneath;
- `queries.rotation.export`: CSV/XLSX tables with Chinese headers.

Modules: `dates` (calendar arithmetic), `retirement`, `facts` (one load from the store),
`tenure`, `scope` (which posts a rule speaks of), `due`, `eligibility` (cheap checks),
`avoid` (batched avoidance what-if), `fit` (scores and kinds of exchange), `candidates`,
`options` (the optimisation problem), `solver` (CP-SAT), `explain`, `report`, `plan`,
`export`.
"""
