from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KG, REPO

from itukg import paths
from itukg.errors import ItukgError


def test_root_of_a_checkout_is_the_repository() -> None:
    paths.root.cache_clear()
    assert os.environ.get("ITUKG_ROOT") is None
    assert paths.root() == REPO
    assert paths.context_file() == REPO / "ontology" / "context.jsonld"
    assert paths.queries_dir() == REPO / "queries"


def test_paths_do_not_depend_on_the_working_directory(tmp_path: Path) -> None:
    code = (
        "from itukg import paths; "
        "print(paths.root()); print(paths.context_file()); "
        "print(all(p.is_relative_to(paths.root()) for p in paths.data_files()))"
    )
    env = {k: v for k, v in os.environ.items() if k != "ITUKG_ROOT"}
    env["PYTHONPATH"] = str(REPO / "src")
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        str(REPO),
        str(REPO / "ontology" / "context.jsonld"),
        "True",
    ]
    assert list(tmp_path.iterdir()) == [], "nothing is created in the working directory"


def test_importing_itukg_creates_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ITUKG_ROOT"}
    env["PYTHONPATH"] = str(REPO / "src")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    before = sorted(p.name for p in REPO.iterdir())
    done = subprocess.run(
        [sys.executable, "-c", "import itukg, itukg.cli"], cwd=tmp_path, env=env, check=False
    )
    assert done.returncode == 0
    assert list(tmp_path.iterdir()) == []
    assert sorted(p.name for p in REPO.iterdir()) == before


def test_file_lists_of_a_root(kg_root: Path) -> None:
    assert paths.root() == KG
    rel = [p.relative_to(KG).as_posix() for p in paths.ontology_files()]
    assert rel == ["ontology/tiny.ttl"]
    rel = [p.relative_to(KG).as_posix() for p in paths.data_files()]
    assert rel == ["data/groups/groups.ttl", "data/people.ttl"], "recursive and sorted"
    rel = [p.relative_to(KG).as_posix() for p in paths.shape_files()]
    assert rel == ["shapes/shapes.ttl"], "shape fixtures in subfolders are not shapes"
    rel = [p.relative_to(KG).as_posix() for p in paths.check_queries()]
    assert rel == ["shapes/checks/person-without-membership-violation.rq"]
    names = [p.stem for p in paths.query_files()]
    assert names == ["cross-group-people", "is-member", "members-of", "person-named"]


def test_display_names_shipped_files_from_the_root(kg_root: Path) -> None:
    assert paths.display(KG / "data" / "people.ttl") == "data/people.ttl"
    assert paths.display("some/relative.ttl") == "some/relative.ttl"
    assert paths.display("/elsewhere/x.ttl") == "/elsewhere/x.ttl"


def test_root_override_must_be_a_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITUKG_ROOT", "/no/such/folder")
    paths.root.cache_clear()
    try:
        with pytest.raises(ItukgError) as caught:
            paths.root()
        assert str(caught.value) == "ITUKG_ROOT=/no/such/folder is not a directory"
    finally:
        monkeypatch.delenv("ITUKG_ROOT")
        paths.root.cache_clear()
