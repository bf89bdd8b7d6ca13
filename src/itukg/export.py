"""Write the graph in every RDF format: one registry used by the code and the command line.

Every format but JSON-LD is written by Oxigraph with itukg's prefixes. JSON-LD is compact, with
itukg's published context (:func:`jsonld_context`, shipped as ``ontology/context.jsonld``)
embedded, so that a file is readable offline and its keys are CURIEs.

Besides the RDF formats (:data:`FORMATS`), the graph's mapping sets can be written back as
SSSOM/TSV (``sssom``, in :data:`EXPORT_FORMATS`), read from the loaded graph with
:func:`itukg.sssom.from_store`: one set to a file or standard output, every set to a folder,
one file per set named after its id.

``python -m itukg.export --write-context`` rewrites the shipped context from the prefix table;
``--check-context`` tells whether it is up to date.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple

from itukg import paths
from itukg.atomic import atomic_write
from itukg.errors import FormatError, ItukgError, OutputError
from itukg.namespaces import PREFIXES
from itukg.terms import XSD_STRING, curie


@dataclass(frozen=True)
class ExportFormat:
    """An RDF format the graph can be written in."""

    name: str
    extension: str
    media_type: str
    rdf_format: RdfFormat | None
    """The RDF format, or None for a format that is not RDF (SSSOM/TSV)."""
    conforms_to: str
    """The IRI of the specification of the format."""

    @property
    def dataset(self) -> bool:
        """True for formats that carry named graphs (N-Quads, TriG)."""
        return self.rdf_format is not None and bool(self.rdf_format.supports_datasets)


W3C_FORMATS = "http://www.w3.org/ns/formats/"

#: RDF formats by command-line name: the formats of the whole graph, of a thing, of a query.
FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat("turtle", ".ttl", "text/turtle", RdfFormat.TURTLE, W3C_FORMATS + "Turtle"),
        ExportFormat(
            "nt", ".nt", "application/n-triples", RdfFormat.N_TRIPLES, W3C_FORMATS + "N-Triples"
        ),
        ExportFormat(
            "nq", ".nq", "application/n-quads", RdfFormat.N_QUADS, W3C_FORMATS + "N-Quads"
        ),
        ExportFormat("trig", ".trig", "application/trig", RdfFormat.TRIG, W3C_FORMATS + "TriG"),
        ExportFormat(
            "xml", ".rdf", "application/rdf+xml", RdfFormat.RDF_XML, W3C_FORMATS + "RDF_XML"
        ),
        ExportFormat("n3", ".n3", "text/n3", RdfFormat.N3, W3C_FORMATS + "N3"),
        ExportFormat(
            "json-ld", ".jsonld", "application/ld+json", RdfFormat.JSON_LD, W3C_FORMATS + "JSON-LD"
        ),
    )
}

SSSOM_FORMAT = ExportFormat(
    "sssom", ".sssom.tsv", "text/tab-separated-values", None, "https://w3id.org/sssom/"
)
"""The graph's mapping sets, written back as SSSOM/TSV."""

#: Every format the whole graph can be exported in: the RDF formats, then SSSOM.
EXPORT_FORMATS: dict[str, ExportFormat] = {**FORMATS, SSSOM_FORMAT.name: SSSOM_FORMAT}


def get_format(name: str, registry: Mapping[str, ExportFormat] = FORMATS) -> ExportFormat:
    """Return the format called *name* in *registry*, or raise :class:`FormatError`."""
    try:
        return registry[name]
    except KeyError:
        raise FormatError(
            f"unknown export format '{name}' (choose from {', '.join(registry)})"
        ) from None


def jsonld_context() -> dict[str, Any]:
    """Return itukg's JSON-LD 1.1 context: every prefix of :data:`PREFIXES`, no ``@vocab``."""
    return {"@context": {"@version": 1.1, **PREFIXES}}


def context_text() -> str:
    """Return the JSON text of :func:`jsonld_context` as shipped in ``ontology/context.jsonld``."""
    return json.dumps(jsonld_context(), indent=2, ensure_ascii=False) + "\n"


def serialize(store: Store, format: str, prefixes: Mapping[str, str] | None = None) -> bytes:
    """Return the default graph of *store* in the export format called *format*.

    *prefixes* defaults to every prefix of :data:`PREFIXES`. For ``sssom`` the graph must hold
    exactly one mapping set (:func:`export` writes several to a folder).
    """
    fmt = get_format(format, EXPORT_FORMATS)
    if fmt.rdf_format is None:
        return _mapping_set_text(store).encode("utf-8")
    chosen = dict(PREFIXES if prefixes is None else prefixes)
    if fmt.rdf_format in (RdfFormat.N_TRIPLES, RdfFormat.N_QUADS):
        chosen = {}  # line formats have no prefixes: do not make the serializer look for them
    if fmt.name == "json-ld":
        from itukg.bridge import graph_of

        return _compact_jsonld(graph_of(store))
    if fmt.dataset:
        return store.dump(format=fmt.rdf_format, prefixes=chosen) or b""
    return (
        store.dump(format=fmt.rdf_format, prefixes=chosen or None, from_graph=DefaultGraph()) or b""
    )


