"""The knowledge graph as a Python object: loaded once, then queried, exported, validated."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import Store

from itukg import loader, queries, remote
from itukg import stats as statistics
from itukg.describe import Description, describe, resolve
from itukg.namespaces import GRAPH, PREFIXES
from itukg.results import QueryResult

if TYPE_CHECKING:
    import rdflib

    from itukg.validate import Report


class KnowledgeGraph:
    """The loaded graph (an embedded Oxigraph store) and everything one can ask of it."""

    def __init__(
        self,
        store: Store | Callable[[], Store],
        files: Sequence[str | Path] = (),
        *,
        key: str | None = None,
    ) -> None:
        """Wrap a loaded *store*, or a function that opens it when first used.

        *files* names what it was loaded from; *key* is the key the store is kept under on
        disk (see :mod:`itukg.cache`), beside which the answers to queries are kept.
        """
        self._store = store if isinstance(store, Store) else None
        self._open = None if isinstance(store, Store) else store
        self.files = tuple(Path(f) for f in files)
        self.key = key
        self._rdflib: rdflib.Graph | None = None

    @property
    def store(self) -> Store:
        """The Oxigraph store holding the graph."""
        if self._store is None:
            assert self._open is not None
            self._store = self._open()
        return self._store

    @classmethod
    def load(
        cls, files: Iterable[str | Path] | None = None, *, cache: bool | None = False
    ) -> KnowledgeGraph:
        """Load *files* (default: the shipped ontology and data) into a new graph.

        With *cache* True the loaded store is kept on disk, keyed by the files' content, and
        opened read-only from there by later loads of the same files, which take
        milliseconds; None keeps large inputs only (see :mod:`itukg.cache`). False (the
        default) loads into memory, where the store can be changed.
        """
        from itukg import cache as kept

        chosen = loader.shipped_files() if files is None else list(files)
        loaded = kept.load(chosen, keep=cache)
        return cls(loaded.store, chosen, key=loaded.key)

    def __len__(self) -> int:
        return len(self.store)

    def query(self, name: str, /, **params: object) -> QueryResult:
        """Run the canned query *name* with *params* (default values for the others)."""
        query = queries.get(name)
        if self.key is None:
            return queries.run(self.store, query, params)
        from itukg import cache

        return cache.answer(
            self.key, query.bind(params), lambda: queries.run(self.store, query, params)
        )

    def sparql(self, text: str, *, prefixes: bool = True, source: str | None = None) -> QueryResult:
        """Run SPARQL *text*; with *prefixes*, itukg's prefixes need not be declared.

        *source* names where the text came from in error messages.
        """
        from itukg import cache

        chosen = PREFIXES if prefixes else None
        return cache.answer(
            self.key,
            f"# itukg prefixes: {prefixes}\n{text}",
            lambda: queries.execute(self.store, text, source=source, prefixes=chosen),
        )

    def export(self, format: str = "turtle", path: str | Path | None = None) -> bytes | None:
        """Return the graph in *format*, or write it to *path* (completely or not at all)."""
        from itukg.export import export

        return export(self.store, format, path)

    def push(
        self,
        endpoint: str,
        *,
        graph: str | None = GRAPH,
        timeout: float | None = remote.PUSH_TIMEOUT,
    ) -> remote.PushReport:
        """Replace *graph* (None: the default graph) at a Graph Store *endpoint* with this graph.

        One HTTP ``PUT``, waiting at most *timeout* seconds for each network step (None: no
        limit); see :func:`itukg.remote.push`.
        """
        return remote.push(self, endpoint, graph=graph, timeout=timeout)

    def validate(
        self,
        *,
        shape_files: Iterable[str | Path] | None = None,
        check_files: Iterable[str | Path] | None = None,
    ) -> Report:
        """Validate the graph against the shapes and checks (default: the shipped ones)."""
        from itukg.validate import validate_store

        checks = None
        if check_files is not None:
            checks = [queries.parse_query_file(p, check=True) for p in check_files]
        return validate_store(self.store, shape_files=shape_files, checks=checks, files=self.files)

    def describe(self, name_or_iri: str) -> Description:
        """Describe the thing called *name_or_iri* (an IRI, a CURIE or a name)."""
        return describe(self.store, resolve(self.store, name_or_iri))

    def stats(self) -> statistics.Stats:
        """Count triples, subjects and instances per class."""
        return statistics.stats(self.store)

    def to_rdflib(self) -> rdflib.Graph:
        """Return the graph as an in-memory rdflib graph (built once, on first use)."""
        if self._rdflib is None:
            from itukg.bridge import graph_of

            self._rdflib = graph_of(self.store)
        return self._rdflib
