"""pySHACL's value tests, in Python, for the values SPARQL cannot judge exactly as pySHACL does.

pySHACL judges a value node through rdflib: a literal becomes an ``rdflib.Literal`` (whose
lexical form rdflib may normalise, and whose value rdflib computes with Python's parsers), and
datatypes, ranges, patterns and lengths are decided on that object. SPARQL on Oxigraph agrees
for the ordinary values (canonical numbers and dates, plain strings, IRIs) and the compiled
queries decide those themselves; every other value is handed to one of the functions here,
registered as a SPARQL custom function (:class:`Functions`), which repeat pySHACL 0.40's own
code on the rdflib term (``DatatypeConstraintComponent.evaluate``, ``compare_literal``,
``StringBasedConstraintBase.value_node_to_string``, ``LessThanConstraintComponent._compare_lt``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Hashable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pyoxigraph import BlankNode, Literal, NamedNode

from itukg.terms import Term

if TYPE_CHECKING:
    from rdflib.term import Node

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDFS_LITERAL = "http://www.w3.org/2000/01/rdf-schema#Literal"
RDFS_DATATYPE = "http://www.w3.org/2000/01/rdf-schema#Datatype"

TRUE = Literal(True)
FALSE = Literal(False)

#: Comparisons of the range components, on the result of ``compare_literal(value, bound)``.
RANGE_TESTS: dict[str, Callable[[int], bool]] = {
    "minExclusive": lambda cmp: cmp > 0,
    "minInclusive": lambda cmp: cmp >= 0,
    "maxExclusive": lambda cmp: cmp < 0,
    "maxInclusive": lambda cmp: cmp <= 0,
}


class ShaclRuntimeError(Exception):
    """A failure pySHACL raises while validating (such as comparing a blank node)."""


def rdflib_term(term: Term) -> Node:
    """Return the rdflib term pySHACL would see for an Oxigraph term."""
    from itukg.bridge import to_rdflib

    return to_rdflib(term)


def always_well_typed(datatype: str) -> bool:
    """Tell whether rdflib accepts every lexical form of *datatype* (no parser, no check)."""
    from rdflib import URIRef
    from rdflib.term import _check_well_formed_types, _toPythonMapping

    iri = URIRef(datatype)
    return _toPythonMapping.get(iri) is None and iri not in _check_well_formed_types


# ------------------------------------------------------------------------ the tests


def datatype_matches(term: Term, datatype: str) -> bool:
    """Repeat ``DatatypeConstraintComponent.evaluate`` for one value node."""
    from rdflib import Literal as RdfLiteral
    from rdflib import URIRef

    value = rdflib_term(term)
    if not isinstance(value, RdfLiteral):
        return False
    rule = URIRef(datatype)
    if value.datatype == rule:
        if getattr(value, "ill_typed", None) is True:
            return False
        return _actual_datatype(value, datatype)
    if datatype == RDFS_LITERAL:
        return True
    if datatype == RDFS_DATATYPE and value.datatype:
        return True
    if value.datatype is None and value.language is None and datatype == XSD + "string":
        return _actual_datatype(value, datatype)
    if datatype == RDF_LANG_STRING and value.language:
        return _actual_datatype(value, datatype)
    return False


def _actual_datatype(value: Any, datatype: str) -> bool:
    python = value.value
    kinds: dict[str, type | tuple[type, ...]] = {
        XSD + "string": (str, bytes),
        RDF_LANG_STRING: (str, bytes),
        XSD + "integer": int,
        XSD + "float": float,
        XSD + "decimal": Decimal,
        XSD + "boolean": bool,
        XSD + "date": datetime.date,
        XSD + "time": datetime.time,
        XSD + "dateTime": datetime.datetime,
    }
    kind = kinds.get(datatype)
    return True if kind is None else isinstance(python, kind)


def compare_literal(first: Any, second: Any) -> int:
    """Repeat ``pyshacl.rdfutil.compare.compare_literal``."""
    if first.eq(second):
        return 0
    if first.value.__class__ in (datetime.datetime, datetime.time):
        if first.value == second.value:
            return 0
        if first.value > second.value:
            return 1
    elif first > second:
        return 1
    return -1


def in_range(term: Term, bound: Term, test: Callable[[int], bool]) -> bool:
    """Repeat the range components (``MinInclusiveConstraintComponent._evaluate_min_rule``)."""
    from rdflib import Literal as RdfLiteral

    value, limit = rdflib_term(term), rdflib_term(bound)
    if not isinstance(value, RdfLiteral) or not isinstance(limit, RdfLiteral):
        return False
    if isinstance(limit.value, str) != isinstance(value.value, str):
        return False
    try:
        return test(compare_literal(value, limit))
    except (TypeError, NotImplementedError):  # rdflib's own: values it cannot order
        return False


def node_string(term: Term) -> str | None:
    """Return the string pySHACL matches and measures (None for a blank node)."""
    from rdflib import Literal as RdfLiteral
    from rdflib import URIRef

    if isinstance(term, BlankNode):
        return None
    value = rdflib_term(term)
    if isinstance(value, RdfLiteral):
        plain = value.datatype in (None, URIRef(RDF_LANG_STRING), URIRef(XSD + "string"))
        if value.value is not None and plain:
            return str(value.value)
    return str(value)


def matches(term: Term, pattern: re.Pattern[str]) -> bool:
    """Repeat ``PatternConstraintComponent._evaluate_string_rule`` for one value node."""
    text = node_string(term)
    if text is None:
        return False
    return bool(pattern.match(text) or pattern.search(text))


def length_ok(term: Term, limit: int, at_least: bool) -> bool:
    """Repeat the string length components for one value node."""
    if at_least and limit == 0:
        return True
    text = node_string(term)
    if text is None:
        return False
    return len(text) >= limit if at_least else len(text) <= limit


def ordered(term: Term, other: Term, strict: bool) -> bool:
    """Repeat ``LessThan(OrEquals)ConstraintComponent._compare_lt(oe)`` for one pair."""
    from rdflib import BNode, URIRef
    from rdflib import Literal as RdfLiteral

    name = "sh:lessThan" if strict else "sh:lessThanOrEquals"
    sides: list[tuple[Any, bool]] = []
    for node in (rdflib_term(term), rdflib_term(other)):
        if isinstance(node, BNode):
            raise ShaclRuntimeError(f"Cannot use {name} to compare a BlankNode.")
        if isinstance(node, URIRef):
            sides.append((str(node), True))
        elif isinstance(node, RdfLiteral) and isinstance(node.value, str):
            sides.append((node.value, True))
        else:
            sides.append((node, False))
    (value, value_is_string), (limit, limit_is_string) = sides
    if value_is_string != limit_is_string:
        return False
    return bool(value < limit) if strict else bool(value <= limit)


# ------------------------------------------------------------------------ SPARQL functions


class Functions:
    """The custom SPARQL functions of one compilation, each named ``<urn:itukg:shacl:fn:N>``.

    :attr:`tests` maps each name to its test (a Python predicate on terms, which may raise
    what pySHACL raises); :meth:`table` makes them SPARQL functions for one run.
    """

    PREFIX = "urn:itukg:shacl:fn:"

    def __init__(self) -> None:
        """Start with no function."""
        self.tests: dict[NamedNode, Callable[..., bool]] = {}
        self._by_key: dict[Hashable, NamedNode] = {}

    def register(self, key: Hashable, test: Callable[..., bool]) -> str:
        """Return the SPARQL name of a function that answers *test* as an xsd:boolean.

        *key* identifies the test, so that the same test is registered once.
        """
        name = self._by_key.get(key)
        if name is None:
            name = NamedNode(f"{self.PREFIX}{len(self.tests)}")
            self.tests[name] = test
            self._by_key[key] = name
        return str(name)

    def table(self, errors: list[BaseException]) -> dict[NamedNode, Callable[..., Term | None]]:
        """Return the functions for ``Store.query``; what a test raises goes to *errors*.

        A test that raises yields no value (a SPARQL error), so that the query can tell.
        """

        def function(test: Callable[..., bool]) -> Callable[..., Term | None]:
            def call(*args: Term) -> Term | None:
                try:
                    return TRUE if test(*args) else FALSE
                except Exception as error:
                    errors.append(error)
                    return None

            return call

        return {name: function(test) for name, test in self.tests.items()}

    def datatype(self, datatype: str) -> str:
        """Return the function ``f(?v)``: does ?v match *datatype*, as pySHACL decides."""
        return self.register(("datatype", datatype), lambda v: datatype_matches(v, datatype))

    def range(self, kind: str, bound: Term) -> str:
        """Return ``f(?v)``: is ?v in the range *kind* (``minInclusive``, ...) of *bound*."""
        test = RANGE_TESTS[kind]
        return self.register(("range", kind, bound), lambda v: in_range(v, bound, test))

    def pattern(self, pattern: re.Pattern[str]) -> str:
        """Return the function ``f(?v)``: does ?v match *pattern*, as pySHACL decides."""
        key = ("pattern", pattern.pattern, pattern.flags)
        return self.register(key, lambda v: matches(v, pattern))

    def length(self, limit: int, at_least: bool) -> str:
        """Return the function ``f(?v)``: is the string of ?v at least (most) *limit* long."""
        return self.register(("length", limit, at_least), lambda v: length_ok(v, limit, at_least))

    def ordered(self, strict: bool) -> str:
        """Return ``f(?v, ?c)``: is ?v less than (or equal to) ?c, as pySHACL decides."""
        return self.register(("ordered", strict), lambda v, c: ordered(v, c, strict))
