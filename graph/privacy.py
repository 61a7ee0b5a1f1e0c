"""Sensitive personal data: what is masked for roles without the right to see it."""

from __future__ import annotations

from typing import Any

SENSITIVE_PERSON_FIELDS = ("id_number",)


def mask_id_number(value: str) -> str:
    """Keep the region prefix and the last two characters: 330102************12."""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 8) + value[-2:]


def redact(label: str, props: dict[str, Any], *, sensitive: bool) -> dict[str, Any]:
    """Props as a reader may see them; `sensitive` readers see everything."""
    if sensitive or label != "Person":
        return props
    out = dict(props)
    for name in SENSITIVE_PERSON_FIELDS:
        if isinstance(out.get(name), str):
            out[name] = mask_id_number(out[name])
    return out
