"""Describe one thing of the graph: find it by IRI, CURIE or name, and show what is said of it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Store, Triple

from itukg import terms
from itukg.errors import ResolveError
from itukg.namespaces import PREFIXES

RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")

#: Predicates whose literal values name a thing, searched by :func:`resolve`.
NAME_PREDICATES = tuple(
    NamedNode(PREFIXES[prefix] + local)
    for prefix, local in (
        ("skos", "prefLabel"),
        ("skos", "altLabel"),
        ("skos", "hiddenLabel"),
        ("skos", "notation"),
        ("foaf", "name"),
        ("rdfs", "label"),
        ("dcterms", "title"),
    )
)

#: Predicates giving the label shown for a thing, best first.
LABEL_PREDICATES = tuple(
    NamedNode(PREFIXES[prefix] + local)
    for prefix, local in (
        ("skos", "prefLabel"),
        ("foaf", "name"),
        ("rdfs", "label"),
        ("dcterms", "title"),
        ("skos", "notation"),
        ("skos", "altLabel"),
    )
)

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:(//|[^\s]*@)|urn:", re.IGNORECASE)

Subject = NamedNode | BlankNode


def normalize(text: str) -> str:
    """Return *text* folded for matching: no case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def resolve(store: Store, name_or_iri: str) -> Subject:
    """Return the one thing *name_or_iri* designates: a full IRI, a CURIE, or a name.

    Names match the labels of :data:`NAME_PREDICATES` without regard to case or accents.
    Nothing, or more than one thing, raises :class:`ResolveError`.
    """
    text = name_or_iri.strip()
    iri = None
    if text.startswith("<") and text.endswith(">"):
        iri = text[1:-1]
    else:
        iri = terms.expand(text) or (text if _SCHEME.match(text) else None)
    if iri is not None:
        try:
            node = NamedNode(iri)
        except ValueError:
            raise ResolveError(f"'{text}' is not a valid IRI") from None
        if not _mentioned(store, node):
            raise ResolveError(f"nothing in the graph is called {terms.show_iri(iri)}")
        return node
    key = normalize(text)
    found: set[Subject] = set()
    for predicate in NAME_PREDICATES:
        for quad in store.quads_for_pattern(None, predicate, None, DefaultGraph()):
            value = quad.object
            if isinstance(value, Literal) and normalize(value.value) == key:
                subject = quad.subject
                if isinstance(subject, NamedNode | BlankNode):
                    found.add(subject)
    if not found:
        raise ResolveError(f"no thing in the graph has the name '{text}'")
    if len(found) > 1:
        candidates = tuple(sorted((terms.show(node), label(store, node) or "") for node in found))
        listed = ", ".join(f"{iri} ({name})" if name else iri for iri, name in candidates)
        raise ResolveError(
            f"'{text}' names {len(found)} things: {listed}; give an IRI or a CURIE",
            candidates,
        )
    return found.pop()


@dataclass(frozen=True)
class Match:
    """A thing found by :func:`search`: the thing, its label, and the name that matched."""

    node: Subject
    label: str | None
    name: str


def search(store: Store, text: str) -> list[Match]:
    """Return the things one of whose names contains *text*, without regard to case or accents.

    Names are the labels of :data:`NAME_PREDICATES`; the name given for a thing is the one
    that matched best (the first predicate of that list, at equal rank). Things whose name is
    *text* come first, then those with a name starting with it, then the others; each group
    by label, then IRI.
    """
    key = normalize(text)
    if not key:
        return []
    best: dict[Subject, tuple[int, int, str]] = {}
    for order, predicate in enumerate(NAME_PREDICATES):
        for quad in store.quads_for_pattern(None, predicate, None, DefaultGraph()):
            value, subject = quad.object, quad.subject
            if not isinstance(value, Literal) or not isinstance(subject, NamedNode | BlankNode):
                continue
            name = normalize(value.value)
            if key not in name:
                continue
            rank = 0 if name == key else 1 if name.startswith(key) else 2
            found = (rank, order, value.value)
            if subject not in best or found < best[subject]:
                best[subject] = found
    matches = [Match(node, label(store, node), name) for node, (_, _, name) in best.items()]
    return sorted(
        matches,
        key=lambda m: (best[m.node][0], normalize(m.label or m.name), str(m.node)),
    )


