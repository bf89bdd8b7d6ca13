"""Run compiled shapes on a pyoxigraph store; leave the rest to pySHACL; report as pySHACL does.

:func:`validate_shapes` finds the shapes with targets, compiles each
(:class:`~itukg.shacl.compiler.Compiler`) and runs its queries on the data store. A shape the
compiler does not cover (a SHACL-SPARQL constraint, ``sh:qualifiedValueShape``, recursion, ...)
is validated by pySHACL, that shape alone, on an rdflib copy of the data; the whole shapes graph
goes to pySHACL when it uses SHACL-AF (``sh:target``, ``sh:rule``) or custom constraint
components. :class:`ShaclRun` says which shapes fell back, and why; so does the log
(``itukg.shacl``, level INFO).

Every finding becomes the :class:`~itukg.validate.ValidationResult` the pySHACL route makes of
the same finding: severity, focus node, path, value (the terms as rdflib would give them back),
``sh:message`` (or, for a shape without one, pySHACL's own generic message, made by pySHACL's
constraint component), source shape named by :func:`~itukg.shacl.shapes.shape_name`, and
constraint component.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, QuerySolutions, RdfFormat, Store

from itukg import terms
from itukg.shacl import semantics
from itukg.shacl.compiler import TYPE_PATH, Check, Compiler, Query
from itukg.shacl.semantics import Functions, ShaclRuntimeError
from itukg.shacl.shapes import (
    RDF,
    RDF_TYPE,
    RDFS,
    SH,
    Resource,
    Shape,
    ShapesGraph,
    Unsupported,
    path_text,
    sh,
    shape_name,
    text_of,
)
from itukg.terms import RDF_LANG_STRING, XSD_STRING, Term

if TYPE_CHECKING:
    import rdflib

    from itukg.validate import ValidationResult

LOG = logging.getLogger("itukg.shacl")

WORKERS = 4
"""At most this many queries run at once (one per core)."""

WHOLE_GRAPH = "(all shapes)"
"""The key of :attr:`ShaclRun.fallbacks` when the whole shapes graph went to pySHACL."""


@dataclass(frozen=True)
class Finding:
    """One validation result, in terms: what a ``sh:ValidationResult`` of pySHACL says."""

    shape: Shape
    component: NamedNode
    focus: Term
    value: Term | None = None
    path: Term | None = None
    """The result path: the shape's ``sh:path`` node, or the predicate (``sh:closed``)."""

    @property
    def severity(self) -> Term:
        """The severity of the shape that found it."""
        return self.shape.severity


