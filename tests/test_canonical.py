from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rdflib
from conftest import FIXTURES
from rdflib.compare import isomorphic

from itukg import canonical, paths
from itukg.errors import InputError

MESSY = FIXTURES / "canonical" / "messy.ttl"

CANONICAL = """PREFIX itorg: <https://w3id.org/itukg/id/org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

itorg:sg20
    schema:contactPoint
        [
            schema:email "tsbsg20@itu.int" ;
        ] ;
    schema:foundingDate "2013-01-01"^^xsd:date ;
    schema:keywords (
        "IoT"
        "smart cities"
    ) ;
    skos:prefLabel "Study Group 20"@en ;
.

itorg:wp1
    skos:notation "WP1" ;
    skos:prefLabel "Working Party 1"@en ;
.
"""


def test_canonical_text() -> None:
    assert canonical.canonical_text(MESSY) == CANONICAL


def test_canonical_form_is_the_same_graph_and_a_fixed_point(tmp_path: Path) -> None:
    target = tmp_path / "canonical.ttl"
    target.write_text(canonical.canonical_text(MESSY), encoding="utf-8")
    before = rdflib.Graph().parse(MESSY, format="turtle")
    after = rdflib.Graph().parse(target, format="turtle")
    assert isomorphic(before, after)
    assert canonical.canonical_text(target) == target.read_text(encoding="utf-8")
    assert canonical.stale_files([target]) == []


def test_check_lists_the_files_to_fix(capsys: pytest.CaptureFixture[str]) -> None:
    assert canonical.main(["--check", str(MESSY)]) == 1
    assert capsys.readouterr().err == (
        "tests/fixtures/canonical/messy.ttl: not in canonical form\n"
        "1 of 1 files not canonical: run `make fmt`\n"
    )


def test_write_rewrites_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "messy.ttl"
    shutil.copy(MESSY, copy)
    assert canonical.main(["--write", str(copy)]) == 0
    assert copy.read_text(encoding="utf-8") == CANONICAL
    assert capsys.readouterr().out == f"rewrote {copy}\n"
    assert canonical.main(["--check", str(copy)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["messy.ttl"]


def test_bad_turtle_is_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(InputError):
        canonical.canonical_text(FIXTURES / "bad-turtle.ttl")
    assert canonical.main(["--check", str(FIXTURES / "bad-turtle.ttl")]) == 2
    assert capsys.readouterr().err == (
        "itukg: error: tests/fixtures/bad-turtle.ttl:6:15: Unexpected end of file\n"
    )


def test_blank_node_labels_are_stable(tmp_path: Path) -> None:
    shared = tmp_path / "shared.ttl"
    shared.write_text(
        "@prefix ex: <http://example.org/> .\nex:a ex:p _:x . ex:b ex:p _:x . _:x ex:q 1 .\n",
        encoding="utf-8",
    )
    first = canonical.canonical_text(shared)
    assert canonical.canonical_text(shared) == first
    assert "_:" in first


def test_shipped_turtle_is_canonical() -> None:
    stale = [paths.display(path) for path, _ in canonical.stale_files(canonical.default_files())]
    assert stale == [], "not in canonical form: run `make fmt`"
