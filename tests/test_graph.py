"""The Python interface: ``itukg.load()`` and what a KnowledgeGraph answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from conftest import KG, kg_files
from pyoxigraph import Literal, NamedNode
from rdflib.compare import isomorphic

import itukg
from itukg.errors import QueryError

PERSON = "https://w3id.org/itukg/id/person/"


@pytest.fixture
def kg(kg_root: Path) -> itukg.KnowledgeGraph:
    return itukg.load()


def test_load_reads_the_shipped_files_once(kg: itukg.KnowledgeGraph) -> None:
    assert len(kg) == 64
    assert [p.relative_to(KG).as_posix() for p in kg.files] == [
        "ontology/tiny.ttl",
        "data/groups/groups.ttl",
        "data/people.ttl",
    ]


def test_query_with_keyword_parameters(kg: itukg.KnowledgeGraph) -> None:
    result = kg.query("cross-group-people", min_groups=3)
    assert isinstance(result, itukg.SelectResult)
    assert [row["name"] for row in result] == [Literal("Ada Lovelace")]
    with pytest.raises(QueryError):
        kg.query("cross-group-people", min_groups="three")
    assert kg.query("is-member", person="person:bob", group="itorg:wp2").serialize() == b"false\n"


def test_sparql_knows_the_prefixes(kg: itukg.KnowledgeGraph) -> None:
    result = kg.sparql("SELECT ?p WHERE { ?p foaf:name 'Carla Díaz' }")
    assert isinstance(result, itukg.SelectResult)
    assert result.column("p") == [NamedNode(PERSON + "carla")]
    with pytest.raises(QueryError) as caught:
        kg.sparql("SELECT ?p WHERE { ?p foaf:name 'x' }", prefixes=False)
    assert str(caught.value) == "query:1:31: invalid SPARQL: Prefix not found"


def test_catalogue(kg_root: Path) -> None:
    assert [q.name for q in itukg.catalog()] == [
        "cross-group-people",
        "is-member",
        "members-of",
        "person-named",
    ]


def test_export_validate_describe_stats(kg: itukg.KnowledgeGraph, tmp_path: Path) -> None:
    document = json.loads(kg.export("json-ld") or b"")
    assert "@context" in document
    target = tmp_path / "kg.ttl"
    assert kg.export("turtle", target) is None
    assert target.read_bytes() == kg.export("turtle")
    report = kg.validate()
    assert [r.focus for r in report.results] == ["person:jane-doe-1", "person:jane-doe-2"]
    assert report.files == ("ontology/tiny.ttl", "data/groups/groups.ttl", "data/people.ttl")
    assert kg.describe("carla díaz").label == "Carla Díaz"
    assert kg.stats().triples == 64


def test_to_rdflib_is_the_same_graph_built_once(kg: itukg.KnowledgeGraph) -> None:
    graph = kg.to_rdflib()
    assert graph is kg.to_rdflib()
    reference = rdflib.Graph()
    for path in kg_files():
        reference.parse(path, format="turtle")
    assert isomorphic(graph, reference)
    assert (None, None, rdflib.Literal("Ada Lovelace")) in graph, "plain strings stay plain"