@dataclass
class ShaclRun:
    """The outcome of :func:`validate_shapes`."""

    results: list[ValidationResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    """The compiled engine's results, in terms (the fallback's are only in :attr:`results`)."""
    compiled: list[str] = field(default_factory=list)
    """The shapes with targets that ran as SPARQL, by name."""
    fallbacks: dict[str, str] = field(default_factory=dict)
    """The shapes left to pySHACL, by name (or :data:`WHOLE_GRAPH`), with the reason."""
    queries: int = 0
    """How many SPARQL queries ran."""


@dataclass
class Program:
    """The shapes graph compiled: the queries of each compiled shape, and what falls back."""

    graph: ShapesGraph
    functions: Functions
    compiled: list[tuple[Shape, list[Query]]] = field(default_factory=list)
    left: list[Shape] = field(default_factory=list)
    """The shapes with targets that pySHACL validates."""
    fallbacks: dict[str, str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    """The names of the compiled shapes."""
    whole: bool = False
    """True when the whole shapes graph goes to pySHACL."""


_PROGRAMS: dict[bytes, Program] = {}


def compile_shapes(shapes: Store) -> Program:
    """Compile the shapes of *shapes* (cached by the store's content)."""
    key = shapes.dump(format=RdfFormat.N_QUADS) or b""
    program = _PROGRAMS.get(key)
    if program is None:
        program = _compile(shapes)
        if len(_PROGRAMS) >= 8:
            _PROGRAMS.pop(next(iter(_PROGRAMS)))
        _PROGRAMS[key] = program
    return program


def _compile(shapes: Store) -> Program:
    graph = ShapesGraph(shapes)
    functions = Functions()
    program = Program(graph, functions)
    try:
        targeted = _targeted_shapes(graph)
    except Unsupported as error:
        return _whole(program, error)
    compiler = Compiler(graph, functions, _regex_checker())
    for shape in targeted:
        try:
            program.compiled.append((shape, compiler.compile(shape)))
            program.names.append(shape_name(graph, shape.node))
        except Unsupported as error:
            if error.whole:
                return _whole(program, error)
            name = shape_name(graph, shape.node)
            LOG.info("SHACL: %s left to pySHACL: %s", name, error.reason)
            program.fallbacks[name] = error.reason
            program.left.append(shape)
    return program


def _whole(program: Program, error: Unsupported) -> Program:
    LOG.info("SHACL: all shapes left to pySHACL: %s", error.reason)
    program.compiled, program.left, program.whole = [], [], True
    program.fallbacks = {WHOLE_GRAPH: error.reason}
    return program


def validate_shapes(data: Store, shapes: Store) -> ShaclRun:
    """Validate the default graph of *data* against the shapes in *shapes*."""
    run = ShaclRun()
    if len(shapes) == 0:
        return run
    program = compile_shapes(shapes)
    run.fallbacks = dict(program.fallbacks)
    if program.whole:
        run.results = _pyshacl(data, shapes, None)
        return run
    runner = Runner(data, program.functions)
    queries = [query for _, shape_queries in program.compiled for query in shape_queries]
    run.compiled = list(program.names)
    run.queries = len(queries)
    # Oxigraph evaluates a query without the GIL: queries run side by side on the cores.
    workers = max(1, min(WORKERS, os.cpu_count() or 1, len(queries)))
    with ThreadPoolExecutor(workers, thread_name_prefix="itukg-shacl") as pool:
        for findings in pool.map(lambda query: list(runner.run(query)), queries):
            run.findings.extend(findings)
    reporter = Reporter(data, shapes, program.graph)
    run.results = [reporter.result(f) for f in run.findings]
    if program.left:
        run.results.extend(_pyshacl(data, shapes, [s.node for s in program.left]))
    return run


def _targeted_shapes(graph: ShapesGraph) -> list[Shape]:
    """Return the shapes pySHACL validates on their own: those with targets."""
    for term, why in (
        (sh("target"), "SHACL-AF targets (sh:target)"),
        (sh("rule"), "SHACL-AF rules (sh:rule)"),
    ):
        if graph.has(term):
            raise Unsupported(why, whole=True)
    if graph.has(sh("parameter")) or graph.has(RDF_TYPE, sh("ConstraintComponent")):
        raise Unsupported("custom constraint components", whole=True)
    shapes = graph.shapes()
    return [shape for node, shape in sorted(shapes.items(), key=_order) if shape.targets()]


def _order(item: tuple[Resource, Shape]) -> tuple[bool, str]:
    return isinstance(item[0], BlankNode), item[0].value


def _regex_checker() -> Callable[[str, str], bool]:
    """Return a test: does Oxigraph's REGEX accept this pattern with these flags."""
    store = Store()
    cache: dict[tuple[str, str], bool] = {}

    def accepts(pattern: str, flags: str) -> bool:
        key = (pattern, flags)
        if key not in cache:
            regex = f"REGEX('', {Literal(pattern)}, {Literal(flags)})"
            try:
                solutions = store.query(f"SELECT (COALESCE({regex}, 0) AS ?ok) {{}}")
                assert isinstance(solutions, QuerySolutions)
                answer = next(iter(solutions))["ok"]
                cache[key] = isinstance(answer, Literal) and answer.value in ("true", "false")
            except SyntaxError:
                cache[key] = False
        return cache[key]

    return accepts


_CLASS_PATH = re.compile(r"(\?\w+) " + re.escape(TYPE_PATH) + r" (<[^>]*>)")
_ONE_CLASS = re.compile(
    r"\{ SELECT DISTINCT (\?\w+) WHERE \{ \{ (\1 "
    + re.escape(f"<{RDF}type>")
    + r" <[^>]*>) \. \} \} \}"
)


class Runner:
    """Run compiled queries on a data store and read their rows as findings.

    ``?x rdf:type/rdfs:subClassOf* C`` is rewritten before a query runs, with the subclasses
    of C in the data (found once): ``?x rdf:type C``, or ``VALUES`` over the subclasses. The
    meaning is the same; Oxigraph then needs no path per value node.
    """

    def __init__(self, data: Store, functions: Functions) -> None:
        """Run on *data*, with the custom functions of the compilation."""
        self.data = data
        self.errors: list[BaseException] = []
        """What pySHACL's tests raised: the validation fails as pySHACL's does."""
        self.functions = functions.table(self.errors)
        self._subclasses: dict[str, list[str]] = {}
        self._names = itertools.count()

    def subclasses(self, iri: str) -> list[str]:
        """Return the classes that are rdfs:subClassOf* the class *iri* in the data.

        An empty list if one of them is a blank node (the class test keeps its path).
        """
        found = self._subclasses.get(iri)
        if found is None:
            query = f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS}subClassOf>* {iri} }}"
            solutions = self.data.query(query)
            assert isinstance(solutions, QuerySolutions)
            classes = [row["c"] for row in solutions]
            found = (
                [] if any(isinstance(c, BlankNode) for c in classes) else list(map(str, classes))
            )
            self._subclasses[iri] = found
        return found

    def text(self, query: Query) -> str:
        """Return the text of *query* with its class tests rewritten."""

        def rewrite(match: re.Match[str]) -> str:
            subject, iri = match.group(1), match.group(2)
            classes = self.subclasses(iri)
            if not classes:
                return match.group(0)
            if len(classes) == 1:
                return f"{subject} <{RDF}type> {classes[0]}"
            var = f"?_class{next(self._names)}"
            return f"VALUES {var} {{ {' '.join(classes)} }} {subject} <{RDF}type> {var}"

        text = _CLASS_PATH.sub(rewrite, query.text)
        return _ONE_CLASS.sub(r"\2 .", text)

    def run(self, query: Query) -> Iterable[Finding]:
        """Run *query*; yield a finding for each result it holds."""
        solutions = self.data.query(self.text(query), custom_functions=self.functions)
        assert isinstance(solutions, QuerySolutions)
        rows = list(solutions)
        del solutions  # pyoxigraph wants it dropped on the thread that made it
        if self.errors:
            raise self.errors[0]
        for row in rows:
            focus, k = row["this"], row["k"]
            assert focus is not None and isinstance(k, Literal)
            for check in query.branches[int(k.value)]:
                if check.ok is not None:
                    ok = row[check.ok.removeprefix("?")]
                    if ok == semantics.TRUE:
                        continue
                    _check_ok(ok, check, query)
                value = None if check.value is None else row[check.value.removeprefix("?")]
                path = check.shape.path_node if check.path is None else row["path"]
                yield Finding(check.shape, check.constraint.component, focus, value, path)


