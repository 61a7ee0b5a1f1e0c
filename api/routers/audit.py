"""The audit log (admins only): who read whom, when and how."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from api.auth.deps import require
from api.deps import AuditDep, LimitQ, OffsetQ, Page, page

router = APIRouter(tags=["audit"], dependencies=[Depends(require("audit"))])


class Entry(BaseModel):
    at: str
    actor: str
    action: str
    subject: str
    detail: str = ""


@router.get("/audit")
def get_audit(
    log: AuditDep,
    subject: Annotated[str | None, Query(max_length=200, description="A person id",
                                         examples=["A1"])] = None,
    actor: Annotated[str | None, Query(max_length=200, description="A key's name")] = None,
    action: Annotated[str | None, Query(max_length=100, examples=["read_person"])] = None,
    limit: LimitQ = 100, offset: OffsetQ = 0,
) -> Page[Entry]:
    """Audit entries, newest first, filtered by subject, actor and action."""
    found = [Entry(**vars(e)) for e in reversed(log.entries(subject))
             if (actor is None or e.actor == actor) and (action is None or e.action == action)]
    return Page[Entry].model_validate(page([e.model_dump() for e in found], limit, offset))
