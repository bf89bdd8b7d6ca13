"""Where user SPARQL runs: a small pool of worker processes, each with the graph loaded.

Oxigraph cannot cancel a query, and a query can run for hours. So no query of a user runs
in the server process: each goes to an idle worker (:mod:`itukg.web.worker`), and one that
has not answered within the time limit is stopped by killing its worker, which a new one
replaces in the background. The server, and the other workers, go on serving meanwhile.

:meth:`Pool.run` blocks; the web layer calls it from a thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import itukg
from itukg.errors import LimitError, QueryError
from itukg.web.worker import read_frame, write_frame

log = logging.getLogger("itukg.web")

#: Seconds a new worker may take to start and load the graph.
STARTUP_TIMEOUT = 120.0


class SandboxError(Exception):
    """A query could not be answered for a reason of the server, not of the query."""

    status = 500


class QueryTimeout(SandboxError):
    """The query ran longer than the time limit and was stopped."""

    status = 504


class PoolBusy(SandboxError):
    """Every worker stayed busy for as long as a query may wait for one."""

    status = 503


class WorkerFailed(SandboxError):
    """A worker failed or could not be started."""


class ServiceFailed(SandboxError):
    """A federated query's endpoint (``SERVICE``) could not be reached or failed."""

    status = 502


@dataclass(frozen=True)
class Job:
    """A query to run and the format to answer in."""

    text: str
    format: str
    """A format of :data:`itukg.results.RESULT_FORMATS` or :data:`itukg.export.FORMATS`."""
    source: str = "query"
    """How error messages name the query."""
    prefixes: Mapping[str, str] | None = None
    """Prefixes the query need not declare."""
    default_graph: Sequence[str] | None = None
    named_graphs: Sequence[str] | None = None
    """The RDF dataset (IRIs of graphs), or None to leave it to the query."""


@dataclass(frozen=True)
class Answer:
    """What a worker answered."""

    kind: str
    """``select``, ``ask`` or ``graph``."""
    data: bytes
    """The answer in the format asked for."""
    count: int | None
    """Rows or triples; None for ASK."""


