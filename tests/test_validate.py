from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from conftest import FIXTURES, KG

from itukg.errors import InputError
from itukg.validate import Report, ValidationResult, path_text, validate

SHAPES = [KG / "shapes" / "shapes.ttl"]
CHECKS = [KG / "shapes" / "checks" / "person-without-membership-violation.rq"]
ONTOLOGY = [KG / "ontology" / "tiny.ttl"]


def run(*data: Path) -> Report:
    return validate(list(data), shape_files=SHAPES, check_files=CHECKS, ontology_files=ONTOLOGY)


def test_valid_data_conforms() -> None:
    report = run(FIXTURES / "invalid" / "people-valid.ttl")
    assert report.results == ()
    assert report.conforms and report.exit_code == 0
    assert report.summary() == (
        "0 violations, 0 warnings, 0 infos (2 data files, 1 shape file, 1 check): conforms"
    )


def test_every_violation_is_found_with_its_node_and_shape() -> None:
    report = run(FIXTURES / "invalid" / "people-invalid.ttl")
    assert not report.conforms and report.exit_code == 1
    assert [(r.focus, r.path, r.value, r.source, r.component) for r in report.results] == [
        (
            "membership:twice-named-nowhere",
            "org:organization",
            "itorg:nowhere",
            "itukg:MembershipShape / org:organization",
            "sh:ClassConstraintComponent",
        ),
        ("person:nameless", None, None, "person-without-membership-violation", None),
        (
            "person:nameless",
            "foaf:name",
            None,
            "itukg:PersonShape / foaf:name",
            "sh:MinCountConstraintComponent",
        ),
        (
            "person:twice-named",
            "foaf:name",
            None,
            "itukg:PersonShape / foaf:name",
            "sh:MaxCountConstraintComponent",
        ),
    ]
    assert report.results[1] == ValidationResult(
        severity="Violation",
        focus="person:nameless",
        message="Every person holds at least one membership.",
        source="person-without-membership-violation",
        kind="check",
    )


def test_text_report() -> None:
    report = run(FIXTURES / "invalid" / "people-invalid.ttl")
    assert report.text().splitlines()[:12] == [
        "Violation: membership:twice-named-nowhere",
        "  path:    org:organization",
        "  value:   itorg:nowhere",
        "  message: Value does not have class itukg:Group",
        "  shape:   itukg:MembershipShape / org:organization (sh:ClassConstraintComponent)",
        "",
        "Violation: person:nameless",
        "  message: Every person holds at least one membership.",
        "  check:   person-without-membership-violation",
        "",
        "Violation: person:nameless",
        "  path:    foaf:name",
    ]
    assert report.text().splitlines()[-1] == (
        "4 violations, 0 warnings, 0 infos (2 data files, 1 shape file, 1 check): does not conform"
    )


def test_json_report() -> None:
    data = json.loads(run(FIXTURES / "invalid" / "people-invalid.ttl").json())
    assert data["conforms"] is False
    assert data["counts"] == {"Violation": 4, "Warning": 0, "Info": 0}
    assert [r["focus"] for r in data["results"]] == [
        "membership:twice-named-nowhere",
        "person:nameless",
        "person:nameless",
        "person:twice-named",
    ]


def test_check_with_path_value_and_message(tmp_path: Path) -> None:
    check = tmp_path / "long-name-violation.rq"
    check.write_text(
        "#+ name: long-name-violation\n"
        "#+ summary: Names are short.\n"
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
        "SELECT ?focus ?path ?value ?message WHERE {\n"
        "  ?focus foaf:name ?value . BIND(foaf:name AS ?path)\n"
        "  FILTER(STRLEN(?value) > 11)\n"
        '  BIND(CONCAT("name of ", STR(STRLEN(?value)), " characters") AS ?message)\n'
        "}\n"
    )
    report = validate(
        [KG / "data" / "people.ttl"], shape_files=[], check_files=[check], ontology_files=[]
    )
    assert [(r.focus, r.path, r.value, r.message) for r in report.results] == [
        ("person:ada", "foaf:name", '"Ada Lovelace"', "name of 12 characters")
    ]


def test_a_check_must_select_focus(tmp_path: Path) -> None:
    check = tmp_path / "no-focus-violation.rq"
    check.write_text("#+ name: no-focus-violation\n#+ summary: No focus.\nSELECT ?x WHERE {}\n")
    with pytest.raises(InputError) as caught:
        validate([], shape_files=[], check_files=[check], ontology_files=[])
    assert str(caught.value) == f"{check}: a check query must be a SELECT of ?focus"


def test_unreadable_data_names_file_and_line() -> None:
    with pytest.raises(InputError) as caught:
        run(FIXTURES / "bad-turtle.ttl")
    assert str(caught.value) == "tests/fixtures/bad-turtle.ttl:6:15: Unexpected end of file"


def test_shipped_layout_is_used_by_default(kg_root: Path) -> None:
    report = validate()
    assert [(r.focus, r.source) for r in report.results] == [
        ("person:jane-doe-1", "person-without-membership-violation"),
        ("person:jane-doe-2", "person-without-membership-violation"),
    ]
    assert report.files == (
        "ontology/tiny.ttl",
        "data/groups/groups.ttl",
        "data/people.ttl",
    )


def test_property_paths_read_as_sparql() -> None:
    graph = rdflib.Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix org: <http://www.w3.org/ns/org#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <urn:seq> sh:path ( [ sh:inversePath org:member ] org:organization ) .
        <urn:alt> sh:path [ sh:alternativePath ( skos:prefLabel skos:altLabel ) ] .
        <urn:star> sh:path [ sh:zeroOrMorePath ( org:subOrganizationOf org:hasUnit ) ] .
        """,
        format="turtle",
    )
    sh_path = rdflib.URIRef("http://www.w3.org/ns/shacl#path")
    texts = {
        str(s): path_text(graph, graph.value(s, sh_path)) for s in graph.subjects(sh_path, None)
    }
    assert texts == {
        "urn:seq": "^org:member/org:organization",
        "urn:alt": "(skos:prefLabel|skos:altLabel)",
        "urn:star": "(org:subOrganizationOf/org:hasUnit)*",
    }
