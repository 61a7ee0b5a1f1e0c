"""Session fixtures of the avoidance tests: the generated bundles and their audits."""

from __future__ import annotations

import pytest

from tests.queries.avoidance import generated
from tests.queries.avoidance.generated import AuditCache, Generated


@pytest.fixture(scope="session")
def county_bundle(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generated.county(tmp_path_factory.mktemp("avoidance-county"))


@pytest.fixture(scope="session")
def city_bundle(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generated.city(tmp_path_factory.mktemp("avoidance-city"))


@pytest.fixture(scope="session")
def audit_cache() -> AuditCache:
    """(store kind, bundle name) -> audits, filled by `generated.audits`."""
    return {}
