"""The compiled SHACL engine against the W3C SHACL Core test suite.

The suite is read where it lies (``../shared/w3c-shacl-tests/core`` beside the repository, or
the folder the environment variable ``ITUKG_SHACL_TESTS`` names); nothing of it is copied here,
and without it this module is skipped. Each test of a manifest names a data graph, a shapes
graph and the expected validation report. For every test whose shapes the engine compiles, the
conformance and the results (focus node, path, value, source shape, constraint component,
severity) must be the expected ones; and the engine's report must equal pySHACL's. A test whose
shapes use a feature that is not compiled (``sh:qualifiedValueShape``) is skipped, and says so
in its id.

Blank nodes are compared as blank nodes (the expected report is read from another copy of the
file than the data); paths are compared as the report writes them.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from pyoxigraph import BlankNode, DefaultGraph, NamedNode, RdfFormat, Store

from itukg.shacl import Finding, validate_shapes
from itukg.shacl.engine import compile_shapes
from itukg.shacl.shapes import ShapesGraph, path_text
from itukg.terms import Term
from itukg.validate import shacl_results

DEFAULT_SUITE = Path(__file__).resolve().parents[2] / "shared/w3c-shacl-tests/core"
SUITE = Path(os.environ.get("ITUKG_SHACL_TESTS", DEFAULT_SUITE))
if not (SUITE / "manifest.ttl").is_file():
    pytest.skip(
        f"the W3C SHACL Core test suite is not at {SUITE} (set ITUKG_SHACL_TESTS)",
        allow_module_level=True,
    )

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
SHT = "http://www.w3.org/ns/shacl-test#"
SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

#: Tests that fail for a reason outside the compiler, and the reason.
KNOWN = {
    "property/uniqueLang-002": (
        'Oxigraph stores "1"^^xsd:boolean as "true"^^xsd:boolean, so sh:uniqueLang "1" is '
        "true for both engines (the suite expects it to be ignored)"
    ),
}

Key = tuple[str, str, str, str, str, str]
"""(focus, path, value, source shape, component, severity) of a result, as text."""


def load(path: Path) -> Store:
    store = Store()
    store.load(path=str(path), format=RdfFormat.TURTLE, base_iri=path.as_uri())
    return store


def one(store: Store, subject: Term, predicate: str) -> Term | None:
    if not isinstance(subject, (NamedNode, BlankNode)):
        return None
    quads = store.quads_for_pattern(subject, NamedNode(predicate), None, DefaultGraph())
    return next((quad.object for quad in quads), None)


def file_of(store: Store, node: Term | None, predicate: str) -> Path:
    iri = one(store, node, predicate) if node is not None else None
    assert isinstance(iri, NamedNode), f"no {predicate}"
    return Path(unquote(urlparse(iri.value).path))


@dataclass(frozen=True)
class Case:
    """One test of the suite."""

    name: str
    manifest: Path
    entry: Term

    def stores(self) -> tuple[Store, Store, Store]:
        """Return the manifest, data and shapes stores."""
        manifest = load(self.manifest)
        action = one(manifest, self.entry, MF + "action")
        data = load(file_of(manifest, action, SHT + "dataGraph"))
        shapes = load(file_of(manifest, action, SHT + "shapesGraph"))
        return manifest, data, shapes


def cases() -> list[Case]:
    found = []
    for manifest_path in sorted(SUITE.rglob("*.ttl")):
        manifest = load(manifest_path)
        for quad in manifest.quads_for_pattern(None, NamedNode(MF + "entries"), None):
            head: Term | None = quad.object
            while isinstance(head, BlankNode):
                entry = one(manifest, head, RDF + "first")
                assert entry is not None
                name = manifest_path.relative_to(SUITE).with_suffix("").as_posix()
                found.append(Case(name, manifest_path, entry))
                head = one(manifest, head, RDF + "rest")
    return found


def param(case: Case) -> object:
    """The pytest parameter of a case: its id says when it uses an uncompiled feature."""
    _, _, shapes = case.stores()
    fallbacks = compile_shapes(shapes).fallbacks
    if fallbacks:
        reasons = "; ".join(sorted(set(fallbacks.values())))
        mark = pytest.mark.skip(reason=f"uses an uncompiled feature: {reasons}")
        return pytest.param(case, marks=mark, id=f"{case.name} (uses an uncompiled feature)")
    if case.name in KNOWN:
        mark = pytest.mark.xfail(reason=KNOWN[case.name], strict=True)
        return pytest.param(case, marks=mark, id=case.name)
    return pytest.param(case, id=case.name)


CASES = [param(case) for case in cases()]


def text(term: Term | None) -> str:
    if term is None:
        return "-"
    return "[]" if isinstance(term, BlankNode) else str(term)


def expected_results(manifest: Store, report: Term) -> list[Key]:
    graph = ShapesGraph(manifest)
    keys = []
    for quad in manifest.quads_for_pattern(report, NamedNode(SH + "result"), None):
        node = quad.object
        path = one(manifest, node, SH + "resultPath")
        keys.append(
            (
                text(one(manifest, node, SH + "focusNode")),
                "-" if path is None else path_text(graph, path, report=True),
                text(one(manifest, node, SH + "value")),
                text(one(manifest, node, SH + "sourceShape")),
                text(one(manifest, node, SH + "sourceConstraintComponent")),
                text(one(manifest, node, SH + "resultSeverity")),
            )
        )
    return sorted(keys)


def found_results(shapes: Store, findings: list[Finding]) -> list[Key]:
    graph = ShapesGraph(shapes)
    return sorted(
        (
            text(f.focus),
            "-" if f.path is None else path_text(graph, f.path, report=True),
            text(f.value),
            text(f.shape.node),
            text(f.component),
            text(f.severity),
        )
        for f in findings
    )


def test_the_suite_is_found() -> None:
    assert len(CASES) > 90


@pytest.mark.parametrize("case", CASES)
def test_w3c_shacl_core(case: Case) -> None:
    manifest, data, shapes = case.stores()
    report = one(manifest, case.entry, MF + "result")
    assert report is not None and report != NamedNode(SHT + "Failure"), "a failure test"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run = validate_shapes(data, shapes)
        pyshacl = sorted(shacl_results(data, shapes, "pyshacl"), key=lambda r: r.sort_key())
    assert run.fallbacks == {}
    conforms = one(manifest, report, SH + "conforms")
    assert conforms is not None
    assert (conforms.value == "true") == (not run.findings)
    assert found_results(shapes, run.findings) == expected_results(manifest, report)
    assert sorted(run.results, key=lambda r: r.sort_key()) == pyshacl
