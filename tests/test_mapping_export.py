"""The graph's mapping sets written back as SSSOM/TSV: ``itukg export -f sssom`` and the web.

The shipped set must come back byte for byte, and reloading it must give back the same graph.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import KG, REPO, run_itukg
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

import itukg
from itukg import paths
from itukg.bridge import graph_of

with warnings.catch_warnings():  # Starlette asks for httpx2, which is not needed here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from itukg.web import Settings, create_app

SHIPPED = REPO / "data" / "mappings" / "geonames.sssom.tsv"
GEONAMES_SET = "https://w3id.org/itukg/mappings/geonames.sssom.tsv"
WIKIDATA_SET = "https://w3id.org/itukg/mappings/wikidata.sssom.tsv"

#: A second mapping set, canonical as the exporter writes it (prefixes and rows sorted).
WIKIDATA_SSSOM = """\
#curie_map:
#  agent: https://w3id.org/itukg/agent/
#  place: https://w3id.org/itukg/id/place/
#  wd: http://www.wikidata.org/entity/
#mapping_set_id: https://w3id.org/itukg/mappings/wikidata.sssom.tsv
#mapping_set_title: Some cities of itukg in Wikidata
#creator_id:
#- agent:contributors
#license: https://creativecommons.org/publicdomain/zero/1.0/
subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\t\
author_id\tmapping_date\tconfidence
place:dubai\tDubai\tskos:closeMatch\twd:Q612\tDubai\tsemapv:ManualMappingCuration\t\
agent:contributors\t2026-11-25\t0.8
place:minsk\tMinsk\tskos:closeMatch\twd:Q2280\tMinsk\tsemapv:ManualMappingCuration\t\
agent:contributors\t2026-11-25\t0.8
"""

#: A set from elsewhere whose file name is the same as the shipped set's: geonames.sssom.tsv.
OTHER_SSSOM = """\
#curie_map:
#  geonames: https://sws.geonames.org/
#  place: https://w3id.org/itukg/id/place/
#mapping_set_id: https://example.org/other/geonames.sssom.tsv
#license: https://creativecommons.org/publicdomain/zero/1.0/
subject_id\tpredicate_id\tobject_id\tmapping_justification
place:wels\tskos:closeMatch\tgeonames:2761524/\tsemapv:ManualMappingCuration
"""

TWO_SETS_ERROR = (
    "itukg: error: the graph has 2 mapping sets "
    f"({GEONAMES_SET}, {WIKIDATA_SET}): write them to a folder (-o FOLDER), one file each\n"
)


@pytest.fixture(scope="module")
def two_sets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's ontology and data with a second mapping set."""
    root = tmp_path_factory.mktemp("two-sets")
    shutil.copytree(REPO / "ontology", root / "ontology")
    shutil.copytree(REPO / "data", root / "data")
    (root / "data" / "mappings" / "wikidata.sssom.tsv").write_text(WIKIDATA_SSSOM, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's ontology and data with another set named geonames.sssom.tsv."""
    root = tmp_path_factory.mktemp("twins")
    shutil.copytree(REPO / "ontology", root / "ontology")
    shutil.copytree(REPO / "data", root / "data")
    (root / "data" / "mappings" / "other.sssom.tsv").write_text(OTHER_SSSOM, encoding="utf-8")
    return root


def assert_isomorphic(got: itukg.KnowledgeGraph, expected: itukg.KnowledgeGraph) -> None:
    left, right = graph_of(got.store), graph_of(expected.store)
    if not isomorphic(left, right):
        _, only_got, only_expected = graph_diff(to_isomorphic(left), to_isomorphic(right))
        raise AssertionError(
            f"only after the round trip: {sorted(only_got)[:5]}; "
            f"only in the shipped graph: {sorted(only_expected)[:5]}"
        )


# --- The command line -----------------------------------------------------------------------


def test_export_to_a_folder_gives_back_the_shipped_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    done = run_itukg("export", "--format", "sssom", "-o", str(out), root=None)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert sorted(p.name for p in out.iterdir()) == ["geonames.sssom.tsv"]
    assert (out / "geonames.sssom.tsv").read_bytes() == SHIPPED.read_bytes()
    reloaded = itukg.load(
        [*paths.ontology_files(), *paths.data_files(), out / "geonames.sssom.tsv"]
    )
    shipped = itukg.load()
    assert [p.name for p in paths.mapping_files()] == ["geonames.sssom.tsv"]
    assert len(reloaded) == len(shipped)
    assert_isomorphic(reloaded, shipped)


def test_a_path_ending_with_a_slash_is_a_folder_to_create(tmp_path: Path) -> None:
    out = tmp_path / "new" / "mappings"
    done = run_itukg("export", "-f", "sssom", "-o", f"{out}/", root=None)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert sorted(p.name for p in out.iterdir()) == ["geonames.sssom.tsv"]
    assert (out / "geonames.sssom.tsv").read_bytes() == SHIPPED.read_bytes()
    (tmp_path / "file").write_text("")
    done = run_itukg("export", "-f", "sssom", "-o", f"{tmp_path / 'file' / 'sub'}/", root=None)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"itukg: error: {tmp_path / 'file' / 'sub'}/: cannot create the folder: Not a directory\n"
    )


