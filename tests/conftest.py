"""What the tests share: fixture paths, and running the ``itukg`` command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import itukg_server
import oxigraph_server
import pytest
from itukg_server import ItukgServer
from oxigraph_server import OxigraphServer

from itukg import paths

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
KG = FIXTURES / "kg"
"""A tiny graph in the layout of the repository: ontology, data, shapes, checks, queries."""


def kg_files() -> list[Path]:
    """Return the ontology and data files of the fixture graph."""
    return [*sorted((KG / "ontology").glob("*.ttl")), *sorted((KG / "data").rglob("*.ttl"))]


def run_itukg(
    *args: str,
    root: Path | None = KG,
    cwd: Path = REPO,
    stdin: str | None = None,
    timeout: float | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m itukg ARGS`` on the graph at *root* (None: the shipped one).

    With *timeout*, a run that takes longer is killed and raises ``TimeoutExpired``. *env*
    adds to the environment.
    """
    added = env
    env = {k: v for k, v in os.environ.items() if k not in ("ITUKG_ROOT", "ITUKG_DEBUG")}
    env.update(added or {})
    env["PYTHONPATH"] = str(REPO / "src")
    if root is not None:
        env["ITUKG_ROOT"] = str(root)
    return subprocess.run(
        [sys.executable, "-m", "itukg", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        input=stdin,
        check=False,
        timeout=timeout,
    )


@pytest.fixture(autouse=True, scope="session")
def _kept_stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep large graphs loaded by the tests in a temporary folder, not the user's cache."""
    from itukg import cache

    patch = pytest.MonkeyPatch()
    patch.setenv(cache.ENVIRONMENT, str(tmp_path_factory.mktemp("kept")))
    yield
    patch.undo()


@pytest.fixture
def kg_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point :mod:`itukg.paths` at the fixture graph for the duration of a test."""
    monkeypatch.setenv("ITUKG_ROOT", str(KG))
    paths.root.cache_clear()
    yield KG
    monkeypatch.delenv("ITUKG_ROOT")
    paths.root.cache_clear()


@pytest.fixture
def kg_store():  # type: ignore[no-untyped-def]
    """The fixture graph, loaded."""
    from itukg.loader import load_store

    return load_store(kg_files())


# --- A real Oxigraph server, for the remote-store tests ------------------------------------


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """A real Oxigraph server on a free local port, for the whole session.

    Without the ``oxigraph`` binary (``pip install oxigraph``, in the test extras) the tests
    that need it skip, or fail when ``ITUKG_REQUIRE_OXIGRAPH`` is set (as in CI).
    """
    server = _start_oxigraph(tmp_path_factory, "oxigraph")
    try:
        yield server
    finally:
        server.stop()


def _start_oxigraph(tmp_path_factory: pytest.TempPathFactory, name: str) -> OxigraphServer:
    """Start an Oxigraph server on an empty store in a new temporary folder *name*.

    Skip without the ``oxigraph`` binary, or fail when ``ITUKG_REQUIRE_OXIGRAPH`` is set.
    """
    executable = oxigraph_server.binary()
    if executable is None:
        reason = "the oxigraph server binary is not installed (pip install -e '.[test]')"
        if os.environ.get("ITUKG_REQUIRE_OXIGRAPH"):
            pytest.fail(reason)
        pytest.skip(reason)
    return oxigraph_server.start(executable, tmp_path_factory.mktemp(name) / "store")


@pytest.fixture(scope="session")
def linked_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """A real Oxigraph server holding the Wikidata- and GeoNames-shaped fixtures.

    They are in its default graph (``tests/fixtures/wikidata``, ``tests/fixtures/geonames``):
    the endpoint that ``itukg link wikidata`` and the federated queries ask in the tests.
    Nothing writes to it after it is filled.
    """
    from itukg import remote

    server = _start_oxigraph(tmp_path_factory, "linked-data")
    try:
        remote.push_files(linked_data_files(), server.store_url, graph=None)
        yield server
    finally:
        server.stop()


def linked_data_files() -> list[Path]:
    """Return the Turtle files of the linked-data fixtures: Wikidata- and GeoNames-shaped."""
    return [
        *sorted((FIXTURES / "wikidata").glob("*.ttl")),
        *sorted((FIXTURES / "geonames").glob("*.ttl")),
    ]


# --- A real itukg server, for the tests of clients, a browser and load -----------------------


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ItukgServer]:
    """One real ``itukg serve`` (default settings, the shipped graph) for the whole session."""
    server = itukg_server.start(tmp_path_factory.mktemp("itukg-serve"))
    try:
        yield server
    finally:
        server.stop()
