"""What an itukg web app is built from: the graph, the canned queries and the query limits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from itukg.graph import KnowledgeGraph

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_TIMEOUT = 10.0
DEFAULT_QUEUE_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000
DEFAULT_WORKERS = 2
DEFAULT_MAX_QUERY_BYTES = 100_000


@dataclass(frozen=True)
class Settings:
    """The settings of :func:`itukg.web.create_app`; every one has a sensible default.

    The graph is *graph* when given, else the Turtle *files*, else the shipped graph. The
    canned queries are those of the folder *queries* (default: the shipped ones).
    """

    graph: KnowledgeGraph | None = None
    files: Sequence[str | Path] | None = None
    queries: str | Path | None = None
    timeout: float = DEFAULT_TIMEOUT
    """Seconds a SPARQL query may run before it is stopped (504)."""
    queue_timeout: float = DEFAULT_QUEUE_TIMEOUT
    """Seconds a query may wait for a free worker before it is refused (503). A waiting
    query waits on other people's queries, so this is longer than *timeout* by default."""
    max_rows: int = DEFAULT_MAX_ROWS
    """Most rows (or triples) a query may answer; more is refused (413)."""
    workers: int = DEFAULT_WORKERS
    """Query worker processes, each with the graph loaded: queries that can run at once."""
    allow_service: bool = False
    """Whether SPARQL ``SERVICE`` (federated query) is allowed."""
    base_url: str | None = None
    """Public URL of the server (``https://example.org/itukg``), for absolute links such as
    the endpoint of the service description; by default, the URL each request came to."""
    max_query_bytes: int = DEFAULT_MAX_QUERY_BYTES
    """Longest query text accepted, in bytes; a longer one is refused (413)."""

    def __post_init__(self) -> None:
        """Refuse limits that make no sense."""
        if not self.timeout > 0:
            raise ValueError(f"timeout must be positive, got {self.timeout}")
        if not self.queue_timeout > 0:
            raise ValueError(f"queue_timeout must be positive, got {self.queue_timeout}")
        if self.max_rows < 1:
            raise ValueError(f"max_rows must be at least 1, got {self.max_rows}")
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")
        if self.max_query_bytes < 1:
            raise ValueError(f"max_query_bytes must be at least 1, got {self.max_query_bytes}")
        if self.base_url is not None and not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http(s) URL, got {self.base_url!r}")
