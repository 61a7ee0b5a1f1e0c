"""Reader and writer for `.lrmx` files (干部任免审批表 exported by the organisation software).

Parsing gives a typed intermediate `LrmxRecord` (this package's top level). Mapping it into
the graph: `ingest.lrmx.load.load_lrmx` (forms -> persons, kinship, holdings, trainings,
assessments, with entity resolution from `ingest.resolve`); back out:
`ingest.lrmx.export.export_lrmx`. See `MAPPING.md` in this directory.
"""

from ingest.lrmx.dates import parse_month
from ingest.lrmx.errors import LrmxError, LrmxIssue
from ingest.lrmx.jianli import (
    JianliResult,
    ResumeSpell,
    SpellDiscrepancy,
    parse_jianli,
    spell_gaps_and_overlaps,
)
from ingest.lrmx.parse import parse_lrmx
from ingest.lrmx.record import ExtraNode, FamilyMember, LrmxRecord
from ingest.lrmx.validate import validate_record
from ingest.lrmx.write import write_lrmx

__all__ = [
    "ExtraNode",
    "FamilyMember",
    "JianliResult",
    "LrmxError",
    "LrmxIssue",
    "LrmxRecord",
    "ResumeSpell",
    "SpellDiscrepancy",
    "parse_jianli",
    "parse_lrmx",
    "parse_month",
    "spell_gaps_and_overlaps",
    "validate_record",
    "write_lrmx",
]
