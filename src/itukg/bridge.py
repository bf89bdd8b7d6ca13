"""Oxigraph terms to rdflib terms and back, for the parts that need rdflib (SHACL, JSON-LD).

Plain string literals become ``rdflib.Literal(value)`` without a datatype, as rdflib's own
parsers make them, so that graphs built here compare equal to graphs rdflib parsed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Store, Triple

from itukg.namespaces import PREFIXES
from itukg.terms import RDF_LANG_STRING, XSD_STRING, Term

if TYPE_CHECKING:
    import rdflib
    from rdflib.term import Node


def to_rdflib(term: Term) -> Node:
    """Return the rdflib term for an Oxigraph term."""
    import rdflib

    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (XSD_STRING, RDF_LANG_STRING):
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype))
    raise TypeError(f"RDF-star triple terms are not supported: {term}")


def from_rdflib(term: Node) -> Term:
    """Return the Oxigraph term for an rdflib term."""
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return Literal(str(term), language=term.language)
        if term.datatype is not None:
            return Literal(str(term), datatype=NamedNode(str(term.datatype)))
        return Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def new_graph() -> rdflib.Graph:
    """Return an empty in-memory rdflib graph with itukg's prefixes bound."""
    import rdflib

    graph = rdflib.Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.namespace_manager.bind(prefix, namespace, override=True, replace=True)
    return graph


def graph_of(triples: Iterable[Triple] | Store) -> rdflib.Graph:
    """Return an in-memory rdflib graph of *triples*, or of a store's default graph."""
    graph = new_graph()
    if isinstance(triples, Store):
        triples = (q.triple for q in triples.quads_for_pattern(None, None, None, DefaultGraph()))
    cache: dict[Term, Node] = {}

    def convert(term: Term) -> Node:
        node = cache.get(term)
        if node is None:
            node = cache[term] = to_rdflib(term)
        return node

    graph.addN(
        (convert(t.subject), convert(t.predicate), convert(t.object), graph) for t in triples
    )
    return graph
