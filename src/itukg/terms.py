"""RDF terms as people read them: IRIs as CURIEs, literals by their lexical value.

Works on pyoxigraph terms, the terms of the loaded graph.
"""

from __future__ import annotations

import functools
import re

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from itukg.namespaces import PREFIXES

Term = NamedNode | BlankNode | Literal | Triple
"""Any RDF term a query can return."""

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_LOCAL = re.compile(
    r"(?:[\w:]|%[0-9A-Fa-f]{2})(?:(?:[\w.:\-]|%[0-9A-Fa-f]{2})*(?:[\w:\-]|%[0-9A-Fa-f]{2}))?"
)
_CURIE = re.compile(r"([A-Za-z][\w\-.]*)?:(.*)", re.DOTALL)
_NUMERIC = (
    "integer",
    "decimal",
    "double",
    "float",
    "long",
    "int",
    "short",
    "byte",
    "nonNegativeInteger",
    "positiveInteger",
    "nonPositiveInteger",
    "negativeInteger",
    "unsignedLong",
    "unsignedInt",
    "unsignedShort",
    "unsignedByte",
)
NUMERIC_DATATYPES = frozenset("http://www.w3.org/2001/XMLSchema#" + name for name in _NUMERIC)


@functools.cache
def _by_length() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(PREFIXES.items(), key=lambda item: (-len(item[1]), item[0])))


@functools.cache
def _namespaces() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern trying every namespace, longest first, and the prefix of each namespace."""
    ordered = _by_length()
    pattern = re.compile("|".join(re.escape(namespace) for _, namespace in ordered))
    prefix_of: dict[str, str] = {}
    for prefix, namespace in ordered:
        prefix_of.setdefault(namespace, prefix)
    return pattern, prefix_of


def curie(iri: str) -> str | None:
    """Return *iri* as ``prefix:local`` with the longest matching namespace, or None."""
    pattern, prefix_of = _namespaces()
    match = pattern.match(iri)
    if match is None:
        return None
    local = iri[match.end() :]
    if local == "" or _LOCAL.fullmatch(local):
        return f"{prefix_of[match.group()]}:{local}"
    # A shorter namespace may still give a valid local name.
    for prefix, namespace in _by_length():
        if len(namespace) < match.end() and iri.startswith(namespace):
            local = iri[len(namespace) :]
            if local == "" or _LOCAL.fullmatch(local):
                return f"{prefix}:{local}"
    return None


def expand(text: str) -> str | None:
    """Return the IRI a CURIE with a known prefix stands for, or None if it is not one."""
    match = _CURIE.fullmatch(text)
    if match is None or match.group(1) not in PREFIXES:
        return None
    return PREFIXES[match.group(1)] + match.group(2)


def show_iri(iri: str) -> str:
    """Return *iri* as a CURIE when it has one, else as ``<iri>``."""
    return curie(iri) or f"<{iri}>"


def show(term: Term | None) -> str:
    """Return the short text of a term for tables: CURIE, ``_:label`` or lexical value."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return show_iri(term.value)
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return term.value
    return f"<< {turtle(term.subject)} {turtle(term.predicate)} {turtle(term.object)} >>"


def turtle(term: Term) -> str:
    """Return a term as Turtle, with CURIEs for IRIs and datatypes."""
    if isinstance(term, Literal):
        text = '"' + _escape(term.value) + '"'
        if term.language:
            return f"{text}@{term.language}"
        datatype = term.datatype.value
        if datatype in (XSD_STRING, RDF_LANG_STRING):
            return text
        return f"{text}^^{show_iri(datatype)}"
    return show(term)


def is_numeric(term: Term | None) -> bool:
    """Tell whether *term* is a literal of a numeric XSD datatype."""
    return isinstance(term, Literal) and term.datatype.value in NUMERIC_DATATYPES


_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def _escape(text: str) -> str:
    return "".join(_ESCAPES.get(char, char) for char in text)


def string_literal(text: str) -> str:
    """Return *text* as a quoted Turtle/SPARQL string literal, every special character escaped."""
    return '"' + _escape(text) + '"'