def _check_ok(ok: Term | None, check: Check, query: Query) -> None:
    if ok == semantics.FALSE:
        return
    name = check.constraint.component.value.removeprefix(SH)
    if name in ("LessThanConstraintComponent", "LessThanOrEqualsConstraintComponent"):
        parameter = name.removesuffix("ConstraintComponent")
        raise ShaclRuntimeError(
            f"Cannot use sh:{parameter[0].lower()}{parameter[1:]} to compare a BlankNode."
        )
    shape = check.shape.node
    raise RuntimeError(f"a compiled test of {shape} ({name}) failed to evaluate: {query.text}")


# ----------------------------------------------------------------------------- results


def normal(term: Term) -> Term:
    """Return *term* as rdflib gives it back (rdflib normalises typed literals)."""
    if isinstance(term, Literal) and term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
        from itukg.bridge import from_rdflib, to_rdflib

        return from_rdflib(to_rdflib(term))
    return term


def text(term: Term) -> str:
    """Return ``str()`` of the rdflib term for *term*."""
    return text_of(normal(term))


class Reporter:
    """Turn findings into :class:`ValidationResult`; make pySHACL's generic messages."""

    def __init__(self, data: Store, shapes: Store, graph: ShapesGraph) -> None:
        """Read terms from *data* and shapes from *shapes*; pySHACL is loaded when needed."""
        self.data = data
        self.shapes = shapes
        self.graph = graph
        self._pyshacl: Any = None
        self._datagraph: Any = None
        self._copied: set[Term] = set()
        self._names: dict[Term, str] = {}
        self._paths: dict[Term, str] = {}

    def result(self, finding: Finding) -> ValidationResult:
        """Return the result the pySHACL route reports for *finding*."""
        from itukg.validate import ValidationResult

        shape = finding.shape
        messages = sorted({text(m) for m in shape.messages})
        if not messages:
            messages = self.generic(finding)
        name = self._names.get(shape.node)
        if name is None:
            name = self._names[shape.node] = shape_name(self.graph, shape.node)
        return ValidationResult(
            severity=text(finding.severity).removeprefix(SH),
            focus=terms.show(normal(finding.focus)),
            message="; ".join(messages) or "(no message)",
            source=name,
            kind="shape",
            path=None if finding.path is None else self._path(finding.path),
            value=None if finding.value is None else terms.turtle(normal(finding.value)),
            component=terms.show(finding.component),
        )

    def _path(self, path: Term) -> str:
        found = self._paths.get(path)
        if found is None:
            found = self._paths[path] = path_text(self.graph, path, report=True)
        return found

    def generic(self, finding: Finding) -> list[str]:
        """Return the messages pySHACL makes up for a shape without ``sh:message``."""
        from itukg.bridge import to_rdflib

        shapes_graph, classes = self._load_pyshacl()
        shape = shapes_graph.lookup_shape_from_node(to_rdflib(finding.shape.node))
        component = classes[str(to_rdflib(finding.component))](shape)
        focus, value = finding.focus, finding.value
        self._copy(focus)
        if value is not None:
            self._copy(value)
        made = component.make_generic_messages(
            self._datagraph,
            to_rdflib(focus),
            None if value is None else to_rdflib(value),
        )
        return sorted({str(m) for m in made})

    def _load_pyshacl(self) -> tuple[Any, dict[str, Any]]:
        if self._pyshacl is None:
            from pyshacl.constraints import ALL_CONSTRAINT_COMPONENTS
            from pyshacl.graph_abstraction import DataGraph
            from pyshacl.shapes_graph import ShapesGraph as PyShapesGraph

            from itukg.bridge import graph_of, new_graph

            shapes_graph = PyShapesGraph(graph_of(self.shapes))
            _ = shapes_graph.shapes
            classes = {
                str(c.shacl_constraint_component): c
                for c in ALL_CONSTRAINT_COMPONENTS
                if isinstance(c.shacl_constraint_component, str)
            }
            self._rdflib_graph = new_graph()
            self._datagraph = DataGraph.from_rdflib(self._rdflib_graph)
            self._pyshacl = (shapes_graph, classes)
        return self._pyshacl  # type: ignore[no-any-return]

    def _copy(self, node: Term) -> None:
        """Copy into the message graph the triples that describe a blank node, recursively.

        A blank node that is the subject of no triple is copied with one triple it is the
        object of: pySHACL writes it ``[ ]`` if the data has it, else by its label.
        """
        from itukg.bridge import to_rdflib

        todo = [node]
        while todo:
            current = todo.pop()
            if not isinstance(current, BlankNode) or current in self._copied:
                continue
            self._copied.add(current)
            quads = list(self.data.quads_for_pattern(current, None, None, DefaultGraph()))
            if not quads:
                quads = list(self.data.quads_for_pattern(None, None, current, DefaultGraph()))[:1]
            for quad in quads:
                triple = (
                    to_rdflib(quad.subject),
                    to_rdflib(quad.predicate),
                    to_rdflib(quad.object),
                )
                self._rdflib_graph.add(triple)
                if quad.subject == current:
                    todo.append(quad.object)


