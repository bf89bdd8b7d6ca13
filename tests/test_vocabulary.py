"""Every term the graph uses exists: ours in the ontology, the others in their vocabularies."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib import namespace as vocabulary

from itukg import paths
from itukg.namespaces import ITUKG, VOCABULARIES

#: The W3C Web Annotation terms the graph uses (https://www.w3.org/TR/annotation-vocab/);
#: rdflib ships no definition of that vocabulary.
OA_TERMS = {"SpecificResource", "FragmentSelector", "hasSource", "hasSelector"}

#: rdflib's closed definition of each vocabulary, by our prefix.
DEFINED = {
    prefix: getattr(vocabulary, prefix.upper())
    for prefix in (
        "dcterms",
        "foaf",
        "org",
        "prov",
        "skos",
        "time",
        "vann",
        "sh",
        "owl",
        "rdfs",
        "rdf",
        "xsd",
    )
}
OWL, RDF, RDFS, SDO = vocabulary.OWL, vocabulary.RDF, vocabulary.RDFS, vocabulary.SDO


def parsed(files: list[Path]) -> Graph:
    g = Graph()
    for path in files:
        g.parse(path, format="turtle")
    return g


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return parsed(paths.ontology_files())


@pytest.fixture(scope="module")
def described() -> Graph:
    """The data and the shapes: what uses the ontology's terms."""
    return parsed([*paths.data_files(), *paths.shape_files()])


@pytest.fixture(scope="module")
def graph(ontology: Graph, described: Graph) -> Graph:
    return ontology + described


def iris(graph: Graph) -> set[str]:
    return {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}


def exists(prefix: str, local: str) -> bool:
    if prefix == "schema":
        return URIRef(str(SDO) + local) in SDO  # rdflib names schema.org with https
    if prefix == "oa":
        return local in OA_TERMS
    return URIRef(VOCABULARIES[prefix] + local) in DEFINED[prefix]


def test_no_term_is_invented_in_a_vocabulary_we_reuse(graph: Graph) -> None:
    invented = []
    for iri in sorted(iris(graph)):
        for prefix, namespace in VOCABULARIES.items():
            local = iri.removeprefix(namespace)
            checked = local != iri and local and prefix in {*DEFINED, "schema", "oa"}
            if checked and not exists(prefix, local):
                invented.append(f"{prefix}:{local}")
    assert invented == []


def test_every_term_of_ours_is_declared_labelled_and_anchored(
    ontology: Graph, described: Graph
) -> None:
    graph = ontology
    used = {iri for iri in iris(described) if iri.startswith(ITUKG)}
    declared = set()
    for kind, anchor in ((OWL.Class, RDFS.subClassOf), (OWL.ObjectProperty, RDFS.subPropertyOf)):
        for term in graph.subjects(RDF.type, kind):
            declared.add(str(term))
            assert (term, RDFS.label, None) in graph and (term, RDFS.comment, None) in graph
            parents = [str(p) for p in graph.objects(term, anchor)]
            assert parents, f"{term} is anchored to nothing"
    for term in graph.subjects(RDF.type, OWL.DatatypeProperty):
        declared.add(str(term))
        assert any(not str(p).startswith(ITUKG) for p in graph.objects(term, RDFS.subPropertyOf))
    assert used - declared == set()
    assert declared - used == set(), "declared in the ontology but used nowhere"


def test_every_term_of_ours_reaches_a_reused_vocabulary(graph: Graph) -> None:
    """Following rdfs:subClassOf / rdfs:subPropertyOf from any term of ours leaves our namespace.

    A datatype of ours is anchored by the restriction that defines it (owl:equivalentClass,
    then owl:onDatatype): an OWL 2 datatype definition.
    """
    terms = set(graph.subjects(RDFS.isDefinedBy, URIRef(ITUKG.rstrip("#"))))
    assert len(terms) == 51
    datatypes = {t for t in terms if (t, RDF.type, RDFS.Datatype) in graph}
    assert {str(t).removeprefix(ITUKG) for t in datatypes} == {
        "iso3166Alpha2",
        "iso3166Alpha3",
        "iso3166Numeric",
    }
    for term in terms:
        seen, frontier = set(), {term}
        while frontier:
            node = frontier.pop()
            seen.add(node)
            for prop in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.onDatatype):
                frontier |= set(graph.objects(node, prop)) - seen
        outside = {str(n) for n in seen if isinstance(n, URIRef) and not n.startswith(ITUKG)}
        assert outside, f"{term} is anchored only to terms of its own"
