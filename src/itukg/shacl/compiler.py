"""Compile SHACL Core shapes into SPARQL SELECT queries with pySHACL's semantics.

A shape with targets (:meth:`Compiler.compile`) has **focus nodes**: a sub-select over the
union of its targets (``sh:targetNode`` as ``VALUES``, ``sh:targetClass`` C as
``?this rdf:type/rdfs:subClassOf* C``, ``sh:targetSubjectsOf`` P as ``?this P []``, ...). The
shapes of its ``sh:property`` share them (a node shape's focus nodes are its value nodes); a
shape of ``sh:property`` of a *property* shape has the value nodes of that shape as focus
nodes, with context variables that keep pySHACL's multiplicity (a value node reached from two
focus nodes is validated, and reported, twice). Each set of focus nodes gives two queries:

- the **tests** query: each focus node once, with one boolean ``?okN`` per test of the focus
  node itself (the value-node constraints of a node shape; ``sh:minCount``, ``sh:maxCount``
  and ``sh:hasValue`` of its property shapes, as ``EXISTS``/``NOT EXISTS``), and only the
  rows where one is not true;
- the **branches** query: the focus nodes joined with a ``UNION`` of patterns that bind
  ``?this`` themselves: for each property shape, its value nodes with one boolean per
  value-node constraint (``sh:class``, ``sh:datatype``, ``sh:nodeKind``, ``sh:pattern``,
  ``sh:in``, ranges, lengths, ``sh:languageIn``, ``sh:node``, ``sh:or``, ``sh:and``,
  ``sh:xone``, ``sh:not``), and the pairs of ``sh:equals``, ``sh:disjoint``,
  ``sh:lessThan(OrEquals)`` and ``sh:closed``. ``?k`` tells the branch of a row. Oxigraph
  evaluates the branches apart and joins them with the focus nodes, computed once.

A property shape whose path can be empty (``p*``, ``p?``) has its own queries (its value nodes
must start from the focus nodes), and so have ``sh:uniqueLang`` and counts above 4 (GROUP BY).

A shape used inside ``sh:node``, ``sh:or``, ``sh:and``, ``sh:xone`` or ``sh:not`` becomes a
SPARQL boolean expression, "does ?x conform" (:meth:`Compiler.conforms`): the conjunction of its
constraints, each a test or an ``EXISTS``/``NOT EXISTS`` pattern. It follows pySHACL run with
``allow_warnings=True``: a deactivated shape, or one of severity ``sh:Warning``/``sh:Info``,
conforms; ``sh:node`` asks that the node shape yield no result at all.

Every test is *total* (it never raises a SPARQL error) and exact: where the SPARQL operators
agree with pySHACL (canonical numbers and dates, plain strings, IRIs, regular expressions that
mean the same to Rust and Python on the string at hand) the test is SPARQL; every other value is
passed to a custom function of :mod:`itukg.shacl.semantics`, which runs pySHACL's own test on the
rdflib term. Whatever the compiler does not cover raises :class:`Unsupported`, and the engine
leaves that shape to pySHACL.
"""

from __future__ import annotations

import abc
import datetime
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode

from itukg.shacl import semantics
from itukg.shacl.semantics import Functions
from itukg.shacl.shapes import (
    RDF,
    RDFS,
    SH,
    SH_INFO,
    SH_WARNING,
    XSD,
    Shape,
    ShapesGraph,
    Unsupported,
    sh,
    sparql_path,
    sparql_term,
    text_of,
    truth,
    unique,
)
from itukg.terms import Term

TYPE_PATH = f"<{RDF}type>/<{RDFS}subClassOf>*"
ERROR = '"error"'
"""What a test yields instead of a boolean if it failed to evaluate (never, if all is well)."""

#: The parameters of pySHACL's constraint components that are not compiled.
NOT_COMPILED = {
    sh("qualifiedValueShape"): "sh:qualifiedValueShape",
    sh("qualifiedMinCount"): "sh:qualifiedValueShape",
    sh("qualifiedMaxCount"): "sh:qualifiedValueShape",
    sh("qualifiedValueShapesDisjoint"): "sh:qualifiedValueShape",
    sh("sparql"): "SHACL-SPARQL (sh:sparql)",
}

_NUMBER = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)"
_YEAR = "([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
#: Lexical forms that rdflib surely parses as the given datatype (anything else goes to Python).
FAST_LEXICAL = {
    XSD + "integer": r"^[+-]?[0-9]+$",
    XSD + "decimal": f"^{_NUMBER}$",
    XSD + "double": f"^({_NUMBER}([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$",
    XSD + "float": f"^({_NUMBER}([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$",
    XSD + "boolean": "^(true|false)$",
    XSD + "date": f"^{_YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
}
EXACT_NUMBERS = (XSD + "integer", XSD + "decimal")
#: The datatypes pySHACL takes for a string length (``XSD_WHOLE_INTEGERS``).
WHOLE_NUMBERS = (
    "integer",
    "nonNegativeInteger",
    "positiveInteger",
    "nonPositiveInteger",
    "negativeInteger",
    "long",
    "int",
    "short",
    "byte",
    "unsignedLong",
    "unsignedInt",
    "unsignedShort",
    "unsignedByte",
)
RANGE_OPERATORS = {
    "minExclusive": ">",
    "minInclusive": ">=",
    "maxExclusive": "<",
    "maxInclusive": "<=",
}
NODE_KINDS = {
    "IRI": ("isIRI",),
    "BlankNode": ("isBlank",),
    "Literal": ("isLiteral",),
    "BlankNodeOrIRI": ("isBlank", "isIRI"),
    "BlankNodeOrLiteral": ("isBlank", "isLiteral"),
    "IRIOrLiteral": ("isIRI", "isLiteral"),
}


def string(text: str) -> str:
    """Return *text* as a SPARQL string literal."""
    return str(Literal(text))


def datatype_is(var: str, *datatypes: str) -> str:
    """Return the test: *var* is a literal of one of *datatypes* (never an error)."""
    alternatives = " || ".join(f"sameTerm(DATATYPE({var}), <{d}>)" for d in datatypes)
    return f"(isLiteral({var}) && ({alternatives}))"


