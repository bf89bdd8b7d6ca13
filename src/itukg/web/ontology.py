"""The ontology as a page: its header, then every class and property, each at its anchor.

The ontology is the thing ``https://w3id.org/itukg/ontology`` and every term that says where
it is defined (``rdfs:isDefinedBy``): ours, and the few axioms of other vocabularies that the
ontology restates.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Store, Triple

from itukg.describe import label, triples_about
from itukg.namespaces import ITUKG, ONTOLOGY, PREFIXES
from itukg.web.links import Value
from itukg.web.things import Property, properties_of, show

_DEFINED_BY = NamedNode(PREFIXES["rdfs"] + "isDefinedBy")
_TYPE = NamedNode(PREFIXES["rdf"] + "type")
_COMMENT = NamedNode(PREFIXES["rdfs"] + "comment")
_TITLE = PREFIXES["dcterms"] + "title"
_DESCRIPTION = PREFIXES["dcterms"] + "description"

#: Types of properties.
PROPERTY_TYPES = frozenset(
    PREFIXES[p] + local
    for p, local in (
        ("owl", "ObjectProperty"),
        ("owl", "DatatypeProperty"),
        ("owl", "AnnotationProperty"),
        ("rdf", "Property"),
    )
)
#: Predicates shown apart from the other facts of a term.
_SHOWN_APART = frozenset(
    PREFIXES[p] + local
    for p, local in (("rdfs", "label"), ("rdfs", "comment"), ("rdfs", "isDefinedBy"))
)


@dataclass(frozen=True)
class Term:
    """A class or property of the ontology."""

    anchor: str
    node: Value
    label: str
    comment: str | None
    types: tuple[Value, ...]
    facts: tuple[Property, ...]
    instances: tuple[Value, ...]
    """The things of a class, by label."""


@dataclass(frozen=True)
class Ontology:
    """The ontology page."""

    node: Value
    title: str
    description: str | None
    facts: tuple[Property, ...]
    classes: tuple[Term, ...]
    properties: tuple[Term, ...]
    restated: tuple[Term, ...]
    """Terms of other vocabularies with axioms restated in the ontology."""


def subjects(store: Store) -> list[NamedNode]:
    """Return the ontology and every term with ``rdfs:isDefinedBy``, sorted by IRI."""
    found = {
        q.subject
        for q in store.quads_for_pattern(None, _DEFINED_BY, None, DefaultGraph())
        if isinstance(q.subject, NamedNode)
    }
    return [NamedNode(ONTOLOGY), *sorted(found - {NamedNode(ONTOLOGY)}, key=lambda n: n.value)]


def triples(store: Store) -> list[Triple]:
    """Return the triples of the ontology: what it and its terms state (blank nodes followed)."""
    found: dict[Triple, None] = {}
    chosen = set(subjects(store))
    for node in chosen:
        for triple in triples_about(store, node):
            if triple.subject in chosen or (
                isinstance(triple.subject, BlankNode) and triple.object != node
            ):
                found[triple] = None
    return list(found)


def _term(store: Store, node: NamedNode, all_triples: list[Triple], root: str) -> Term:
    types = tuple(
        sorted(
            {
                show(store, q.object, root)
                for q in store.quads_for_pattern(node, _TYPE, None, DefaultGraph())
            },
            key=lambda v: v.curie or v.text,
        )
    )
    comments = [
        q.object.value
        for q in store.quads_for_pattern(node, _COMMENT, None, DefaultGraph())
        if isinstance(q.object, Literal)
    ]
    facts = tuple(
        p
        for p in properties_of(store, all_triples, node, root)
        if p.predicate.iri not in _SHOWN_APART
    )
    instances = tuple(
        sorted(
            {
                show(store, q.subject, root)
                for q in store.quads_for_pattern(None, _TYPE, node, DefaultGraph())
                if isinstance(q.subject, NamedNode)
            },
            key=lambda v: (v.text.casefold(), v.iri or ""),
        )
    )
    anchor = node.value[len(ITUKG) :] if node.value.startswith(ITUKG) else ""
    shown = show(store, node, root)
    return Term(
        anchor=anchor or (shown.curie or shown.text).replace(":", "-"),
        node=shown,
        label=label(store, node) or shown.text,
        comment=min(comments) if comments else None,
        types=types,
        facts=facts,
        instances=instances,
    )


def ontology(store: Store, root: str = "") -> Ontology:
    """Return the ontology page of the graph in *store*."""
    all_triples = triples(store)
    node = NamedNode(ONTOLOGY)
    header = show(store, node, root)
    facts = tuple(p for p in properties_of(store, all_triples, node, root))
    title = next((v.text for p in facts if p.predicate.iri == _TITLE for v in p.values), None)
    description = next(
        (v.text for p in facts if p.predicate.iri == _DESCRIPTION for v in p.values), None
    )
    classes: list[Term] = []
    properties: list[Term] = []
    restated: list[Term] = []
    for subject in subjects(store)[1:]:
        term = _term(store, subject, all_triples, root)
        kinds = {t.iri for t in term.types}
        if not subject.value.startswith(ITUKG):
            restated.append(term)
        elif kinds & PROPERTY_TYPES:
            properties.append(term)
        else:
            classes.append(term)
    return Ontology(
        node=header,
        title=title or header.text,
        description=description,
        facts=tuple(p for p in facts if p.predicate.iri not in (_TITLE, _DESCRIPTION)),
        classes=tuple(classes),
        properties=tuple(properties),
        restated=tuple(restated),
    )
