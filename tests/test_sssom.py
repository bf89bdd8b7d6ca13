"""SSSOM mapping sets: the strict reader, the canonical writer, RDF and back, and sssom-py.

The shipped mapping sets (``data/mappings/*.sssom.tsv``) are checked with the reference
implementation, sssom-py (in the test extras): it reads the same rows as our reader, finds
nothing to report against the SSSOM schema, and writes the same RDF as :func:`to_triples`.
"""

from __future__ import annotations

import datetime
import io
import logging
import os
from collections.abc import Iterable
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import DefaultGraph, Quad, Store, Triple
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from itukg import paths, sssom
from itukg.bridge import graph_of
from itukg.errors import InputError, ItukgError, OutputError

#: sssom-py's own use of pandas warns of coming deprecations: not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::Warning:sssom.util")

SH = "http://www.w3.org/ns/shacl#"
SHIPPED = paths.mapping_files()

HEADER = """\
#curie_map:
#  agent: https://w3id.org/itukg/agent/
#  geonames: https://sws.geonames.org/
#  place: https://w3id.org/itukg/id/place/
#mapping_set_id: https://w3id.org/itukg/mappings/example.sssom.tsv
#mapping_set_title: Example
#license: https://creativecommons.org/licenses/by/4.0/
"""
COLUMNS = (
    "subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification"
    "\tauthor_id\tmapping_date\tconfidence\tcomment\n"
)
ROW_RIYADH = (
    "place:riyadh\tRiyadh\tskos:exactMatch\tgeonames:108410/\tRiyadh\tsemapv:LexicalMatching"
    "\tagent:contributors\t2026-11-25\t0.95\tThe only one.\n"
)
ROW_VALENCIA = (
    "place:valencia\tValencia\tskos:exactMatch\tgeonames:2509954/\tValencia"
    "\tsemapv:ManualMappingCuration\tagent:contributors\t2026-11-25\t1.0\tBecause.\n"
)
EXAMPLE = HEADER + COLUMNS + ROW_RIYADH + ROW_VALENCIA


def store_of(triples: Iterable[Triple]) -> Store:
    store = Store()
    store.extend(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples)
    return store


# --------------------------------------------------------------------------- reading


def test_read_gives_the_metadata_and_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "example.sssom.tsv"
    path.write_text(EXAMPLE, encoding="utf-8")
    found = sssom.read(path)
    assert found.mapping_set_id == "https://w3id.org/itukg/mappings/example.sssom.tsv"
    assert found.license == "https://creativecommons.org/licenses/by/4.0/"
    assert found.mapping_set_title == "Example"
    assert found.curie_map == {
        "agent": "https://w3id.org/itukg/agent/",
        "geonames": "https://sws.geonames.org/",
        "place": "https://w3id.org/itukg/id/place/",
    }
    assert found.mappings == [
        sssom.Mapping(
            subject_id="place:riyadh",
            predicate_id="skos:exactMatch",
            object_id="geonames:108410/",
            mapping_justification="semapv:LexicalMatching",
            subject_label="Riyadh",
            object_label="Riyadh",
            confidence=0.95,
            author_id="agent:contributors",
            mapping_date=datetime.date(2026, 11, 25),
            comment="The only one.",
        ),
        sssom.Mapping(
            subject_id="place:valencia",
            predicate_id="skos:exactMatch",
            object_id="geonames:2509954/",
            mapping_justification="semapv:ManualMappingCuration",
            subject_label="Valencia",
            object_label="Valencia",
            confidence=1.0,
            author_id="agent:contributors",
            mapping_date=datetime.date(2026, 11, 25),
            comment="Because.",
        ),
    ]
    assert found.expand("geonames:108410/") == "https://sws.geonames.org/108410/"
    assert found.expand("skos:exactMatch") == "http://www.w3.org/2004/02/skos/core#exactMatch"


def bad(text: str) -> str:
    return HEADER + COLUMNS + text


