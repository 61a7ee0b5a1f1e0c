"""Uploads (admins): roster bundles (a zip of CSVs or one .xlsx) and LRMX files.

Loaded like `cadregraph load`: every row is loaded or rejected with file, row, field and
reason (the same reject report, also written under `<data_dir>/reports/`).
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Request, UploadFile
from pydantic import BaseModel

from api import upload
from api.auth.deps import require
from api.deps import ActorDep, AuditDep, CacheDep
from graph import ops
from graph.errors import CadreGraphError
from graph.settings import Settings
from ingest.report import LoadReport
from ingest.roster.load import read_bundle

router = APIRouter(tags=["uploads"], dependencies=[Depends(require("write"))])
MAX_REJECTS_SHOWN = 1000
load_lrmx: Any
try:
    from ingest.lrmx.load import load_lrmx
except ImportError:  # pragma: no cover - while the LRMX loader is being written
    load_lrmx = None


class TableCounts(BaseModel):
    read: int
    loaded: int
    rejected: int


class RejectOut(BaseModel):
    file: str
    row: int | None
    field: str | None
    reason: str
    value: str = ""


class LoadResult(BaseModel):
    read: int
    loaded: int
    rejected: int
    balanced: bool
    """Every row read was loaded or rejected."""
    counts: dict[str, TableCounts]
    rejects: list[RejectOut]
    """The first 1000 rejects (all are in the report file)."""
    report: str | None = None


def _result(report: LoadReport, settings: Settings, what: str) -> LoadResult:
    where = None
    if report.rejects:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        where, _ = report.write(settings.data_dir / "reports" / f"{what}-{stamp}")
    return LoadResult(
        read=report.read, loaded=report.loaded, rejected=len(report.rejects),
        balanced=report.balanced,
        counts={k: TableCounts(read=c.read, loaded=c.loaded, rejected=c.rejected)
                for k, c in report.counts.items()},
        rejects=[RejectOut(file=r.file, row=r.row, field=r.field, reason=r.reason,
                           value=r.value) for r in report.rejects[:MAX_REJECTS_SHOWN]],
        report=str(where) if where else None)


FileIn = Annotated[UploadFile, File(description="A zip of roster CSVs, or one .xlsx workbook")]


@router.post("/bundles")
def post_bundle(request: Request, file: FileIn, store: CacheDep, log: AuditDep,
                actor: ActorDep) -> LoadResult:
    """Load a roster bundle; re-loading the same rows changes nothing."""
    settings: Settings = request.app.state.settings
    with tempfile.TemporaryDirectory(prefix="cadregraph-upload-") as tmp:
        raw = upload.save(file.file, Path(tmp) / "upload.bin")
        if upload.is_xlsx(raw):
            path = raw.rename(Path(tmp) / "bundle.xlsx")
        else:
            path = upload.unpack(raw, Path(tmp) / "bundle", (".csv",))
        with store.writing() as inner:
            bundle, report = read_bundle(path, known=inner.existing)
            ops.write_bundle(inner, bundle, batch_size=settings.batch_size)
    log.record(actor, "upload_bundle", "", f"{file.filename}: loaded={report.loaded} "
               f"rejected={len(report.rejects)}")
    return _result(report, settings, "upload")


LrmxIn = Annotated[UploadFile, File(description="One .lrmx file, or a zip of them")]


@router.post("/lrmx")
def post_lrmx(request: Request, file: LrmxIn, store: CacheDep, log: AuditDep,
              actor: ActorDep) -> LoadResult:
    """Load 干部任免审批表 (.lrmx) files: persons, families, 简历, posts, assessments."""
    if load_lrmx is None:
        raise CadreGraphError("the LRMX loader is not installed")
    settings: Settings = request.app.state.settings
    with tempfile.TemporaryDirectory(prefix="cadregraph-lrmx-") as tmp:
        raw = upload.save(file.file, Path(tmp) / "upload.bin")
        if not upload.is_zip(raw):
            name = Path(file.filename or "upload.lrmx").name
            path = raw.rename(Path(tmp) / (name if name.lower().endswith(".lrmx")
                                           else "upload.lrmx"))
        else:
            path = upload.unpack(raw, Path(tmp) / "lrmx", (".lrmx",))
        with store.writing() as inner:
            _, report = load_lrmx(inner, path, data_dir=settings.data_dir, actor=actor,
                                  batch_size=settings.batch_size)
    log.record(actor, "upload_lrmx", "", f"{file.filename}: loaded={report.loaded} "
               f"rejected={len(report.rejects)}")
    return _result(report, settings, "lrmx")