def fast_lexical(var: str, datatype: str) -> str:
    """Return the test: *var* (a literal of *datatype*) has a form rdflib surely accepts."""
    test = f"REGEX(STR({var}), {string(FAST_LEXICAL[datatype])})"
    if datatype == XSD + "date":
        test = f"({test} && COALESCE(DAY({var}) > 0, false))"
    return test


def is_plain_string(var: str) -> str:
    """Return the test: *var* is an IRI, or a literal whose pySHACL string is its lexical form."""
    string = f"sameTerm(DATATYPE({var}), <{XSD}string>)"
    return f"(isIRI({var}) || (isLiteral({var}) && (LANG({var}) != '' || {string})))"


# ----------------------------------------------------------------------------- focus nodes


class Focus(abc.ABC):
    """Where the focus nodes of a shape come from, as a pattern that binds a variable."""

    ctx: tuple[str, ...] = ()
    """Context variables that the pattern binds too: they keep pySHACL's multiplicity."""

    @abc.abstractmethod
    def pattern(self, var: str) -> str:
        """Return a group pattern binding *var* (and :attr:`ctx`) to the focus nodes."""


@dataclass
class TargetFocus(Focus):
    """The focus nodes of a shape with targets: each node once."""

    branches: list[str]
    """Patterns binding ``?this`` (renamed to the variable asked for)."""

    def pattern(self, var: str) -> str:
        """Return the union of the target patterns, without duplicates."""
        union = " UNION ".join(f"{{ {b} }}" for b in self.branches).replace("?this", var)
        return f"{{ SELECT DISTINCT {var} WHERE {{ {union} }} }}"


@dataclass
class ValueFocus(Focus):
    """The focus nodes of a shape of ``sh:property`` of a property shape: its value nodes.

    The parent's focus node stays in a context variable: a value node reached from two focus
    nodes is a focus node twice, as in pySHACL.
    """

    parent: Focus
    parent_shape: Shape
    compiler: Compiler = field(repr=False)
    ctx: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        """Add the context variable for the parent's focus node."""
        self.ctx = (*self.parent.ctx, self.compiler.fresh("ctx"))

    def pattern(self, var: str) -> str:
        """Return the parent's value nodes at each of the parent's focus nodes."""
        parent = self.ctx[-1]
        inner = self.compiler.values(self.parent_shape, self.parent, var, this=parent)
        variables = " ".join([*self.ctx, var])
        return f"{{ SELECT DISTINCT {variables} WHERE {{ {inner} }} }}"


# ----------------------------------------------------------------------------- constraints


@dataclass
class Constraint(abc.ABC):
    """One value of one parameter of a shape: what pySHACL reports on, one result each."""

    shape: Shape
    component: NamedNode
    """The SHACL constraint component (``sh:ClassConstraintComponent``, ...)."""

    @abc.abstractmethod
    def holds(self, compiler: Compiler, var: str, strict: bool) -> str:
        """Return a SPARQL boolean: the constraint holds at focus node *var*."""


@dataclass
class ValueConstraint(Constraint):
    """A constraint that tests each value node on its own."""

    test: Callable[[str], str] = field(repr=False, default=lambda var: "true")
    """Return a total SPARQL boolean: the value node in the variable passes."""

    def holds(self, compiler: Compiler, var: str, strict: bool) -> str:
        """Return the test: all value nodes pass."""
        if not self.shape.is_property:
            return self.test(var)
        value = compiler.fresh("v")
        where = compiler.values(self.shape, var, value)
        return f"NOT EXISTS {{ {where} FILTER(!{self.test(value)}) }}"


@dataclass
class FocusConstraint(Constraint):
    """A constraint on the value nodes of a focus node together (counts, pairs, ...).

    Its results come from one of three forms: *check* alone (a result per focus node where
    it is false: counts, ``sh:hasValue``), *rows* (a pattern binding ``?this``, ``?value``
    and maybe ``?path``, given the name of an ``ok`` variable for the pairs whose test could
    not run), or *grouped* (the WHERE and GROUP BY of a query over a :class:`Focus`).
    """

    check: Callable[[Compiler, str], str] = field(repr=False, default=lambda c, v: "true")
    rows: Callable[[Compiler, str], list[str]] | None = field(repr=False, default=None)
    grouped: Callable[[Compiler, Focus], str] | None = field(repr=False, default=None)
    has_value: bool = False
    """True when its results have a value (``?value``)."""
    has_path: bool = False
    """True when its results have their own path (``?path``: ``sh:closed``)."""
    has_ok: bool = False
    """True when *rows* binds the ok variable (error detection of the pair tests)."""

    def holds(self, compiler: Compiler, var: str, strict: bool) -> str:
        """Return :attr:`check` at *var*."""
        return self.check(compiler, var)


@dataclass
class PropertyConstraint(Constraint):
    """``sh:property``: each value node conforms to the property shapes; their results count."""

    shapes: list[Shape] = field(default_factory=list)

    def holds(self, compiler: Compiler, var: str, strict: bool) -> str:
        """Return the test: each value node conforms to each property shape (strictly)."""
        if not self.shape.is_property:
            return compiler.all_of([compiler.conforms(p, var, strict) for p in self.shapes])
        value = compiler.fresh("v")
        tests = compiler.all_of([compiler.conforms(p, value, strict) for p in self.shapes])
        return f"NOT EXISTS {{ {compiler.values(self.shape, var, value)} FILTER(!{tests}) }}"


# ----------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class Check:
    """What a result of a query is: the shape and constraint, and where its value is."""

    shape: Shape
    constraint: Constraint
    value: str | None = None
    """The variable that holds the result's value (None: the result has no value)."""
    path: str | None = None
    """The variable that holds the result's path (None: the shape's ``sh:path``)."""
    ok: str | None = None
    """The variable that holds the test (a result where it is not true); None: every row."""


@dataclass
class Query:
    """A compiled SELECT: each row has ``?this`` and ``?k``, the number of its branch.

    A row of branch k is a result of each check of ``branches[k]`` whose ``ok`` variable is
    not true (or that has none).
    """

    text: str
    branches: dict[int, list[Check]]
    ctx: tuple[str, ...] = ()