def serialize_triples(triples: Iterable[Triple], format: str) -> bytes:
    """Return *triples* in the export format called *format*, with the prefixes they use."""
    get_format(format)
    store = Store()
    store.extend(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples)
    return serialize(store, format, used_prefixes(store))


def used_prefixes(store: Store) -> dict[str, str]:
    """Return the prefixes of :data:`PREFIXES` that abbreviate some IRI of *store*."""
    used: set[str] = set()
    for quad in store:
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, Literal):
                if term.language or term.datatype.value == XSD_STRING:
                    continue
                term = term.datatype
            if isinstance(term, NamedNode):
                short = curie(term.value)
                if short:
                    used.add(short.partition(":")[0])
    return {prefix: namespace for prefix, namespace in PREFIXES.items() if prefix in used}


def export(store: Store, format: str, path: str | Path | None = None) -> bytes | None:
    """Write *store* in *format* to *path*, completely or not at all; without *path*, return it.

    For ``sssom``, a *path* that is a folder (or ends with ``/``: a folder to create) receives
    every mapping set of the graph, one file per set named after its id
    (``geonames.sssom.tsv``); otherwise the graph must hold one set.
    """
    if format == SSSOM_FORMAT.name and path is not None and _is_folder(path):
        from itukg import sssom

        by_name: dict[str, list[str]] = {}
        found = _mapping_sets(store)
        for mapping_set in found:
            by_name.setdefault(sssom.file_name(mapping_set), []).append(mapping_set.mapping_set_id)
        for name, ids in by_name.items():
            if len(ids) > 1:
                raise FormatError(
                    f"the mapping sets {', '.join(ids)} would be written to the same file, {name}"
                )
        try:
            Path(path).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"{path}: cannot create the folder: {error.strerror}") from None
        for mapping_set in found:
            sssom.write(mapping_set, Path(path) / sssom.file_name(mapping_set))
        return None
    data = serialize(store, format)
    if path is None:
        return data
    with atomic_write(path) as stream:
        stream.write(data)
    return None


def _is_folder(path: str | Path) -> bool:
    """Tell whether *path* names a folder: an existing one, or one ending with a separator."""
    text = str(path)
    return Path(path).is_dir() or text.endswith("/") or text.endswith(os.sep)


def _mapping_sets(store: Store) -> list[Any]:
    from itukg import sssom

    found = sssom.from_store(store)
    if not found:
        raise FormatError("the graph has no mapping set to write as SSSOM")
    return found


def _mapping_set_text(store: Store) -> str:
    from itukg import sssom

    found = _mapping_sets(store)
    if len(found) > 1:
        names = ", ".join(s.mapping_set_id for s in found)
        raise FormatError(
            f"the graph has {len(found)} mapping sets ({names}): "
            "write them to a folder (-o FOLDER), one file each"
        )
    return sssom.text(found[0])


def _compact_jsonld(graph: Any) -> bytes:
    context = jsonld_context()["@context"]
    text: str = graph.serialize(format="json-ld", context=context, auto_compact=True, indent=2)
    return (text.rstrip("\n") + "\n").encode()


def write_context(path: str | Path | None = None) -> Path:
    """Write :func:`context_text` to *path* (default: the shipped context file)."""
    target = Path(path) if path is not None else paths.context_file()
    with atomic_write(target) as stream:
        stream.write(context_text().encode())
    return target


def context_is_current(path: str | Path | None = None) -> bool:
    """Tell whether the shipped context file equals :func:`context_text`."""
    target = Path(path) if path is not None else paths.context_file()
    try:
        return target.read_text(encoding="utf-8") == context_text()
    except OSError:
        return False


def main(argv: Sequence[str] | None = None) -> int:
    """Write or check ``ontology/context.jsonld``."""
    parser = argparse.ArgumentParser(
        prog="python -m itukg.export", description="Write or check the JSON-LD context."
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write-context", action="store_true", help="rewrite the context file")
    group.add_argument("--check-context", action="store_true", help="exit 1 if it is stale")
    args = parser.parse_args(argv)
    try:
        if args.write_context:
            print(f"wrote {paths.display(write_context())}")
            return 0
        if context_is_current():
            return 0
    except ItukgError as error:
        print(f"itukg: error: {error}", file=sys.stderr)
        return error.exit_code
    print(
        f"{paths.display(paths.context_file())} is out of date: "
        "run `python -m itukg.export --write-context`",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
