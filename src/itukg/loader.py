"""Load Turtle files into one embedded Oxigraph store: the graph every command works on."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from itukg import paths
from itukg.errors import InputError

_PARSER_PREFIX = re.compile(r"^Parser error (?:at|between) line [^:]*: ", re.IGNORECASE)
_OS_ERROR_SUFFIX = re.compile(r" \(os error \d+\)$")


def shipped_files() -> list[Path]:
    """Return the ontology and data files of the shipped graph, in loading order."""
    return [*paths.ontology_files(), *paths.data_files()]


def load_store(files: Iterable[str | Path] | None = None) -> Store:
    """Return a new store holding every triple of *files* in its default graph.

    *files* defaults to the shipped ontology and data. Every failure (missing file, folder,
    permission, encoding, syntax) raises :class:`InputError` naming the file, and for a
    syntax error its line and column.
    """
    store = Store()
    for path in shipped_files() if files is None else files:
        load_file(store, path)
    return store


def load_file(store: Store, path: str | Path) -> None:
    """Add the triples of one Turtle file to the default graph of *store*."""
    try:
        store.load(path=path, format=RdfFormat.TURTLE)
    except SyntaxError as error:
        raise syntax_error(path, error) from None
    except OSError as error:
        raise InputError(paths.display(path), os_reason(error)) from None


def syntax_error(path: str | Path, error: SyntaxError) -> InputError:
    """Return the :class:`InputError` for a pyoxigraph parse error in *path*."""
    message = _PARSER_PREFIX.sub("", error.msg or str(error))
    return InputError(paths.display(path), message, error.lineno, error.offset)


def os_reason(error: OSError) -> str:
    """Return the reason of an operating-system error without pyoxigraph's ``(os error N)``."""
    return _OS_ERROR_SUFFIX.sub("", error.strerror or str(error))
