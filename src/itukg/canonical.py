"""The canonical form of a Turtle file, so that every change to the data is a readable diff.

The canonical form of a file is rdflib's ``longturtle`` serialization of the file's own graph:
one block per subject, sorted; the file's prefixes (those it uses); blank nodes nested where
they can be, labelled by their content where they cannot. Comments are not kept.

``python -m itukg.canonical --check [FILE ...]`` lists the files not in canonical form;
``--write`` rewrites them (atomically). Without FILEs: the ontology, data and shape files.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from pyoxigraph import Store

from itukg import paths
from itukg.atomic import atomic_write
from itukg.errors import InputError, ItukgError
from itukg.loader import load_file


def canonical_text(path: str | Path) -> str:
    """Return the canonical Turtle of the file at *path*.

    A file that cannot be read or parsed raises :class:`InputError` (file, line, column).
    """
    import rdflib
    from rdflib.compare import to_canonical_graph

    load_file(Store(), path)
    graph = rdflib.Graph(bind_namespaces="none")
    graph.parse(str(path), format="turtle")
    out = rdflib.Graph(bind_namespaces="core")
    for prefix, namespace in graph.namespaces():
        out.namespace_manager.bind(prefix, namespace, override=True, replace=True)
    out.addN((s, p, o, out) for s, p, o in to_canonical_graph(graph))
    text: str = out.serialize(format="longturtle")
    # longturtle writes a line of spaces before each member of a collection: drop those.
    lines = [line for line in text.rstrip("\n").split("\n") if line == "" or line.strip()]
    return "\n".join(lines) + "\n"


def default_files() -> list[Path]:
    """Return the files kept in canonical form: ontology, data and shapes."""
    return [*paths.ontology_files(), *paths.data_files(), *paths.shape_files()]


def stale_files(files: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Return each file of *files* that is not canonical, with its canonical text."""
    stale = []
    for file in files:
        path = Path(file)
        text = canonical_text(path)
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(paths.display(path), str(error)) from None
        if current != text:
            stale.append((path, text))
    return stale


def write(path: str | Path, text: str) -> None:
    """Replace the file at *path* by *text*, completely or not at all."""
    with atomic_write(path) as stream:
        stream.write(text.encode("utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    """Check (exit 1 if any file is not canonical) or rewrite Turtle files."""
    parser = argparse.ArgumentParser(
        prog="python -m itukg.canonical", description="Check or write canonical Turtle."
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="list non-canonical files (default)")
    mode.add_argument("--write", action="store_true", help="rewrite non-canonical files")
    parser.add_argument("files", nargs="*", metavar="FILE", help="Turtle files (default: all)")
    args = parser.parse_args(argv)
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    try:
        files = [Path(f) for f in args.files] or default_files()
        stale = stale_files(files)
        if args.write:
            for path, text in stale:
                write(path, text)
                print(f"rewrote {paths.display(path)}")
            return 0
    except ItukgError as error:
        print(f"itukg: error: {error}", file=sys.stderr)
        return error.exit_code
    for path, _ in stale:
        print(f"{paths.display(path)}: not in canonical form", file=sys.stderr)
    if stale:
        print(f"{len(stale)} of {len(files)} files not canonical: run `make fmt`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
