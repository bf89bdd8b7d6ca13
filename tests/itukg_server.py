"""A real ``itukg serve`` for the tests: the server process on a free local port.

``start`` picks a free port, starts ``python -m itukg serve`` on it (the shipped graph, the
package of this checkout) with the options given, and waits until it answers a SPARQL query.
Its standard output and standard error go to files, never to pipes that nobody reads, so a
server under load never blocks on its own log. Another process may take the port between
the moment it is found free and the moment uvicorn binds it; then the server exits, and
``start`` tries another port. ``stop`` sends SIGTERM, which uvicorn answers with a graceful
shutdown, and kills the server if it has not exited in time; on Linux a server also stops
when the test process dies without stopping it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from oxigraph_server import _die_with_parent, free_port

REPO = Path(__file__).resolve().parents[1]

#: What uvicorn says when its port is taken.
_PORT_TAKEN = ("address already in use", "Errno 98")


@dataclass
class ItukgServer:
    """A running ``itukg serve`` and where it logs."""

    process: subprocess.Popen[bytes]
    port: int
    stdout: Path
    stderr: Path

    @property
    def base(self) -> str:
        """The server's URL, without a final slash."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def sparql_url(self) -> str:
        """The SPARQL 1.1 Protocol endpoint."""
        return self.base + "/sparql"

    def errors(self) -> str:
        """Return what the server wrote to its standard error so far (uvicorn's own log)."""
        return self.stderr.read_text(encoding="utf-8", errors="replace")

    def stop(self, grace: float = 30.0) -> None:
        """Send SIGTERM and wait; kill the server and raise if it is still running after *grace*."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(grace)
            raise RuntimeError(f"itukg serve did not stop within {grace:g} s") from None


def environment() -> dict[str, str]:
    """The server's environment: this checkout's package and the shipped graph."""
    env = {k: v for k, v in os.environ.items() if k not in ("ITUKG_ROOT", "ITUKG_DEBUG")}
    env["PYTHONPATH"] = str(REPO / "src")
    return env


def start(folder: Path, *options: str, attempts: int = 5, wait: float = 60.0) -> ItukgServer:
    """Start ``itukg serve OPTIONS`` on a free port, logging into *folder*; return it running.

    It is running once it answers. Raises RuntimeError, with the server's standard error, if
    it exits or does not answer in time.
    """
    failure = ""
    for _ in range(attempts):
        port = free_port()
        stdout, stderr = folder / f"itukg-serve-{port}.out", folder / f"itukg-serve-{port}.err"
        with stdout.open("wb") as out, stderr.open("wb") as err:
            process = subprocess.Popen(
                [sys.executable, "-m", "itukg", "serve", "--port", str(port), *options],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                env=environment(),
                preexec_fn=_die_with_parent,
            )
        server = ItukgServer(process, port, stdout, stderr)
        if _answers(server, wait):
            return server
        if server.process.poll() is None:
            server.process.kill()
        server.process.wait()
        failure = server.errors().strip()
        if not any(words in failure for words in _PORT_TAKEN):
            break
    raise RuntimeError(f"itukg serve did not start: {failure or 'no answer'}")


def _answers(server: ItukgServer, wait: float) -> bool:
    """Wait until *server* answers an ASK as itukg does (uvicorn binds once the workers run)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        try:
            answer = httpx.get(
                server.sparql_url,
                params={"query": "ASK {}"},
                headers={"Accept": "application/sparql-results+json"},
                timeout=10,
            )
        except httpx.TransportError:
            time.sleep(0.1)
            continue
        return answer.status_code == 200 and answer.json() == {"head": {}, "boolean": True}
    return False


def children(pid: int) -> list[int]:
    """Return the processes whose parent is *pid* (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    """Tell whether the process *pid* runs (and is not a zombie) (Linux)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


__all__ = ["ItukgServer", "children", "free_port", "running", "start"]
