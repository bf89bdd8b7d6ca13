from __future__ import annotations

import pytest
from pyoxigraph import NamedNode, Store

from itukg import terms
from itukg.describe import describe, normalize, resolve, triples_about
from itukg.errors import ResolveError

PERSON = "https://w3id.org/itukg/id/person/"
ORG = "https://w3id.org/itukg/id/org/"


@pytest.mark.parametrize(
    ("text", "iri"),
    [
        (f"{PERSON}bob", PERSON + "bob"),
        (f"<{PERSON}bob>", PERSON + "bob"),
        ("person:bob", PERSON + "bob"),
        ("Bob Étienne", PERSON + "bob"),
        ("bob etienne", PERSON + "bob"),
        ("  ROBERT   ÉTIENNE ", PERSON + "bob"),
        ("sg20", ORG + "sg20"),
        ("study group 20", ORG + "sg20"),
        ("carla diaz", PERSON + "carla"),
    ],
)
def test_resolve(kg_store: Store, text: str, iri: str) -> None:
    assert resolve(kg_store, text) == NamedNode(iri)


def test_ambiguous_names_list_the_candidates(kg_store: Store) -> None:
    with pytest.raises(ResolveError) as caught:
        resolve(kg_store, "jane doe")
    assert str(caught.value) == (
        "'jane doe' names 2 things: person:jane-doe-1 (Jane Doe), person:jane-doe-2 (Jane Doe); "
        "give an IRI or a CURIE"
    )
    assert caught.value.candidates == (
        ("person:jane-doe-1", "Jane Doe"),
        ("person:jane-doe-2", "Jane Doe"),
    )


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("nobody", "no thing in the graph has the name 'nobody'"),
        ("Bob", "no thing in the graph has the name 'Bob'"),
        ("person:zed", "nothing in the graph is called person:zed"),
        ("https://example.org/x", "nothing in the graph is called <https://example.org/x>"),
        ("unknown:thing", "no thing in the graph has the name 'unknown:thing'"),
    ],
)
def test_nothing_found(kg_store: Store, text: str, error: str) -> None:
    with pytest.raises(ResolveError) as caught:
        resolve(kg_store, text)
    assert str(caught.value) == error


def test_normalize() -> None:
    assert normalize("  Ministère  de la POSTE ") == "ministere de la poste"


def test_description_text(kg_store: Store) -> None:
    text = describe(kg_store, NamedNode(PERSON + "bob")).text()
    assert text == (
        "Bob Étienne\n"
        "  iri:   https://w3id.org/itukg/id/person/bob\n"
        "  curie: person:bob\n"
        "  type:  foaf:Person\n"
        "\n"
        "Properties:\n"
        '  foaf:name      "Bob Étienne"\n'
        '  skos:altLabel  "Robert Etienne"\n'
        "\n"
        "Incoming links:\n"
        "  org:member  membership:bob-sg20\n"
        "  org:member  membership:bob-wp1\n"
    )


def test_description_shows_labels_of_linked_things(kg_store: Store) -> None:
    description = describe(kg_store, NamedNode(ORG + "wp1"))
    assert description.label == "Working Party 1"
    assert description.types == ("itukg:WorkingParty",)
    assert description.properties == (
        ("org:subOrganizationOf", "itorg:sg20", "Study Group 20"),
        ("skos:prefLabel", '"Working Party 1"@en', None),
    )
    assert description.incoming == (
        ("membership:ada-wp1", None, "org:organization"),
        ("membership:bob-wp1", None, "org:organization"),
    )


def test_triples_about_follow_blank_nodes(kg_store: Store) -> None:
    triples = triples_about(kg_store, NamedNode(ORG + "sg20"))
    assert sorted(terms.show(t.predicate) for t in triples) == [
        "dcterms:created",
        "org:organization",
        "org:organization",
        "org:subOrganizationOf",
        "org:subOrganizationOf",
        "rdf:type",
        "rdf:type",
        "schema:contactPoint",
        "schema:email",
        "schema:numberOfEmployees",
        "skos:notation",
        "skos:prefLabel",
    ]
