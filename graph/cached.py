"""A cached property without a lock, for the content-derived ids of immutable records."""

from __future__ import annotations

from functools import cached_property
from typing import Any, Self, TypeVar, overload

T = TypeVar("T")


class cached_id(cached_property[T]):
    """`functools.cached_property` without the lock Python 3.11 takes on every first access
    (3.12 dropped it): a bulk load computes millions of ids, and the lock was a third of the
    cost. The records are immutable, so two threads racing compute the same value."""

    def __set_name__(self, owner: type[Any], name: str) -> None:
        super().__set_name__(owner, name)
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type[Any] | None = None) -> Self: ...

    @overload
    def __get__(self, instance: object, owner: type[Any] | None = None) -> T: ...

    def __get__(self, instance: object, owner: type[Any] | None = None) -> T | Self:
        if instance is None:
            return self
        value = self.func(instance)
        instance.__dict__[self.name] = value  # later reads find it there
        return value