# ----------------------------------------------------------------------------- pySHACL


def _pyshacl(data: Store, shapes: Store, only: list[Resource] | None) -> list[ValidationResult]:
    """Validate with pySHACL: every shape, or *only* these (with what they reference)."""
    from itukg.validate import pyshacl_results

    if only is None:
        return pyshacl_results(data, shapes)
    import rdflib
    from pyshacl import Validator
    from pyshacl.graph_abstraction import DataGraph

    from itukg.bridge import graph_of, to_rdflib
    from itukg.validate import _shacl_result

    shapes_graph = graph_of(shapes)
    validator = Validator(
        DataGraph.from_rdflib(graph_of(data)),
        shacl_graph=shapes_graph,
        options={"inference": "none", "allow_warnings": True, "inplace": True},
    )
    wanted = {to_rdflib(node) for node in only}
    target = validator.data_graph
    executor = validator.make_executor()
    reports = []
    for shape in validator.shacl_graph.shapes:
        if shape.node in wanted:
            reports.extend(shape.validate(executor, target)[1])
    report: rdflib.Graph
    report, _ = validator.create_validation_report(validator.shacl_graph, not reports, reports)
    sh_ns = rdflib.Namespace(SH)
    return [_shacl_result(report, shapes_graph, n) for n in report.objects(None, sh_ns.result)]
