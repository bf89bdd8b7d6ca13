from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest
from conftest import KG
from pyoxigraph import BlankNode, Literal, NamedNode, Store

from itukg import queries
from itukg.errors import FormatError
from itukg.results import AskResult, GraphResult, SelectResult, format_table

XSD = "http://www.w3.org/2001/XMLSchema#"
PERSON = "https://w3id.org/itukg/id/person/"


@pytest.fixture
def cross(kg_store: Store) -> SelectResult:
    result = queries.run(kg_store, queries.get("cross-group-people", KG / "queries"))
    assert isinstance(result, SelectResult)
    return result


def test_table(cross: SelectResult) -> None:
    assert (
        cross.serialize()
        == cross.serialize("table")
        == (
            "person      name          groups\n"
            "----------  ------------  ------\n"
            "person:ada  Ada Lovelace       3\n"
            "person:bob  Bob Étienne        2\n"
        ).encode()
    )
    assert cross.summary() == "2 rows"


def test_csv(cross: SelectResult) -> None:
    assert (
        cross.serialize("csv")
        == (
            f"person,name,groups\r\n{PERSON}ada,Ada Lovelace,3\r\n{PERSON}bob,Bob Étienne,2\r\n"
        ).encode()
    )


def test_tsv(cross: SelectResult) -> None:
    assert (
        cross.serialize("tsv")
        == (
            "?person\t?name\t?groups\n"
            f'<{PERSON}ada>\t"Ada Lovelace"\t3\n'
            f'<{PERSON}bob>\t"Bob Étienne"\t2\n'
        ).encode()
    )


def test_json(cross: SelectResult) -> None:
    def row(slug: str, name: str, groups: int) -> dict[str, object]:
        return {
            "person": {"type": "uri", "value": PERSON + slug},
            "name": {"type": "literal", "value": name},
            "groups": {"type": "literal", "value": str(groups), "datatype": XSD + "integer"},
        }

    assert json.loads(cross.serialize("json")) == {
        "head": {"vars": ["person", "name", "groups"]},
        "results": {"bindings": [row("ada", "Ada Lovelace", 3), row("bob", "Bob Étienne", 2)]},
    }


def test_xml(cross: SelectResult) -> None:
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ElementTree.fromstring(cross.serialize("xml"))
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == [
        "person",
        "name",
        "groups",
    ]
    assert [
        [b.find("*", ns).text for b in result.findall("r:binding", ns)]  # type: ignore[union-attr]
        for result in root.findall("r:results/r:result", ns)
    ] == [[PERSON + "ada", "Ada Lovelace", "3"], [PERSON + "bob", "Bob Étienne", "2"]]


def test_results_can_be_written_again_and_again(cross: SelectResult) -> None:
    first = cross.serialize("csv")
    assert cross.rows[0]["name"] == Literal("Ada Lovelace")
    assert cross.serialize("csv") == first
    assert len(cross) == 2


def test_ask(kg_store: Store) -> None:
    member = queries.get("is-member", KG / "queries")
    answer = queries.run(kg_store, member, {"person": "person:bob", "group": "itorg:wp1"})
    assert isinstance(answer, AskResult)
    assert answer.serialize() == b"true\n"
    assert json.loads(answer.serialize("json")) == {"head": {}, "boolean": True}
    assert answer.serialize("csv") == b"true"
    assert b"<boolean>true</boolean>" in answer.serialize("xml")


def test_graph_results_are_rdf(kg_store: Store) -> None:
    graph = queries.run(
        kg_store, queries.get("person-named", KG / "queries"), {"name": "Carla Díaz"}
    )
    assert isinstance(graph, GraphResult)
    assert graph.serialize().decode() == (
        "@prefix person: <https://w3id.org/itukg/id/person/> .\n"
        "@prefix itorg: <https://w3id.org/itukg/id/org/> .\n"
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
        "@prefix org: <http://www.w3.org/ns/org#> .\n"
        'person:carla foaf:name "Carla Díaz" ;\n'
        "\torg:memberOf itorg:wp2 .\n"
    )
    assert graph.summary() == "2 triples"


def test_formats_that_do_not_apply(cross: SelectResult, kg_store: Store) -> None:
    with pytest.raises(FormatError) as caught:
        cross.serialize("turtle")
    assert str(caught.value) == (
        "format 'turtle' does not apply to SELECT results (choose from table, csv, tsv, json, xml)"
    )
    graph = queries.run(kg_store, queries.get("person-named", KG / "queries"), {"name": "x"})
    with pytest.raises(FormatError) as caught:
        graph.serialize("csv")
    assert str(caught.value) == (
        "format 'csv' does not apply to graph results "
        "(choose from turtle, nt, nq, trig, xml, n3, json-ld)"
    )


def test_table_shows_terms_for_people() -> None:
    integer = NamedNode(XSD + "integer")
    rows = [
        [NamedNode(PERSON + "ada"), Literal("東京"), Literal("10", datatype=integer)],
        [NamedNode("http://example.org/x"), None, Literal("-2", datatype=integer)],
        [BlankNode("b0"), Literal("two\nlines", language="en"), None],
        [NamedNode(PERSON + "ada"), Literal("Ame\u0301lie"), Literal("3", datatype=integer)],
    ]
    assert format_table(["thing", "label", "n"], rows) == (
        "thing                   label        n\n"
        "----------------------  ----------  --\n"
        "person:ada              東京        10\n"
        "<http://example.org/x>              -2\n"
        "_:b0                    two\\nlines\n"
        "person:ada              Ame\u0301lie       3\n"
    )


def test_a_table_is_made_without_losing_the_rows(cross: SelectResult) -> None:
    fresh = SelectResult(cross.json)
    table = fresh.serialize("table")
    assert len(fresh) == 2
    assert fresh.rows == cross.rows
    assert fresh.serialize("table") == table == cross.serialize("table")


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        ("https://w3id.org/itukg/id/person/ada", "person:ada"),
        ("http://www.w3.org/ns/org#Membership", "org:Membership"),
        ("http://www.w3.org/ns/org#", "org:"),
        ("http://www.w3.org/ns/org#a b", None),
        ("http://www.w3.org/ns/org#ends.", None),
        ("https://example.org/x", None),
    ],
)
def test_curie_takes_the_longest_namespace_that_gives_a_local_name(
    iri: str, expected: str | None
) -> None:
    from itukg.terms import curie

    assert curie(iri) == expected