#: A broken file and the one-line error it gives (after ``FILE:``).
BROKEN = [
    ("", "1: no metadata block (lines starting with '#')"),
    (
        "#license: [\n" + COLUMNS,
        "1: invalid YAML in the metadata block: expected the node content, but found '<stream end>'",  # noqa: E501
    ),
    (
        HEADER.replace("#license: https://creativecommons.org/licenses/by/4.0/\n", ""),
        "1: the metadata block has no license",
    ),
    (
        HEADER + "#mapping_tool: x\n" + COLUMNS,
        "8: unknown or unsupported metadata slot 'mapping_tool' (itukg reads: curie_map, mapping_set_id, mapping_set_version, mapping_set_title, mapping_set_description, creator_id, license, subject_source, object_source, object_source_version, publication_date, see_also, comment)",  # noqa: E501
    ),
    (
        HEADER.replace("  place:", "  1place:") + COLUMNS,
        "4: curie_map: '1place' is not a valid prefix",
    ),
    (
        HEADER.replace("  agent: https://w3id.org/itukg/agent/", "  skos: http://example.org/"),
        "2: curie_map: 'skos' is a built-in prefix of SSSOM, for http://www.w3.org/2004/02/skos/core#",
    ),
    (
        HEADER.replace("#license: https://", "#license: "),
        "7: license is not an IRI: 'creativecommons.org/licenses/by/4.0/'",
    ),
    (HEADER, "8: no table after the metadata block"),
    (
        HEADER + "subject_id\tpredicate_id\tobject_id\n",
        "8: the table has no column 'mapping_justification'",
    ),
    (
        HEADER + "subject_id\tpredicate_id\tobject_id\tmapping_justification\tsubject_id\n",
        "8:5: the column 'subject_id' is given twice",
    ),
    (
        HEADER + "subject_id\tpredicate_id\tobject_id\tmapping_justification\treviewer_id\n",
        "8:5: unknown or unsupported column 'reviewer_id' (itukg reads: subject_id, subject_label, predicate_id, object_id, object_label, mapping_justification, author_id, mapping_tool, mapping_date, confidence, similarity_score, comment)",  # noqa: E501
    ),
    (bad("place:riyadh\tRiyadh\n"), "9: the row has 2 cells, the header 10"),
    (bad(ROW_RIYADH.replace("place:riyadh", "")), "9:1: subject_id is empty"),
    (
        bad(ROW_RIYADH.replace("place:riyadh", "town:riyadh")),
        "9:1: subject_id: the prefix 'town' of 'town:riyadh' is not in the curie_map",
    ),
    (
        bad(ROW_RIYADH.replace("place:riyadh", "https://w3id.org/itukg/id/place/riyadh")),
        "9:1: subject_id: 'https://w3id.org/itukg/id/place/riyadh' is an IRI; write it as a CURIE with a declared prefix",  # noqa: E501
    ),
    (
        bad(ROW_RIYADH.replace("place:riyadh", "riyadh")),
        "9:1: subject_id: 'riyadh' is not a CURIE (prefix:identifier)",
    ),
    (
        bad(ROW_RIYADH.replace("skos:exactMatch", "owl:sameAs")),
        "9:3: predicate_id: 'owl:sameAs' is not one of skos:exactMatch, skos:closeMatch",
    ),
    (
        bad(ROW_RIYADH.replace("semapv:LexicalMatching", "semapv:Guessing")),
        "9:6: mapping_justification: 'semapv:Guessing' is not a SEMAPV mapping justification",
    ),
    (
        bad(ROW_RIYADH.replace("agent:contributors", "agent:a|agent:b")),
        "9:7: author_id: 'agent:a|agent:b' has several values; itukg takes one per mapping",
    ),
    (
        bad(ROW_RIYADH.replace("2026-11-25", "25/11/2026")),
        "9:8: mapping_date: '25/11/2026' is not a date (YYYY-MM-DD)",
    ),
    (
        bad(ROW_RIYADH.replace("2026-11-25", "2026-02-30")),
        "9:8: mapping_date: '2026-02-30' is not a date (YYYY-MM-DD)",
    ),
    (bad(ROW_RIYADH.replace("\t0.95\t", "\t1.5\t")), "9:9: confidence: 1.5 is not between 0 and 1"),
    (bad(ROW_RIYADH.replace("\t0.95\t", "\thigh\t")), "9:9: confidence: 'high' is not a number"),
    (
        bad(ROW_RIYADH.replace("\tRiyadh\tskos", "\t Riyadh\tskos")),
        "9:2: subject_label: ' Riyadh' has spaces around it",
    ),
    (
        bad(ROW_RIYADH + ROW_RIYADH.replace("The only one.", "Again.")),
        "10: place:riyadh skos:exactMatch geonames:108410/ is also mapped at line 9",
    ),
]


