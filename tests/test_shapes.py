"""The SHACL shapes and SPARQL checks: what they require, shown by fixtures that pass and fail.

Fixtures are found by name under ``tests/fixtures/shapes/``: ``<Shape>-valid.ttl`` and
``<Shape>-invalid-NN.ttl`` for each node shape, ``checks/<check>-valid.ttl`` and
``checks/<check>-invalid-NN.ttl`` for each check. Each fixture is validated with the shipped
ontology, shapes and checks. A valid one yields no result at all; an invalid one says in its
header, one line per result, exactly what validation finds::

    # expect: <focus> <path, or -> <shape, or check name>

Terms are CURIEs (the fixture's prefixes, itukg's, and ``shape:`` for the shapes) or ``<IRI>``s;
a path that is not a single IRI is written as the report writes it (``^org:member``). A focus
that is a blank node (a mapping's ``owl:Axiom``) is written ``[]``, since a blank node's label
is not kept when a file is loaded.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
import rdflib
from conftest import FIXTURES
from pyoxigraph import Store
from rdflib.namespace import RDF, SH

from itukg import paths, queries
from itukg.loader import load_store
from itukg.namespaces import PREFIXES
from itukg.validate import ValidationResult, check_results, shacl_results, validate

SHAPES_NS = "https://w3id.org/itukg/shapes#"
FIXTURE_DIR = FIXTURES / "shapes"
CHECK_FIXTURE_DIR = FIXTURE_DIR / "checks"
VALID = sorted(FIXTURE_DIR.rglob("*-valid.ttl"))
INVALID = sorted(FIXTURE_DIR.rglob("*-invalid-*.ttl"))

Expected = tuple[str, str | None, str]
"""(focus, path, source): IRIs; a path in report syntax, IRIs in <>; a shape IRI or a check name."""

#: Constraint parameters that make a node shape check its focus node itself.
NODE_LEVEL = (
    SH.pattern,
    SH["not"],
    SH["or"],
    SH["and"],
    SH.xone,
    SH["class"],
    SH.datatype,
    SH.nodeKind,
    SH["in"],
    SH.hasValue,
    SH.node,
    SH.minLength,
    SH.maxLength,
    SH.languageIn,
)
#: SHACL-SPARQL and SHACL-AF terms that have no place in the shapes: such rules are checks.
NOT_CORE = (SH.sparql, SH.SPARQLConstraint, SH.target, SH.rule, SH.SPARQLTarget, SH.expression)


# --------------------------------------------------------------------------- the shapes


@functools.cache
def shapes_graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in paths.shape_files():
        graph.parse(path, format="turtle")
    return graph


@functools.cache
def shapes_store() -> Store:
    return load_store(paths.shape_files())


@functools.cache
def checks() -> tuple[queries.CannedQuery, ...]:
    return tuple(queries.parse_query_file(path, check=True) for path in paths.check_queries())


def node_shapes() -> list[rdflib.URIRef]:
    """Return the node shapes that have targets, by IRI."""
    graph = shapes_graph()
    found = {
        shape
        for target in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
        for shape in graph.subjects(target, None)
    }
    assert all(isinstance(shape, rdflib.URIRef) for shape in found)
    return sorted(rdflib.URIRef(shape) for shape in found)


def property_shapes() -> list[rdflib.URIRef]:
    graph = shapes_graph()
    found = set(graph.objects(None, SH.property)) | set(graph.subjects(RDF.type, SH.PropertyShape))
    assert all(isinstance(shape, rdflib.URIRef) for shape in found), "name every property shape"
    return sorted(rdflib.URIRef(shape) for shape in found)


def checks_node_itself(shape: rdflib.URIRef) -> bool:
    return any((shape, parameter, None) in shapes_graph() for parameter in NODE_LEVEL)


def local(shape: rdflib.URIRef) -> str:
    assert shape.startswith(SHAPES_NS), f"{shape} is not in {SHAPES_NS}"
    return shape[len(SHAPES_NS) :]


def check_names() -> list[str]:
    return [check.name for check in checks()]


# --------------------------------------------------------------------------- fixtures


def fixture_id(path: Path) -> str:
    return path.relative_to(FIXTURE_DIR).as_posix()


def subject_of(path: Path) -> str:
    """Return the shape (local name) or check a fixture is about, from its file name."""
    return re.sub(r"-(valid|invalid-\d\d)$", "", path.stem)


@functools.cache
def fixture_prefixes(path: Path) -> dict[str, str]:
    graph = rdflib.Graph(bind_namespaces="none").parse(path, format="turtle")
    return {prefix: str(namespace) for prefix, namespace in graph.namespaces()}


def to_iri(term: str, prefixes: dict[str, str]) -> str:
    """Return a term given as ``<IRI>`` or a CURIE as an IRI; leave anything else as it is."""
    if term.startswith("<") and term.endswith(">"):
        return term[1:-1]
    prefix, colon, name = term.partition(":")
    if colon and prefix in prefixes and "/" not in name:
        return prefixes[prefix] + name
    return term


def to_path(text: str, prefixes: dict[str, str]) -> str:
    """Return a path in report syntax with every CURIE written as ``<IRI>``."""

    def expand(match: re.Match[str]) -> str:
        iri = to_iri(match.group(0), prefixes)
        return match.group(0) if iri == match.group(0) else f"<{iri}>"

    return re.sub(r"<[^>]*>|[A-Za-z][\w.-]*:[\w.-]*", expand, text)


def known_prefixes(path: Path) -> dict[str, str]:
    return {**PREFIXES, "shape": SHAPES_NS, **fixture_prefixes(path)}


def expected(path: Path) -> set[Expected]:
    """Parse the ``# expect:`` lines of a fixture's header."""
    prefixes = known_prefixes(path)
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("# expect:"):
            fields = line.removeprefix("# expect:").split()
            assert len(fields) == 3, f"{path.name}: '{line}' is not '# expect: focus path source'"
            focus, route, source = fields
            found.add(
                (
                    to_iri(focus, prefixes),
                    None if route == "-" else to_path(route, prefixes),
                    to_iri(source, prefixes),
                )
            )
    return found


