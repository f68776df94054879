"""A LanguageTool server that factlint runs itself: one Java process per run, on loopback.

``java -cp CLASSPATH org.languagetool.server.HTTPServer --port PORT`` is started on a free
loopback port (or the configured one), polled until it answers, shared by every engine of the
process and stopped at exit (atexit, also after Ctrl-C, an error or SIGTERM). Its output goes to a
log file whose last line explains a server that would not start or died.
"""

from __future__ import annotations

import atexit
import contextlib
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

from factlint.engines.lt_install import Installation, require_java
from factlint.errors import FactlintError

MAIN_CLASS = "org.languagetool.server.HTTPServer"
POLL_SECONDS = 0.2
STOP_SECONDS = 5.0


class ManagedServer:
    """One running LanguageTool server process."""

    def __init__(self, installation: Installation, port: int, java_options: tuple[str, ...]):
        self.installation = installation
        self.port = port or free_port()
        if port and not port_is_free(port):
            raise FactlintError(
                f"cannot start LanguageTool on port {port}: the port is taken; set "
                "grammar.languagetool.port = 0 (a free port) or stop what listens there"
            )
        self.url = f"http://127.0.0.1:{self.port}"
        self.log: IO[bytes] = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed in stop)
            prefix="factlint-languagetool-", suffix=".log", delete=False
        )
        command = [
            require_java(), *java_options, "-cp", installation.classpath, MAIN_CLASS,
            "--port", str(self.port),
        ]
        try:
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
                start_new_session=sys.platform != "win32",  # Ctrl-C reaches us; we stop it
            )
        except OSError as exc:
            raise FactlintError(f"cannot run Java for LanguageTool: {exc}") from None
        self.started = time.monotonic()

    def wait_ready(self, timeout: float) -> float:
        """Poll until the server answers; the seconds it took. Stops it and raises on failure."""
        deadline = self.started + timeout
        while True:
            if self.process.poll() is not None:
                reason = self.last_log_line()
                self.stop()
                raise FactlintError(
                    f"the LanguageTool server ({self.installation.folder}) exited with code "
                    f"{self.process.returncode} while starting: {reason}"
                )
            if self.answers():
                return time.monotonic() - self.started
            if time.monotonic() > deadline:
                self.stop()
                raise FactlintError(
                    f"the LanguageTool server did not answer within {timeout:g} s of starting; "
                    "raise grammar.languagetool.start-timeout or check Java's memory "
                    "(grammar.languagetool.java-options)"
                )
            time.sleep(POLL_SECONDS)

    def answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/v2/languages", timeout=2) as response:
                return bool(response.status == 200)
        except (OSError, urllib.error.URLError, ValueError):
            return False

    def died(self) -> str | None:
        """Why the server is gone (its exit code and last log line), or None while it runs."""
        if self.process.poll() is None:
            return None
        return f"exit code {self.process.returncode}: {self.last_log_line()}"

    def last_log_line(self) -> str:
        try:
            lines = Path(self.log.name).read_text("utf-8", "replace").splitlines()
        except OSError:
            return "no log"
        useful = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("at ")]
        errors = [ln for ln in useful if "Exception" in ln or "Error" in ln]
        text = (errors or useful or ["no output"])[-1]
        return text if len(text) <= 200 else text[:197] + "..."

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_SECONDS)
        with contextlib.suppress(OSError):
            self.log.close()
            Path(self.log.name).unlink()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


_SERVERS: dict[tuple[str, int, tuple[str, ...]], ManagedServer] = {}
_LOCK = threading.Lock()


def shared_server(
    installation: Installation, port: int, java_options: tuple[str, ...], timeout: float
) -> ManagedServer:
    """The process's server for this installation and options, started on first use."""
    key = (installation.classpath, port, java_options)
    with _LOCK:
        server = _SERVERS.get(key)
        if server is not None and server.died() is None:
            return server
        if not _SERVERS:
            atexit.register(stop_all)
            _stop_on_sigterm()
        server = ManagedServer(installation, port, java_options)
        _SERVERS[key] = server
        server.wait_ready(timeout)
        return server


def stop_all() -> None:
    """Stop every server this process started (atexit)."""
    with _LOCK:
        servers = list(_SERVERS.values())
        _SERVERS.clear()
    for server in servers:
        server.stop()


def _stop_on_sigterm() -> None:
    """Turn SIGTERM into an ordinary exit, so atexit stops the server (Ctrl-C already does)."""
    if threading.current_thread() is not threading.main_thread() or sys.platform == "win32":
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