def test_export_to_a_file_and_to_standard_output(tmp_path: Path) -> None:
    target = tmp_path / "links.tsv"
    done = run_itukg("export", "-f", "sssom", "-o", str(target), root=None)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert target.read_bytes() == SHIPPED.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["links.tsv"]
    done = run_itukg("export", "--format", "sssom", root=None)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == SHIPPED.read_text(encoding="utf-8")


def test_two_sets_go_to_a_folder_not_to_one_file(two_sets: Path, tmp_path: Path) -> None:
    target = tmp_path / "links.tsv"
    done = run_itukg("export", "--format", "sssom", "-o", str(target), root=two_sets)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", TWO_SETS_ERROR)
    assert list(tmp_path.iterdir()) == []  # no file, and no temporary file left behind
    done = run_itukg("export", "--format", "sssom", root=two_sets)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", TWO_SETS_ERROR)
    done = run_itukg("export", "--format", "sssom", "-o", str(tmp_path), root=two_sets)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "geonames.sssom.tsv",
        "wikidata.sssom.tsv",
    ]
    assert (tmp_path / "geonames.sssom.tsv").read_bytes() == SHIPPED.read_bytes()
    assert (tmp_path / "wikidata.sssom.tsv").read_text(encoding="utf-8") == WIKIDATA_SSSOM


def test_sets_with_the_same_file_name_are_not_written_over_each_other(
    twins: Path, tmp_path: Path
) -> None:
    done = run_itukg("export", "--format", "sssom", "-o", str(tmp_path), root=twins)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "itukg: error: the mapping sets https://example.org/other/geonames.sssom.tsv, "
        f"{GEONAMES_SET} would be written to the same file, geonames.sssom.tsv\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_graph_without_mapping_sets() -> None:
    done = run_itukg("export", "--format", "sssom", root=KG)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "itukg: error: the graph has no mapping set to write as SSSOM\n"


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("missing/links.tsv", "No such file or directory"),
        ("a-file/links.tsv", "Not a directory"),
    ],
)
def test_an_unwritable_file_is_named(tmp_path: Path, where: str, reason: str) -> None:
    (tmp_path / "a-file").write_text("not a folder\n", encoding="utf-8")
    target = tmp_path / where
    done = run_itukg("export", "--format", "sssom", "-o", str(target), root=None)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"itukg: error: {target}: cannot write: {reason}\n"
    assert not target.exists()


def test_an_unwritable_file_of_a_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "geonames.sssom.tsv").mkdir()  # where the set's file would go
    done = run_itukg("export", "--format", "sssom", "-o", str(tmp_path), root=None)
    assert (done.returncode, done.stdout) == (2, "")
    target = tmp_path / "geonames.sssom.tsv"
    assert done.stderr == f"itukg: error: {target}: cannot write: Is a directory\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["geonames.sssom.tsv"]
    assert list(target.iterdir()) == []


# --- The web --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(graph=itukg.load(), workers=1))) as test_client:
        yield test_client


def test_the_web_serves_the_shipped_set(client: TestClient) -> None:
    response = client.get("/mappings/geonames.sssom.tsv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/tab-separated-values; charset=utf-8"
    assert response.headers["content-disposition"] == 'inline; filename="geonames.sssom.tsv"'
    assert response.content == SHIPPED.read_bytes()


@pytest.mark.parametrize(
    "path", ["/mappings/nothing.sssom.tsv", "/mappings/geonames", "/mappings/wikidata.sssom.tsv"]
)
def test_an_unknown_set_is_404(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"Accept": "text/plain"})
    assert response.status_code == 404
    assert response.text == f"no mapping set https://w3id.org/itukg{path}\n"


def test_the_web_serves_every_set(two_sets: Path) -> None:
    files = sorted((two_sets / "ontology").glob("*.ttl")) + sorted(
        (two_sets / "data").rglob("*.ttl")
    )
    mappings = sorted((two_sets / "data" / "mappings").glob("*.sssom.tsv"))
    graph = itukg.load([*files, *mappings])
    with TestClient(create_app(Settings(graph=graph, workers=1))) as client:
        for path in mappings:
            response = client.get(f"/mappings/{path.name}")
            assert response.status_code == 200, path.name
            assert response.content == path.read_bytes()
