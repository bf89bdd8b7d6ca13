"""Count what the graph holds: triples, subjects, and the instances of each class."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, QuerySolutions, Store

from itukg import terms
from itukg.errors import FormatError
from itukg.namespaces import PREFIXES
from itukg.results import align

#: Formats of the statistics.
STATS_FORMATS = ("table", "json")

#: Types of vocabulary terms (classes, properties, ontologies, shapes): their subjects are not
#: counted as instances.
VOCABULARY_TYPES = tuple(
    PREFIXES[prefix] + local
    for prefix, names in (
        ("rdfs", "Class Datatype"),
        ("rdf", "Property List"),
        (
            "owl",
            "Ontology Class Restriction ObjectProperty DatatypeProperty AnnotationProperty "
            "OntologyProperty FunctionalProperty InverseFunctionalProperty TransitiveProperty "
            "SymmetricProperty AsymmetricProperty ReflexiveProperty IrreflexiveProperty "
            "AllDisjointClasses AllDisjointProperties AllDifferent Axiom "
            "NegativePropertyAssertion",
        ),
        ("sh", "NodeShape PropertyShape"),
    )
    for local in names.split()
)

_CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?thing) AS ?count) WHERE {
  ?thing a ?class .
  FILTER NOT EXISTS { ?thing a ?vocabulary . VALUES ?vocabulary { %s } }
} GROUP BY ?class
"""


@dataclass(frozen=True)
class Stats:
    """The size of the graph and its instances per class."""

    triples: int
    subjects: int
    classes: tuple[tuple[str, int], ...]
    """(class CURIE, number of instances), most instances first, then by name."""

    def table(self) -> str:
        """Return the statistics as text: the totals, then a table of classes."""
        classes = align(
            ["class", "instances"], [[c, str(n)] for c, n in self.classes], [False, True]
        )
        return f"triples:  {self.triples}\nsubjects: {self.subjects}\n\n{classes}"

    def json(self) -> str:
        """Return the statistics as JSON."""
        data = {
            "triples": self.triples,
            "subjects": self.subjects,
            "classes": [{"class": c, "instances": n} for c, n in self.classes],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def serialize(self, format: str = "table") -> str:
        """Return the statistics in one of :data:`STATS_FORMATS`."""
        if format not in STATS_FORMATS:
            raise FormatError(
                f"unknown format '{format}' for stats (choose from {', '.join(STATS_FORMATS)})"
            )
        return self.json() if format == "json" else self.table()


def stats(store: Store) -> Stats:
    """Count the triples and distinct subjects of *store*, and the instances of each class.

    Instances are typed subjects that are not vocabulary terms (see :data:`VOCABULARY_TYPES`).
    """
    subjects = _solutions(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")
    count = next(iter(subjects))["n"]
    vocabulary = " ".join(f"<{iri}>" for iri in VOCABULARY_TYPES)
    classes: list[tuple[str, int]] = []
    for row in _solutions(store, _CLASS_COUNTS % vocabulary):
        kind, number = row["class"], row["count"]
        if isinstance(kind, NamedNode) and isinstance(number, Literal):
            classes.append((terms.show(kind), int(number.value)))
    classes.sort(key=lambda item: (-item[1], item[0]))
    assert isinstance(count, Literal)
    return Stats(triples=len(store), subjects=int(count.value), classes=tuple(classes))


def _solutions(store: Store, query: str) -> QuerySolutions:
    answer = store.query(query)
    assert isinstance(answer, QuerySolutions)
    return answer
