"""A real Neo4j 5.26 Community server for tests, without Docker.

The embedded DBMS (``org.neo4j:neo4j`` from Maven Central) behind the small launcher in
``tests/neo4j_server``, built by Maven into its ``target/`` on first use::

    with start_server() as server:
        driver = GraphDatabase.driver(server.uri, auth=None)

CLI: ``python -m tests.support.neo4j_server build`` (prebuild, e.g. in CI) or ``run`` (start one
for local development, print its URI, stop on Ctrl-C).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterable
from pathlib import Path

from neo4j import GraphDatabase

LAUNCHER_DIR = Path(__file__).resolve().parent.parent / "neo4j_server"
TARGET = LAUNCHER_DIR / "target"
JAR = TARGET / "neo4j-test-server.jar"
BUILD_STAMP = TARGET / ".cadregraph-build-stamp"
MAIN_CLASS = "cadregraph.Neo4jLauncher"
READY_PREFIX = "NEO4J_READY "
# From Neo4j 5.26's own neo4j.conf (server.jvm.additional) and its build's jdk.custom.options;
# without the --add-opens Neo4j falls back to slower paths ("Consider adding --add-opens=...").
# -XX:+TrustFinalNonStaticFields is left out: Neo4j documents it as unsafe in embedded mode.
JVM_FLAGS = (
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)  # fmt: skip
OUTPUT_LINES = 50
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Neo4jServerError(RuntimeError):
    """The launcher could not be built or the server could not be started."""


def _tail(lines: Iterable[str], what: str) -> str:
    text = "\n".join(_ANSI.sub("", line) for line in lines).strip() or "(no output)"
    return f"\n--- last {OUTPUT_LINES} lines of {what} ---\n{text}"


def _is_stale() -> bool:
    if not (JAR.is_file() and BUILD_STAMP.is_file() and any((TARGET / "lib").glob("*.jar"))):
        return True
    sources = [LAUNCHER_DIR / "pom.xml", *(LAUNCHER_DIR / "src").rglob("*")]
    return max(p.stat().st_mtime for p in sources) > BUILD_STAMP.stat().st_mtime


def build(force: bool = False) -> None:
    """Run Maven unless ``target/`` is newer than the sources (safe across processes)."""
    TARGET.mkdir(exist_ok=True)
    with open(TARGET / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # pytest-xdist workers may all get here at once
        if not force and not _is_stale():
            return
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jServerError("mvn not found on PATH: Maven builds the Neo4j launcher")
        BUILD_STAMP.unlink(missing_ok=True)
        cmd = [mvn, "-B", "-q", "-Dstyle.color=never", "package"]
        done = subprocess.run(cmd, cwd=LAUNCHER_DIR, capture_output=True, text=True)
        if done.returncode != 0:
            output = (done.stdout + done.stderr).splitlines()[-OUTPUT_LINES:]
            message = f"{' '.join(cmd)} failed in {LAUNCHER_DIR} (exit {done.returncode})"
            raise Neo4jServerError(message + _tail(output, "Maven output"))
        BUILD_STAMP.touch()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Neo4jServer:
    """One Neo4j server on a free loopback port with a throw-away data directory."""

    def __init__(
        self, *, heap: str = "1g", pagecache: str = "256m", startup_timeout: float = 120.0
    ) -> None:
        self.heap, self.pagecache, self.startup_timeout = heap, pagecache, startup_timeout
        self.uri, self.port = "", 0
        self.home: Path | None = None
        self._process: subprocess.Popen[str] | None = None
        self._output: deque[str] = deque(maxlen=OUTPUT_LINES)
        self._ready = threading.Event()
        self._reader: threading.Thread | None = None

    def start(self) -> Neo4jServer:
        """Build if needed, start, wait until Bolt answers; retry if the free port got taken."""
        if self._process is None:
            build()
            for attempt in range(1, 4):
                try:
                    self._start_once()
                    break
                except Neo4jServerError as error:
                    if attempt == 3 or "Address already in use" not in str(error):
                        raise
        return self

    def _start_once(self) -> None:
        self.port = _free_port()
        self.home = Path(tempfile.mkdtemp(prefix="cadregraph-neo4j-"))
        self._output.clear()
        self._ready.clear()
        java_home = os.environ.get("JAVA_HOME")
        java = str(Path(java_home, "bin", "java")) if java_home else "java"
        cmd = [
            java, f"-Xms{self.heap}", f"-Xmx{self.heap}", *JVM_FLAGS,
            "-cp", f"{JAR}{os.pathsep}{TARGET / 'lib' / '*'}", MAIN_CLASS,
            "--port", str(self.port), "--home", str(self.home),
            "--pagecache", self.pagecache, "--exit-on-stdin-eof",
        ]  # fmt: skip
        deadline = time.monotonic() + self.startup_timeout
        try:
            # stdin stays open: if this process dies, EOF tells the launcher to shut down.
            # Own session: Ctrl-C reaches only us, and we stop the server in order.
            self._process = subprocess.Popen(
                cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                text=True, bufsize=1, start_new_session=True,
            )  # fmt: skip
            self._reader = threading.Thread(target=self._read_output, daemon=True)
            self._reader.start()
            while not self._ready.wait(0.1):
                if self._process.poll() is not None:
                    self._fail(f"exited with code {self._process.returncode} before ready")
                if time.monotonic() > deadline:
                    self._fail(f"not ready after {self.startup_timeout:.0f}s")
            self.uri = f"bolt://127.0.0.1:{self.port}"
            while True:
                try:
                    with GraphDatabase.driver(self.uri, auth=None) as driver:
                        driver.verify_connectivity()
                    return
                except Exception as error:
                    if time.monotonic() > deadline:
                        self._fail(f"gives no Bolt answer at {self.uri}: {error!r}")
                    time.sleep(0.2)
        except OSError as error:  # e.g. no java executable
            self.stop()
            raise Neo4jServerError(f"cannot run {java}: {error}") from error
        except BaseException:
            self.stop()
            raise

    def _read_output(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            self._output.append(line.rstrip("\n"))
            if line.startswith(READY_PREFIX):
                self._ready.set()

    def _fail(self, message: str) -> None:
        message = f"Neo4j server {message}" + _tail(self._output, "server output")
        debug_log = self.home / "logs" / "debug.log" if self.home else None
        if debug_log and debug_log.is_file():  # Neo4j's own log says what it was doing
            lines = debug_log.read_text(errors="replace").splitlines()[-OUTPUT_LINES:]
            message += _tail(lines, str(debug_log))
        raise Neo4jServerError(message)

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM, wait up to ``timeout`` seconds, then SIGKILL; remove the data directory."""
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            if self._reader is not None:
                self._reader.join(5)
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()
        if self.home is not None:
            shutil.rmtree(self.home, ignore_errors=True)
            self.home = None

    def __enter__(self) -> Neo4jServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start_server(
    *, heap: str = "1g", pagecache: str = "256m", startup_timeout: float = 120.0
) -> Neo4jServer:
    """Start a server (building the launcher if needed); stop it with ``stop()`` or ``with``."""
    return Neo4jServer(heap=heap, pagecache=pagecache, startup_timeout=startup_timeout).start()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.support.neo4j_server")
    parser.add_argument("command", choices=["build", "run"])
    parser.add_argument("--force", action="store_true", help="build even if up to date")
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--pagecache", default="256m")
    args = parser.parse_args(argv)
    if args.command == "build":
        build(force=args.force)
        print(f"built {JAR}")
        return
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops like Ctrl-C
    with start_server(heap=args.heap, pagecache=args.pagecache) as server:
        print(f"{server.uri}  (data in {server.home}; Ctrl-C stops)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("stopping", flush=True)


if __name__ == "__main__":
    main()
