"""The command line on the shipped graph: what a new user sees after ``make run``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import REPO, run_itukg

from itukg import paths


def test_the_shipped_graph_conforms() -> None:
    done = run_itukg("validate", root=None)
    assert (done.returncode, done.stderr) == (0, "")
    data_files = len(paths.ontology_files()) + len(paths.data_files()) + len(paths.mapping_files())
    assert done.stdout == (
        f"0 violations, 0 warnings, 0 infos ({data_files} data files, "
        f"{len(paths.shape_files())} shape files, {len(paths.check_queries())} checks): conforms\n"
    )


def test_a_broken_copy_of_the_data_is_reported(tmp_path: Path) -> None:
    """A person without a name, and a second IRI for an organisation that already has one."""
    copies = []
    for path in paths.data_files():
        copy = tmp_path / path.name
        shutil.copy(path, copy)
        copies.append(str(copy))
    people = tmp_path / "people.ttl"
    people.write_text(
        people.read_text(encoding="utf-8").replace('    foaf:name "Toru Yamada" ;\n', ""),
        encoding="utf-8",
    )
    (tmp_path / "extra.ttl").write_text(
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "PREFIX org: <http://www.w3.org/ns/org#>\n"
        "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "<https://w3id.org/itukg/id/org/nokia-2> a org:FormalOrganization ;\n"
        '    skos:prefLabel "NOKIA CORPORATION"@en ;\n'
        "    dcterms:source <https://w3id.org/itukg/id/source/sg20-overview> ;\n"
        "    prov:wasDerivedFrom <https://w3id.org/itukg/id/source/sg20-overview/"
        "sg20-management-team> .\n",
        encoding="utf-8",
    )
    copies.append(str(tmp_path / "extra.ttl"))
    done = run_itukg("validate", *copies, "--format", "json", root=None)
    assert (done.returncode, done.stderr) == (1, "")
    results = json.loads(done.stdout)["results"]
    assert {(r["focus"], r["source"]) for r in results} == {
        ("person:toru-yamada", "shape:Person-name"),  # foaf:name is missing
        ("person:toru-yamada", "shape:Person-prefLabel"),  # and no longer equals prefLabel
        ("itorg:nokia", "duplicate-name-violation"),  # one row per shared name
    }
    (duplicate,) = (r for r in results if r["source"] == "duplicate-name-violation")
    assert "https://w3id.org/itukg/id/org/nokia-2" in duplicate["message"]


def test_describe_finds_a_thing_by_another_spelling() -> None:
    done = run_itukg("describe", "Emmanuel MANASSEH", root=None)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[:4] == [
        "Emmanuel Manasseh",
        "  iri:   https://w3id.org/itukg/id/person/emmanuel-manasseh",
        "  curie: person:emmanuel-manasseh",
        "  type:  foaf:Person",
    ]


def test_query_from_another_directory_as_json(tmp_path: Path) -> None:
    done = run_itukg(
        "query", "cross-group-people", "--param", "min_groups=3", "--format", "json",
        root=None, cwd=tmp_path,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    answer = json.loads(done.stdout)
    assert answer["head"]["vars"] == ["person", "name", "groups", "group_names"]
    rows = [(b["name"]["value"], b["groups"]["value"]) for b in answer["results"]["bindings"]]
    assert rows == [("Ramy Ahmed Fathy", "4"), ("Ali Abbassene", "3")]


def test_stats_count_the_shipped_graph() -> None:
    done = run_itukg("stats", "--format", "json", root=None, cwd=REPO)
    assert done.returncode == 0
    counts = json.loads(done.stdout)
    assert counts["triples"] == 3005
    classes = {row["class"]: row["instances"] for row in counts["classes"]}
    assert classes["foaf:Person"] == 30
    assert classes["org:Membership"] == 41
    assert classes["itukg:Recommendation"] == 18
