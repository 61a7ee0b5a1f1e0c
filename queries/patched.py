"""A mapping that patches another without copying it.

A what-if snapshot (`Snapshot.moved`) changes the holdings of a handful of people in maps of
a province's size: copying them cost more than every rule the check then runs. `Patched`
reads through to the base and keeps only what changed. The base must not change while a
patch over it is in use (snapshots are read-only once built).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from typing import TypeVar, overload

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


class Patched(MutableMapping[K, V]):
    """`base` with some keys set and some removed; iteration is the base's order, then the
    keys that are new."""

    __slots__ = ("_base", "_gone", "_len", "_set")

    def __init__(self, base: Mapping[K, V]) -> None:
        if isinstance(base, Patched):  # a patch of a patch reads one level, not a stack
            self._base: Mapping[K, V] = base._base
            self._set: dict[K, V] = dict(base._set)
            self._gone: set[K] = set(base._gone)
            self._len: int = base._len
        else:
            self._base, self._set, self._gone, self._len = base, {}, set(), len(base)

    def __getitem__(self, key: K) -> V:
        if key in self._set:
            return self._set[key]
        if key in self._gone:
            raise KeyError(key)
        return self._base[key]

    def __contains__(self, key: object) -> bool:
        return key in self._set or (key not in self._gone and key in self._base)

    @overload
    def get(self, key: K, /) -> V | None: ...

    @overload
    def get(self, key: K, default: V | T, /) -> V | T: ...

    def get(self, key: K, default: object = None, /) -> object:
        if key in self._set:
            return self._set[key]
        if key in self._gone:
            return default
        return self._base.get(key, default)

    def __setitem__(self, key: K, value: V) -> None:
        if key not in self:
            self._len += 1
        self._gone.discard(key)
        self._set[key] = value

    def __delitem__(self, key: K) -> None:
        if key not in self:
            raise KeyError(key)
        self._set.pop(key, None)
        if key in self._base:
            self._gone.add(key)
        self._len -= 1

    def __iter__(self) -> Iterator[K]:
        gone, changed = self._gone, self._set
        for key in self._base:
            if key not in gone:
                yield key
        for key in changed:
            if key not in self._base:
                yield key

    def __len__(self) -> int:
        return self._len

    def __repr__(self) -> str:
        return f"Patched({dict(self)!r})"
