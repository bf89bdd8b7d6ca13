from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import rdflib
from conftest import REPO, kg_files
from pyoxigraph import Store
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from itukg import export, paths
from itukg.errors import FormatError, OutputError
from itukg.namespaces import PREFIXES

pytestmark = [
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

#: rdflib's parser for each export format.
PARSERS = {
    "turtle": "turtle",
    "nt": "nt",
    "nq": "nquads",
    "trig": "trig",
    "xml": "xml",
    "n3": "n3",
    "json-ld": "json-ld",
}


def reference_graph() -> rdflib.Graph:
    """The fixture graph as rdflib itself parses the Turtle files."""
    graph = rdflib.Graph()
    for path in kg_files():
        graph.parse(path, format="turtle")
    return graph


def parse_back(data: bytes, fmt: str) -> rdflib.Graph:
    if export.FORMATS[fmt].dataset:
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=PARSERS[fmt])
        graph = rdflib.Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    return rdflib.Graph().parse(data=data, format=PARSERS[fmt])


def assert_isomorphic(got: rdflib.Graph, expected: rdflib.Graph) -> None:
    if isomorphic(got, expected):
        return
    _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    pytest.fail(
        "graphs differ\nonly in the export:\n"
        + only_got.serialize(format="nt")
        + "\nonly in the source:\n"
        + only_expected.serialize(format="nt")
    )


def test_registry_matches_the_task() -> None:
    assert list(export.FORMATS) == ["turtle", "nt", "nq", "trig", "xml", "n3", "json-ld"]
    assert set(PARSERS) == set(export.FORMATS)


@pytest.mark.parametrize("fmt", list(PARSERS))
def test_every_format_carries_the_same_graph(kg_store: Store, fmt: str) -> None:
    data = export.serialize(kg_store, fmt)
    assert_isomorphic(parse_back(data, fmt), reference_graph())


def test_turtle_uses_the_prefixes(kg_store: Store) -> None:
    text = export.serialize(kg_store, "turtle").decode()
    assert "@prefix person: <https://w3id.org/itukg/id/person/> ." in text
    assert "person:ada " in text


def test_json_ld_is_compact_with_the_published_context(kg_store: Store) -> None:
    document = json.loads(export.serialize(kg_store, "json-ld"))
    assert document["@context"] == export.jsonld_context()["@context"]
    nodes = document["@graph"]
    keys = {key for node in nodes for key in node}
    assert {k for k in keys if not k.startswith("@")} == {
        "dcterms:created",
        "foaf:name",
        "org:member",
        "org:organization",
        "org:role",
        "org:subOrganizationOf",
        "rdfs:label",
        "rdfs:subClassOf",
        "schema:contactPoint",
        "schema:email",
        "schema:numberOfEmployees",
        "skos:altLabel",
        "skos:notation",
        "skos:prefLabel",
    }
    ada = next(node for node in nodes if node["@id"] == "person:ada")
    assert ada == {"@id": "person:ada", "@type": "foaf:Person", "foaf:name": "Ada Lovelace"}


def test_shipped_context_is_generated_from_the_prefixes() -> None:
    shipped = REPO / "ontology" / "context.jsonld"
    assert shipped.read_text(encoding="utf-8") == export.context_text(), (
        "ontology/context.jsonld is out of date: run `python -m itukg.export --write-context`"
    )
    context = json.loads(shipped.read_text(encoding="utf-8"))["@context"]
    assert context == {"@version": 1.1, **PREFIXES}
    assert "@vocab" not in context


def test_context_check_and_write(tmp_path: Path) -> None:
    target = tmp_path / "context.jsonld"
    assert not export.context_is_current(target)
    export.write_context(target)
    assert export.context_is_current(target)


def test_export_to_a_file(kg_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    assert export.export(kg_store, "turtle", target) is None
    assert target.read_bytes() == export.serialize(kg_store, "turtle")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_failed_export_leaves_nothing_half_written(
    kg_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old content\n")

    def no_space(source: str, destination: str) -> None:
        Path(source).write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(OutputError) as caught:
        export.export(kg_store, "turtle", target)
    assert str(caught.value) == f"{target}: cannot write: No space left on device"
    assert target.read_text() == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_failure_while_writing_removes_the_temporary_file(tmp_path: Path) -> None:
    from itukg.atomic import atomic_write

    target = tmp_path / "out.nt"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_write(target) as stream:
        stream.write(b"half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.nt"]


def test_export_into_a_missing_folder(kg_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "graph.ttl"
    with pytest.raises(OutputError) as caught:
        export.export(kg_store, "nt", target)
    assert str(caught.value) == f"{target}: cannot write: No such file or directory"


def test_unknown_format(kg_store: Store) -> None:
    with pytest.raises(FormatError) as caught:
        export.serialize(kg_store, "rdfa")
    assert str(caught.value) == (
        "unknown export format 'rdfa' (choose from turtle, nt, nq, trig, xml, n3, json-ld, sssom)"
    )


def test_shipped_context_path() -> None:
    paths.root.cache_clear()
    assert paths.context_file() == REPO / "ontology" / "context.jsonld"


def shipped_graph() -> rdflib.Graph:
    """The shipped ontology and data as rdflib parses the Turtle files, and the mapping sets."""
    from itukg.bridge import graph_of
    from itukg.loader import mapping_triples

    graph = rdflib.Graph()
    for path in [*paths.ontology_files(), *paths.data_files()]:
        graph.parse(path, format="turtle")
    for path in paths.mapping_files():
        graph += graph_of(mapping_triples(path))
    return graph


@pytest.mark.parametrize("fmt", list(PARSERS))
def test_the_command_exports_the_shipped_graph_whole(fmt: str, tmp_path: Path) -> None:
    from conftest import run_itukg

    target = tmp_path / f"graph{export.FORMATS[fmt].extension}"
    done = run_itukg("export", "--format", fmt, "-o", str(target), root=None)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert_isomorphic(parse_back(target.read_bytes(), fmt), shipped_graph())
    if fmt == "json-ld":
        document = json.loads(target.read_text(encoding="utf-8"))
        assert document["@context"]["org"] == PREFIXES["org"]
        nodes = {node["@id"]: node for node in document["@graph"]}
        assert nodes["person:ali-abbassene"]["skos:altLabel"] == "Ali ABBASSENE"
