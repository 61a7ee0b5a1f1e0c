"""`Patched`: a mapping over another that behaves as a patched copy of it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from queries.patched import Patched

KEYS = st.sampled_from("abcdefgh")
OPS = st.lists(st.tuples(st.sampled_from(["set", "del", "pop"]), KEYS, st.integers(0, 9)),
               max_size=30)


@given(base=st.dictionaries(KEYS, st.integers(0, 9)), ops=OPS, nested=st.booleans())
def test_patched_behaves_as_a_patched_copy(base: dict[str, int],
                                           ops: list[tuple[str, str, int]],
                                           nested: bool) -> None:
    frozen = dict(base)
    patched: Patched[str, int] = Patched(Patched(base) if nested else base)
    copy = dict(base)
    for op, key, value in ops:
        if op == "set":
            patched[key], copy[key] = value, value
        elif op == "pop":
            assert patched.pop(key, -1) == copy.pop(key, -1)
        elif key in copy:
            del patched[key]
            del copy[key]
    assert base == frozen  # the base is never written
    assert dict(patched) == copy and patched == copy
    assert len(patched) == len(copy)
    assert sorted(patched) == sorted(copy)
    assert list(patched) == [k for k in base if k in copy] + [k for k in copy if k not in base]
    for key in "abcdefghz":
        assert (key in patched) == (key in copy)
        assert patched.get(key) == copy.get(key)
        assert patched.get(key, -5) == copy.get(key, -5)


def test_patch_of_a_patch_reads_one_level() -> None:
    first: Patched[str, int] = Patched({"a": 1, "b": 2})
    del first["a"]
    second: Patched[str, int] = Patched(first)
    second["c"] = 3
    assert dict(second) == {"b": 2, "c": 3} and dict(first) == {"b": 2}
    assert not isinstance(second._base, Patched)
