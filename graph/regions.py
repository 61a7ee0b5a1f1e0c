"""行政区划代码 (GB/T 2260) hierarchy by prefix.

6 digits for province/city/county, 9 for township.
"""

from __future__ import annotations


def is_region_code(text: str | None) -> bool:
    return text is not None and text.isdigit() and len(text) in (6, 9, 12)


def parent_code(code: str) -> str | None:
    """The enclosing region's code by the prefix rule; None for a province."""
    if len(code) > 6:
        return code[:6]
    if code[4:] != "00":
        return code[:4] + "00"
    if code[2:4] != "00":
        return code[:2] + "0000"
    return None


def region_level(code: str) -> str:
    if len(code) > 6:
        return "township"
    if code[4:] != "00":
        return "county"
    if code[2:4] != "00":
        return "city"
    return "province"


def code_within(code: str, area: str) -> bool:
    """Whether region `code` is `area` or lies inside it, by the prefix rule."""
    current: str | None = code
    while current is not None:
        if current == area:
            return True
        current = parent_code(current)
    return False
