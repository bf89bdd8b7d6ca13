"""Validate the graph: SHACL shapes and SPARQL checks, in one report.

The shapes run on one of :data:`ENGINES`: ``sparql`` (the default) compiles them into SPARQL
queries run on the store (:mod:`itukg.shacl`), ``pyshacl`` runs pySHACL on an rdflib copy of
the store; both give the same results.

A check is a query ``shapes/checks/NAME-violation.rq`` with a ``#+`` header (name and summary,
no parameters). Every row it returns is a violation: ``?focus`` (required) is the node at fault,
``?path``, ``?value`` and ``?message`` are optional; the summary is the default message.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, Store

from itukg import paths, queries, terms
from itukg.errors import InputError
from itukg.loader import load_store
from itukg.results import SelectResult

if TYPE_CHECKING:
    import rdflib
    from rdflib.term import Node

SH = "http://www.w3.org/ns/shacl#"
RDF_FIRST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
RDF_REST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"

#: Severities, most severe first.
SEVERITIES = ("Violation", "Warning", "Info")

#: Report formats.
REPORT_FORMATS = ("text", "json")

#: SHACL engines: compiled SPARQL on Oxigraph (the default), or pySHACL on rdflib.
ENGINES = ("sparql", "pyshacl")


@dataclass(frozen=True)
class ValidationResult:
    """One finding: a node that breaks a shape or a check.

    Terms are given as people read them: IRIs as CURIEs, values in Turtle.
    """

    severity: str
    focus: str
    message: str
    source: str
    """The shape (CURIE) or the check (its name) that found it."""
    kind: str = "shape"
    """``shape`` or ``check``."""
    path: str | None = None
    value: str | None = None
    component: str | None = None
    """The SHACL constraint component, for shapes."""

    def sort_key(self) -> tuple[Any, ...]:
        """Return the key that orders a report: severity, focus, path, value, message, source."""
        return (
            SEVERITIES.index(self.severity) if self.severity in SEVERITIES else len(SEVERITIES),
            self.severity,
            self.focus,
            self.path or "",
            self.value or "",
            self.message,
            self.kind,
            self.source,
            self.component or "",
        )


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: every finding, sorted, and what was checked."""

    results: tuple[ValidationResult, ...]
    files: tuple[str, ...] = ()
    shape_files: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    counts: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        """Sort the findings and count them by severity."""
        object.__setattr__(self, "results", tuple(sorted(self.results, key=_key)))
        counts = {severity: 0 for severity in SEVERITIES}
        for result in self.results:
            counts[result.severity] = counts.get(result.severity, 0) + 1
        object.__setattr__(self, "counts", counts)

    @property
    def conforms(self) -> bool:
        """True when nothing is a violation (warnings and infos are allowed)."""
        return self.counts["Violation"] == 0

    @property
    def exit_code(self) -> int:
        """0 when the graph conforms, 1 when it has violations."""
        return 0 if self.conforms else 1

    def summary(self) -> str:
        """Return one line: the counts by severity, what was checked, and the verdict."""
        parts = [_count(self.counts[s], s.lower()) for s in SEVERITIES]
        checked = [
            _count(len(self.files), "data file"),
            _count(len(self.shape_files), "shape file"),
            _count(len(self.checks), "check"),
        ]
        verdict = "conforms" if self.conforms else "does not conform"
        return f"{', '.join(parts)} ({', '.join(checked)}): {verdict}"

    def text(self) -> str:
        """Return the report for people: one block per finding, then the summary line."""
        blocks = []
        for result in self.results:
            lines = [f"{result.severity}: {result.focus}"]
            if result.path is not None:
                lines.append(f"  path:    {result.path}")
            if result.value is not None:
                lines.append(f"  value:   {result.value}")
            lines.append(f"  message: {result.message}")
            source = result.source
            if result.component:
                source += f" ({result.component})"
            lines.append(f"  {(result.kind + ':').ljust(9)}{source}")
            blocks.append("\n".join(lines) + "\n")
        return "\n".join([*blocks, self.summary() + "\n"])

    def json(self) -> str:
        """Return the report as JSON: ``conforms``, ``counts`` and ``results``."""
        data = {
            "conforms": self.conforms,
            "counts": self.counts,
            "results": [asdict(result) for result in self.results],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def serialize(self, format: str = "text") -> str:
        """Return the report in one of :data:`REPORT_FORMATS`."""
        if format == "json":
            return self.json()
        return self.text()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _key(result: ValidationResult) -> tuple[Any, ...]:
    return result.sort_key()


def validate(
    data_files: Iterable[str | Path] | None = None,
    *,
    shape_files: Iterable[str | Path] | None = None,
    check_files: Iterable[str | Path] | None = None,
    ontology_files: Iterable[str | Path] | None = None,
    engine: str = "sparql",
) -> Report:
    """Validate the shipped graph, or the ontology with *data_files*, against shapes and checks.

    Each argument defaults to the shipped files (the data: Turtle files and mapping sets).
    *data_files* may be Turtle or SSSOM/TSV files. Unreadable or invalid files raise
    :class:`InputError` naming the file, line and column. *engine* is one of :data:`ENGINES`.
    """
    ontology = list(paths.ontology_files() if ontology_files is None else ontology_files)
    shipped = [*paths.data_files(), *paths.mapping_files()]
    data = list(shipped if data_files is None else data_files)
    shapes = list(paths.shape_files() if shape_files is None else shape_files)
    checks = [
        queries.parse_query_file(path, check=True)
        for path in (paths.check_queries() if check_files is None else check_files)
    ]
    return validate_store(
        load_store([*ontology, *data]),
        shape_files=shapes,
        checks=checks,
        files=[*ontology, *data],
        engine=engine,
    )


def validate_store(
    store: Store,
    *,
    shape_files: Iterable[str | Path] | None = None,
    checks: Sequence[queries.CannedQuery] | None = None,
    files: Sequence[str | Path] = (),
    engine: str = "sparql",
) -> Report:
    """Validate a loaded *store* against shapes and checks (default: the shipped ones).

    *files* names what the store was loaded from, for the report; *engine* (one of
    :data:`ENGINES`) runs the shapes.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown SHACL engine {engine!r}: use one of {', '.join(ENGINES)}")
    shapes = list(paths.shape_files() if shape_files is None else shape_files)
    if checks is None:
        checks = [queries.parse_query_file(p, check=True) for p in paths.check_queries()]
    shapes_store = load_store(shapes)
    results = [*shacl_results(store, shapes_store, engine), *check_results(store, checks)]
    return Report(
        tuple(results),
        files=tuple(paths.display(p) for p in files),
        shape_files=tuple(paths.display(p) for p in shapes),
        checks=tuple(check.name for check in checks),
    )


def check_results(store: Store, checks: Sequence[queries.CannedQuery]) -> list[ValidationResult]:
    """Run SPARQL checks on *store*: every row is a violation of the check."""
    results = []
    for check in checks:
        answer = queries.execute(store, check.text, source=check.source)
        if not isinstance(answer, SelectResult) or "focus" not in answer.variables:
            raise InputError(check.source, "a check query must be a SELECT of ?focus")
        for row in answer:
            focus, path, value, message = (
                row.get(v) for v in ("focus", "path", "value", "message")
            )
            if focus is None:
                raise InputError(check.source, "a check query must bind ?focus in every row")
            results.append(
                ValidationResult(
                    severity="Violation",
                    focus=terms.show(focus),
                    message=message.value if isinstance(message, Literal) else check.summary,
                    source=check.name,
                    kind="check",
                    path=None if path is None else terms.show(path),
                    value=None if value is None else terms.turtle(value),
                )
            )
    return results


def shacl_results(data: Store, shapes: Store, engine: str = "sparql") -> list[ValidationResult]:
    """Validate *data* against the SHACL *shapes* on *engine*; no shapes, no findings."""
    if engine == "pyshacl":
        return pyshacl_results(data, shapes)
    if engine != "sparql":
        raise ValueError(f"unknown SHACL engine {engine!r}: use one of {', '.join(ENGINES)}")
    from itukg.shacl import validate_shapes

    return validate_shapes(data, shapes).results


def pyshacl_results(data: Store, shapes: Store) -> list[ValidationResult]:
    """Validate *data* against the SHACL *shapes* with pySHACL; no shapes, no findings."""
    if len(shapes) == 0:
        return []
    import pyshacl
    import rdflib

    from itukg.bridge import graph_of

    shapes_graph = graph_of(shapes)
    sh = rdflib.Namespace(SH)
    advanced = any(
        True
        for predicate in (sh.target, sh.rule)
        for _ in shapes_graph.triples((None, predicate, None))
    )
    _, report, _ = pyshacl.validate(
        graph_of(data),
        shacl_graph=shapes_graph,
        inference="none",
        advanced=advanced,
        allow_warnings=True,
        inplace=True,
    )
    return [_shacl_result(report, shapes_graph, node) for node in report.objects(None, sh.result)]


def _shacl_result(report: rdflib.Graph, shapes: rdflib.Graph, node: Node) -> ValidationResult:
    import rdflib

    sh = rdflib.Namespace(SH)

    def one(predicate: rdflib.URIRef) -> Node | None:
        return next(iter(sorted(report.objects(node, predicate), key=str)), None)

    severity, focus, path = one(sh.resultSeverity), one(sh.focusNode), one(sh.resultPath)
    value, shape, component = one(sh.value), one(sh.sourceShape), one(sh.sourceConstraintComponent)
    messages = sorted(str(m) for m in report.objects(node, sh.resultMessage))
    return ValidationResult(
        severity=str(severity).removeprefix(SH) if severity is not None else "Violation",
        focus=_show(focus),
        message="; ".join(messages) or "(no message)",
        source=_shape_name(shapes, shape),
        kind="shape",
        path=None if path is None else path_text(report, path),
        value=None if value is None else _turtle(value),
        component=None if component is None else _show(component),
    )


def _show(node: Node | None) -> str:
    from itukg.bridge import from_rdflib

    return "" if node is None else terms.show(from_rdflib(node))


def _turtle(node: Node) -> str:
    from itukg.bridge import from_rdflib

    return terms.turtle(from_rdflib(node))


def _shape_name(shapes: rdflib.Graph, shape: Node | None) -> str:
    """Name a shape: its CURIE, or for a blank property shape, its parent and path."""
    import rdflib

    if shape is None:
        return "(unknown shape)"
    if not isinstance(shape, rdflib.BNode):
        return _show(shape)
    sh = rdflib.Namespace(SH)
    parent = next(iter(sorted(shapes.subjects(sh.property, shape), key=str)), None)
    path = next(iter(shapes.objects(shape, sh.path)), None)
    if parent is None or isinstance(parent, rdflib.BNode):
        return "blank shape" + ("" if path is None else f" on {path_text(shapes, path)}")
    return _show(parent) + ("" if path is None else f" / {path_text(shapes, path)}")


def path_text(graph: rdflib.Graph, path: Node) -> str:
    """Return a SHACL property path as a SPARQL property path (``^a/b*``)."""
    import rdflib

    if not isinstance(path, rdflib.BNode):
        return _show(path)
    sh = rdflib.Namespace(SH)

    def inner(predicate: rdflib.URIRef) -> Node | None:
        return next(iter(graph.objects(path, predicate)), None)

    for predicate, before, after in (
        (sh.inversePath, "^", ""),
        (sh.zeroOrMorePath, "", "*"),
        (sh.oneOrMorePath, "", "+"),
        (sh.zeroOrOnePath, "", "?"),
    ):
        target = inner(predicate)
        if target is not None:
            return f"{before}{_group(graph, target)}{after}"
    alternatives = inner(sh.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(path_text(graph, p) for p in _items(graph, alternatives)) + ")"
    if inner(rdflib.URIRef(RDF_FIRST)) is not None:
        return "/".join(_group(graph, p) for p in _items(graph, path))
    return _show(path)


def _group(graph: rdflib.Graph, path: Node) -> str:
    text = path_text(graph, path)
    return f"({text})" if "/" in text and not text.startswith("(") else text


def _items(graph: rdflib.Graph, head: Node) -> list[Node]:
    import rdflib

    items: list[Node] = []
    first, rest = rdflib.URIRef(RDF_FIRST), rdflib.URIRef(RDF_REST)
    while head != rdflib.RDF.nil and len(items) < 1000:
        item = next(iter(graph.objects(head, first)), None)
        if item is None:
            break
        items.append(item)
        head = next(iter(graph.objects(head, rest)), rdflib.RDF.nil)
    return items
