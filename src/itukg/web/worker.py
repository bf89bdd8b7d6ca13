"""A query worker: a process that holds the graph and answers SPARQL queries one at a time.

Run as ``python -m itukg.web.worker`` by :mod:`itukg.web.sandbox`, which talks to it over
its standard input and output in frames (an 8-byte length, then a pickle). The first frame
gives the graph: the Turtle files to load, in order (as the server loaded them, so that
every answer is the server's own, down to the order of ``GROUP_CONCAT``), or N-Triples; the
worker loads it into its default graph and copies it into the named graph the frame names,
then answers ``("ready", triples)``. Each later frame is a query (see :func:`answer`) and
gets one reply. Standard error is the server's.

Oxigraph cannot stop a query once started, so a query that runs too long is stopped by
killing its worker. The worker also stops itself when a query overruns the time it was
given by a few seconds, or when the server that started it has gone.

Only pyoxigraph and the query modules of itukg are imported here, so a worker starts fast.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
import threading
import time
from collections.abc import Mapping
from typing import IO, Any

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store

from itukg.errors import FormatError, InputError, LimitError, QueryError
from itukg.loader import load_store
from itukg.queries import evaluate
from itukg.results import AskResult, from_pyoxigraph
from itukg.web.protocol import uses_service

_LENGTH = struct.Struct(">Q")

#: Seconds a query may overrun its time before its worker stops itself.
GRACE = 5.0
#: Exit status of a worker that stopped itself over a query that overran.
EXIT_OVERRUN = 70


def write_frame(stream: IO[bytes], message: object) -> None:
    """Write one frame holding *message* to *stream*."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Any:
    """Return the message of the next frame of *stream*; raise EOFError at its end."""
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        raise EOFError("the stream ended")
    (length,) = _LENGTH.unpack(header)
    data = stream.read(length)
    if len(data) < length:
        raise EOFError("the stream ended inside a frame")
    return pickle.loads(data)


def load(message: Mapping[str, Any]) -> Store:
    """Return the store an opening frame describes: the graph, in the default graph and named."""
    if message.get("files") is not None:
        store = load_store(message["files"])
    else:
        store = Store()
        store.load(message["data"], format=RdfFormat.N_TRIPLES)
    named = NamedNode(message["graph"])
    store.extend(
        [
            Quad(q.subject, q.predicate, q.object, named)
            for q in store.quads_for_pattern(None, None, None, DefaultGraph())
        ]
    )
    return store


def answer(store: Store, request: Mapping[str, Any]) -> tuple[Any, ...]:
    """Run one query request on *store* and return the reply.

    The request holds ``text``, ``source`` (its name in messages), ``prefixes``,
    ``default_graph`` and ``named_graphs`` (lists of IRIs, or None to leave the dataset to
    the query), ``format`` (a format of :mod:`itukg.results` or :mod:`itukg.export`) and
    ``max_rows``. The reply is ``("ok", kind, count, data)``, ``("limit", limit, unit)``,
    ``("error", message)`` for a query that cannot be run as asked, ``("remote", message)``
    when a federated query's endpoint failed, or ``("failed", message)``.
    """
    source = request.get("source") or "query"

    def graphs(key: str) -> list[NamedNode] | None:
        iris = request.get(key)
        return None if iris is None else [NamedNode(iri) for iri in iris]

    try:
        result = from_pyoxigraph(
            evaluate(
                store,
                request["text"],
                source=source,
                prefixes=request.get("prefixes"),
                default_graph=graphs("default_graph"),
                named_graphs=graphs("named_graphs"),
            ),
            max_rows=request.get("max_rows"),
        )
        data = result.serialize(request["format"])
    except LimitError as error:
        return ("limit", error.limit, error.unit)
    except (QueryError, FormatError) as error:
        return ("error", str(error))
    except OSError as error:  # raised while reading the answer: a SERVICE call failed
        if uses_service(request["text"]):
            return ("remote", f"{source}: a SERVICE call failed: {error}")
        return ("failed", f"{source}: {error}")
    except Exception as error:  # a bug, reported to the server instead of killing the worker
        return ("failed", f"{type(error).__name__}: {error}")
    count = None if isinstance(result, AskResult) else len(result)
    return ("ok", result.kind, count, data)


class Watchdog(threading.Thread):
    """Stop the process when a query overruns its deadline or the parent process is gone."""

    def __init__(self) -> None:
        super().__init__(name="itukg-worker-watchdog", daemon=True)
        self.parent = os.getppid()
        self.deadline: float | None = None

    def run(self) -> None:
        """Check twice a second."""
        while True:
            time.sleep(0.5)
            if os.getppid() != self.parent:
                os._exit(0)
            deadline = self.deadline
            if deadline is not None and time.monotonic() > deadline:
                print("itukg worker: a query overran its time; stopping", file=sys.stderr)
                os._exit(EXIT_OVERRUN)


def main() -> int:
    """Serve queries on standard input and output until the input ends."""
    inbox, outbox = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # frames only on the real standard output
    try:
        store = load(read_frame(inbox))
    except EOFError:
        return 0
    except InputError as error:
        write_frame(outbox, ("unloadable", str(error)))
        return 2
    write_frame(outbox, ("ready", len(store)))
    watchdog = Watchdog()
    watchdog.start()
    while True:
        try:
            request = read_frame(inbox)
        except EOFError:
            return 0
        seconds = request.get("seconds")
        watchdog.deadline = None if seconds is None else time.monotonic() + seconds + GRACE
        reply = answer(store, request)
        watchdog.deadline = None
        write_frame(outbox, reply)


if __name__ == "__main__":
    sys.exit(main())