@dataclass
class Group:
    """What is asked at one set of focus nodes, in two queries: tests, and branches."""

    focus: Focus
    tests: list[tuple[Check, str]] = field(default_factory=list)
    """Checks of each focus node on its own, with their test of ``?this``."""
    branches: list[tuple[list[Check], str]] = field(default_factory=list)
    """Patterns that bind ``?this`` by themselves, with the checks of their rows."""


# ----------------------------------------------------------------------------- the compiler


class Compiler:
    """Compile the shapes of a :class:`ShapesGraph` into :class:`Query` objects."""

    def __init__(
        self, graph: ShapesGraph, functions: Functions, regex_ok: Callable[[str, str], bool]
    ):
        """Compile from *graph*, registering custom functions in *functions*.

        *regex_ok(pattern, flags)* tells whether Oxigraph's REGEX accepts a pattern.
        """
        self.graph = graph
        self.functions = functions
        self.regex_ok = regex_ok
        self._counter = itertools.count()
        self._constraints: dict[Term, list[Constraint]] = {}
        self._stack: list[Term] = []

    def fresh(self, stem: str) -> str:
        """Return a new variable name."""
        return f"?_{stem}{next(self._counter)}"

    # ------------------------------------------------------------------------- top level

    def compile(self, shape: Shape) -> list[Query]:
        """Return the queries that find every result of a shape with targets."""
        groups: dict[int, Group] = {}
        others: list[Query] = []
        self._collect(shape, self.target_focus(shape), (), groups, others)
        queries = []
        for group in groups.values():
            if group.tests:
                queries.append(self._tests_query(group))
            if group.branches:
                queries.append(self._branches_query(group))
        return queries + others

    def target_focus(self, shape: Shape) -> TargetFocus:
        """Return the focus nodes of *shape*'s targets."""
        targets = shape.targets()
        branches = []
        nodes = []
        for node in targets.nodes:
            if isinstance(node, BlankNode):
                raise Unsupported("a blank node as sh:targetNode")
            nodes.append(sparql_term(node))
        if nodes:
            branches.append(f"VALUES ?this {{ {' '.join(unique_text(nodes))} }}")
        for kind, template in (
            ("classes", "?this " + TYPE_PATH + " {} ."),
            ("subjects_of", "?this {} [] ."),
            ("objects_of", "[] {} ?this ."),
        ):
            for value in getattr(targets, kind):
                if isinstance(value, NamedNode):
                    branches.append(template.format(value))
        if not branches:
            branches.append("FILTER(false)")
        return TargetFocus(branches)

    def _collect(
        self,
        shape: Shape,
        focus: Focus,
        chain: tuple[Term, ...],
        groups: dict[int, Group],
        others: list[Query],
    ) -> None:
        """Gather what *shape* asks at *focus*: in the group of that focus, or in *others*."""
        if shape.deactivated:
            return
        if shape.node in chain:
            raise Unsupported("recursive shapes")
        group = groups.setdefault(id(focus), Group(focus))
        # A pattern that binds ?this by itself (through a path that cannot be empty) is a
        # branch: evaluated apart, then joined with the focus nodes. Otherwise ?this must
        # come from the focus nodes first, in a query of its own.
        branch = shape.is_property and not shape.path().nullable
        tests: list[tuple[Check, str]] = []
        for constraint in self.constraints(shape):
            if isinstance(constraint, ValueConstraint) and shape.is_property:
                check = Check(shape, constraint, "?value", ok=f"?ok{len(tests)}")
                tests.append((check, constraint.test("?value")))
            elif isinstance(constraint, ValueConstraint):
                group.tests.append((Check(shape, constraint, "?this"), constraint.test("?this")))
            elif isinstance(constraint, FocusConstraint) and constraint.grouped is not None:
                others.append(self._grouped_query(shape, focus, constraint))
            elif isinstance(constraint, FocusConstraint) and constraint.rows is None:
                group.tests.append((Check(shape, constraint), constraint.check(self, "?this")))
            elif isinstance(constraint, FocusConstraint):
                check = Check(
                    shape,
                    constraint,
                    "?value" if constraint.has_value else None,
                    "?path" if constraint.has_path else None,
                    "?ok0" if constraint.has_ok else None,
                )
                assert constraint.rows is not None
                for pattern in constraint.rows(self, "?ok0"):
                    if branch:
                        group.branches.append(([check], pattern))
                    else:
                        others.append(self._own_query(focus, [check], pattern))
            elif isinstance(constraint, PropertyConstraint):
                child = ValueFocus(focus, shape, self) if shape.is_property else focus
                for member in constraint.shapes:
                    self._collect(member, child, (*chain, shape.node), groups, others)
        if tests:
            binds = " ".join(f"BIND(COALESCE({t}, {ERROR}) AS {c.ok})" for c, t in tests)
            filtered = (
                f"{binds} FILTER({' || '.join(f'!sameTerm({c.ok}, true)' for c, _ in tests)})"
            )
            checks = [check for check, _ in tests]
            if branch:
                values = self.values(shape, "?this", "?value", distinct=True)
                group.branches.append((checks, f"{values} {filtered}"))
            else:
                values = self.values(shape, focus, "?value", this="?this")
                others.append(self._own_query(focus, checks, filtered, values))

    @staticmethod
    def _select(focus: Focus, *variables: str) -> str:
        return "SELECT " + " ".join([*focus.ctx, "?this", *variables])

    def _tests_query(self, group: Group) -> Query:
        """Return the query of the tests at the focus nodes: one row per failing node."""
        oks = [f"?ok{i}" for i in range(len(group.tests))]
        binds = " ".join(
            f"BIND(COALESCE({test}, {ERROR}) AS {ok})"
            for ok, (_, test) in zip(oks, group.tests, strict=True)
        )
        failed = " || ".join(f"!sameTerm({ok}, true)" for ok in oks)
        where = f"{group.focus.pattern('?this')} BIND(0 AS ?k) {binds} FILTER({failed})"
        checks = [
            Check(check.shape, check.constraint, check.value, ok=ok)
            for ok, (check, _) in zip(oks, group.tests, strict=True)
        ]
        text = f"{self._select(group.focus, '?k', *oks)} WHERE {{ {where} }}"
        return Query(text, {0: checks}, group.focus.ctx)

    def _branches_query(self, group: Group) -> Query:
        """Return the query of the branches of a group, joined with its focus nodes once.

        Each branch binds its own ``?value``, ``?path`` and ``?okN``, and ``?k`` says which
        branch a row comes from.
        """
        width = max(len(checks) for checks, _ in group.branches)
        oks = [f"?ok{i}" for i in range(width)]
        union = " UNION ".join(
            f"{{ {pattern} BIND({k} AS ?k) }}"
            for k, (_, pattern) in enumerate(group.branches, start=1)
        )
        branches = {k: checks for k, (checks, _) in enumerate(group.branches, start=1)}
        select = self._select(group.focus, "?k", "?value", "?path", *oks)
        text = f"{select} WHERE {{ {group.focus.pattern('?this')} {union} }}"
        return Query(text, branches, group.focus.ctx)

    def _own_query(self, focus: Focus, checks: list[Check], pattern: str, step: str = "") -> Query:
        """Return a query of its own: the focus nodes (or *step*), then *pattern*."""
        oks = [c.ok for c in checks if c.ok]
        where = f"{step or focus.pattern('?this')} {pattern} BIND(0 AS ?k)"
        text = f"{self._select(focus, '?k', '?value', '?path', *oks)} WHERE {{ {where} }}"
        return Query(text, {0: checks}, focus.ctx)

    def _grouped_query(self, shape: Shape, focus: Focus, constraint: FocusConstraint) -> Query:
        """Return a query of its own with GROUP BY: each row is a result, without value."""
        assert constraint.grouped is not None
        text = f"{self._select(focus, '(0 AS ?k)')} WHERE {constraint.grouped(self, focus)}"
        return Query(text, {0: [Check(shape, constraint)]}, focus.ctx)

    def values(
        self,
        shape: Shape,
        focus: Focus | str,
        value: str,
        this: str | None = None,
        distinct: bool = False,
    ) -> str:
        """Return a pattern binding *value* to the value nodes of *shape*.

        *focus* is a :class:`Focus` (whose pattern binds *this*) or a variable: bound (in
        ``EXISTS``), or bound by the pattern itself (a branch, with *distinct* to have each
        pair of focus and value node once). A path that can be empty (``p*``, ``p?``) also
        gives the focus node itself, in the graph or not (as pySHACL does, where SPARQL's
        zero-length paths only give the nodes of the graph).
        """
        ctx: tuple[str, ...] = ()
        if isinstance(focus, str):
            this, head = focus, ""
        else:
            assert this is not None
            head, ctx = focus.pattern(this), focus.ctx
        if not shape.is_property:
            return f"{head} BIND({this} AS {value})"
        path = shape.path()
        step = f"{this} {sparql_path(path)} {value} ."
        if path.nullable:
            step = f"{{ {head} BIND({this} AS {value}) }} UNION {{ {head} {step} }}"
            if not (head or distinct):
                return step
            head = ""
        elif path.is_predicate or not (head or distinct):
            return f"{head} {step}"
        variables = " ".join([*ctx, this, value])
        return f"{{ SELECT DISTINCT {variables} WHERE {{ {head} {step} }} }}"

    # ------------------------------------------------------------------------- conformance

    def conforms(self, shape: Shape, var: str, strict: bool = False) -> str:
        """Return a SPARQL boolean: the node in *var* conforms to *shape*, as pySHACL judges.

        Not *strict* (``sh:or``, ``sh:and``, ``sh:xone``, ``sh:not``): pySHACL's conformance,
        where a shape of severity ``sh:Warning`` or ``sh:Info`` conforms whatever its results.
        *strict* (``sh:node``): the shape yields no result at all.
        """
        if shape.deactivated:
            return "true"
        if not strict and shape.severity in (SH_INFO, SH_WARNING):
            return "true"
        if shape.node in self._stack:
            raise Unsupported("recursive shapes")
        self._stack.append(shape.node)
        try:
            parts = [c.holds(self, var, strict) for c in self.constraints(shape)]
        finally:
            self._stack.pop()
        return self.all_of(parts)

    @staticmethod
    def all_of(parts: Sequence[str]) -> str:
        """Return the conjunction of SPARQL booleans."""
        if not parts:
            return "true"
        return parts[0] if len(parts) == 1 else "(" + " && ".join(parts) + ")"

    # ------------------------------------------------------------------------- constraints

    def constraints(self, shape: Shape) -> list[Constraint]:
        """Return the constraints of *shape*, in pySHACL's terms; raise Unsupported."""
        found = self._constraints.get(shape.node)
        if found is None:
            found = self._constraints[shape.node] = self._read_constraints(shape)
        return found

    def _read_constraints(self, shape: Shape) -> list[Constraint]:
        predicates = [
            p
            for p in unique(
                q.predicate for q in self.graph.store.quads_for_pattern(shape.node, None, None)
            )
            if isinstance(p, NamedNode) and p.value.startswith(SH)
        ]
        for predicate in predicates:
            qualified = NOT_COMPILED.get(predicate) == "sh:qualifiedValueShape"
            if qualified and not shape.is_property:
                continue  # pySHACL ignores it on a node shape (with a warning)
            if predicate in NOT_COMPILED:
                raise Unsupported(f"{NOT_COMPILED[predicate]} is not compiled")
        _ = shape.severity  # two severities raise Unsupported
        names = {p.value.removeprefix(SH) for p in predicates}
        constraints: list[Constraint] = []
        for parameters, builder in BUILDERS:
            if names.intersection(parameters):
                constraints.extend(builder(self, shape))
        return constraints


