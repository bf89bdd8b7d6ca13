"""A real Oxigraph server for the tests: the ``oxigraph`` binary, on a free local port.

``start`` picks a free port, starts ``oxigraph serve`` (or ``serve-read-only``) on it, and waits
until the server answers a SPARQL query. Another process may take the port between the moment
it is found free and the moment Oxigraph binds it; then Oxigraph exits, and ``start`` tries
another port. ``stop`` terminates the server, and kills it if it does not exit in time; on
Linux a server also stops when the test process dies without stopping it.
"""

from __future__ import annotations

import contextlib
import ctypes
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

#: Linux's prctl() option that signals a child when its parent dies.
_PR_SET_PDEATHSIG = 1

#: What Oxigraph says when its port is taken.
_PORT_TAKEN = ("Address already in use", "address in use", "os error 98")


def binary() -> str | None:
    """Return the ``oxigraph`` executable beside this Python (the virtualenv's), or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    return shutil.which("oxigraph")


@dataclass
class OxigraphServer:
    """A running Oxigraph server and its SPARQL 1.1 endpoints."""

    process: subprocess.Popen[bytes]
    base: str
    location: Path
    log: Path

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 query endpoint."""
        return self.base + "/query"

    @property
    def update_url(self) -> str:
        """The SPARQL 1.1 update endpoint."""
        return self.base + "/update"

    @property
    def store_url(self) -> str:
        """The SPARQL 1.1 Graph Store Protocol endpoint."""
        return self.base + "/store"

    def stop(self, grace: float = 10.0) -> None:
        """Terminate the server; kill it if it is still running after *grace* seconds."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(grace)


def free_port() -> int:
    """Return a local TCP port that nothing listens on at this moment."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start(
    executable: str,
    location: Path,
    *,
    command: str = "serve",
    attempts: int = 5,
    wait: float = 30.0,
) -> OxigraphServer:
    """Start ``oxigraph COMMAND --location LOCATION`` on a free port; return it once it answers.

    Raises RuntimeError, with the server's own output, if it exits or does not answer in time.
    """
    failure = ""
    for _ in range(attempts):
        port = free_port()
        log = location.parent / f"{location.name}-{port}.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [executable, command, "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent,
            )
        server = OxigraphServer(process, f"http://127.0.0.1:{port}", location, log)
        if _answers(server, wait):
            return server
        server.stop()
        failure = log.read_text(encoding="utf-8", errors="replace").strip()
        if not any(words in failure for words in _PORT_TAKEN):
            break
    raise RuntimeError(f"oxigraph {command} did not start: {failure or 'no answer'}")


def _die_with_parent() -> None:
    """Have Linux stop the server when the test process dies without stopping it (killed)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _answers(server: OxigraphServer, wait: float) -> bool:
    """Wait until *server* answers a query as Oxigraph (not another program on its port)."""
    deadline = time.monotonic() + wait
    request = urllib.request.Request(
        server.query_url + "?query=ASK%7B%7D",
        headers={"Accept": "application/sparql-results+json"},
    )
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        with contextlib.suppress(OSError), urllib.request.urlopen(request, timeout=2) as answer:
            if answer.headers.get("Server", "").startswith("Oxigraph"):
                return True
        time.sleep(0.05)
    return False
