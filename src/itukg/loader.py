"""Load the graph's files into one embedded Oxigraph store: the graph every command works on.

A file is Turtle, or an SSSOM mapping set (``*.sssom.tsv``), whose mappings become triples as
:func:`itukg.sssom.to_triples` writes them: the direct link and its annotated axiom.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store, Triple

from itukg import paths
from itukg.errors import InputError

#: The end of the name of an SSSOM/TSV mapping file.
MAPPING_SUFFIX = ".sssom.tsv"

_PARSER_PREFIX = re.compile(r"^Parser error (?:at|between) line [^:]*: ", re.IGNORECASE)
_OS_ERROR_SUFFIX = re.compile(r" \(os error \d+\)$")


def shipped_files() -> list[Path]:
    """Return the ontology, data and mapping files of the shipped graph, in loading order."""
    return [*paths.ontology_files(), *paths.data_files(), *paths.mapping_files()]


def is_mapping_file(path: str | Path) -> bool:
    """Tell whether *path* names an SSSOM/TSV mapping set (``*.sssom.tsv``)."""
    return Path(path).name.endswith(MAPPING_SUFFIX)


def mapping_triples(path: str | Path) -> list[Triple]:
    """Return the triples of the SSSOM/TSV mapping set at *path* (see :mod:`itukg.sssom`)."""
    from itukg import sssom

    return sssom.to_triples(sssom.read(path))


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


def load_file(store: Store, path: str | Path, *, bulk: bool = False) -> None:
    """Add the triples of a Turtle, N-Triples (``.nt``) or SSSOM/TSV file to *store*.

    *bulk* loads without a transaction, much faster into a store on disk (see
    :mod:`itukg.cache`): on failure the store holds part of the file.
    """
    if is_mapping_file(path):
        graph = DefaultGraph()
        quads = (Quad(t.subject, t.predicate, t.object, graph) for t in mapping_triples(path))
        (store.bulk_extend if bulk else store.extend)(quads)
        return
    form = RdfFormat.N_TRIPLES if Path(path).suffix == ".nt" else RdfFormat.TURTLE
    try:
        (store.bulk_load if bulk else store.load)(path=path, format=form)
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
