"""itukg: the linked-data knowledge graph of ITU-T Study Group 20 (IoT and smart cities).

>>> import itukg
>>> kg = itukg.load()                        # doctest: +SKIP
>>> kg.query("cross-group-people").rows      # doctest: +SKIP

The names below are imported on first use, so that ``import itukg`` stays light.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itukg.__about__ import __version__
from itukg.errors import (
    FormatError,
    InputError,
    ItukgError,
    OutputError,
    QueryError,
    QueryHeaderError,
    ResolveError,
)

if TYPE_CHECKING:
    from itukg.graph import KnowledgeGraph
    from itukg.queries import CannedQuery, Param, catalog
    from itukg.results import AskResult, GraphResult, QueryResult, SelectResult

#: Public names defined in submodules: name -> module.
_LAZY = {
    "KnowledgeGraph": "itukg.graph",
    "CannedQuery": "itukg.queries",
    "Param": "itukg.queries",
    "catalog": "itukg.queries",
    "AskResult": "itukg.results",
    "GraphResult": "itukg.results",
    "QueryResult": "itukg.results",
    "SelectResult": "itukg.results",
}

__all__ = [
    "AskResult",
    "CannedQuery",
    "FormatError",
    "GraphResult",
    "InputError",
    "ItukgError",
    "KnowledgeGraph",
    "OutputError",
    "Param",
    "QueryError",
    "QueryHeaderError",
    "QueryResult",
    "ResolveError",
    "SelectResult",
    "__version__",
    "catalog",
    "load",
]


def __getattr__(name: str) -> Any:
    """Import the public names of submodules on first use."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'itukg' has no attribute {name!r}")


def load(files: Iterable[str | Path] | None = None) -> KnowledgeGraph:
    """Load the shipped graph (or *files*) and return it as a :class:`KnowledgeGraph`."""
    from itukg.graph import KnowledgeGraph

    return KnowledgeGraph.load(files)
