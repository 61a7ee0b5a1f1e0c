"""Deterministic synthetic roster bundles: a county shaped like seed 000 (8,775 cadres), or the
counties, cities and province of a larger number, with planted avoidance conflicts."""

from ingest.generate.report import (
    QUIET_BY_CONSTRUCTION,
    RULES,
    GenerateReport,
    PlantedConflict,
    expected_rows,
)
from ingest.generate.run import generate

__all__ = ["QUIET_BY_CONSTRUCTION", "RULES", "GenerateReport", "PlantedConflict",
           "expected_rows", "generate"]
