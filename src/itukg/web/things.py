"""What the page of one thing shows: its names, types, properties, incoming links and sources.

Everything comes from :func:`itukg.describe.triples_about` (the triples also served as RDF
for the thing) and :func:`itukg.describe.label`; the sources are read with one SPARQL query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode, Store, Triple

from itukg import terms
from itukg.describe import label, triples_about
from itukg.namespaces import PREFIXES
from itukg.queries import execute
from itukg.results import SelectResult
from itukg.web.links import Value, href, value

RDF_TYPE = PREFIXES["rdf"] + "type"
PREF_LABEL = PREFIXES["skos"] + "prefLabel"
ALT_LABEL = PREFIXES["skos"] + "altLabel"

#: The parts of the source document a thing is derived from, in the document's order.
SOURCES = """
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
SELECT ?part ?position ?lines ?document WHERE {
  %(thing)s prov:wasDerivedFrom ?part .
  OPTIONAL { ?part schema:position ?position }
  OPTIONAL { ?part oa:hasSelector/rdf:value ?lines }
  OPTIONAL { ?part oa:hasSource|dcterms:isPartOf ?document }
}
ORDER BY ?position ?part ?document
"""

_LINES = re.compile(r"line=(\d+),(\d+)")


@dataclass(frozen=True)
class Property:
    """One predicate of a thing and its values."""

    predicate: Value
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Source:
    """A part of a source document that states the thing."""

    part: Value
    lines: str | None
    """The line range, as people read it: ``lines 264 to 334``."""
    selector: str | None
    """The RFC 5147 selector, as the data gives it: ``line=263,334``."""
    document: Value | None


@dataclass(frozen=True)
class Thing:
    """The page of one thing."""

    node: Value
    label: str
    names: tuple[Value, ...]
    """Every other name of the thing (alternative labels)."""
    types: tuple[Value, ...]
    properties: tuple[Property, ...]
    incoming: tuple[tuple[Value, Value], ...]
    """(subject, predicate) of every statement that points at the thing."""
    sources: tuple[Source, ...]
    documents: tuple[Value, ...]
    """The source documents (``dcterms:source``)."""
    blank: dict[str, tuple[Property, ...]] = field(default_factory=dict)
    """The properties of the blank nodes among the values, by their label."""


def line_range(selector: str) -> str | None:
    """Return an RFC 5147 line selector as people read it (``line=263,334`` is lines 264 to 334)."""
    match = _LINES.fullmatch(selector.strip())
    if match is None:
        return None
    first, last = int(match.group(1)) + 1, int(match.group(2))
    return f"line {first}" if first == last else f"lines {first} to {last}"


def show(store: Store, term: NamedNode | BlankNode | Literal | Triple, root: str) -> Value:
    """Return *term* as a page shows it, things by their label."""
    name = label(store, term) if isinstance(term, NamedNode) else None
    return value(term, root, name)


def _predicate(iri: str, root: str) -> Value:
    return value(NamedNode(iri), root)


def properties_of(
    store: Store, triples: Iterable[Triple], subject: NamedNode | BlankNode, root: str
) -> tuple[Property, ...]:
    """Return the properties *triples* give *subject* but its types, by predicate CURIE."""
    grouped: dict[str, list[Value]] = {}
    for triple in triples:
        if triple.subject != subject or triple.predicate.value == RDF_TYPE:
            continue
        grouped.setdefault(triple.predicate.value, []).append(show(store, triple.object, root))
    return tuple(
        Property(
            _predicate(predicate, root),
            tuple(sorted(values, key=lambda v: (v.text.casefold(), v.iri or "", v.language or ""))),
        )
        for predicate, values in sorted(grouped.items(), key=lambda item: terms.show_iri(item[0]))
    )


def thing(store: Store, node: NamedNode, root: str = "") -> Thing:
    """Return the page of *node*; links are under *root*."""
    triples = triples_about(store, node)
    blank = {
        t.object.value: properties_of(store, triples, t.object, root)
        for t in triples
        if isinstance(t.object, BlankNode)
    }
    types = sorted(
        {
            show(store, t.object, root)
            for t in triples
            if t.subject == node and t.predicate.value == RDF_TYPE
        },
        key=lambda v: v.curie or v.text,
    )
    names = sorted(
        {
            t.object.value
            for t in triples
            if t.subject == node
            and t.predicate.value == ALT_LABEL
            and isinstance(t.object, Literal)
        }
    )
    incoming = sorted(
        {
            (show(store, t.subject, root), _predicate(t.predicate.value, root))
            for t in triples
            if t.object == node
        },
        key=lambda pair: (pair[1].text, pair[0].text.casefold(), pair[0].iri or ""),
    )
    documents = sorted(
        {
            show(store, t.object, root)
            for t in triples
            if t.subject == node
            and t.predicate.value == PREFIXES["dcterms"] + "source"
            and isinstance(t.object, NamedNode)
        },
        key=lambda v: v.iri or v.text,
    )
    main = label(store, node)
    return Thing(
        node=value(node, root, main),
        label=main or terms.show(node),
        names=tuple(Value(text=n) for n in names if n != main),
        types=tuple(types),
        properties=properties_of(store, triples, node, root),
        incoming=tuple(incoming),
        sources=sources(store, node, root),
        documents=tuple(documents),
        blank=blank,
    )


def sources(store: Store, node: NamedNode, root: str = "") -> tuple[Source, ...]:
    """Return the parts of the source that state *node*, in the order of the document."""
    result = execute(store, SOURCES % {"thing": f"<{node.value}>"})
    assert isinstance(result, SelectResult)
    found: dict[str, Source] = {}
    for row in result:
        part, lines, document = row["part"], row["lines"], row["document"]
        if not isinstance(part, NamedNode) or part.value in found:
            continue
        selector = lines.value if isinstance(lines, Literal) else None
        found[part.value] = Source(
            part=show(store, part, root),
            lines=line_range(selector) if selector else None,
            selector=selector,
            document=show(store, document, root) if isinstance(document, NamedNode) else None,
        )
    return tuple(found.values())


__all__ = ["Property", "Source", "Thing", "href", "line_range", "properties_of", "sources", "thing"]