@pytest.mark.parametrize(("content", "message"), BROKEN, ids=[m for _, m in BROKEN])
def test_read_is_strict_and_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.sssom.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        sssom.read(path)
    assert str(caught.value) == f"{path}:{message}"


def test_read_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        sssom.read(tmp_path / "missing.sssom.tsv")
    assert str(caught.value) == f"{tmp_path / 'missing.sssom.tsv'}: No such file or directory"
    path = tmp_path / "latin1.sssom.tsv"
    path.write_bytes(EXAMPLE.replace("Valencia", "Val\xe8ncia").encode("latin-1"))
    with pytest.raises(InputError) as caught:
        sssom.read(path)
    assert str(caught.value).startswith(f"{path}: not UTF-8: invalid continuation byte at byte")


# --------------------------------------------------------------------------- writing


def test_write_is_canonical_and_deterministic(tmp_path: Path) -> None:
    path = tmp_path / "example.sssom.tsv"
    path.write_text(HEADER + COLUMNS + ROW_VALENCIA + ROW_RIYADH, encoding="utf-8")
    mapping_set = sssom.read(path)
    text = sssom.text(mapping_set)
    assert text == (
        HEADER + "subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label"
        "\tmapping_justification\tauthor_id\tmapping_date\tconfidence\tcomment\n"
        + ROW_RIYADH
        + ROW_VALENCIA
    )
    mapping_set.mappings.reverse()
    assert sssom.text(mapping_set) == text
    out = tmp_path / "out.sssom.tsv"
    sssom.write(mapping_set, out)
    assert out.read_text(encoding="utf-8") == text
    assert sssom.text(sssom.read(out)) == text
    stream = io.StringIO()
    sssom.write(mapping_set, stream)
    assert stream.getvalue() == text
    binary = io.BytesIO()
    sssom.write(mapping_set, binary)
    assert binary.getvalue() == text.encode("utf-8")


def test_write_leaves_out_empty_columns_and_keeps_required_ones() -> None:
    mapping_set = sssom.MappingSet(
        mapping_set_id="https://w3id.org/itukg/mappings/tiny.sssom.tsv",
        license="https://creativecommons.org/licenses/by/4.0/",
        curie_map={"place": "https://w3id.org/itukg/id/place/"},
        mappings=[],
    )
    assert sssom.text(mapping_set) == (
        "#curie_map:\n"
        "#  place: https://w3id.org/itukg/id/place/\n"
        "#mapping_set_id: https://w3id.org/itukg/mappings/tiny.sssom.tsv\n"
        "#license: https://creativecommons.org/licenses/by/4.0/\n"
        "subject_id\tpredicate_id\tobject_id\tmapping_justification\n"
    )


def test_write_refuses_a_value_tsv_cannot_hold(tmp_path: Path) -> None:
    mapping_set = sssom.parse(EXAMPLE)
    first = mapping_set.mappings[0]
    mapping_set.mappings[0] = sssom.Mapping(**{**first.__dict__, "comment": "two\nlines"})
    target = tmp_path / "out.sssom.tsv"
    target.write_text("old\n")
    with pytest.raises(OutputError) as caught:
        sssom.write(mapping_set, target)
    assert str(caught.value) == (
        "https://w3id.org/itukg/mappings/example.sssom.tsv: the comment of place:riyadh "
        "skos:exactMatch geonames:108410/ has a tab or a line break, which SSSOM/TSV cannot hold"
    )
    assert target.read_text() == "old\n"


