"""Rule sets as data: the national default with citations, and deployment overrides.

An override file (JSON) names the rules it changes and the keys it changes in each:
`{"version": "zj-2026", "rules": {"ROTATE-SENSITIVE-10Y": {"years": 5},
"KIN-BUSINESS": {"enabled": false}}}`; new rule parameters (more sensitive functions, unit
kinds) replace the national value. Unknown rule IDs are an error: a typo must not silently
leave the national rule in force.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from graph.errors import InvalidInput

Strength = Literal["must", "should"]


class Rule(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    id: str
    family: str
    strength: Strength
    title_zh: str
    title_en: str
    citation: str
    enabled: bool = True

    def param(self, name: str) -> Any:
        """A rule parameter (years, functions, unit kinds ...); KeyError names the rule."""
        extra = self.model_extra or {}
        if name not in extra:
            raise KeyError(f"rule {self.id} has no parameter {name!r}")
        return extra[name]

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang == "zh" else self.title_en


class RuleSet(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    version: str
    description: str = ""
    rules: dict[str, Rule]

    def rule(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def enabled(self, rule_id: str) -> bool:
        return rule_id in self.rules and self.rules[rule_id].enabled


def _raw_national() -> dict[str, Any]:
    text = resources.files("queries.rules").joinpath("national.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _build(data: dict[str, Any]) -> RuleSet:
    rules = {rid: {"id": rid, **body} for rid, body in data["rules"].items()}
    return RuleSet.model_validate({**data, "rules": rules})


@cache
def national() -> RuleSet:
    return _build(_raw_national())


def load_rules(override: Path | None = None) -> RuleSet:
    """The national rule set, with a deployment's override file applied when given."""
    if override is None:
        return national()
    try:
        patch: dict[str, Any] = json.loads(override.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"{override}: cannot read the rule override file: {exc}") from exc
    data = _raw_national()
    unknown = sorted(set(patch.get("rules", {})) - set(data["rules"]))
    if unknown:
        raise InvalidInput(f"{override}: unknown rule IDs {', '.join(unknown)}")
    for rid, changes in patch.get("rules", {}).items():
        data["rules"][rid] = {**data["rules"][rid], **changes}
    data["name"] = patch.get("name", f"{data['name']}+{override.stem}")
    data["version"] = patch.get("version", f"{data['version']}+{override.stem}")
    try:
        return _build(data)
    except ValidationError as exc:
        raise InvalidInput(f"{override}: invalid rule override: {exc}") from exc
