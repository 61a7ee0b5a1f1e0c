"""A quick feasible plan: the starting point (hint) of the CP-SAT search, and the answer when
the search finds nothing better within its time limit (very large rounds).

Options are taken best first (the person's bonus plus the fit score), forced ones before all,
each only if it keeps every constraint of `solver`: one post per person, the post has a free
place now (free places plus holders already moved out, minus people already moved in), no
conflict with a chosen option, the kin it requires has moved already, one person per
EXCHANGE-NOT-BOTH group. Passes repeat while they add moves (a holder moving out frees a place
for a later pass).
"""

from __future__ import annotations

from collections import defaultdict

from queries.rotation.problem import MOVE_COST, VACANCY_COST, Problem


def greedy(problem: Problem) -> list[int]:
    """Indices of a feasible set of options (forced ones included where they fit)."""
    forced = set(problem.forced)
    order = sorted(range(len(problem.options)), key=lambda i: (
        i not in forced, -(problem.weight.get(problem.options[i].person, 0)
                           + problem.options[i].score), i))
    conflicts: dict[int, list[int]] = defaultdict(list)
    for i, j in problem.conflicts:
        conflicts[i].append(j)
        conflicts[j].append(i)
    requires: dict[int, list[str]] = defaultdict(list)
    for i, person in problem.requires:
        requires[i].append(person)
    groups_of: dict[str, list[int]] = defaultdict(list)  # a person may be in several
    for g, members in enumerate(problem.not_both):
        for p in members:
            groups_of[p].append(g)
    holder_posts: dict[str, list[str]] = defaultdict(list)
    for post, people in problem.holds.items():
        for person in people:
            holder_posts[person].append(post)
    room = {post: free for post, free in problem.free.items()}
    moved: set[str] = set()
    groups: set[int] = set()
    chosen: set[int] = set()
    added = True
    while added:
        added = False
        for i in order:
            o = problem.options[i]
            mine = groups_of.get(o.person, [])
            if (i in chosen or o.person in moved or room.get(o.post, 0) <= 0
                    or any(j in chosen for j in conflicts.get(i, ()))
                    or any(p not in moved for p in requires.get(i, ()))
                    or any(g in groups for g in mine)):
                continue
            chosen.add(i)
            moved.add(o.person)
            groups.update(mine)
            room[o.post] = room.get(o.post, 0) - 1
            for post in holder_posts.get(o.person, []):
                room[post] = room.get(post, 0) + 1
            added = True
    return sorted(chosen)


def objective(problem: Problem, chosen: list[int]) -> float:
    """The model's objective for a set of options (see `solver`)."""
    moved = {problem.options[i].person for i in chosen}
    inflow: dict[str, int] = defaultdict(int)
    for i in chosen:
        inflow[problem.options[i].post] += 1
    vacancies = sum(max(0, sum(p in moved for p in people) - inflow[post])
                    for post, people in problem.holds.items())
    return float(sum(problem.weight.get(p, 0) - MOVE_COST for p in moved)
                 + sum(problem.options[i].score for i in chosen) - VACANCY_COST * vacancies)