def test_write_to_a_path_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.sssom.tsv"
    target.write_text("old\n")

    def no_space(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(OutputError):
        sssom.write(sssom.parse(EXAMPLE), target)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.sssom.tsv"]


# --------------------------------------------------------------------------- RDF


def test_to_triples_is_the_sssom_rdf_form() -> None:
    mapping_set = sssom.parse(HEADER + COLUMNS + ROW_VALENCIA)
    graph = graph_of(sssom.to_triples(mapping_set))
    expected = rdflib.Graph().parse(
        format="turtle",
        data="""
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix pav: <http://purl.org/pav/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix semapv: <https://w3id.org/semapv/vocab/> .
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix sssom: <https://w3id.org/sssom/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

        <https://w3id.org/itukg/id/place/valencia> skos:exactMatch
            <https://sws.geonames.org/2509954/> .

        <https://w3id.org/itukg/mappings/example.sssom.tsv> a sssom:MappingSet ;
            dcterms:title "Example" ;
            dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;
            sh:declare
                [ sh:prefix "agent" ; sh:namespace "https://w3id.org/itukg/agent/"^^xsd:anyURI ] ,
                [ sh:prefix "geonames" ; sh:namespace "https://sws.geonames.org/"^^xsd:anyURI ] ,
                [ sh:prefix "place" ;
                  sh:namespace "https://w3id.org/itukg/id/place/"^^xsd:anyURI ] ;
            sssom:mappings [
                a owl:Axiom ;
                owl:annotatedSource <https://w3id.org/itukg/id/place/valencia> ;
                owl:annotatedProperty skos:exactMatch ;
                owl:annotatedTarget <https://sws.geonames.org/2509954/> ;
                sssom:mapping_justification semapv:ManualMappingCuration ;
                sssom:subject_label "Valencia" ;
                sssom:object_label "Valencia" ;
                pav:authoredBy <https://w3id.org/itukg/agent/contributors> ;
                dcterms:created "2026-11-25"^^xsd:date ;
                sssom:confidence "1.0"^^xsd:double ;
                rdfs:comment "Because."
            ] .
        """,
    )
    assert_isomorphic(graph, expected)
    assert sssom.to_triples(mapping_set) == sssom.to_triples(sssom.parse(sssom.text(mapping_set)))


def test_from_store_is_the_inverse_of_to_triples() -> None:
    mapping_set = sssom.parse(EXAMPLE)
    (back,) = sssom.from_store(store_of(sssom.to_triples(mapping_set)))
    assert back == mapping_set
    assert sssom.text(back) == sssom.text(mapping_set)


def test_from_store_reads_every_set_sorted_by_id() -> None:
    first = sssom.parse(EXAMPLE)
    second = sssom.parse(
        EXAMPLE.replace("example.sssom.tsv", "another.sssom.tsv").replace("Example", "Another")
    )
    found = sssom.from_store(store_of([*sssom.to_triples(first), *sssom.to_triples(second)]))
    assert [s.mapping_set_title for s in found] == ["Another", "Example"]
    assert found[1] == first


def test_from_store_refuses_an_iri_without_prefix() -> None:
    mapping_set = sssom.parse(EXAMPLE)
    triples = [t for t in sssom.to_triples(mapping_set) if t.predicate.value != SH + "declare"]
    with pytest.raises(ItukgError) as caught:
        sssom.from_store(store_of(triples))
    message = str(caught.value)
    assert message.startswith(
        "the mapping set <https://w3id.org/itukg/mappings/example.sssom.tsv>: <https://"
    )
    assert message.endswith("> has no prefix in the curie_map")


# --------------------------------------------------------------------------- the shipped sets


def test_there_are_shipped_mapping_sets() -> None:
    assert [p.name for p in SHIPPED] == ["geonames.sssom.tsv"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_file_is_in_canonical_form(path: Path) -> None:
    text = sssom.text(sssom.read(path))
    assert path.read_text(encoding="utf-8") == text, (
        f"{path.name} is not in canonical form: `itukg link places --write data/mappings` "
        "writes it so, or itukg.sssom.write(itukg.sssom.read(path), path)"
    )


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_file_round_trips_through_rdf(path: Path) -> None:
    mapping_set = sssom.read(path)
    store = store_of(sssom.to_triples(mapping_set))
    (back,) = sssom.from_store(store)
    assert back == mapping_set
    assert sssom.text(back) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_metadata(path: Path) -> None:
    mapping_set = sssom.read(path)
    assert mapping_set.mapping_set_id == f"https://w3id.org/itukg/mappings/{path.name}"
    assert mapping_set.license == "https://creativecommons.org/licenses/by/4.0/"
    assert mapping_set.mapping_set_title
    for mapping in mapping_set.mappings:
        assert mapping.author_id == "agent:contributors"
        assert mapping.mapping_date is not None
        assert mapping.confidence is not None
        if mapping.mapping_justification == "semapv:ManualMappingCuration":
            assert mapping.comment, f"{mapping.subject_id}: a decision says why"


# --------------------------------------------------------------------------- sssom-py


@pytest.fixture(scope="module")
def reference() -> object:
    """The reference implementation, sssom-py, quiet."""
    pytest.importorskip("sssom.parsers", reason="sssom-py is in the test extras")
    logging.getLogger("sssom").setLevel(logging.ERROR)
    return None


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_sssom_py_reads_the_same_rows(reference: object, path: Path) -> None:
    from sssom.parsers import parse_sssom_table

    msdf = parse_sssom_table(path)
    mapping_set = sssom.read(path)
    assert msdf.metadata["mapping_set_id"] == mapping_set.mapping_set_id
    assert msdf.metadata["license"] == mapping_set.license
    assert {k: v for k, v in msdf.prefix_map.items() if k in mapping_set.curie_map} == (
        mapping_set.curie_map
    )

    def ours(mapping: sssom.Mapping) -> dict[str, object]:
        return {
            slot: sssom._show(getattr(mapping, slot))
            if slot != "confidence"
            else mapping.confidence
            for slot in sssom.MAPPING_SLOTS
            if getattr(mapping, slot) is not None
        }

    def theirs(row: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in row.items() if v not in ("", None) and v == v}

    rows = [theirs(row) for row in msdf.df.to_dict(orient="records")]
    assert rows == [ours(m) for m in mapping_set.mappings]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_sssom_py_validates_against_the_schema(reference: object, path: Path) -> None:
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate

    reports = validate(parse_sssom_table(path), fail_on_error=False)
    assert {str(kind): report.results for kind, report in reports.items()} == {
        str(kind): [] for kind in reports
    }
    assert len(reports) == 3  # the JSON schema, prefixes declared, strict CURIEs


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_sssom_py_writes_the_same_rdf(reference: object, path: Path) -> None:
    from sssom.parsers import parse_sssom_table
    from sssom.rdf_internal import MappingSetRDFConverter

    theirs = MappingSetRDFConverter().msdf_to_rdf(parse_sssom_table(path), hydrate=True)
    triples = sssom.to_triples(sssom.read(path))
    declarations = {t.object for t in triples if t.predicate.value == SH + "declare"}
    ours = graph_of(
        t for t in triples if t.predicate.value != SH + "declare" and t.subject not in declarations
    )
    assert len(declarations) == len(sssom.read(path).curie_map)
    assert_isomorphic(ours, theirs)


def assert_isomorphic(got: rdflib.Graph, expected: rdflib.Graph) -> None:
    if isomorphic(got, expected):
        return
    _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    pytest.fail(
        "graphs differ\nonly in ours:\n"
        + only_got.serialize(format="nt")
        + "\nonly in the other:\n"
        + only_expected.serialize(format="nt")
    )
