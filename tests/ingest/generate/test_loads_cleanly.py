"""Generated bundles pass the roster importer's checks: nothing is rejected."""

from __future__ import annotations

from ingest.generate import GenerateReport
from ingest.roster.load import read_bundle
from tests.ingest.generate.bundle import Bundle


def test_planted_bundle_has_no_rejects(planted: tuple[GenerateReport, Bundle]) -> None:
    report, _ = planted
    _, load = read_bundle(report.out_dir)
    assert [str(r) for r in load.rejects] == []
    assert load.loaded == report.total_rows
