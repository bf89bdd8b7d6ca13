"""Where the IRIs of the graph answer on this server, and the terms as pages show them.

Every IRI of ours under ``https://w3id.org/itukg/`` (which redirects to this server) has
its page at the same path here: ``…/id/<kind>/<slug>`` at ``/id/<kind>/<slug>``, the
ontology at ``/ontology`` (a version at ``/ontology/<version>``) and its terms at anchors of
that page (``/ontology#Term``), the whole graph at ``/graph``, a mapping set at
``/mappings/<name>.sssom.tsv`` and the dataset description at ``/.well-known/void``. Other
IRIs link to themselves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from itukg import terms
from itukg.namespaces import BASE, GRAPH, ID, ITUKG, MAPPINGS, ONTOLOGY
from itukg.terms import Term

_STRING_TYPES = (terms.XSD_STRING, terms.RDF_LANG_STRING)


def local_path(iri: str) -> str | None:
    """Return the path of *iri* on this server, or None if it is not one of ours."""
    if iri.startswith(ID) and len(iri) > len(ID):
        return "/id/" + iri[len(ID) :]
    if iri == ONTOLOGY:
        return "/ontology"
    if iri.startswith(ONTOLOGY + "/"):
        return "/ontology/" + iri[len(ONTOLOGY) + 1 :]
    if iri.startswith(ITUKG):
        return "/ontology#" + iri[len(ITUKG) :]
    if iri == GRAPH:
        return "/graph"
    if iri.startswith(MAPPINGS) and len(iri) > len(MAPPINGS):
        return "/mappings/" + iri[len(MAPPINGS) :]
    if iri.startswith(BASE + ".well-known/void"):
        return "/" + iri[len(BASE) :]
    return None


def href(iri: str, root: str = "") -> str:
    """Return the link to *iri*: its page here (under *root*), or the IRI itself."""
    path = local_path(iri)
    return root + path if path is not None else iri


@dataclass(frozen=True)
class Value:
    """An RDF term as a page shows it."""

    text: str
    """The label of a thing, else its CURIE or IRI; the lexical value of a literal."""
    href: str | None = None
    """Where the term links to (IRIs only)."""
    iri: str | None = None
    curie: str | None = None
    """The CURIE (or ``<IRI>``) of an IRI shown by its label."""
    language: str | None = None
    datatype: str | None = None
    """The CURIE of the datatype of a literal that is not a plain string."""
    local: bool = False
    """True when the link is to a page of this server."""
    blank: str | None = None
    """The label of a blank node."""


def value(
    term: NamedNode | BlankNode | Literal | Triple, root: str, name: str | None = None
) -> Value:
    """Return *term* as a page shows it; *name* is the label of a thing, if it has one."""
    if isinstance(term, NamedNode):
        shown = terms.show_iri(term.value)
        short = shown if not shown.startswith("<") else term.value
        return Value(
            text=name or short,
            href=href(term.value, root),
            iri=term.value,
            curie=short if name else None,
            local=local_path(term.value) is not None,
        )
    if isinstance(term, Literal):
        datatype = term.datatype.value
        return Value(
            text=term.value,
            language=term.language,
            datatype=None if datatype in _STRING_TYPES else terms.show_iri(datatype),
        )
    if isinstance(term, BlankNode):
        return Value(text=terms.show(term), blank=term.value)
    return Value(text=terms.show(term))


def cells(
    row: Mapping[str, Term | None], variables: Sequence[str], root: str
) -> list[Value | None]:
    """Return a row of query results as a table shows it: None where a variable is unbound."""
    return [None if (term := row[v]) is None else value(term, root) for v in variables]