def unique_text(values: list[str]) -> list[str]:
    """Return *values* without duplicates, in order."""
    return list(dict.fromkeys(values))


# ----------------------------------------------------------------------------- builders
#
# One function per constraint component (in pySHACL's order of components, which is also the
# order in which they are reported): it reads the parameters of a shape and returns its
# constraints, or raises Unsupported where pySHACL would refuse the parameters.


def component(name: str) -> NamedNode:
    """Return the IRI of a SHACL constraint component."""
    return sh(f"{name}ConstraintComponent")


def _values(shape: Shape, name: str) -> list[Term]:
    return shape.objects(sh(name))


def _single(shape: Shape, name: str) -> Term:
    values = _values(shape, name)
    if len(values) != 1:
        raise Unsupported(f"sh:{name} needs exactly one value")
    return values[0]


def _integer(value: Term, name: str, whole: tuple[str, ...] = (XSD + "integer",)) -> int:
    if not isinstance(value, Literal) or value.datatype.value not in whole:
        raise Unsupported(f"sh:{name} is not an integer")
    try:
        number = int(value.value)
    except ValueError:
        raise Unsupported(f"sh:{name} is not an integer") from None
    if number < 0:
        raise Unsupported(f"sh:{name} is negative")
    return number


def build_class(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:class``: each value node is an instance (rdf:type/rdfs:subClassOf*)."""
    result: list[Constraint] = []
    for value in _values(shape, "class"):

        def test(var: str, value: Term = value) -> str:
            if not isinstance(value, NamedNode):
                return "false"
            return f"EXISTS {{ {var} {TYPE_PATH} {value} }}"

        result.append(ValueConstraint(shape, component("Class"), test))
    return result


def build_datatype(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:datatype``: each value node is a literal of the datatype (well-typed, for rdflib)."""
    datatype = _single(shape, "datatype")
    functions = compiler.functions

    def test(var: str) -> str:
        if not isinstance(datatype, NamedNode):
            return "false"
        iri = datatype.value
        if iri == RDF + "langString":
            return f"(isLiteral({var}) && LANG({var}) != '')"
        if iri == XSD + "string":
            return datatype_is(var, iri)
        if iri == RDFS + "Literal":
            return f"isLiteral({var})"
        if iri == RDFS + "Datatype":
            return f"(isLiteral({var}) && LANG({var}) = '' && !{datatype_is(var, XSD + 'string')})"
        if semantics.always_well_typed(iri):
            return datatype_is(var, iri)
        check = f"{functions.datatype(iri)}({var})"
        if iri in FAST_LEXICAL:
            check = f"IF({fast_lexical(var, iri)}, true, {check})"
        return f"({datatype_is(var, iri)} && {check})"

    return [ValueConstraint(shape, component("Datatype"), test)]


def build_node_kind(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:nodeKind``: each value node is of the kind."""
    kind = _single(shape, "nodeKind")
    name = kind.value.removeprefix(sh("").value) if isinstance(kind, NamedNode) else ""
    tests = NODE_KINDS.get(name, ())

    def test(var: str) -> str:
        if not tests:
            return "false"
        return "(" + " || ".join(f"{t}({var})" for t in tests) + ")"

    return [ValueConstraint(shape, component("NodeKind"), test)]


def build_min_count(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:minCount``: at least n value nodes."""
    return _count(compiler, shape, "minCount")


def build_max_count(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:maxCount``: at most n value nodes."""
    return _count(compiler, shape, "maxCount")


def _count(compiler: Compiler, shape: Shape, name: str) -> list[Constraint]:
    if not shape.is_property:
        raise Unsupported(f"sh:{name} on a node shape")
    limit = _integer(_single(shape, name), name)
    at_least = name == "minCount"
    if at_least and limit == 0:
        return []
    size = limit if at_least else limit + 1
    """How many distinct values the check looks for; beyond 4, a query with GROUP BY."""

    def grouped(c: Compiler, focus: Focus) -> str:
        group = " ".join([*focus.ctx, "?this"])
        if at_least:
            step = c.values(shape, "?this", "?_value")
            return (
                f"{{ {focus.pattern('?this')} OPTIONAL {{ {step} }} }} "
                f"GROUP BY {group} HAVING (COUNT(DISTINCT ?_value) < {limit})"
            )
        values = c.values(shape, focus, "?_value", this="?this")
        return f"{{ {values} }} GROUP BY {group} HAVING (COUNT(DISTINCT ?_value) > {limit})"

    def check(c: Compiler, var: str) -> str:
        if size > 4:
            raise Unsupported(f"sh:{name} {limit} in a nested shape")
        names = [c.fresh("v") for _ in range(size)]
        steps = " ".join(c.values(shape, var, v) for v in names)
        distinct = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(names, 2)]
        where = f"{steps} FILTER({' && '.join(distinct)})" if distinct else steps
        return f"{'' if at_least else 'NOT '}EXISTS {{ {where} }}"

    title = name[0].upper() + name[1:]
    grouping = grouped if size > 4 else None
    return [FocusConstraint(shape, component(title), check, grouped=grouping)]


def build_ranges(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:minExclusive``, ``sh:minInclusive``, ``sh:maxExclusive``, ``sh:maxInclusive``."""
    result: list[Constraint] = []
    for name, operator in RANGE_OPERATORS.items():
        for bound in _values(shape, name):
            if not isinstance(bound, Literal):
                raise Unsupported(f"sh:{name} is not a literal")
            result.append(
                ValueConstraint(
                    shape,
                    component(name[0].upper() + name[1:]),
                    _range_test(compiler.functions, name, operator, bound),
                )
            )
    return result


def _kind_of_bound(bound: Literal) -> str | None:
    """Classify a range bound: which values SPARQL compares with it as pySHACL does."""
    datatype = bound.datatype.value
    if datatype in FAST_LEXICAL and not re.fullmatch(FAST_LEXICAL[datatype], bound.value):
        return None
    if datatype in EXACT_NUMBERS:
        small = datatype == XSD + "integer" and abs(int(bound.value)) < 2**53
        return "small integer" if small else "number"
    if datatype == XSD + "double" and bound.value != "NaN":
        return "double"
    if datatype == XSD + "date":
        try:
            datetime.date.fromisoformat(bound.value)
        except ValueError:
            return None
        return "date"
    return None


def _range_test(
    functions: Functions, name: str, operator: str, bound: Literal
) -> Callable[[str], str]:
    kind = _kind_of_bound(bound)
    fallback = functions.range(name, bound)

    def test(var: str) -> str:
        cases = []
        if kind in ("number", "small integer"):
            cases.append(f"({datatype_is(var, *EXACT_NUMBERS)} && isNumeric({var}))")
        if kind in ("double", "small integer"):
            double = datatype_is(var, XSD + "double")
            cases.append(f"({double} && isNumeric({var}) && {var} = {var})")
        if kind == "date":
            cases.append(f"({datatype_is(var, XSD + 'date')} && {fast_lexical(var, XSD + 'date')})")
        python = f"{fallback}({var})"
        if not cases:
            return python
        return f"IF({' || '.join(cases)}, {var} {operator} {bound}, {python})"

    return test


def build_logical(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:not``, ``sh:and``, ``sh:or``, ``sh:xone``: the value node's conformance."""
    graph = compiler.graph
    result: list[Constraint] = []
    for value in _values(shape, "not"):
        result.append(
            ValueConstraint(shape, component("Not"), _not_test(compiler, graph.shape(value)))
        )
    for name in ("and", "or", "xone"):
        for head in _values(shape, name):
            items = graph.items(head)
            if not items:
                raise Unsupported(f"sh:{name} is not a list of shapes")
            members = [graph.shape(i) for i in (items if name == "xone" else unique(items))]
            result.append(
                ValueConstraint(
                    shape, component(name.capitalize()), _logical_test(compiler, name, members)
                )
            )
    return result


def _not_test(compiler: Compiler, member: Shape) -> Callable[[str], str]:
    def test(var: str) -> str:
        return f"!{compiler.conforms(member, var)}"

    return test


def _logical_test(compiler: Compiler, name: str, members: list[Shape]) -> Callable[[str], str]:
    def test(var: str) -> str:
        tests = [compiler.conforms(m, var) for m in members]
        if name == "and":
            return compiler.all_of(tests)
        if name == "or":
            return "(" + " || ".join(tests) + ")"
        return "((" + " + ".join(f"IF({t}, 1, 0)" for t in tests) + ") = 1)"

    return test


def build_lengths(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:minLength``, ``sh:maxLength``: the length of the value's string."""
    result: list[Constraint] = []
    whole = tuple(XSD + name for name in WHOLE_NUMBERS)
    for name in ("minLength", "maxLength"):
        if not _values(shape, name):
            continue
        limit = _integer(_single(shape, name), name, whole)
        at_least = name == "minLength"
        python = compiler.functions.length(limit, at_least)
        operator = ">=" if at_least else "<="

        def test(
            var: str, limit: int = limit, operator: str = operator, python: str = python
        ) -> str:
            if operator == ">=" and limit == 0:
                return "true"
            return (
                f"IF(isBlank({var}), false, IF({is_plain_string(var)}, "
                f"STRLEN(STR({var})) {operator} {limit}, {python}({var})))"
            )

        result.append(ValueConstraint(shape, component(name[0].upper() + name[1:]), test))
    return result


def build_pattern(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:pattern`` (with ``sh:flags`` i and m, as pySHACL reads them)."""
    patterns = [p for p in _values(shape, "pattern") if isinstance(p, Literal)]
    if len(patterns) != len(_values(shape, "pattern")):
        raise Unsupported("sh:pattern is not a literal")
    flags_values = _values(shape, "flags")
    if len(flags_values) > 1:
        raise Unsupported("two values of sh:flags")
    flags = text_of(flags_values[0]).lower() if flags_values else ""
    python_flags = (re.I if "i" in flags else 0) | (re.M if "m" in flags else 0)
    sparql_flags = ("i" if "i" in flags else "") + ("m" if "m" in flags else "")
    result: list[Constraint] = []
    for pattern in patterns:
        text = pattern.value
        try:
            compiled = re.compile(text, python_flags)
        except re.error:
            raise Unsupported("sh:pattern is not a Python regular expression") from None
        python = compiler.functions.pattern(compiled)
        translated = rust_pattern(text, multiline="m" in sparql_flags)
        if translated is not None and not compiler.regex_ok(translated[0], sparql_flags):
            translated = None

        def test(
            var: str, python: str = python, translated: tuple[str, bool] | None = translated
        ) -> str:
            if translated is None:
                return f"{python}({var})"
            rust, ascii_only = translated
            simple = is_plain_string(var)
            if ascii_only:
                simple = f"({simple} && REGEX(STR({var}), '^[\\\\t\\\\n\\\\r -~]*$'))"
            regex = f"REGEX(STR({var}), {string(rust)}, {string(sparql_flags)})"
            return f"IF(isBlank({var}), false, IF({simple}, {regex}, {python}({var})))"

        result.append(ValueConstraint(shape, component("Pattern"), test))
    return result


#: Escapes that mean the same to Python's re and Rust's regex (letters: on ASCII text only).
_SAME_ESCAPES = set(".^$*+?()[]{}|\\/-#&~ :=!,'\"%@;`_")
_ASCII_ESCAPES = set("sSwWdDbB")
_PLAIN_ESCAPES = set("ntrf")


def rust_pattern(pattern: str, multiline: bool) -> tuple[str, bool] | None:
    r"""Translate a Python pattern into a Rust one that matches the same strings, if simple.

    Return the pattern and whether it is only safe on ASCII text (``\s``, ``\w``, ``\d``,
    ``\b`` and case folding differ on the rest), or None: pySHACL's test runs in Python.
    Python's ``$`` (without ``m``) also matches before a final newline: it becomes ``\n?$``.
    """
    out = []
    ascii_only = False
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            if i + 1 >= len(pattern):
                return None
            escaped = pattern[i + 1]
            if escaped in _ASCII_ESCAPES:
                if escaped in "bB" and pattern[i + 2 : i + 3] == "{":
                    return None
                ascii_only = True
            elif escaped not in _SAME_ESCAPES and escaped not in _PLAIN_ESCAPES:
                return None
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if char == "[" or pattern[i : i + 2] in ("&&", "--", "~~"):
                return None
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                out.append("[^")
                i += 2
                if pattern[i : i + 1] == "]":
                    out.append("\\]")
                    i += 1
                continue
            if pattern[i + 1 : i + 2] == "]":
                out.append("[\\]")
                i += 2
                continue
        elif pattern[i : i + 2] == "{," or (
            pattern[i : i + 2] == "(?" and pattern[i + 2 : i + 3] != ":"
        ):
            return None
        elif char == "$" and not multiline:
            if pattern[i + 1 : i + 2] not in ("", ")", "|"):
                return None
            out.append("\\n?$")
            i += 1
            continue
        if ord(char) > 0x7E:
            ascii_only = True
        out.append(char)
        i += 1
    if in_class:
        return None
    return "".join(out), ascii_only


def build_language_in(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:languageIn``: the language tag, or its first part, is one of the list."""
    head = _single(shape, "languageIn")
    languages = []
    for item in compiler.graph.items(head):
        if not isinstance(item, Literal) or item.datatype.value != XSD + "string":
            raise Unsupported("sh:languageIn holds something other than strings")
        languages.append(item.value.lower())
    wildcard = "*" in languages
    listed = ", ".join(string(language) for language in unique_text(languages))

    def test(var: str) -> str:
        if wildcard:
            return f"(isLiteral({var}) && LANG({var}) != '')"
        lang = f"LCASE(LANG({var}))"
        first = f"LCASE(STRBEFORE(CONCAT(LANG({var}), '-'), '-'))"
        listed_in = f"({lang} IN ({listed}) || {first} IN ({listed}))"
        return f"(isLiteral({var}) && LANG({var}) != '' && {listed_in})"

    return [ValueConstraint(shape, component("LanguageIn"), test)]


def build_unique_lang(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:uniqueLang true``: no two value nodes share a language tag (one result per tag)."""
    if not shape.is_property:
        raise Unsupported("sh:uniqueLang on a node shape")
    value = _single(shape, "uniqueLang")
    if not isinstance(value, Literal) or value.datatype.value != XSD + "boolean":
        raise Unsupported("sh:uniqueLang is not a boolean")
    if value.value != "true":
        return []
    tagged = "FILTER(isLiteral(?_value) && LANG(?_value) != '') BIND(LCASE(LANG(?_value)) AS ?_l)"

    def grouped(c: Compiler, focus: Focus) -> str:
        values = c.values(shape, focus, "?_value", this="?this")
        group = " ".join([*focus.ctx, "?this", "?_l"])
        return f"{{ {values} {tagged} }} GROUP BY {group} HAVING (COUNT(DISTINCT ?_value) > 1)"

    def check(c: Compiler, var: str) -> str:
        a, b = c.fresh("v"), c.fresh("v")
        same = (
            f"isLiteral({a}) && isLiteral({b}) && !sameTerm({a}, {b}) && LANG({a}) != '' && "
            f"LCASE(LANG({a})) = LCASE(LANG({b}))"
        )
        where = f"{c.values(shape, var, a)} {c.values(shape, var, b)}"
        return f"NOT EXISTS {{ {where} FILTER({same}) }}"

    return [FocusConstraint(shape, component("UniqueLang"), check, grouped=grouped)]


def build_pairs(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:equals``, ``sh:disjoint``, ``sh:lessThan``, ``sh:lessThanOrEquals``."""
    result: list[Constraint] = []
    for other in unique(_values(shape, "equals")):
        result.append(_equals(shape, other))
    for other in unique(_values(shape, "disjoint")):
        result.append(_disjoint(shape, other))
    for name in ("lessThan", "lessThanOrEquals"):
        others = unique(_values(shape, name))
        if others and not shape.is_property:
            raise Unsupported(f"sh:{name} on a node shape")
        for other in others:
            if not isinstance(other, NamedNode):
                raise Unsupported(f"sh:{name} is not an IRI")
            result.append(_ordered(compiler, shape, name, other))
    return result


def _own_values(c: Compiler, shape: Shape) -> str:
    """Return the value nodes of *shape*, in a pattern that binds ``?this`` if it can."""
    if not shape.is_property:
        return "BIND(?this AS ?value)"
    return c.values(shape, "?this", "?value", distinct=True)


def _equals(shape: Shape, other: Term) -> Constraint:
    def rows(c: Compiler, ok: str) -> list[str]:
        values = _own_values(c, shape)
        if not isinstance(other, NamedNode):
            return [values]
        missing = f"{values} FILTER NOT EXISTS {{ ?this {other} ?value }}"
        if not shape.is_property:
            return [missing, f"?this {other} ?value . FILTER(!sameTerm(?this, ?value))"]
        own = c.values(shape, "?this", "?value")
        return [missing, f"?this {other} ?value . FILTER NOT EXISTS {{ {own} }}"]

    def check(c: Compiler, var: str) -> str:
        a = c.fresh("v")
        if not isinstance(other, NamedNode):
            return f"NOT EXISTS {{ {c.values(shape, var, a)} }}"
        own = c.values(shape, var, a)
        return (
            f"(NOT EXISTS {{ {own} FILTER NOT EXISTS {{ {var} {other} {a} }} }} && "
            f"NOT EXISTS {{ {var} {other} {a} FILTER NOT EXISTS {{ {own} }} }})"
        )

    return FocusConstraint(shape, component("Equals"), check, rows, has_value=True)


def _disjoint(shape: Shape, other: Term) -> Constraint:
    def rows(c: Compiler, ok: str) -> list[str]:
        if not isinstance(other, NamedNode):
            return []
        return [f"{_own_values(c, shape)} ?this {other} ?value ."]

    def check(c: Compiler, var: str) -> str:
        if not isinstance(other, NamedNode):
            return "true"
        a = c.fresh("v")
        return f"NOT EXISTS {{ {c.values(shape, var, a)} {var} {other} {a} . }}"

    return FocusConstraint(shape, component("Disjoint"), check, rows, has_value=True)


def _ordered(compiler: Compiler, shape: Shape, name: str, other: NamedNode) -> Constraint:
    strict = name == "lessThan"
    operator = "<" if strict else "<="
    python = compiler.functions.ordered(strict)
    numbers, double, date = EXACT_NUMBERS, XSD + "double", XSD + "date"

    def test(a: str, b: str) -> str:
        same_kind = " || ".join(
            [
                f"({datatype_is(a, *numbers)} && {datatype_is(b, *numbers)} && "
                f"isNumeric({a}) && isNumeric({b}))",
                f"({datatype_is(a, double)} && {datatype_is(b, double)} && isNumeric({a}) && "
                f"isNumeric({b}) && {a} = {a} && {b} = {b})",
                f"({datatype_is(a, date)} && {datatype_is(b, date)} && "
                f"{fast_lexical(a, date)} && {fast_lexical(b, date)})",
                f"({datatype_is(a, XSD + 'string')} && {datatype_is(b, XSD + 'string')})",
            ]
        )
        return f"IF({same_kind}, {a} {operator} {b}, {python}({a}, {b}))"

    def rows(c: Compiler, ok: str) -> list[str]:
        values = _own_values(c, shape)
        pair = f"COALESCE({test('?value', '?_other')}, {ERROR})"
        pairs = (
            f"{values} ?this {other} ?_other . BIND({pair} AS {ok}) FILTER(!sameTerm({ok}, true))"
        )
        blank = f"{values} FILTER(isBlank(?value)) BIND({ERROR} AS {ok})"
        return [pairs, blank]

    def check(c: Compiler, var: str) -> str:
        a, b = c.fresh("v"), c.fresh("v")
        pair = f"{c.values(shape, var, a)} {var} {other} {b} ."
        return f"NOT EXISTS {{ {pair} FILTER(!{test(a, b)}) }}"

    title = name[0].upper() + name[1:]
    return FocusConstraint(shape, component(title), check, rows, has_value=True, has_ok=True)


def build_node(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:node``: each value node yields no result against the node shape."""
    result: list[Constraint] = []
    for value in _values(shape, "node"):
        member = compiler.graph.shape(value)
        if member.is_property:
            raise Unsupported("sh:node names a property shape")

        def test(var: str, member: Shape = member) -> str:
            return compiler.conforms(member, var, strict=True)

        result.append(ValueConstraint(shape, component("Node"), test))
    return result


def build_property(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:property``: the property shapes, validated at each value node."""
    members = [compiler.graph.shape(v) for v in _values(shape, "property")]
    if any(not m.is_property for m in members):
        raise Unsupported("sh:property names a node shape")
    return [PropertyConstraint(shape, component("Property"), members)]


def build_closed(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:closed``: no triple of the value node has another predicate."""
    if not _values(shape, "closed"):
        raise Unsupported("sh:ignoredProperties without sh:closed")
    value = _single(shape, "closed")
    if not isinstance(value, Literal):
        raise Unsupported("sh:closed is not a literal")
    if not truth(value):
        return []
    allowed: list[Term] = []
    for head in _values(shape, "ignoredProperties"):
        allowed.extend(compiler.graph.items(head))
    for node in _values(shape, "property"):
        member = compiler.graph.shape(node)
        if not member.is_property:
            raise Unsupported("sh:property names a node shape")
        assert member.path_node is not None
        allowed.append(member.path_node)
    iris = unique_text([str(a) for a in allowed if isinstance(a, NamedNode)])

    def outside(p: str, o: str) -> str:
        tests = [f"!sameTerm({p}, {iri})" for iri in iris]
        tests.append(f"!(sameTerm({p}, <{RDF}type>) && sameTerm({o}, <{RDFS}Resource>))")
        return " && ".join(tests)

    def rows(c: Compiler, ok: str) -> list[str]:
        if shape.is_property:
            node = c.values(shape, "?this", "?_node", distinct=True)
        else:
            node = "BIND(?this AS ?_node)"
        return [f"{node} ?_node ?path ?value . FILTER({outside('?path', '?value')})"]

    def check(c: Compiler, var: str) -> str:
        node, p, o = c.fresh("v"), c.fresh("p"), c.fresh("o")
        triples = f"{c.values(shape, var, node)} {node} {p} {o} ."
        return f"NOT EXISTS {{ {triples} FILTER({outside(p, o)}) }}"

    closed = FocusConstraint(shape, component("Closed"), check, rows, has_value=True, has_path=True)
    return [closed]


def build_has_value(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:hasValue``: the term is among the value nodes (one result per missing term)."""
    result: list[Constraint] = []
    for value in unique(_values(shape, "hasValue")):

        def present(c: Compiler, var: str, value: Term = value) -> str:
            if isinstance(value, BlankNode):
                return "false"
            if not shape.is_property:
                return f"sameTerm({var}, {value})"
            return f"EXISTS {{ {var} {sparql_path(shape.path())} {value} }}"

        result.append(FocusConstraint(shape, component("HasValue"), present))
    return result


def build_in(compiler: Compiler, shape: Shape) -> list[Constraint]:
    """``sh:in``: each value node is one of the list."""
    head = _single(shape, "in")
    members = [m for m in unique(compiler.graph.items(head)) if not isinstance(m, BlankNode)]

    def test(var: str) -> str:
        if not members:
            return "false"
        return "(" + " || ".join(f"sameTerm({var}, {m})" for m in members) + ")"

    return [ValueConstraint(shape, component("In"), test)]


#: (parameters that call the builder, builder), in pySHACL's order of components.
BUILDERS: list[tuple[tuple[str, ...], Callable[[Compiler, Shape], list[Constraint]]]] = [
    (("class",), build_class),
    (("datatype",), build_datatype),
    (("nodeKind",), build_node_kind),
    (("minCount",), build_min_count),
    (("maxCount",), build_max_count),
    (tuple(RANGE_OPERATORS), build_ranges),
    (("not", "and", "or", "xone"), build_logical),
    (("minLength", "maxLength"), build_lengths),
    (("pattern",), build_pattern),
    (("languageIn",), build_language_in),
    (("uniqueLang",), build_unique_lang),
    (("equals", "disjoint", "lessThan", "lessThanOrEquals"), build_pairs),
    (("node",), build_node),
    (("property",), build_property),
    (("closed", "ignoredProperties"), build_closed),
    (("hasValue",), build_has_value),
    (("in",), build_in),
]