def _mentioned(store: Store, node: NamedNode) -> bool:
    for _ in store.quads_for_pattern(node, None, None, DefaultGraph()):
        return True
    for _ in store.quads_for_pattern(None, None, node, DefaultGraph()):
        return True
    return False


def label(store: Store, node: NamedNode | BlankNode | Literal | Triple) -> str | None:
    """Return the label of *node*: the first of :data:`LABEL_PREDICATES`, English first."""
    if not isinstance(node, NamedNode | BlankNode):
        return None
    for predicate in LABEL_PREDICATES:
        values = [
            quad.object
            for quad in store.quads_for_pattern(node, predicate, None, DefaultGraph())
            if isinstance(quad.object, Literal)
        ]
        if values:
            best = min(values, key=lambda v: (_language_rank(v.language), v.value))
            return best.value
    return None


def _language_rank(language: str | None) -> int:
    if language is None:
        return 1
    return 0 if language.lower() == "en" or language.lower().startswith("en-") else 2


@dataclass(frozen=True)
class Description:
    """What the graph says of one thing, ready to show."""

    node: Subject
    label: str | None
    types: tuple[str, ...]
    properties: tuple[tuple[str, str, str | None], ...]
    """(predicate, value, label of the value) for every outgoing statement but the types."""
    incoming: tuple[tuple[str, str | None, str], ...]
    """(subject, label of the subject, predicate) for every statement pointing at the thing."""

    def text(self) -> str:
        """Return the description for people: label, IRI, types, properties, incoming links."""
        lines = [self.label or terms.show(self.node)]
        if isinstance(self.node, NamedNode):
            lines.append(f"  iri:   {self.node.value}")
            short = terms.curie(self.node.value)
            if short:
                lines.append(f"  curie: {short}")
        lines.append(f"  type:  {', '.join(self.types) or '(none)'}")
        lines += ["", "Properties:"]
        width = max((len(p) for p, _, _ in self.properties), default=0)
        for predicate, value, value_label in self.properties:
            shown = f"{value}  ({value_label})" if value_label else value
            lines.append(f"  {predicate.ljust(width)}  {_one_line(shown)}")
        if not self.properties:
            lines.append("  (none)")
        lines += ["", "Incoming links:"]
        width = max((len(p) for _, _, p in self.incoming), default=0)
        for subject, subject_label, predicate in self.incoming:
            shown = f"{subject}  ({subject_label})" if subject_label else subject
            lines.append(f"  {predicate.ljust(width)}  {shown}")
        if not self.incoming:
            lines.append("  (none)")
        return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return text.replace("\n", "\\n")


def describe(store: Store, node: Subject) -> Description:
    """Return what *store* says of *node*, every list sorted."""
    types: set[str] = set()
    properties: set[tuple[str, str, str | None]] = set()
    for quad in store.quads_for_pattern(node, None, None, DefaultGraph()):
        if quad.predicate == RDF_TYPE:
            types.add(terms.show(quad.object))
            continue
        value = quad.object
        properties.add(
            (
                terms.show(quad.predicate),
                terms.turtle(value),
                label(store, value) if isinstance(value, NamedNode) else None,
            )
        )
    incoming = {
        (terms.show(quad.subject), label(store, quad.subject), terms.show(quad.predicate))
        for quad in store.quads_for_pattern(None, None, node, DefaultGraph())
    }
    return Description(
        node=node,
        label=label(store, node),
        types=tuple(sorted(types)),
        properties=tuple(sorted(properties, key=lambda p: (p[0], p[1]))),
        incoming=tuple(sorted(incoming, key=lambda i: (i[2], i[0]))),
    )


def triples_about(store: Store, node: Subject) -> list[Triple]:
    """Return the statements about *node*: outgoing (with blank nodes followed) and incoming."""
    seen: set[Subject] = set()
    found: list[Triple] = []
    todo: list[Subject] = [node]
    while todo:
        subject = todo.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for quad in store.quads_for_pattern(subject, None, None, DefaultGraph()):
            found.append(quad.triple)
            if isinstance(quad.object, BlankNode):
                todo.append(quad.object)
    found += [q.triple for q in store.quads_for_pattern(None, None, node, DefaultGraph())]
    return _unique(found)


def _unique(triples: Iterable[Triple]) -> list[Triple]:
    return list(dict.fromkeys(triples))
