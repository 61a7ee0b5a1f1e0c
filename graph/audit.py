"""The audit log: every read of a person's record, who read it, when and how."""

from __future__ import annotations

import json
import os
import threading
import weakref
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
    """Append-only JSON lines in `<data_dir>/audit.jsonl`. The file is opened once, for
    appending (O_APPEND), and each request's lines go out in one write: processes sharing the
    file (API workers, the CLI) never interleave inside a line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._fd: int | None = None

    def _append(self, data: bytes) -> None:
        with self._lock:
            if self._fd is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                weakref.finalize(self, os.close, self._fd)
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view):]

    def record(self, actor: str, action: str, subject: str, detail: str = "") -> AuditEntry:
        return self.record_many(actor, [(action, subject, detail)])[0]

    def record_many(self, actor: str,
                    reads: list[tuple[str, str, str]]) -> list[AuditEntry]:
        """Several reads of one request, (action, subject, detail) each, in one append."""
        at = datetime.now(UTC).isoformat(timespec="seconds")
        entries = [AuditEntry(at, actor, action, subject, detail)
                   for action, subject, detail in reads]
        text = "".join(json.dumps(vars(e), ensure_ascii=False) + "\n" for e in entries)
        if text:
            self._append(text.encode("utf-8"))
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