class Worker:
    """One worker process and the pipes to it."""

    def __init__(self) -> None:
        """Start the process; it waits for the graph (:meth:`send_graph`)."""
        env = dict(os.environ)
        package_root = str(Path(itukg.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, env.get("PYTHONPATH", "")) if p
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "itukg.web.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self.killed = False
        self.expired = False
        """True when the worker was killed for overrunning its time."""

    @property
    def alive(self) -> bool:
        """True while the process runs and has not been told to stop."""
        return not self.killed and self.process.poll() is None

    def send_graph(self, graph: Mapping[str, Any]) -> None:
        """Send the opening frame: the graph to load (see :func:`itukg.web.worker.load`)."""
        assert self.process.stdin is not None
        write_frame(self.process.stdin, dict(graph))

    def wait_ready(self, timeout: float) -> int:
        """Wait until the worker has loaded the graph; return its number of triples."""
        reply = self._receive(timeout, "start")
        if not (isinstance(reply, tuple) and reply[0] == "ready"):
            detail = reply[1] if isinstance(reply, tuple) and len(reply) > 1 else repr(reply)
            raise WorkerFailed(f"a query worker could not load the graph: {detail}")
        return int(reply[1])

    def call(self, request: Mapping[str, Any], timeout: float) -> tuple[Any, ...]:
        """Send one query request and return the reply; kill the worker after *timeout* s."""
        assert self.process.stdin is not None
        try:
            write_frame(self.process.stdin, dict(request))
        except OSError:
            self.kill()
            raise WorkerFailed(f"a query worker has stopped ({self._status()})") from None
        reply: tuple[Any, ...] = self._receive(timeout, "query")
        return reply

    def _receive(self, timeout: float, what: str) -> Any:
        assert self.process.stdout is not None
        timer = threading.Timer(timeout, self._expire)
        timer.daemon = True
        timer.start()
        try:
            return read_frame(self.process.stdout)
        except EOFError:
            if self.expired:
                raise QueryTimeout(what) from None
            self.kill()
            raise WorkerFailed(f"a query worker has stopped ({self._status()})") from None
        finally:
            timer.cancel()

    def _status(self) -> str:
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return "still running"
        return f"exit status {code}"

    def _expire(self) -> None:
        self.expired = True
        self.kill()

    def kill(self) -> None:
        """Stop the process at once."""
        self.killed = True
        with contextlib.suppress(OSError):
            self.process.kill()

    def close(self) -> None:
        """Stop the process and release its pipes."""
        self.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


class Pool:
    """A fixed number of workers holding the same graph, and the queries' time and row limits."""

    def __init__(
        self,
        graph: Mapping[str, Any],
        *,
        size: int,
        timeout: float,
        max_rows: int,
        queue_timeout: float | None = None,
    ) -> None:
        """Hold the opening frame of each worker, *graph* (see :func:`itukg.web.worker.load`).

        A query runs for at most *timeout* s, after waiting at most *queue_timeout* s (by
        default *timeout*) for an idle worker.
        """
        self.graph = dict(graph)
        self.size = size
        self.timeout = timeout
        self.queue_timeout = timeout if queue_timeout is None else queue_timeout
        self.max_rows = max_rows
        self.replaced = 0
        """Workers replaced after a timeout or a failure."""
        self._idle: queue.SimpleQueue[Worker] = queue.SimpleQueue()
        self._workers: set[Worker] = set()
        self._lock = threading.Lock()
        self._started = False
        self._closed = False
        self._generation = 0
        """Counts the closings, so that a worker started for a closed pool is not kept."""

    def start(self) -> None:
        """Start the workers (once; again after :meth:`close`), waiting until all are ready."""
        with self._lock:
            if self._started:
                return
            self._started = True
            self._closed = False
        try:
            self._spawn(self.size)
        except WorkerFailed:
            with self._lock:
                self._started = False
            raise

    def _current(self, generation: int | None) -> bool:
        """Tell, holding the lock, whether workers of *generation* are still wanted."""
        return not self._closed and generation in (None, self._generation)

    def _spawn(self, count: int, generation: int | None = None) -> None:
        with self._lock:
            if not self._current(generation):
                return
        started: list[Worker] = []
        try:
            for _ in range(count):
                started.append(Worker())
            with self._lock:
                self._workers.update(started)
            for worker in started:
                worker.send_graph(self.graph)
            for worker in started:
                worker.wait_ready(STARTUP_TIMEOUT)
        except (OSError, SandboxError) as error:
            for worker in started:
                self._discard(worker)
            if isinstance(error, QueryTimeout):
                raise WorkerFailed("a query worker did not start in time") from None
            raise WorkerFailed(f"a query worker could not start: {error}") from None
        with self._lock:
            wanted = self._current(generation)
        for worker in started:
            if wanted:
                self._idle.put(worker)
            else:
                self._discard(worker)

    def _discard(self, worker: Worker) -> None:
        worker.close()
        with self._lock:
            self._workers.discard(worker)

    def _replace(self, worker: Worker) -> None:
        """Discard *worker* and start another in the background."""
        self._discard(worker)
        with self._lock:
            if self._closed:
                return
            self.replaced += 1
            generation = self._generation

        def spawn() -> None:
            for attempt in range(3):
                try:
                    self._spawn(1, generation)
                    return
                except WorkerFailed as error:
                    with self._lock:
                        if not self._current(generation):
                            return
                    log.error("could not replace a query worker: %s", error)
                    time.sleep(1 + attempt)

        threading.Thread(target=spawn, name="itukg-worker-start", daemon=True).start()

    def run(self, job: Job) -> Answer:
        """Run *job* in an idle worker and return its answer.

        Raises :class:`QueryError` (the query cannot be run as asked), :class:`LimitError`
        (too many rows), :class:`QueryTimeout`, :class:`PoolBusy` or :class:`WorkerFailed`.
        """
        self.start()
        try:
            worker = self._idle.get(timeout=self.queue_timeout)
        except queue.Empty:
            raise PoolBusy(
                f"all {self.size} query workers stayed busy for {self.queue_timeout:g} s; "
                "try again later"
            ) from None
        if not worker.alive:
            self._replace(worker)
            return self.run(job)
        request = {
            "text": job.text,
            "source": job.source,
            "format": job.format,
            "prefixes": dict(job.prefixes) if job.prefixes else None,
            "default_graph": None if job.default_graph is None else list(job.default_graph),
            "named_graphs": None if job.named_graphs is None else list(job.named_graphs),
            "max_rows": self.max_rows,
            "seconds": self.timeout,
        }
        try:
            reply = worker.call(request, self.timeout)
        except QueryTimeout:
            self._replace(worker)
            raise QueryTimeout(
                f"the query ran longer than {self.timeout:g} s, the time limit of this "
                "service (--timeout), and was stopped"
            ) from None
        except SandboxError:
            self._replace(worker)
            raise
        if worker.alive:
            self._idle.put(worker)
        else:
            self._replace(worker)
        status = reply[0]
        if status == "ok":
            return Answer(kind=reply[1], count=reply[2], data=reply[3])
        if status == "limit":
            raise LimitError(reply[1], reply[2])
        if status == "error":
            raise QueryError(reply[1])
        if status == "remote":
            raise ServiceFailed(reply[1])
        raise WorkerFailed(f"the query failed: {reply[1]}")

    def close(self) -> None:
        """Stop every worker; the next :meth:`run` starts them again."""
        with self._lock:
            self._closed = True
            self._started = False
            self._generation += 1
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.close()
        while True:
            try:
                self._idle.get_nowait()
            except queue.Empty:
                break


__all__ = [
    "Answer",
    "Job",
    "Pool",
    "PoolBusy",
    "QueryTimeout",
    "SandboxError",
    "ServiceFailed",
    "WorkerFailed",
]
