"""The audit log: appends survive concurrent writers, entries read back, the file is private."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

from graph.audit import AuditLog


def test_entries_read_back_by_subject(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "sub" / "audit.jsonl")
    assert log.entries() == []
    log.record("alice", "person", "A1")
    log.record_many("bob", [("network", "A2", "depth=2"), ("person", "A1", "")])
    log.record_many("bob", [])
    assert [(e.actor, e.action) for e in log.entries("A1")] == [("alice", "person"),
                                                                 ("bob", "person")]
    assert len(log.entries()) == 3
    assert stat.S_IMODE((tmp_path / "sub" / "audit.jsonl").stat().st_mode) == 0o600


def test_writers_sharing_the_file_never_interleave_inside_a_line(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    logs = [AuditLog(path), AuditLog(path)]  # as two API workers

    def write(log: AuditLog, who: str) -> None:
        for i in range(200):
            log.record_many(who, [("what_if", f"P{i}", "长" * 500), ("what_if", f"Q{i}", "")])

    threads = [threading.Thread(target=write, args=(log, f"w{n}{k}"))
               for n, log in enumerate(logs) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    entries = AuditLog(path).entries()  # every line parses
    assert len(entries) == 4 * 400
    assert {e.actor for e in entries} == {"w00", "w01", "w10", "w11"}
