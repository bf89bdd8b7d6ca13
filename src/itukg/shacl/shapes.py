"""The shapes graph as pySHACL reads it: which nodes are shapes, their paths, and their names.

:class:`ShapesGraph` wraps the pyoxigraph :class:`~pyoxigraph.Store` that holds the shape files
and finds the shapes the way pySHACL 0.40 does (``ShapesGraph._build_node_shape_cache``): the
instances of ``sh:NodeShape`` and ``sh:PropertyShape``, the subjects of targets, of ``sh:property``
and of ``sh:node``, and the values of the shape-expecting parameters. Where pySHACL refuses the
shapes graph (a node shape with a path, a property shape with two paths, ...), this raises
:class:`Unsupported` with ``whole=True``: the caller then runs pySHACL itself, which raises its
own error, so that both engines fail alike.

:func:`parse_path` turns a ``sh:path`` value into a :class:`Path` and :func:`sparql_path` into a
SPARQL property path that reaches the same value nodes as pySHACL's ``value_nodes_from_path``,
quirks included (see :func:`sparql_path`). :func:`path_text` and :func:`shape_name` render paths
and shapes exactly as :func:`itukg.validate.path_text` and ``_shape_name`` render them from the
rdflib graphs of the pySHACL route.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Store, Triple

from itukg import terms
from itukg.terms import Term

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

RDF_TYPE = NamedNode(RDF + "type")
RDF_FIRST = NamedNode(RDF + "first")
RDF_REST = NamedNode(RDF + "rest")
RDF_NIL = NamedNode(RDF + "nil")
RDFS_CLASS = NamedNode(RDFS + "Class")
RDFS_SUBCLASS_OF = NamedNode(RDFS + "subClassOf")

Resource = NamedNode | BlankNode
"""A node that can be a shape or a subject."""


def sh(name: str) -> NamedNode:
    """Return the IRI of a term of the SHACL vocabulary."""
    return NamedNode(SH + name)


SH_VIOLATION = sh("Violation")
SH_WARNING = sh("Warning")
SH_INFO = sh("Info")

TARGET_PARAMETERS = tuple(
    sh(name) for name in ("targetClass", "targetNode", "targetObjectsOf", "targetSubjectsOf")
)
SHAPE_PARAMETERS = tuple(sh(name) for name in ("property", "node", "not", "qualifiedValueShape"))
SHAPE_LIST_PARAMETERS = tuple(sh(name) for name in ("and", "or", "xone"))


class Unsupported(Exception):
    """A shape (or, with *whole*, the shapes graph) that the compiler leaves to pySHACL."""

    def __init__(self, reason: str, *, whole: bool = False) -> None:
        """Say why; *whole* means that no shape of the graph can be compiled."""
        super().__init__(reason)
        self.reason = reason
        self.whole = whole


class ShapesGraph:
    """Read access to the shapes graph: the default graph of a store."""

    def __init__(self, store: Store) -> None:
        """Wrap *store*; nothing is read yet."""
        self.store = store
        self._shapes: dict[Resource, Shape] | None = None

    def objects(self, subject: Term, predicate: NamedNode) -> list[Term]:
        """Return the objects of *subject* and *predicate*, without duplicates."""
        if not isinstance(subject, (NamedNode, BlankNode)):
            return []
        return [
            q.object for q in self.store.quads_for_pattern(subject, predicate, None, DefaultGraph())
        ]

    def one(self, subject: Term, predicate: NamedNode) -> Term | None:
        """Return the object of *subject* and *predicate*; raise Unsupported if there are two."""
        found = self.objects(subject, predicate)
        if len(found) > 1:
            raise Unsupported(f"{terms.show(subject)} has {len(found)} values of {predicate}")
        return found[0] if found else None

    def first(self, subject: Term, predicate: NamedNode) -> Term | None:
        """Return one object of *subject* and *predicate* (the first in store order), or None."""
        found = self.objects(subject, predicate)
        return found[0] if found else None

    def subjects(self, predicate: NamedNode, object: Term | None = None) -> list[Resource]:
        """Return the subjects of *predicate* (and *object*), without duplicates."""
        seen: dict[Resource, None] = {}
        for quad in self.store.quads_for_pattern(None, predicate, object, DefaultGraph()):
            subject = quad.subject
            if isinstance(subject, (NamedNode, BlankNode)):
                seen[subject] = None
        return list(seen)

    def subject_objects(self, predicate: NamedNode) -> list[tuple[Resource, Term]]:
        """Return the (subject, object) pairs of *predicate*."""
        return [
            (q.subject, q.object)
            for q in self.store.quads_for_pattern(None, predicate, None, DefaultGraph())
            if isinstance(q.subject, (NamedNode, BlankNode))
        ]

    def items(self, head: Term) -> list[Term]:
        """Return the members of the RDF list at *head* (as rdflib's ``Graph.items`` does)."""
        items: list[Term] = []
        seen: set[Term] = set()
        while head != RDF_NIL and head not in seen:
            seen.add(head)
            item = self.first(head, RDF_FIRST)
            if item is None:
                break
            items.append(item)
            rest = self.first(head, RDF_REST)
            if rest is None:
                break
            head = rest
        return items

    def has(self, predicate: NamedNode, object: Term | None = None) -> bool:
        """Tell whether some triple has *predicate* (and *object*)."""
        return any(True for _ in self.store.quads_for_pattern(None, predicate, object))

    # ----------------------------------------------------------------------------- shapes

    def shapes(self) -> dict[Resource, Shape]:
        """Return every shape, by node, found as pySHACL finds them."""
        if self._shapes is None:
            self._shapes = self._find_shapes()
        return self._shapes

    def shape(self, node: Term) -> Shape:
        """Return the shape at *node*; raise Unsupported if *node* is not a shape."""
        found = self.shapes().get(node) if isinstance(node, (NamedNode, BlankNode)) else None
        if found is None:
            raise Unsupported(f"{terms.show(node)} is not a shape")
        return found

    def _find_shapes(self) -> dict[Resource, Shape]:
        node_shapes = set(self.subjects(RDF_TYPE, sh("NodeShape")))
        for node in node_shapes:
            if self.objects(node, sh("path")):
                raise Unsupported("a sh:NodeShape has a sh:path", whole=True)
        paths: dict[Resource, Term] = {}
        property_shapes = set(self.subjects(RDF_TYPE, sh("PropertyShape")))
        for node in property_shapes:
            if node in node_shapes:
                raise Unsupported("a shape is both a node and a property shape", whole=True)
            values = self.objects(node, sh("path"))
            if len(values) != 1:
                raise Unsupported("a sh:PropertyShape needs exactly one sh:path", whole=True)
            paths[node] = values[0]
        implied: set[Resource] = set()
        for predicate in (*TARGET_PARAMETERS, sh("property"), sh("node")):
            implied.update(self.subjects(predicate))
        referenced: set[Term] = set()
        for predicate in SHAPE_PARAMETERS:
            referenced.update(o for _, o in self.subject_objects(predicate))
        for predicate in SHAPE_LIST_PARAMETERS:
            for _, head in self.subject_objects(predicate):
                members = self.items(head)
                if not members:
                    raise Unsupported(f"an empty list of shapes for {predicate}", whole=True)
                referenced.update(members)
        for node in [*implied, *(n for n in referenced if isinstance(n, (NamedNode, BlankNode)))]:
            if node in node_shapes or node in property_shapes:
                continue
            values = self.objects(node, sh("path"))
            if len(values) > 1:
                raise Unsupported("an implicit property shape has two sh:path", whole=True)
            if values:
                property_shapes.add(node)
                paths[node] = values[0]
            else:
                node_shapes.add(node)
        if any(not isinstance(n, (NamedNode, BlankNode)) for n in referenced):
            raise Unsupported("a literal is used as a shape", whole=True)
        shapes: dict[Resource, Shape] = {}
        for node in node_shapes:
            shapes[node] = Shape(self, node, None)
        for node in property_shapes:
            shapes[node] = Shape(self, node, paths[node])
        return shapes


@dataclass(eq=False)
class Shape:
    """A node or property shape: its path, severity, messages and parameters."""

    graph: ShapesGraph = field(repr=False)
    node: Resource
    path_node: Term | None
    """The value of ``sh:path``; None for a node shape."""

    @property
    def is_property(self) -> bool:
        """True for a property shape (a shape with a ``sh:path``)."""
        return self.path_node is not None

    def objects(self, predicate: NamedNode) -> list[Term]:
        """Return the values of a parameter of this shape."""
        return self.graph.objects(self.node, predicate)

    @property
    def severity(self) -> Term:
        """The ``sh:severity`` (default ``sh:Violation``); two of them are not compiled."""
        values = self.objects(sh("severity"))
        if len(values) > 1:
            raise Unsupported("two values of sh:severity")
        return values[0] if values else SH_VIOLATION

    @property
    def messages(self) -> tuple[Term, ...]:
        """The values of ``sh:message``."""
        return tuple(self.objects(sh("message")))

    @property
    def deactivated(self) -> bool:
        """True when ``sh:deactivated`` is true (as pySHACL reads its value)."""
        values = self.objects(sh("deactivated"))
        if not values:
            return False
        if len(values) > 1 or not isinstance(values[0], Literal):
            raise Unsupported("sh:deactivated is not one literal", whole=True)
        return truth(values[0])

    def targets(self) -> Targets:
        """Return the targets of this shape, implicit class target included."""
        implicit = False
        types = self.objects(RDF_TYPE)
        if types:
            classes = {RDFS_CLASS, *self.graph.subjects(RDFS_SUBCLASS_OF, RDFS_CLASS)}
            implicit = any(t in classes for t in types)
        return Targets(
            nodes=tuple(self.objects(sh("targetNode"))),
            classes=tuple(
                dict.fromkeys(
                    [*self.objects(sh("targetClass")), *([self.node] if implicit else [])]
                )
            ),
            subjects_of=tuple(self.objects(sh("targetSubjectsOf"))),
            objects_of=tuple(self.objects(sh("targetObjectsOf"))),
        )

    def path(self) -> Path:
        """Return the parsed ``sh:path`` of a property shape."""
        if self.path_node is None:
            raise ValueError("a node shape has no path")
        return parse_path(self.graph, self.path_node)


@dataclass(frozen=True)
class Targets:
    """The target declarations of a shape."""

    nodes: tuple[Term, ...] = ()
    classes: tuple[Term, ...] = ()
    subjects_of: tuple[Term, ...] = ()
    objects_of: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        """Tell whether the shape has at least one target."""
        return bool(self.nodes or self.classes or self.subjects_of or self.objects_of)


# --------------------------------------------------------------------------------- paths


@dataclass(frozen=True)
class Path:
    """A SHACL property path: ``kind`` is ``predicate``, ``inverse``, ``sequence``, ...

    ``iri`` is set for a predicate path, ``items`` holds the sub-paths of the others.
    """

    kind: str
    iri: NamedNode | None = None
    items: tuple[Path, ...] = ()

    @property
    def is_predicate(self) -> bool:
        """True for a path that is one IRI (its value nodes need no DISTINCT)."""
        return self.kind == "predicate"

    @property
    def nullable(self) -> bool:
        """True for a path that can be empty: its value nodes include the focus node."""
        if self.kind in ("zeroOrMore", "zeroOrOne"):
            return True
        if self.kind == "sequence":
            return all(p.nullable for p in self.items)
        if self.kind in ("alternative",):
            return any(p.nullable for p in self.items)
        if self.kind in ("inverse", "oneOrMore"):
            return self.items[0].nullable
        return False


_UNARY_PATHS = (
    ("inverse", sh("inversePath")),
    ("alternative", sh("alternativePath")),
    ("zeroOrMore", sh("zeroOrMorePath")),
    ("oneOrMore", sh("oneOrMorePath")),
    ("zeroOrOne", sh("zeroOrOnePath")),
)


def parse_path(graph: ShapesGraph, node: Term, depth: int = 0) -> Path:
    """Parse the SHACL path at *node*, in the order pySHACL tries the path kinds."""
    if isinstance(node, NamedNode):
        return Path("predicate", iri=node)
    if not isinstance(node, BlankNode):
        raise Unsupported("a property path is a literal", whole=True)
    if depth >= 10:
        raise Unsupported("a property path is nested too deep")
    if graph.objects(node, RDF_FIRST):
        first, rest = graph.one(node, RDF_FIRST), graph.one(node, RDF_REST)
        assert first is not None
        head = parse_path(graph, first, depth + 1)
        if rest is None or rest == RDF_NIL:
            if depth == 0:
                raise Unsupported("a sequence path needs two paths")
            return head
        tail = parse_path(graph, rest, depth + 1)
        tail_items = tail.items if tail.kind == "sequence" else (tail,)
        return Path("sequence", items=(head, *tail_items))
    for kind, predicate in _UNARY_PATHS:
        values = graph.objects(node, predicate)
        if not values:
            continue
        if len(values) > 1:
            raise Unsupported(f"a path has two values of {predicate}")
        if kind == "alternative":
            members = graph.items(values[0])
            if len(members) < 2:
                raise Unsupported("an alternative path needs two paths")
            return Path(kind, items=tuple(parse_path(graph, m, depth + 1) for m in members))
        return Path(kind, items=(parse_path(graph, values[0], depth + 1),))
    raise Unsupported("a blank node that is not a SHACL path", whole=True)


def sparql_path(path: Path, inverse: bool = False) -> str:
    """Return *path* as a SPARQL property path with the value nodes pySHACL finds.

    pySHACL inverts a sequence step by step without reversing it (``^(a/b)`` reaches what
    ``^a/^b`` reaches, where the SPARQL and SHACL meaning is ``^b/^a``); this does the same.
    """
    if path.kind == "predicate":
        assert path.iri is not None
        return f"^{path.iri}" if inverse else str(path.iri)
    if path.kind == "inverse":
        return sparql_path(path.items[0], not inverse)
    if path.kind == "sequence":
        return "(" + "/".join(sparql_path(p, inverse) for p in path.items) + ")"
    if path.kind == "alternative":
        return "(" + "|".join(sparql_path(p, inverse) for p in path.items) + ")"
    suffix = {"zeroOrMore": "*", "oneOrMore": "+", "zeroOrOne": "?"}[path.kind]
    return f"({sparql_path(path.items[0], inverse)}){suffix}"


def path_text(graph: ShapesGraph, path: Term, report: bool = False) -> str:
    """Return a SHACL path as :func:`itukg.validate.path_text` writes it (``^a/b*``).

    With *report*, the path is read as pySHACL copies it into its report: a blank node that
    is an RDF list keeps only its members (a path node that is both a list and an inverse
    path, say, is written as the list).
    """
    if not isinstance(path, BlankNode):
        return terms.show(path)
    if report and graph.first(path, RDF_FIRST) is not None:
        return "/".join(_group(graph, p, report) for p in graph.items(path))
    for predicate, before, after in (
        (sh("inversePath"), "^", ""),
        (sh("zeroOrMorePath"), "", "*"),
        (sh("oneOrMorePath"), "", "+"),
        (sh("zeroOrOnePath"), "", "?"),
    ):
        target = graph.first(path, predicate)
        if target is not None:
            return f"{before}{_group(graph, target, report)}{after}"
    alternatives = graph.first(path, sh("alternativePath"))
    if alternatives is not None:
        members = graph.items(alternatives)
        return "(" + "|".join(path_text(graph, p, report) for p in members) + ")"
    if graph.first(path, RDF_FIRST) is not None:
        return "/".join(_group(graph, p, report) for p in graph.items(path))
    return terms.show(path)


def _group(graph: ShapesGraph, path: Term, report: bool) -> str:
    text = path_text(graph, path, report)
    return f"({text})" if "/" in text and not text.startswith("(") else text


def shape_name(graph: ShapesGraph, shape: Term) -> str:
    """Name a shape as ``itukg.validate._shape_name`` does: a CURIE, or parent and path."""
    if not isinstance(shape, BlankNode):
        return terms.show(shape)
    parents = sorted(graph.subjects(sh("property"), shape), key=lambda node: node.value)
    parent = parents[0] if parents else None
    path = graph.first(shape, sh("path"))
    if parent is None or isinstance(parent, BlankNode):
        return "blank shape" + ("" if path is None else f" on {path_text(graph, path)}")
    return terms.show(parent) + ("" if path is None else f" / {path_text(graph, path)}")


def sparql_term(term: Term) -> str:
    """Return *term* in SPARQL syntax; blank nodes have none (they would be variables)."""
    if isinstance(term, BlankNode):
        raise ValueError("a blank node has no SPARQL syntax")
    return str(term)


def text_of(term: Term) -> str:
    """Return the IRI, label or lexical form of a term (its ``str()`` in rdflib)."""
    return str(term) if isinstance(term, Triple) else term.value


def truth(term: Term) -> bool:
    """Return the truth of a literal's value, as Python (and pySHACL) sees it through rdflib."""
    from itukg.bridge import to_rdflib

    return bool(getattr(to_rdflib(term), "value", None))


def unique(values: Iterable[Term]) -> list[Term]:
    """Return *values* without duplicates, in order."""
    return list(dict.fromkeys(values))