def found(results: Iterable[ValidationResult]) -> set[Expected]:
    prefixes = {**PREFIXES, "shape": SHAPES_NS}
    return {
        (
            "[]" if result.focus.startswith("_:") else to_iri(result.focus, prefixes),
            None if result.path is None else to_path(result.path, prefixes),
            result.source if result.kind == "check" else to_iri(result.source, prefixes),
        )
        for result in results
    }


def validate_fixture(path: Path) -> list[ValidationResult]:
    """Validate a fixture with the shipped ontology, shapes and checks."""
    store = load_store([*paths.ontology_files(), path])
    return [*shacl_results(store, shapes_store()), *check_results(store, checks())]


def show(results: Iterable[ValidationResult]) -> str:
    lines = [f"{r.severity} {r.focus} {r.path or '-'} {r.source}: {r.message}" for r in results]
    return "\n".join(sorted(lines)) or "(none)"


@pytest.mark.parametrize("path", VALID, ids=fixture_id)
def test_valid_fixture_conforms(path: Path) -> None:
    assert not expected(path), "a valid fixture expects no result"
    results = validate_fixture(path)
    assert results == [], show(results)


@pytest.mark.parametrize("path", INVALID, ids=fixture_id)
def test_invalid_fixture_yields_exactly_what_it_expects(path: Path) -> None:
    expectation = expected(path)
    assert expectation, "an invalid fixture expects at least one result"
    results = validate_fixture(path)
    assert found(results) == expectation, show(results)


def test_fixtures_are_named_after_shapes_and_checks() -> None:
    shapes = {local(shape) for shape in node_shapes()}
    for path in [*VALID, *INVALID]:
        names = set(check_names()) if path.parent == CHECK_FIXTURE_DIR else shapes
        assert subject_of(path) in names, f"{fixture_id(path)} names no shape or check"
    others = set(FIXTURE_DIR.rglob("*")) - set(VALID) - set(INVALID) - {CHECK_FIXTURE_DIR}
    assert not others, f"files that are not fixtures: {sorted(map(str, others))}"


