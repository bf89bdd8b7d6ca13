from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("build") is None or importlib.util.find_spec("hatchling") is None,
    reason="building the wheel needs the `build` and `hatchling` packages",
)


def shipped_files() -> list[str]:
    """Every file of the checkout that the wheel must carry, as its path in the wheel."""
    found = []
    for folder, patterns in {
        "ontology": ["*.ttl", "*.jsonld"],
        "data": ["**/*.ttl"],
        "shapes": ["**/*.ttl", "**/*.rq"],
        "queries": ["*.rq"],
    }.items():
        for pattern in patterns:
            for path in (REPO / folder).glob(pattern):
                found.append(f"itukg/resources/{path.relative_to(REPO).as_posix()}")
    return sorted(found)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("itukg-*.whl")
    return built


def test_wheel_carries_ontology_data_shapes_and_queries(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = shipped_files()
    assert "itukg/resources/ontology/itukg.ttl" in expected
    assert "itukg/resources/ontology/context.jsonld" in expected
    missing = [name for name in expected if name not in names]
    assert missing == []
    assert {"itukg/__init__.py", "itukg/cli.py", "itukg/py.typed"} <= names
    # The web app's templates and style sheet, which it reads as package data.
    web = REPO / "src" / "itukg" / "web"
    assets = [
        f"itukg/web/{path.relative_to(web).as_posix()}"
        for folder in ("templates", "static")
        for path in sorted((web / folder).rglob("*"))
        if path.is_file()
    ]
    assert {"itukg/web/templates/base.html", "itukg/web/static/style.css"} <= set(assets)
    assert [name for name in assets if name not in names] == []


def test_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = (
        "import itukg\n"
        "from itukg import paths\n"
        "print(paths.root())\n"
        "print(paths.context_file().is_file())\n"
        "files = paths.ontology_files() + paths.data_files() + paths.query_files()\n"
        "print(all(str(p).startswith(str(paths.root())) for p in files))\n"
        "print(sorted(p.relative_to(paths.root()).as_posix() for p in files))\n"
        "print(len(itukg.load()))\n"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("ITUKG_ROOT", "PYTHONPATH")}
    env["PYTHONPATH"] = str(target)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    from itukg import paths
    from itukg.loader import load_store

    checkout = paths.ontology_files() + paths.data_files() + paths.query_files()
    assert done.stdout.splitlines() == [
        str(target / "itukg" / "resources"),
        "True",
        "True",
        str(sorted(p.relative_to(REPO).as_posix() for p in checkout)),
        str(len(load_store())),
    ]
    installed = subprocess.run(
        [sys.executable, "-m", "itukg", "stats", "--format", "json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    here = subprocess.run(
        [sys.executable, "-m", "itukg", "stats", "--format", "json"],
        cwd=REPO,
        env={**env, "PYTHONPATH": str(REPO / "src")},
        capture_output=True,
        text=True,
    )
    assert (installed.returncode, installed.stderr) == (0, "")
    assert installed.stdout == here.stdout
