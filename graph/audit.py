"""The audit log: every read of a person's record, who read it, when and how."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class AuditEntry:
    at: str
    actor: str
    action: str
    subject: str
    detail: str = ""


class AuditLog:
    """Append-only JSON lines in `<data_dir>/audit.jsonl`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def record(self, actor: str, action: str, subject: str, detail: str = "") -> AuditEntry:
        return self.record_many(actor, [(action, subject, detail)])[0]

    def record_many(self, actor: str,
                    reads: list[tuple[str, str, str]]) -> list[AuditEntry]:
        """Several reads of one request, (action, subject, detail) each, in one append."""
        at = datetime.now(UTC).isoformat(timespec="seconds")
        entries = [AuditEntry(at, actor, action, subject, detail)
                   for action, subject, detail in reads]
        text = "".join(json.dumps(vars(e), ensure_ascii=False) + "\n" for e in entries)
        if not text:
            return entries
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(text)
        return entries

    def entries(self, subject: str | None = None) -> list[AuditEntry]:
        if not self.path.exists():
            return []
        out = []
        for line in self.path.read_text("utf-8").splitlines():
            entry = AuditEntry(**json.loads(line))
            if subject is None or entry.subject == subject:
                out.append(entry)
        return out