@pytest.mark.parametrize("name", [local(s) for s in node_shapes()] + check_names())
def test_every_shape_and_check_has_valid_and_invalid_fixtures(name: str) -> None:
    folder = CHECK_FIXTURE_DIR if name in check_names() else FIXTURE_DIR
    assert (folder / f"{name}-valid.ttl").is_file()
    assert sorted(folder.glob(f"{name}-invalid-[0-9][0-9].ttl"))


@functools.cache
def exercised() -> set[str]:
    """Return every shape IRI and check name that some invalid fixture makes fire."""
    return {source for path in INVALID for _, _, source in expected(path)}


@pytest.mark.parametrize(
    "shape",
    [*property_shapes(), *(s for s in node_shapes() if checks_node_itself(s))],
    ids=lambda shape: local(shape),
)
def test_every_constraint_is_shown_to_fire(shape: rdflib.URIRef) -> None:
    assert str(shape) in exercised(), f"no invalid fixture breaks {local(shape)}"


@pytest.mark.parametrize("name", check_names())
def test_every_check_is_shown_to_fire(name: str) -> None:
    assert name in exercised(), f"no invalid fixture makes {name} fire"


# --------------------------------------------------------------------------- the shipped graph


def test_shipped_graph_conforms() -> None:
    report = validate()
    assert report.results == (), report.text()
    assert report.checks == tuple(check_names())


@pytest.mark.parametrize("name", check_names())
def test_check_finds_nothing_in_the_shipped_graph(name: str) -> None:
    check = next(check for check in checks() if check.name == name)
    results = check_results(load_store(), [check])
    assert results == [], show(results)


def test_shapes_validate_the_shipped_graph_quickly() -> None:
    store = load_store()
    shacl_results(store, shapes_store())
    started = time.process_time()
    assert shacl_results(store, shapes_store()) == []
    assert time.process_time() - started < 2.0


# --------------------------------------------------------------------------- the shapes themselves


def graph_query(text: str) -> list[tuple[rdflib.term.Node, ...]]:
    from itukg.bridge import graph_of
    from itukg.loader import mapping_triples

    graph = rdflib.Graph()
    for path in [*paths.ontology_files(), *paths.data_files()]:
        graph.parse(path, format="turtle")
    for path in paths.mapping_files():
        graph += graph_of(mapping_triples(path))
    return [tuple(row) for row in graph.query(text)]  # type: ignore[arg-type]


def test_every_class_in_the_graph_has_a_node_shape() -> None:
    used = {row[0] for row in graph_query("SELECT DISTINCT ?c WHERE { ?s a ?c }")}
    targeted = set(shapes_graph().objects(None, SH.targetClass))
    assert rdflib.FOAF.Person in used and rdflib.OWL.Class in used
    assert sorted(used - targeted) == []


@pytest.mark.parametrize("shape", property_shapes(), ids=lambda shape: local(shape))
def test_every_property_shape_says_what_it_requires(shape: rdflib.URIRef) -> None:
    graph = shapes_graph()
    assert (shape, SH.path, None) in graph
    assert (shape, SH.name, None) in graph
    messages = list(graph.objects(shape, SH.message))
    assert len(messages) == 1 and messages[0].language == "en"
    assert graph.value(shape, SH.severity) in (SH.Violation, SH.Warning, SH.Info)


@pytest.mark.parametrize("shape", node_shapes(), ids=lambda shape: local(shape))
def test_every_node_shape_is_labelled_and_says_what_it_requires(shape: rdflib.URIRef) -> None:
    graph = shapes_graph()
    assert graph.value(shape, rdflib.RDFS.label).language == "en"  # type: ignore[union-attr]
    assert graph.value(shape, rdflib.RDFS.comment).language == "en"  # type: ignore[union-attr]
    if checks_node_itself(shape):
        messages = list(graph.objects(shape, SH.message))
        assert len(messages) == 1 and messages[0].language == "en"
        assert graph.value(shape, SH.severity) in (SH.Violation, SH.Warning, SH.Info)
    else:
        assert list(graph.objects(shape, SH.property)), "a node shape constrains something"


def test_shapes_are_shacl_core() -> None:
    graph = shapes_graph()
    for term in NOT_CORE:
        assert (None, term, None) not in graph and (None, RDF.type, term) not in graph
