"""Bundles shared by the generator tests: generated once per session (a few seconds each)."""

from __future__ import annotations

import pytest

from ingest.generate import GenerateReport, generate
from tests.ingest.generate.bundle import Bundle


@pytest.fixture(scope="session")
def county(tmp_path_factory: pytest.TempPathFactory) -> tuple[GenerateReport, Bundle]:
    """The default: one county shaped like seed 000, nothing planted."""
    out = tmp_path_factory.mktemp("county")
    report = generate(out)
    return report, Bundle.load(out)


@pytest.fixture(scope="session")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[GenerateReport, Bundle]:
    """Two counties and their city, conflicts planted at 30%."""
    out = tmp_path_factory.mktemp("planted")
    report = generate(out, cadres=9000, seed=7, plant_rate=0.3)
    return report, Bundle.load(out)
