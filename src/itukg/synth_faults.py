"""The faults of ``itukg synth --violations``, and the report they should give.

Each fault is a small set of triples, almost always about fresh nodes whose IRIs say what is
wrong (``org/fault-bureau``, ``person/fault-padded``), valid in every other respect (typed,
named, with provenance, and for a person a role), so that it breaks exactly one constraint
or check. :data:`FAULTS` lists them; each names what it covers (node shapes, property shapes
and checks) and the validation results it gives, with the fields of
:class:`itukg.validate.ValidationResult`: the messages and severities are read from the
shapes and checks, and the terms are written as the report writes them.

Together the faults cover every node shape, every property shape and every check of the
project, except the shapes of the ontology itself (:data:`EXCLUDED`, with the reason).
Some faults give more than one result, each expected: a property shape with ``sh:equals``
reports a value on each side; an ``owl:Axiom`` must be named by an IRI for its focus to be
known, so the mapping set that lists it reports a mapping that is not a blank node too; the
checks report both directions of a symmetric fault.

A few faults point to things of the generated graph that every size has (ITU-T SG20 and its
meetings, the ITU, Switzerland, the schemes); none changes what those things are. Two checks
(chair-violation, duplicate-name-violation) list the nodes at fault with ``GROUP_CONCAT``, in
an order that is the store's: their expected message is read from a store that holds only
the fault's triples, which gives the same order as the whole graph.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyoxigraph import BlankNode, Literal, NamedNode, Store

from itukg import paths, queries, terms
from itukg.namespaces import ID, ID_KINDS, MAPPINGS, PREFIXES, SOURCE_DOCUMENT
from itukg.validate import Report, ValidationResult

if TYPE_CHECKING:
    from itukg.synth import Generator

Term = NamedNode | BlankNode | Literal

SH = PREFIXES["sh"]
SHAPES = PREFIXES["shape"]

#: Shapes that no fault of an instance graph breaks, and why.
EXCLUDED: dict[str, str] = {
    name: (
        "a shape of shapes/ontology.ttl: it applies to the terms of the ontology (owl:Ontology, "
        "owl:Class, owl:ObjectProperty, owl:DatatypeProperty, rdfs:Datatype), which the "
        "validator loads from ontology/ itself; an instance graph declares no terms, and "
        "breaking one would mean adding classes or properties to the ontology's namespace"
    )
    for name in (
        "DatatypeShape",
        "NamedDatatypeShape",
        "OntologyClassShape",
        "OntologyPropertyShape",
        "OntologyShape",
        "Ontology-label",
        "Ontology-license",
        "Ontology-namespacePrefix",
        "Ontology-namespaceUri",
        "Ontology-title",
        "Ontology-versionIRI",
        "Ontology-versionInfo",
        "OntologyClass-subClassOf",
        "OntologyProperty-subPropertyOf",
        "Term-comment",
        "Term-isDefinedBy",
        "Term-label",
    )
}


@dataclass(frozen=True)
class Fault:
    """One injected fault: what it covers and the results validation must give for it."""

    name: str
    covers: tuple[str, ...]
    """Shapes (local names, such as ``Person-name``) and checks (names) that it breaks."""
    results: tuple[ValidationResult, ...]


# --- What the shapes and checks say ---------------------------------------------------------


@dataclass(frozen=True)
class _ShapeInfo:
    message: str
    severity: str
    path: str | None


@functools.cache
def _shapes() -> dict[str, _ShapeInfo]:
    """Return the message, severity and path (as the report writes it) of every shape."""
    from itukg.loader import load_store

    store = load_store(paths.shape_files())
    found: dict[str, _ShapeInfo] = {}
    answer = store.query(
        "PREFIX sh: <http://www.w3.org/ns/shacl#> SELECT ?shape ?message ?severity ?path "
        "WHERE { ?shape a ?kind . VALUES ?kind { sh:NodeShape sh:PropertyShape } "
        "OPTIONAL { ?shape sh:message ?message } OPTIONAL { ?shape sh:severity ?severity } "
        "OPTIONAL { ?shape sh:path ?path } }"
    )
    for row in answer:  # type: ignore[union-attr]
        shape, message, severity, path = (row[k] for k in ("shape", "message", "severity", "path"))
        if not isinstance(shape, NamedNode) or not shape.value.startswith(SHAPES):
            continue
        found[shape.value[len(SHAPES) :]] = _ShapeInfo(
            message.value if isinstance(message, Literal) else "(no message)",
            severity.value[len(SH) :] if isinstance(severity, NamedNode) else "Violation",
            None if path is None else _path_text(store, path),
        )
    return found


def _path_text(store: Store, path: object) -> str:
    """Return a SHACL path as the report writes it: a CURIE, ``^p`` or ``(a|b)``."""
    if isinstance(path, NamedNode):
        return terms.show(path)
    assert isinstance(path, BlankNode)
    for inverse in store.quads_for_pattern(path, NamedNode(SH + "inversePath"), None, None):
        return "^" + _path_text(store, inverse.object)
    for alternative in store.quads_for_pattern(path, NamedNode(SH + "alternativePath"), None, None):
        items: list[object] = []
        head: object = alternative.object
        rdf = PREFIXES["rdf"]
        while isinstance(head, BlankNode):
            items.append(_object(store, head, rdf + "first"))
            head = _object(store, head, rdf + "rest")
        return "(" + "|".join(_path_text(store, item) for item in items) + ")"
    raise ValueError(f"unsupported SHACL path {path}")


def _object(store: Store, subject: BlankNode, predicate: str) -> object:
    return next(store.quads_for_pattern(subject, NamedNode(predicate), None, None)).object


@functools.cache
def _checks() -> dict[str, queries.CannedQuery]:
    return {
        q.name: q for q in (queries.parse_query_file(p, check=True) for p in paths.check_queries())
    }


def all_items() -> set[str]:
    """Return every node shape, property shape and check of the project, by name."""
    return set(_shapes()) | set(_checks())


def shape_result(
    name: str,
    focus: Term,
    component: str,
    value: Term | None = None,
    *,
    node_level: bool = False,
) -> ValidationResult:
    """Return the result of shape *name* (local name) for *focus*, as the report has it."""
    info = _shapes()[name]
    return ValidationResult(
        severity=info.severity,
        focus=terms.show(focus),
        message=info.message,
        source=f"shape:{name}",
        kind="shape",
        path=None if node_level else info.path,
        value=None if value is None else terms.turtle(value),
        component=f"sh:{component}ConstraintComponent",
    )


def check_result(
    name: str,
    focus: Term,
    message: str | None = None,
    path: str | None = None,
    value: Term | None = None,
) -> ValidationResult:
    """Return the result of check *name* for *focus*, as the report has it."""
    return ValidationResult(
        severity="Violation",
        focus=terms.show(focus),
        message=_checks()[name].summary if message is None else message,
        source=name,
        kind="check",
        path=None if path is None else terms.show(NamedNode(_expand(path))),
        value=None if value is None else terms.turtle(value),
    )


def report(faults: Sequence[Fault]) -> Report:
    """Return the report that validating the graph with *faults* gives, sorted as it sorts."""
    return Report(tuple(r for fault in faults for r in fault.results))


# --- Terms ----------------------------------------------------------------------------------


def _expand(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return PREFIXES[prefix] + local


def node(kind: str, local: str) -> NamedNode:
    """Return the IRI of a thing of the graph; *kind* is a prefix of ``ID_KINDS`` (``itorg``)."""
    return NamedNode(ID + ID_KINDS[kind] + local)


def v(curie: str) -> NamedNode:
    """Return the IRI of a vocabulary term."""
    return NamedNode(_expand(curie))


def en(text: str) -> Literal:
    """Return an English literal."""
    return Literal(text, language="en")


def typed(text: str, datatype: str) -> Literal:
    """Return a literal of a datatype given as a CURIE."""
    return Literal(text, datatype=v(datatype))


def integer(number: int) -> Literal:
    """Return an ``xsd:integer``."""
    return typed(str(number), "xsd:integer")


Pairs = list[tuple[str, Term]]


# --- Injection ------------------------------------------------------------------------------


@dataclass
class _Injector:
    """Writes faults through the generator's sink and collects them.

    It also writes the few valid things that faults point to: a country (``carrier``) that
    stands where something of another class belongs, an organisation (``holder``) for the
    roles of faulty people, and a concept scheme for faulty concepts.
    """

    gen: Generator
    faults: list[Fault] = field(default_factory=list)

    def __post_init__(self) -> None:
        gen = self.gen
        self.doc = NamedNode(SOURCE_DOCUMENT)
        self.part = NamedNode(_iri_of(gen.part("synthetic-faults", "Injected faults")))
        self.prov: Pairs = [("dcterms:source", self.doc), ("prov:wasDerivedFrom", self.part)]
        self.carrier = self.country("fault-carrier", label="Faultland")
        self.holder = self.org("fault-holder", "org:FormalOrganization")
        self.scheme = node("scheme", "faults")
        self.write(
            self.scheme,
            [("rdf:type", v("skos:ConceptScheme")), ("skos:prefLabel", en("Faulty concepts"))],
        )
        self.sg20 = node("itorg", "itu-t-sg20")
        self.meetings = [NamedNode(_iri_of(m)) for m in gen.sg_meetings[("t", 20)][:2]]
        (start, end), (before, after) = gen.sector_periods["t"][-1], gen.sector_periods["t"][-2]
        self.periods = [node("period", f"{start}-{end}"), node("period", f"{before}-{after}")]
        self.instants = [node("period", str(start)), node("period", str(end))]

    # Writing

    def term(self, term: Term) -> str:
        t = self.gen.t
        if isinstance(term, NamedNode):
            return t.iri(term.value)
        if isinstance(term, BlankNode):
            return f"_:{term.value}"
        if term.language:
            return t.lang(term.value, term.language)
        if term.datatype.value == PREFIXES["xsd"] + "string":
            return t.lit(term.value)
        return '"' + t.lit(term.value)[1:-1] + '"^^' + t.iri(term.datatype.value)

    def write(self, subject: Term, pairs: Pairs, *, prov: bool = True) -> None:
        """Write the triples of *subject* (with the faults' provenance unless *prov* is off)."""
        everything = [*pairs, *self.prov] if prov else pairs
        formatted = [(self.gen.t.v(p), self.term(o)) for p, o in everything]
        self.gen.sink.emit(self.term(subject), formatted)

    def add(self, name: str, covers: Sequence[str], results: Sequence[ValidationResult]) -> None:
        self.faults.append(Fault(name, tuple(covers), tuple(results)))

    # Fresh valid things

    def country(self, slug: str, *extra: tuple[str, Term], label: str = "") -> NamedNode:
        term = node("place", slug)
        name = label or f"Country {slug}"
        self.write(term, [("rdf:type", v("schema:Country")), ("skos:prefLabel", en(name)), *extra])
        return term

    def org(self, slug: str, cls: str, *extra: tuple[str, Term]) -> NamedNode:
        term = node("itorg", slug)
        pairs: Pairs = [("rdf:type", v(cls)), ("skos:prefLabel", en(f"Organisation {slug}"))]
        self.write(term, pairs + list(extra))
        return term

    def person(
        self, slug: str, name: str, *extra: tuple[str, Term], role: bool = True
    ) -> NamedNode:
        term = node("person", slug)
        pairs: Pairs = [
            ("rdf:type", v("foaf:Person")),
            ("foaf:name", Literal(name)),
            ("skos:prefLabel", Literal(name)),
            *extra,
        ]
        self.write(term, pairs)
        if role:
            self.membership(f"{slug.lower().replace('_', '-')}-role", term)
        return term

    def membership(
        self, slug: str, member: NamedNode | None, *extra: tuple[str, Term], org: Term | None = None
    ) -> NamedNode:
        term = node("membership", slug)
        pairs: Pairs = [("rdf:type", v("org:Membership"))]
        if all(p != "org:role" for p, _ in extra):
            pairs.append(("org:role", node("role", "editor")))
        if member is not None:
            pairs.append(("org:member", member))
        pairs.append(("org:organization", self.holder if org is None else org))
        self.write(term, pairs + list(extra))
        return term

    def part_of(
        self,
        iri: str,
        document: NamedNode,
        *,
        position: int | None = None,
        lines: str | None = None,
        selector_iri: str | None = None,
        drop: Sequence[str] = (),
        extra: Sequence[tuple[str, Term]] = (),
        selector_extra: Sequence[tuple[str, Term]] = (),
        conforms_to: str = "http://tools.ietf.org/rfc/rfc5147",
    ) -> tuple[NamedNode, NamedNode]:
        """Write a source part and its selector, by default after the document's last part."""
        gen = self.gen
        if position is None:
            gen.position += 1
            position = gen.position
        if lines is None:
            start = gen.line
            gen.line += 10
            lines = f"line={start},{start + 8}"
        part = NamedNode(iri)
        selector = NamedNode(selector_iri or iri + "-lines")
        pairs: Pairs = [
            ("rdf:type", v("itukg:SourcePart")),
            ("rdfs:label", en(f"Part {iri.rsplit('/', 1)[-1]}")),
            ("dcterms:isPartOf", document),
            ("schema:position", integer(position)),
            ("oa:hasSelector", selector),
            ("oa:hasSource", document),
        ]
        kept = [(p, o) for p, o in pairs if p not in drop]
        self.write(part, kept + list(extra), prov=False)
        if "oa:hasSelector" in drop:
            return part, selector
        self.write(
            selector,
            [
                ("rdf:type", v("oa:FragmentSelector")),
                ("dcterms:conformsTo", NamedNode(conforms_to)),
                ("rdf:value", Literal(lines)),
                *selector_extra,
            ],
            prov=False,
        )
        return part, selector

    def document(
        self, slug: str, *, drop: Sequence[str] = (), extra: Pairs | None = None
    ) -> NamedNode:
        term = node("source", slug)
        pairs: Pairs = [
            ("rdf:type", v("itukg:SourceDocument")),
            ("rdfs:label", en(f"Document {slug}")),
            ("dcterms:format", Literal("text/plain")),
            ("dcterms:identifier", Literal("sha256:" + "0" * 64)),
            ("dcterms:language", Literal("en")),
        ]
        kept = [(p, o) for p, o in pairs if p not in drop]
        self.write(term, kept + (extra or []), prov=False)
        return term


def _iri_of(term: str) -> str:
    """Return the IRI of a term as the generator writes it (``<iri>`` or ``prefix:local``)."""
    if term.startswith("<"):
        return term[1:-1]
    prefix, local = term.split(":", 1)
    return PREFIXES[prefix] + local


FaultMaker = Callable[[_Injector], None]
FAULTS: list[FaultMaker] = []
"""The makers of the faults, in the order they are written."""


def fault(maker: FaultMaker) -> FaultMaker:
    """Register a maker of faults."""
    FAULTS.append(maker)
    return maker


def inject(gen: Generator) -> list[Fault]:
    """Write every fault through *gen*; return them with their expected results."""
    injector = _Injector(gen)
    for maker in FAULTS:
        maker(injector)
    return injector.faults


S = shape_result
C = check_result


# --- common.ttl -----------------------------------------------------------------------------


@fault
def _common(f: _Injector) -> None:
    note = Literal("Une note en français", language="fr")
    x = f.country("fault-documentation", ("skos:editorialNote", note))
    f.add(
        "note in French",
        ["DocumentationShape", "Documentation-text"],
        [S("Documentation-text", x, "LanguageIn", note)],
    )

    label = Literal("Pays fautif", language="fr")
    x = node("place", "fault-label-language")
    f.write(x, [("rdf:type", v("schema:Country")), ("skos:prefLabel", label)])
    f.add(
        "label in French",
        ["EnglishLabel-prefLabel"],
        [S("EnglishLabel-prefLabel", x, "LanguageIn", label)],
    )

    same = en("Country fault-alt-label")
    x = f.country("fault-alt-label", ("skos:altLabel", same))
    f.add(
        "alt label = pref label",
        ["LabelShape", "Label-altLabel"],
        [S("Label-altLabel", x, "Disjoint", same)],
    )

    same = en("Country fault-hidden-label")
    x = f.country("fault-hidden-label", ("skos:hiddenLabel", same))
    f.add(
        "hidden label = pref label",
        ["Label-hiddenLabel"],
        [S("Label-hiddenLabel", x, "Disjoint", same)],
    )

    x = f.country(
        "fault-homepages",
        ("foaf:homepage", NamedNode("https://example.org/one")),
        ("foaf:homepage", NamedNode("https://example.org/two")),
    )
    f.add(
        "two home pages",
        ["WebPageShape", "WebPage-homepage"],
        [S("WebPage-homepage", x, "MaxCount")],
    )

    page = NamedNode("ftp://example.org/fault")
    x = f.country("fault-page", ("foaf:page", page))
    f.add("ftp page", ["WebPage-page"], [S("WebPage-page", x, "Pattern", page)])

    x = f.country(
        "fault-subscription-pages",
        ("itukg:subscriptionPage", NamedNode("https://example.org/subscribe")),
        ("itukg:subscriptionPage", NamedNode("https://example.org/join")),
    )
    f.add(
        "two subscription pages",
        ["WebPage-subscriptionPage"],
        [S("WebPage-subscriptionPage", x, "MaxCount")],
    )

    x = f.country(
        "fault-terms-of-reference",
        ("itukg:termsOfReference", NamedNode("https://example.org/tor")),
        ("itukg:termsOfReference", NamedNode("https://example.org/tor2")),
    )
    f.add(
        "two terms of reference",
        ["WebPage-termsOfReference"],
        [S("WebPage-termsOfReference", x, "MaxCount")],
    )


# --- concepts.ttl ---------------------------------------------------------------------------


def _concept(f: _Injector, term: NamedNode, cls: str, *extra: tuple[str, Term]) -> NamedNode:
    label = en(f"Concept {term.value.rsplit('/', 1)[-1]}")
    f.write(term, [("rdf:type", v(cls)), ("skos:prefLabel", label), *extra])
    return term


@fault
def _concepts(f: _Injector) -> None:
    x: Term
    bad: Term
    x = node("scheme", "Fault_Scheme")
    f.write(x, [("rdf:type", v("skos:ConceptScheme")), ("skos:prefLabel", en("Fault scheme"))])
    f.add(
        "scheme IRI",
        ["ConceptSchemeShape"],
        [S("ConceptSchemeShape", x, "Pattern", x, node_level=True)],
    )

    scheme = node("scheme", "fault-top-concept")
    top = f.country("fault-top-concept", ("skos:inScheme", scheme))
    f.write(
        scheme,
        [
            ("rdf:type", v("skos:ConceptScheme")),
            ("skos:prefLabel", en("Fault top concept")),
            ("skos:hasTopConcept", top),
        ],
    )
    f.add(
        "top concept is a country",
        ["ConceptScheme-hasTopConcept"],
        [S("ConceptScheme-hasTopConcept", scheme, "Class", top)],
    )

    x = _concept(f, node("concept", "Fault_Concept"), "skos:Concept", ("skos:inScheme", f.scheme))
    f.add("concept IRI", ["ConceptShape"], [S("ConceptShape", x, "Pattern", x, node_level=True)])

    broader = f.country("fault-broader", ("skos:inScheme", f.scheme))
    x = _concept(
        f,
        node("concept", "fault-broader"),
        "skos:Concept",
        ("skos:inScheme", f.scheme),
        ("skos:broader", broader),
    )
    f.add("broader is a country", ["Concept-broader"], [S("Concept-broader", x, "Class", broader)])

    x = _concept(f, node("concept", "fault-no-scheme"), "skos:Concept")
    f.add("concept in no scheme", ["Concept-inScheme"], [S("Concept-inScheme", x, "MinCount")])

    notation = Literal("N1", language="en")
    x = _concept(
        f,
        node("concept", "fault-notation"),
        "skos:Concept",
        ("skos:inScheme", f.scheme),
        ("skos:notation", notation),
    )
    f.add(
        "concept notation in English",
        ["Concept-notation"],
        [S("Concept-notation", x, "Datatype", notation)],
    )

    name = Literal("faults")
    x = _concept(
        f,
        node("concept", "fault-top-concept-literal"),
        "skos:Concept",
        ("skos:inScheme", f.scheme),
        ("skos:topConceptOf", name),
    )
    f.add(
        "top concept of a literal",
        ["Concept-topConceptOf", "concept-scheme-violation"],
        [
            S("Concept-topConceptOf", x, "NodeKind", name),
            C(
                "concept-scheme-violation",
                x,
                "The concept names a scheme that is not described as a skos:ConceptScheme.",
                "skos:topConceptOf",
                name,
            ),
            C(
                "concept-scheme-violation",
                x,
                "The concept is a top concept of this scheme, but is not in it (skos:inScheme).",
                "skos:inScheme",
                name,
            ),
        ],
    )

    topic = node("concept", "itu-t-sg20-key-topic-interoperability")
    x = _concept(
        f,
        node("concept", "fault-broader-scheme"),
        "skos:Concept",
        ("skos:inScheme", f.scheme),
        ("skos:broader", topic),
    )
    f.add(
        "broader in another scheme",
        ["concept-scheme-violation"],
        [
            C(
                "concept-scheme-violation",
                x,
                "The broader concept (skos:broader) is in none of the schemes of the concept.",
                "skos:broader",
                topic,
            )
        ],
    )

    x = _concept(
        f,
        node("concept", "fault-document-type"),
        "itukg:DocumentType",
        ("skos:inScheme", node("scheme", "itu-t-documents")),
        ("skos:broader", node("concept", "doc-contributions")),
        ("skos:broader", node("concept", "doc-reports")),
    )
    f.add(
        "document type under two",
        ["DocumentTypeShape", "DocumentType-broader"],
        [S("DocumentType-broader", x, "MaxCount")],
    )

    series_scheme = node("scheme", "recommendation-series")
    x = node("rec", "series-Z.9001")
    f.write(
        x,
        [
            ("rdf:type", v("itukg:RecommendationSeries")),
            ("skos:prefLabel", en("Z.9001 series")),
            ("skos:notation", Literal("Z.9001")),
            ("skos:inScheme", series_scheme),
            ("skos:inScheme", node("scheme", "itu-t-sg20-key-topics")),
            ("skos:broader", topic),
        ],
    )
    f.add(
        "series under a topic",
        ["RecommendationSeriesShape", "RecommendationSeries-broader"],
        [S("RecommendationSeries-broader", x, "Class", topic)],
    )

    bad = Literal("z9002")
    x = node("rec", "series-Z.9002")
    f.write(
        x,
        [
            ("rdf:type", v("itukg:RecommendationSeries")),
            ("skos:prefLabel", en("Z.9002 series")),
            ("skos:notation", bad),
            ("skos:inScheme", series_scheme),
        ],
    )
    f.add(
        "series notation",
        ["RecommendationSeries-notation"],
        [S("RecommendationSeries-notation", x, "Pattern", bad)],
    )

    agenda = node("scheme", "connect-2030-agenda")
    bad = Literal("four")
    x = _concept(
        f,
        node("concept", "fault-goal"),
        "itukg:StrategicGoal",
        ("skos:inScheme", agenda),
        ("skos:notation", bad),
    )
    f.add(
        "goal in words",
        ["StrategicGoalShape", "StrategicGoal-notation"],
        [S("StrategicGoal-notation", x, "Pattern", bad)],
    )

    x = _concept(
        f,
        node("concept", "fault-target-orphan"),
        "itukg:StrategicTarget",
        ("skos:inScheme", agenda),
        ("skos:notation", Literal("9.9")),
    )
    f.add(
        "target without goal",
        ["StrategicTargetShape", "StrategicTarget-broader"],
        [S("StrategicTarget-broader", x, "MinCount")],
    )

    bad = Literal("1.x")
    x = _concept(
        f,
        node("concept", "fault-target-notation"),
        "itukg:StrategicTarget",
        ("skos:inScheme", agenda),
        ("skos:notation", bad),
        ("skos:broader", node("concept", "connect-2030-goal-1")),
    )
    f.add(
        "target notation",
        ["StrategicTarget-notation"],
        [S("StrategicTarget-notation", x, "Pattern", bad)],
    )


# --- contacts.ttl ---------------------------------------------------------------------------


def _contact(f: _Injector, term: NamedNode, cls: str, *extra: tuple[str, Term]) -> NamedNode:
    f.write(term, [("rdf:type", v(cls)), ("skos:prefLabel", en("Fault contact")), *extra])
    return term


def _mail(address: str) -> list[tuple[str, Term]]:
    return [("schema:email", Literal(address)), ("schema:url", NamedNode(f"mailto:{address}"))]


@fault
def _contacts(f: _Injector) -> None:
    x: Term
    x = _contact(
        f, node("contact", "Fault_Contact"), "schema:ContactPoint", *_mail("fault.contact@itu.int")
    )
    f.add(
        "contact IRI",
        ["ContactPointShape"],
        [S("ContactPointShape", x, "Pattern", x, node_level=True)],
    )

    x = _contact(
        f,
        node("contact", "fault-no-email"),
        "schema:ContactPoint",
        ("schema:url", NamedNode("mailto:fault.no.email@itu.int")),
    )
    f.add(
        "contact without e-mail", ["ContactPoint-email"], [S("ContactPoint-email", x, "MinCount")]
    )

    url = NamedNode("https://www.itu.int/fault")
    x = _contact(
        f,
        node("contact", "fault-url"),
        "schema:ContactPoint",
        ("schema:email", Literal("fault.url@itu.int")),
        ("schema:url", url),
    )
    f.add(
        "contact address not mailto",
        ["ContactPoint-url"],
        [S("ContactPoint-url", x, "Pattern", url)],
    )

    x = _contact(
        f, node("list", "fault-orphan"), "itukg:MailingList", *_mail("fault.orphan@lists.itu.int")
    )
    f.add(
        "mailing list of no group",
        ["MailingListShape", "MailingList-group"],
        [S("MailingList-group", x, "MinCount")],
    )

    x = _contact(
        f,
        node("contact", "fault-address"),
        "schema:ContactPoint",
        ("schema:email", Literal("fault.one@itu.int")),
        ("schema:url", NamedNode("mailto:fault.two@itu.int")),
    )
    f.add(
        "mailto of another address",
        ["contact-address-violation"],
        [
            C(
                "contact-address-violation",
                x,
                "The mailto: address is fault.two@itu.int, but the e-mail (schema:email) is "
                "fault.one@itu.int.",
                "schema:url",
                NamedNode("mailto:fault.two@itu.int"),
            )
        ],
    )

    url_pair = ("schema:url", NamedNode("https://example.org/portal"))
    x = _contact(f, node("site", "Fault_Portal"), "itukg:WebPortal", url_pair)
    f.add("portal IRI", ["WebPortalShape"], [S("WebPortalShape", x, "Pattern", x, node_level=True)])

    x = _contact(
        f,
        node("site", "fault-publisher"),
        "itukg:WebPortal",
        url_pair,
        ("dcterms:publisher", f.carrier),
    )
    f.add(
        "portal published by a country",
        ["WebPortal-publisher"],
        [S("WebPortal-publisher", x, "Class", f.carrier)],
    )

    x = _contact(
        f,
        node("site", "fault-subject"),
        "itukg:WebPortal",
        url_pair,
        ("dcterms:subject", f.carrier),
    )
    f.add(
        "portal about a country",
        ["WebPortal-subject"],
        [S("WebPortal-subject", x, "Class", f.carrier)],
    )

    x = _contact(f, node("site", "fault-no-url"), "itukg:WebPortal")
    f.add("portal without address", ["WebPortal-url"], [S("WebPortal-url", x, "MinCount")])


# --- events.ttl -----------------------------------------------------------------------------


def _instant(f: _Injector, year: str, *pairs: tuple[str, Term]) -> NamedNode:
    term = node("period", year)
    f.write(term, [("rdf:type", v("time:Instant")), *pairs])
    return term


def _meeting(
    f: _Injector, slug: str, *extra: tuple[str, Term], organizer: bool = True
) -> NamedNode:
    term = node("meeting", slug)
    pairs: Pairs = [
        ("rdf:type", v("itukg:Meeting")),
        ("skos:prefLabel", en(f"Meeting {slug}")),
        ("schema:startDate", typed("2020-05-04", "xsd:date")),
    ]
    if organizer:
        pairs.append(("schema:organizer", f.holder))
    f.write(term, pairs + list(extra))
    return term


@fault
def _events(f: _Injector) -> None:
    x: Term
    bad: Term
    year = ("time:inXSDgYear", typed("1700", "xsd:gYear"))
    x = _instant(f, "fault-instant", ("skos:prefLabel", Literal("1700")), year)
    f.add("instant IRI", ["InstantShape"], [S("InstantShape", x, "Pattern", x, node_level=True)])

    bad = Literal("1701")
    x = _instant(f, "1701", ("skos:prefLabel", Literal("1701")), ("time:inXSDgYear", bad))
    f.add("year as a string", ["Instant-inXSDgYear"], [S("Instant-inXSDgYear", x, "Datatype", bad)])

    bad = en("1702")
    x = _instant(
        f, "1702", ("skos:prefLabel", bad), ("time:inXSDgYear", typed("1702", "xsd:gYear"))
    )
    f.add(
        "instant label in English",
        ["Instant-prefLabel"],
        [S("Instant-prefLabel", x, "Datatype", bad)],
    )

    x = _meeting(f, "Fault_Meeting")
    f.add("meeting IRI", ["MeetingShape"], [S("MeetingShape", x, "Pattern", x, node_level=True)])

    x = _meeting(
        f,
        "fault-end-dates",
        ("schema:endDate", typed("2020-05-06", "xsd:date")),
        ("schema:endDate", typed("2020-05-07", "xsd:date")),
    )
    f.add("two end dates", ["Meeting-endDate"], [S("Meeting-endDate", x, "MaxCount")])

    mode = v("schema:HybridEventAttendanceMode")
    x = _meeting(f, "fault-attendance", ("schema:eventAttendanceMode", mode))
    f.add(
        "unknown attendance mode",
        ["Meeting-eventAttendanceMode"],
        [S("Meeting-eventAttendanceMode", x, "In", mode)],
    )

    x = _meeting(f, "fault-location", ("schema:location", f.holder))
    f.add(
        "meeting at an organisation",
        ["Meeting-location"],
        [S("Meeting-location", x, "Or", f.holder)],
    )

    x = _meeting(f, "fault-organizer", organizer=False)
    f.add(
        "meeting without organiser", ["Meeting-organizer"], [S("Meeting-organizer", x, "MinCount")]
    )

    start = typed("2020-05-10", "xsd:date")
    x = node("meeting", "fault-dates")
    f.write(
        x,
        [
            ("rdf:type", v("itukg:Meeting")),
            ("skos:prefLabel", en("Meeting fault-dates")),
            ("schema:startDate", start),
            ("schema:endDate", typed("2020-05-01", "xsd:date")),
            ("schema:organizer", f.holder),
        ],
    )
    f.add(
        "meeting ends before it starts",
        ["Meeting-startDate"],
        [S("Meeting-startDate", x, "LessThanOrEquals", start)],
    )

    x = _meeting(f, "fault-venue", ("schema:location", node("place", "mymeetings")))
    f.add(
        "virtual meeting not online",
        ["meeting-venue-violation"],
        [
            C(
                "meeting-venue-violation",
                x,
                "The meeting takes place at a virtual location, but is not said to be attended "
                "online (schema:eventAttendanceMode).",
                "schema:eventAttendanceMode",
            )
        ],
    )

    def period(slug: str, *pairs: tuple[str, Term]) -> NamedNode:
        term = node("period", slug)
        f.write(
            term,
            [
                ("rdf:type", v("itukg:StudyPeriod")),
                ("skos:prefLabel", en(f"Period {slug}")),
                *pairs,
            ],
        )
        return term

    begin, end = ("time:hasBeginning", f.instants[0]), ("time:hasEnd", f.instants[1])
    x = period("fault-period", begin, end)
    f.add(
        "study period IRI",
        ["StudyPeriodShape"],
        [S("StudyPeriodShape", x, "Pattern", x, node_level=True)],
    )

    x = period("2091-2092", end)
    f.add(
        "period without beginning",
        ["StudyPeriod-hasBeginning"],
        [S("StudyPeriod-hasBeginning", x, "MinCount")],
    )

    x = period("2093-2094", begin, ("time:hasEnd", f.carrier))
    f.add(
        "period ends in a country",
        ["StudyPeriod-hasEnd"],
        [S("StudyPeriod-hasEnd", x, "Class", f.carrier)],
    )

    later = _instant(
        f,
        "2096",
        ("skos:prefLabel", Literal("2096")),
        ("time:inXSDgYear", typed("2096", "xsd:gYear")),
    )
    earlier = _instant(
        f,
        "2095",
        ("skos:prefLabel", Literal("2095")),
        ("time:inXSDgYear", typed("2095", "xsd:gYear")),
    )
    x = period("2096-2095", ("time:hasBeginning", later), ("time:hasEnd", earlier))
    f.add(
        "period ends before it begins",
        ["interval-order-violation"],
        [
            C(
                "interval-order-violation",
                x,
                "The interval ends (2095) before it begins (2096).",
                "time:hasEnd",
                earlier,
            )
        ],
    )

    def series(slug: str, *pairs: tuple[str, Term]) -> NamedNode:
        term = node("event", slug)
        f.write(
            term,
            [
                ("rdf:type", v("itukg:WebinarSeries")),
                ("skos:prefLabel", en(f"Series {slug}")),
                *pairs,
            ],
        )
        return term

    x = series("Fault_Series", ("foaf:homepage", NamedNode("https://example.org/webinars")))
    f.add(
        "webinar series IRI",
        ["WebinarSeriesShape"],
        [S("WebinarSeriesShape", x, "Pattern", x, node_level=True)],
    )

    x = series("fault-no-homepage")
    f.add(
        "webinar series without home page",
        ["WebinarSeries-homepage"],
        [S("WebinarSeries-homepage", x, "MinCount")],
    )


# --- groups.ttl -----------------------------------------------------------------------------


@fault
def _groups(f: _Injector) -> None:
    x: Term
    bad: Term
    itu, itu_t, sg20 = node("itorg", "itu"), node("itorg", "itu-t"), f.sg20
    sub = "org:subOrganizationOf"

    x = f.org("fault-bureau", "itukg:Bureau", (sub, itu_t))
    f.add(
        "bureau of a sector",
        ["BureauShape", "Bureau-subOrganizationOf"],
        [S("Bureau-subOrganizationOf", x, "Class", itu_t)],
    )

    x = f.org(
        "fault-committee",
        "itukg:Committee",
        (sub, node("itorg", "iso")),
        (sub, node("itorg", "iec")),
    )
    f.add(
        "committee of two",
        ["CommitteeShape", "Committee-subOrganizationOf"],
        [S("Committee-subOrganizationOf", x, "MaxCount")],
    )

    bad = Literal("cg fault")
    x = f.org("fault-cg-notation", "itukg:CorrespondenceGroup", (sub, sg20), ("skos:notation", bad))
    f.add(
        "correspondence group notation",
        ["CorrespondenceGroupShape", "CorrespondenceGroup-notation"],
        [S("CorrespondenceGroup-notation", x, "Pattern", bad)],
    )

    x = f.org(
        "fault-cg-parent",
        "itukg:CorrespondenceGroup",
        (sub, itu_t),
        ("skos:notation", Literal("CG-Fault")),
    )
    f.add(
        "correspondence group of a sector",
        ["CorrespondenceGroup-subOrganizationOf"],
        [S("CorrespondenceGroup-subOrganizationOf", x, "Class", itu_t)],
    )

    def figure(slug: str, *pairs: tuple[str, Term], about: bool = True) -> NamedNode:
        term = node("figure", slug)
        f.write(
            term,
            [("rdf:type", v("itukg:Figure")), ("skos:prefLabel", en(f"Figure {slug}")), *pairs],
        )
        if about:
            f.write(itu, [("itukg:figure", term)], prov=False)
        return term

    name = ("schema:name", en("Faults"))
    x = figure(
        "fault-both-counts", name, ("schema:value", integer(1)), ("schema:minValue", integer(1))
    )
    f.add(
        "figure exact and bound",
        ["FigureCountShape"],
        [S("FigureCountShape", x, "Xone", x, node_level=True)],
    )

    x = figure("Fault_Figure", name, ("schema:value", integer(2)))
    f.add("figure IRI", ["FigureShape"], [S("FigureShape", x, "Pattern", x, node_level=True)])

    x = figure("fault-orphan", name, ("schema:value", integer(3)), about=False)
    f.add("figure about nothing", ["Figure-about"], [S("Figure-about", x, "MinCount")])

    bad = integer(-1)
    x = figure("fault-min-value", name, ("schema:minValue", bad))
    f.add(
        "negative lower bound", ["Figure-minValue"], [S("Figure-minValue", x, "MinInclusive", bad)]
    )

    x = figure(
        "fault-names", name, ("schema:name", en("Other faults")), ("schema:value", integer(4))
    )
    f.add("figure with two names", ["Figure-name"], [S("Figure-name", x, "MaxCount")])

    bad = typed("3.5", "xsd:decimal")
    x = figure("fault-value", name, ("schema:value", bad))
    f.add("fractional count", ["Figure-value"], [S("Figure-value", x, "Datatype", bad)])

    bad = Literal("FG-fault")
    x = f.org("fault-fg-notation", "itukg:FocusGroup", (sub, itu_t), ("skos:notation", bad))
    f.add(
        "focus group notation",
        ["FocusGroupShape", "FocusGroup-notation"],
        [S("FocusGroup-notation", x, "Pattern", bad)],
    )

    x = f.org(
        "fault-fg-parent", "itukg:FocusGroup", (sub, sg20), ("skos:notation", Literal("FG-FAULT"))
    )
    f.add(
        "focus group of a study group",
        ["FocusGroup-subOrganizationOf"],
        [S("FocusGroup-subOrganizationOf", x, "Class", sg20)],
    )

    x = node("itorg", "fault-formal-unit")
    f.write(
        x,
        [
            ("rdf:type", v("org:FormalOrganization")),
            ("rdf:type", v("org:OrganizationalUnit")),
            ("skos:prefLabel", en("Organisation fault-formal-unit")),
            (sub, itu),
        ],
    )
    f.add(
        "formal and a unit",
        ["FormalOrganizationShape"],
        [S("FormalOrganizationShape", x, "Not", x, node_level=True)],
    )

    x = f.org("fault-agency", "org:FormalOrganization", ("itukg:specializedAgencyOf", itu_t))
    f.add(
        "agency of a sector",
        ["FormalOrganization-specializedAgencyOf"],
        [S("FormalOrganization-specializedAgencyOf", x, "Class", itu_t)],
    )

    x = f.org("fault-initiative", "itukg:Initiative", ("itukg:kpiCity", f.carrier))
    f.add(
        "KPI city is a country",
        ["InitiativeShape", "Initiative-kpiCity"],
        [S("Initiative-kpiCity", x, "Class", f.carrier)],
    )

    bad = Literal("jca-fault")
    x = f.org(
        "fault-jca-notation",
        "itukg:JointCoordinationActivity",
        (sub, itu_t),
        ("skos:notation", bad),
    )
    f.add(
        "JCA notation",
        ["JointCoordinationActivityShape", "JointCoordinationActivity-notation"],
        [S("JointCoordinationActivity-notation", x, "Pattern", bad)],
    )

    x = f.org(
        "fault-jca-parent",
        "itukg:JointCoordinationActivity",
        (sub, sg20),
        ("skos:notation", Literal("JCA-Fault")),
    )
    f.add(
        "JCA of a study group",
        ["JointCoordinationActivity-subOrganizationOf"],
        [S("JointCoordinationActivity-subOrganizationOf", x, "Class", sg20)],
    )

    x = f.org("Fault_Org", "org:FormalOrganization")
    f.add(
        "organisation IRI",
        ["OrganizationShape"],
        [S("OrganizationShape", x, "Pattern", x, node_level=True)],
    )

    formal = "org:FormalOrganization"
    for slug, prop, shape in (
        ("fault-contact-point", "schema:contactPoint", "Organization-contactPoint"),
        ("fault-figure-link", "itukg:figure", "Organization-figure"),
        ("fault-linked", "org:linkedTo", "Organization-linkedTo"),
        ("fault-list-link", "itukg:mailingList", "Organization-mailingList"),
        ("fault-parent-place", sub, "Organization-subOrganizationOf"),
    ):
        x = f.org(slug, formal, (prop, f.carrier))
        f.add(f"{prop} a country", [shape], [S(shape, x, "Class", f.carrier)])

    x = f.org(
        "fault-locations",
        formal,
        ("schema:location", f.carrier),
        ("schema:location", node("place", "switzerland")),
    )
    f.add("two locations", ["Organization-location"], [S("Organization-location", x, "MaxCount")])

    bad = Literal("FAULT", language="en")
    x = f.org("fault-notation", formal, ("skos:notation", bad))
    f.add(
        "organisation notation in English",
        ["Organization-notation"],
        [S("Organization-notation", x, "Datatype", bad)],
    )

    x = f.org("fault-two-names", formal, ("skos:prefLabel", en("Second name of fault-two-names")))
    f.add("two names", ["Organization-prefLabel"], [S("Organization-prefLabel", x, "MaxCount")])

    bad = Literal("Un but en français", language="fr")
    x = f.org("fault-purpose", formal, ("org:purpose", bad))
    f.add("purpose in French", ["Organization-purpose"], [S("Organization-purpose", x, "Or", bad)])

    bad = Literal("A slogan without language")
    x = f.org("fault-slogan", formal, ("schema:slogan", bad))
    f.add(
        "slogan without language",
        ["Organization-slogan"],
        [S("Organization-slogan", x, "Datatype", bad)],
    )

    unit = "org:OrganizationalUnit"
    bad = Literal("Titre", language="fr")
    x = f.org("fault-alternative", unit, (sub, itu), ("dcterms:alternative", bad))
    f.add(
        "group title in French",
        ["OrganizationalUnitShape", "OrganizationalUnit-alternative"],
        [S("OrganizationalUnit-alternative", x, "LanguageIn", bad)],
    )

    x = node("itorg", "fault-last-meeting")
    meeting = f.country("fault-meeting-carrier", ("schema:organizer", x))
    f.org("fault-last-meeting", unit, (sub, itu), ("itukg:lastMeeting", meeting))
    f.add(
        "last meeting is a country",
        ["OrganizationalUnit-lastMeeting"],
        [S("OrganizationalUnit-lastMeeting", x, "Class", meeting)],
    )

    x = f.org("fault-mandates", unit, (sub, sg20), *(("itukg:mandatedAt", m) for m in f.meetings))
    f.add(
        "mandated twice",
        ["OrganizationalUnit-mandatedAt"],
        [S("OrganizationalUnit-mandatedAt", x, "MaxCount")],
    )

    x = f.org("fault-periods", unit, (sub, itu), *(("itukg:studyPeriod", p) for p in f.periods))
    f.add(
        "two study periods",
        ["OrganizationalUnit-studyPeriod"],
        [S("OrganizationalUnit-studyPeriod", x, "MaxCount")],
    )

    x = f.org("fault-unit-alone", unit)
    f.add(
        "unit of nothing",
        ["OrganizationalUnit-subOrganizationOf"],
        [S("OrganizationalUnit-subOrganizationOf", x, "MinCount")],
    )

    x = f.org(
        "fault-titles",
        unit,
        (sub, itu),
        ("dcterms:title", en("One title")),
        ("dcterms:title", en("Two titles")),
    )
    f.add(
        "group with two titles",
        ["OrganizationalUnit-title"],
        [S("OrganizationalUnit-title", x, "MaxCount")],
    )

    def question(slug: str, *pairs: tuple[str, Term]) -> NamedNode:
        return f.org(slug, "itukg:Question", *pairs)

    title, period = ("dcterms:title", en("A faulty Question")), ("itukg:studyPeriod", f.periods[0])
    bad = Literal("Q1-20")
    x = question("fault-question-notation", ("skos:notation", bad), title, period, (sub, sg20))
    f.add(
        "Question notation",
        ["QuestionShape", "Question-notation"],
        [S("Question-notation", x, "Pattern", bad)],
    )

    x = question("fault-question-period", ("skos:notation", Literal("Q91/20")), title, (sub, sg20))
    f.add(
        "Question without period",
        ["Question-studyPeriod"],
        [S("Question-studyPeriod", x, "MinCount")],
    )

    x = question(
        "fault-question-parent", ("skos:notation", Literal("Q92/20")), title, period, (sub, itu_t)
    )
    f.add(
        "Question of a sector",
        ["Question-subOrganizationOf"],
        [S("Question-subOrganizationOf", x, "Class", itu_t)],
    )

    x = question("fault-question-title", ("skos:notation", Literal("Q93/20")), period, (sub, sg20))
    f.add("Question without title", ["Question-title"], [S("Question-title", x, "MinCount")])

    x = question(
        "fault-question-number", ("skos:notation", Literal("Q94/13")), title, period, (sub, sg20)
    )
    f.add(
        "Question numbered after another study group",
        ["notation-violation"],
        [
            C(
                "notation-violation",
                x,
                "The Question Q94/13 is not numbered after its study group, SG20.",
                "org:subOrganizationOf",
                sg20,
            )
        ],
    )

    bad = Literal("SG20RG-afr")
    x = f.org("fault-rg-notation", "itukg:RegionalGroup", (sub, sg20), ("skos:notation", bad))
    f.add(
        "regional group notation",
        ["RegionalGroupShape", "RegionalGroup-notation"],
        [S("RegionalGroup-notation", x, "Pattern", bad)],
    )

    x = f.org(
        "fault-rg-parent",
        "itukg:RegionalGroup",
        (sub, itu_t),
        ("skos:notation", Literal("SG20RG-FLT")),
    )
    f.add(
        "regional group of a sector",
        ["RegionalGroup-subOrganizationOf"],
        [S("RegionalGroup-subOrganizationOf", x, "Class", itu_t)],
    )

    x = f.org("fault-sector", "itukg:Sector", (sub, itu), (sub, node("itorg", "un")))
    f.add(
        "sector of two",
        ["SectorShape", "Sector-subOrganizationOf"],
        [S("Sector-subOrganizationOf", x, "MaxCount")],
    )

    x = f.org(
        "fault-sg-lead",
        "itukg:StudyGroup",
        (sub, itu_t),
        ("skos:notation", Literal("SG91")),
        ("itukg:leadStudyGroupFor", f.carrier),
    )
    f.add(
        "leads a country",
        ["StudyGroupShape", "StudyGroup-leadStudyGroupFor"],
        [S("StudyGroup-leadStudyGroupFor", x, "Class", f.carrier)],
    )

    bad = Literal("SG-92")
    x = f.org("fault-sg-notation", "itukg:StudyGroup", (sub, itu_t), ("skos:notation", bad))
    f.add(
        "study group notation",
        ["StudyGroup-notation"],
        [S("StudyGroup-notation", x, "Pattern", bad)],
    )

    x = f.org("fault-sg-parent", "itukg:StudyGroup", (sub, itu), ("skos:notation", Literal("SG93")))
    f.add(
        "study group of the ITU",
        ["StudyGroup-subOrganizationOf"],
        [S("StudyGroup-subOrganizationOf", x, "Class", itu)],
    )

    x = f.org("fault-task-force", "itukg:TaskForce", (sub, itu_t))
    f.add(
        "task force of a sector",
        ["TaskForceShape", "TaskForce-subOrganizationOf"],
        [S("TaskForce-subOrganizationOf", x, "Class", itu_t)],
    )

    bad = Literal("TG fault")
    x = f.org("fault-tg-notation", "itukg:TopicGroup", (sub, sg20), ("skos:notation", bad))
    f.add(
        "topic group notation",
        ["TopicGroupShape", "TopicGroup-notation"],
        [S("TopicGroup-notation", x, "Pattern", bad)],
    )

    x = f.org(
        "fault-tg-parents",
        "itukg:TopicGroup",
        (sub, sg20),
        (sub, itu_t),
        ("skos:notation", Literal("TG-fault")),
    )
    f.add(
        "topic group of two",
        ["TopicGroup-subOrganizationOf"],
        [S("TopicGroup-subOrganizationOf", x, "MaxCount")],
    )

    bad = Literal("WG fault")
    x = f.org("fault-wg-notation", "itukg:WorkingGroup", (sub, sg20), ("skos:notation", bad))
    f.add(
        "working group notation",
        ["WorkingGroupShape", "WorkingGroup-notation"],
        [S("WorkingGroup-notation", x, "Pattern", bad)],
    )

    x = f.org("fault-wg-parents", "itukg:WorkingGroup", (sub, sg20), (sub, itu_t))
    f.add(
        "working group of two",
        ["WorkingGroup-subOrganizationOf"],
        [S("WorkingGroup-subOrganizationOf", x, "MaxCount")],
    )

    a, b = node("itorg", "fault-cycle-a"), node("itorg", "fault-cycle-b")
    f.org("fault-cycle-a", unit, (sub, b))
    f.org("fault-cycle-b", unit, (sub, a))
    f.add(
        "part of itself",
        ["suborganization-cycle-violation"],
        [
            C("suborganization-cycle-violation", a, path="org:subOrganizationOf", value=b),
            C("suborganization-cycle-violation", b, path="org:subOrganizationOf", value=a),
        ],
    )

    x = f.org(
        "fault-last-meeting-organizer", unit, (sub, itu), ("itukg:lastMeeting", f.meetings[0])
    )
    f.add(
        "last meeting of another group",
        ["meeting-organizer-violation"],
        [
            C(
                "meeting-organizer-violation",
                x,
                "The last meeting of the group (itukg:lastMeeting) is not organised by it "
                "(schema:organizer).",
                "itukg:lastMeeting",
                f.meetings[0],
            )
        ],
    )


# --- mappings.ttl ---------------------------------------------------------------------------


@fault
def _mappings(f: _Injector) -> None:
    x: Term
    bad: Term
    switzerland = node("place", "switzerland")
    faults_set = NamedNode(MAPPINGS + "faults.sssom.tsv")
    title = ("dcterms:title", Literal("Faulty mappings"))
    licence = ("dcterms:license", NamedNode("https://creativecommons.org/licenses/by/4.0/"))
    f.write(faults_set, [("rdf:type", v("sssom:MappingSet")), title, licence], prov=False)
    counter = iter(range(99_000_001, 99_001_000))

    def axiom(
        subject: NamedNode | BlankNode, *, drop: Sequence[str] = (), extra: Pairs | None = None
    ) -> None:
        """Write a mapping (by default Switzerland = a GeoNames feature) and its link."""
        target = NamedNode(f"https://sws.geonames.org/{next(counter)}/")
        pairs: Pairs = [
            ("rdf:type", v("owl:Axiom")),
            ("owl:annotatedSource", switzerland),
            ("owl:annotatedProperty", v("skos:exactMatch")),
            ("owl:annotatedTarget", target),
            ("sssom:subject_label", Literal("Switzerland")),
            ("sssom:object_label", Literal("Faulty feature")),
            ("sssom:mapping_justification", v("semapv:LexicalMatching")),
            ("pav:authoredBy", NamedNode(PREFIXES["agent"] + "contributors")),
            ("dcterms:created", typed("2026-11-25", "xsd:date")),
            ("sssom:confidence", typed("0.5", "xsd:double")),
            ("rdfs:comment", Literal("A mapping with a fault.")),
        ]
        replaced = {p for p, _ in extra or []}
        pairs = [(p, o) for p, o in pairs if p not in drop and p not in replaced] + (extra or [])
        f.write(subject, pairs, prov=False)
        source = next(o for p, o in pairs if p == "owl:annotatedSource")
        prop = next((o for p, o in pairs if p == "owl:annotatedProperty"), v("skos:exactMatch"))
        goal = next(o for p, o in pairs if p == "owl:annotatedTarget")
        assert isinstance(prop, NamedNode)
        f.write(source, [(_curie(prop), goal)], prov=False)

    def mapping_set(iri: str, *pairs: tuple[str, Term]) -> NamedNode:
        """Write a mapping set with one valid mapping (a blank node) and *pairs*."""
        term = NamedNode(iri)
        blank = BlankNode(f"fault{next(counter)}")
        axiom(blank)
        f.write(
            term,
            [("rdf:type", v("sssom:MappingSet")), *pairs, ("sssom:mappings", blank)],
            prov=False,
        )
        return term

    x = mapping_set(MAPPINGS + "Fault_Set.sssom.tsv", title, licence)
    f.add(
        "mapping set IRI",
        ["MappingSetShape"],
        [S("MappingSetShape", x, "Pattern", x, node_level=True)],
    )

    declaration = NamedNode(MAPPINGS + "fault-declare.sssom.tsv#prefix-geo")
    x = mapping_set(
        MAPPINGS + "fault-declare.sssom.tsv", title, licence, ("sh:declare", declaration)
    )
    f.write(
        declaration,
        [
            ("sh:prefix", Literal("geo")),
            ("sh:namespace", typed("https://sws.geonames.org/", "xsd:anyURI")),
        ],
        prov=False,
    )
    f.add(
        "prefix not a blank node",
        ["MappingSet-declare"],
        [S("MappingSet-declare", x, "NodeKind", declaration)],
    )

    x = mapping_set(MAPPINGS + "fault-licence.sssom.tsv", title)
    f.add(
        "mapping set without licence",
        ["MappingSet-license"],
        [S("MappingSet-license", x, "MinCount")],
    )

    bad = Literal("Faulty mappings", language="en")
    x = mapping_set(MAPPINGS + "fault-title.sssom.tsv", ("dcterms:title", bad), licence)
    f.add(
        "mapping set title in English",
        ["MappingSet-title"],
        [S("MappingSet-title", x, "Datatype", bad)],
    )

    def in_set(
        name: str, shapes: list[str], results: list[ValidationResult], term: NamedNode
    ) -> None:
        """Put a mapping named by an IRI in the faults' set, which reports it as not blank."""
        f.write(faults_set, [("sssom:mappings", term)], prov=False)
        companion = S("MappingSet-mappings", faults_set, "NodeKind", term)
        f.add(name, ["MappingShape", "MappingSet-mappings", *shapes], [*results, companion])

    def named(slug: str) -> NamedNode:
        return NamedNode(MAPPINGS + "faults.sssom.tsv#" + slug)

    x = named("no-author")
    axiom(x, drop=["pav:authoredBy"])
    in_set("mapping without author", ["Mapping-author"], [S("Mapping-author", x, "MinCount")], x)

    x = named("two-comments")
    axiom(
        x,
        extra=[("rdfs:comment", Literal("One.")), ("rdfs:comment", Literal("Two."))],
    )
    in_set(
        "mapping with two comments", ["Mapping-comment"], [S("Mapping-comment", x, "MaxCount")], x
    )

    bad = typed("1.5", "xsd:double")
    x = named("confidence")
    axiom(x, extra=[("sssom:confidence", bad)])
    in_set(
        "confidence above 1",
        ["Mapping-confidence"],
        [S("Mapping-confidence", x, "MaxInclusive", bad)],
        x,
    )

    bad = Literal("2026-11-25")
    x = named("date")
    axiom(x, extra=[("dcterms:created", bad)])
    in_set("date as a string", ["Mapping-date"], [S("Mapping-date", x, "Datatype", bad)], x)

    bad = NamedNode("https://example.org/justification")
    x = named("justification")
    axiom(x, extra=[("sssom:mapping_justification", bad)])
    in_set(
        "justification outside SEMAPV",
        ["Mapping-justification"],
        [S("Mapping-justification", x, "Pattern", bad)],
        x,
    )

    bad = Literal("Switzerland", language="en")
    x = named("label")
    axiom(x, extra=[("sssom:subject_label", bad)])
    in_set("label in English", ["Mapping-label"], [S("Mapping-label", x, "Datatype", bad)], x)

    bad = v("owl:sameAs")
    x = named("property")
    axiom(x, extra=[("owl:annotatedProperty", bad)])
    in_set("owl:sameAs mapping", ["Mapping-property"], [S("Mapping-property", x, "In", bad)], x)

    other_set = NamedNode(MAPPINGS + "fault-second.sssom.tsv")
    x = named("two-sets")
    axiom(x)
    f.write(
        other_set,
        [("rdf:type", v("sssom:MappingSet")), title, licence, ("sssom:mappings", x)],
        prov=False,
    )
    in_set(
        "mapping in two sets",
        ["Mapping-set"],
        [S("Mapping-set", x, "MaxCount"), S("MappingSet-mappings", other_set, "NodeKind", x)],
        x,
    )

    bad = NamedNode("https://example.org/fault-source")
    x = named("source")
    axiom(x, extra=[("owl:annotatedSource", bad)])
    in_set(
        "subject outside the graph", ["Mapping-source"], [S("Mapping-source", x, "Pattern", bad)], x
    )

    bad = NamedNode("ftp://example.org/fault-target")
    x = named("target")
    axiom(x, extra=[("owl:annotatedTarget", bad)])
    in_set("object not http", ["Mapping-target"], [S("Mapping-target", x, "Pattern", bad)], x)

    holder = NamedNode(MAPPINGS + "fault-prefixes")
    for slug, prefix, namespace, shape, component, bad_term in (
        (
            "namespace",
            "ns",
            Literal("https://example.org/"),
            "PrefixDeclaration-namespace",
            "Datatype",
            None,
        ),
        ("prefix", "1bad", None, "PrefixDeclaration-prefix", "Pattern", Literal("1bad")),
    ):
        declaration = NamedNode(f"{holder.value}#{slug}")
        ns = namespace or typed("https://example.org/", "xsd:anyURI")
        f.write(holder, [("sh:declare", declaration)], prov=False)
        f.write(declaration, [("sh:prefix", Literal(prefix)), ("sh:namespace", ns)], prov=False)
        f.add(
            f"prefix declaration {slug}",
            ["PrefixDeclarationShape", shape],
            [S(shape, declaration, component, bad_term or ns)],
        )

    target = NamedNode("https://sws.geonames.org/99999999/")
    x = f.country("fault-unmapped", ("skos:exactMatch", target))
    f.add(
        "link in no mapping set",
        ["mapping-violation"],
        [
            C(
                "mapping-violation",
                x,
                "The link is in no mapping set: links to other datasets are added as rows of "
                "data/mappings/*.sssom.tsv.",
                "skos:exactMatch",
                target,
            )
        ],
    )


def _curie(term: NamedNode) -> str:
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if term.value.startswith(namespace):
            return f"{prefix}:{term.value[len(namespace) :]}"
    raise ValueError(f"no prefix for {term}")


# --- people.ttl -----------------------------------------------------------------------------


def _mini_check(name: str, triples: list[tuple[Term, str, Term]]) -> str:
    """Return the message of check *name* on *triples* alone.

    The checks chair-violation and duplicate-name-violation list the nodes at fault with
    GROUP_CONCAT, in the order the store finds them: that order is the store's, so it is read
    from a store that holds the fault alone (it does not depend on the rest of the graph).
    """
    from pyoxigraph import DefaultGraph, Quad

    store = Store()
    store.extend(Quad(s, v(p), o, DefaultGraph()) for s, p, o in triples)  # type: ignore[arg-type]
    answer = queries.execute(store, _checks()[name].text)
    messages = [row["message"].value for row in answer]  # type: ignore[union-attr]
    assert len(messages) == 1, messages
    return str(messages[0])


@fault
def _people(f: _Injector) -> None:
    x: Term
    bad: Term
    editor = node("role", "editor")
    member = f.person("fault-member", "Faulty Member", role=False)
    orgs = iter(
        [
            f.holder,
            *(node("itorg", s) for s in ("un", "iso", "iec", "itu-r", "itu-d", "br", "bdt", "tsb")),
        ]
    )

    x = f.membership("Fault_Membership", member, org=next(orgs))
    f.add(
        "membership IRI",
        ["MembershipShape"],
        [S("MembershipShape", x, "Pattern", x, node_level=True)],
    )

    x = f.membership(
        "fault-affiliation-is-role", member, ("itukg:affiliation", editor), org=next(orgs)
    )
    f.add(
        "affiliation is a role",
        ["Membership-affiliation"],
        [S("Membership-affiliation", x, "Or", editor)],
    )

    x = f.membership("fault-member-place", f.carrier, org=next(orgs))
    f.add(
        "member is a country",
        ["Membership-member"],
        [S("Membership-member", x, "Class", f.carrier)],
    )

    x = f.membership("fault-during", member, ("org:memberDuring", f.carrier), org=next(orgs))
    f.add(
        "during a country",
        ["Membership-memberDuring"],
        [S("Membership-memberDuring", x, "Class", f.carrier)],
    )

    x = node("membership", "fault-no-organization")
    f.write(x, [("rdf:type", v("org:Membership")), ("org:member", member), ("org:role", editor)])
    f.add(
        "membership of nothing",
        ["Membership-organization"],
        [S("Membership-organization", x, "MinCount")],
    )

    x = f.membership(
        "fault-represents",
        member,
        ("itukg:represents", node("itorg", "iso")),
        ("itukg:represents", node("itorg", "iec")),
        org=next(orgs),
    )
    f.add("represents two", ["Membership-represents"], [S("Membership-represents", x, "MaxCount")])

    x = node("membership", "fault-role")
    f.write(
        x,
        [
            ("rdf:type", v("org:Membership")),
            ("org:member", member),
            ("org:organization", next(orgs)),
            ("org:role", f.carrier),
        ],
    )
    f.add("role is a country", ["Membership-role"], [S("Membership-role", x, "Class", f.carrier)])

    x = f.person("Fault_Person", "Faulty Pattern")
    f.add("person IRI", ["PersonShape"], [S("PersonShape", x, "Pattern", x, node_level=True)])

    bad = Literal("FAULTY ALT", language="en")
    x = f.person("fault-alt-label", "Faulty Alt", ("skos:altLabel", bad))
    f.add(
        "other spelling in English", ["Person-altLabel"], [S("Person-altLabel", x, "Datatype", bad)]
    )

    x = f.person(
        "fault-family-names",
        "Faulty Families",
        ("foaf:familyName", Literal("One")),
        ("foaf:familyName", Literal("Two")),
    )
    f.add("two family names", ["Person-familyName"], [S("Person-familyName", x, "MaxCount")])

    x = f.person(
        "fault-given-names",
        "Faulty Givens",
        ("foaf:givenName", Literal("One")),
        ("foaf:givenName", Literal("Two")),
    )
    f.add("two given names", ["Person-givenName"], [S("Person-givenName", x, "MaxCount")])

    x = node("person", "fault-member-of")
    f.person("fault-member-of", "Faulty Member-of", ("org:memberOf", f.carrier), role=False)
    f.membership("fault-member-of-role", x, ("itukg:affiliation", f.carrier))
    f.add("member of a country", ["Person-memberOf"], [S("Person-memberOf", x, "Class", f.carrier)])

    x = f.person("fault-no-role", "Faulty Roleless", role=False)
    f.add("person without role", ["Person-membership"], [S("Person-membership", x, "MinCount")])

    bad = Literal(" Faulty Padded")
    x = node("person", "fault-padded")
    f.write(x, [("rdf:type", v("foaf:Person")), ("foaf:name", bad), ("skos:prefLabel", bad)])
    f.membership("fault-padded-role", x)
    f.add("name with a space", ["Person-name"], [S("Person-name", x, "Pattern", bad)])

    name, label = Literal("Faulty Name"), Literal("Faulty Label")
    x = node("person", "fault-pref-label")
    f.write(x, [("rdf:type", v("foaf:Person")), ("foaf:name", name), ("skos:prefLabel", label)])
    f.membership("fault-pref-label-role", x)
    f.add(
        "label is not the name",
        ["Person-prefLabel"],
        [S("Person-prefLabel", x, "Equals", label), S("Person-prefLabel", x, "Equals", name)],
    )

    bad = Literal("Sir")
    x = f.person("fault-title", "Faulty Title", ("foaf:title", bad))
    f.add("title outside the list", ["Person-title"], [S("Person-title", x, "In", bad)])

    x = f.person(
        "fault-name-order",
        "Faulty Given Family",
        ("foaf:givenName", Literal("Faulty")),
        ("foaf:familyName", Literal("Family")),
    )
    f.add(
        "name is not given and family",
        ["person-name-violation"],
        [
            C(
                "person-name-violation",
                x,
                "The name is not the given name (Faulty) followed by the family name (Family).",
                "foaf:name",
                Literal("Faulty Given Family"),
            )
        ],
    )

    affiliated = f.org("fault-affiliated-org", "org:FormalOrganization")
    x = f.person("fault-affiliation", "Faulty Affiliation", role=False)
    f.membership("fault-affiliation-role", x, ("itukg:affiliation", affiliated))
    f.add(
        "affiliation without memberOf",
        ["affiliation-violation"],
        [
            C(
                "affiliation-violation",
                x,
                "The person holds a role with this organisation as its affiliation "
                "(itukg:affiliation), but is not stated as a member of it (org:memberOf).",
                "org:memberOf",
                affiliated,
            )
        ],
    )

    x = f.person("fault-duplicate-role", "Faulty Duplicate", role=False)
    one = f.membership("fault-duplicate-role-1", x)
    two = f.membership("fault-duplicate-role-2", x)
    message = "Another membership has the same member, organisation and role."
    f.add(
        "same role twice",
        ["duplicate-membership-violation"],
        [
            C("duplicate-membership-violation", one, message, value=two),
            C("duplicate-membership-violation", two, message, value=one),
        ],
    )

    group = f.org(
        "fault-two-chairs",
        "org:OrganizationalUnit",
        ("org:subOrganizationOf", node("itorg", "itu")),
    )
    chair = node("role", "chair")
    mini: list[tuple[Term, str, Term]] = []
    for letter in "ab":
        person = f.person(f"fault-chair-{letter}", f"Faulty Chair {letter.upper()}", role=False)
        m = f.membership(f"fault-chair-{letter}-role", person, ("org:role", chair), org=group)
        mini += [(m, "org:organization", group), (m, "org:role", chair), (m, "org:member", person)]
    f.add(
        "two chairmen",
        ["chair-violation"],
        [C("chair-violation", group, _mini_check("chair-violation", mini))],
    )

    mini = []
    persons = []
    for letter, same in (("a", "Faulty Samename"), ("b", "Fâulty SAMENAME")):
        person = f.person(f"fault-same-name-{letter}", same)
        persons.append(person)
        mini += [(person, "rdf:type", v("foaf:Person")), (person, "foaf:name", Literal(same))]
        mini += [(person, "skos:prefLabel", Literal(same))]
    f.add(
        "two people of one name",
        ["duplicate-name-violation"],
        [
            C(
                "duplicate-name-violation",
                min(persons, key=lambda p: p.value),
                _mini_check("duplicate-name-violation", mini),
            )
        ],
    )

    def post(slug: str, *pairs: tuple[str, Term]) -> NamedNode:
        term = node("post", slug)
        f.write(term, [("rdf:type", v("org:Post")), ("skos:prefLabel", en(f"Post {slug}")), *pairs])
        return term

    post_in, role = ("org:postIn", node("itorg", "tsb")), ("org:role", node("role", "director"))
    x = post("Fault_Post", post_in, role)
    f.add("post IRI", ["PostShape"], [S("PostShape", x, "Pattern", x, node_level=True)])
    x = post("fault-held-by", post_in, role, ("org:heldBy", f.carrier))
    f.add("post held by a country", ["Post-heldBy"], [S("Post-heldBy", x, "Class", f.carrier)])
    x = post("fault-post-in", role)
    f.add("post in nothing", ["Post-postIn"], [S("Post-postIn", x, "MinCount")])
    x = post("fault-post-role", post_in, ("org:role", f.carrier))
    f.add("post role is a country", ["Post-role"], [S("Post-role", x, "Class", f.carrier)])

    x = _concept(
        f, node("concept", "fault-role"), "org:Role", ("skos:inScheme", node("scheme", "roles"))
    )
    f.add("role IRI", ["RoleShape"], [S("RoleShape", x, "Pattern", x, node_level=True)])


# --- places.ttl -----------------------------------------------------------------------------


@fault
def _places(f: _Injector) -> None:
    x: Term
    bad: Term

    def place(slug: str, cls: str, *pairs: tuple[str, Term]) -> NamedNode:
        term = node("place", slug)
        f.write(term, [("rdf:type", v(cls)), ("skos:prefLabel", en(f"Place {slug}")), *pairs])
        return term

    x = place("Fault_City", "schema:City")
    f.add("city IRI", ["CityShape"], [S("CityShape", x, "Pattern", x, node_level=True)])
    x = place(
        "fault-city-countries",
        "schema:City",
        ("schema:containedInPlace", f.carrier),
        ("schema:containedInPlace", node("place", "switzerland")),
    )
    f.add(
        "city in two countries",
        ["City-containedInPlace"],
        [S("City-containedInPlace", x, "MaxCount")],
    )
    x = place("Fault_Country", "schema:Country")
    f.add("country IRI", ["CountryShape"], [S("CountryShape", x, "Pattern", x, node_level=True)])
    url = ("schema:url", NamedNode("https://example.org/meet"))
    x = place("Fault_Virtual", "schema:VirtualLocation", url)
    f.add(
        "virtual location IRI",
        ["VirtualLocationShape"],
        [S("VirtualLocationShape", x, "Pattern", x, node_level=True)],
    )
    x = place("fault-virtual-url", "schema:VirtualLocation")
    f.add(
        "virtual location without address",
        ["VirtualLocation-url"],
        [S("VirtualLocation-url", x, "MinCount")],
    )

    bad = typed("zz", "itukg:iso3166Alpha2")
    x = f.country("fault-codes", ("skos:notation", bad))
    f.add(
        "lower-case ISO code",
        ["iso3166-code-violation"],
        [
            C(
                "iso3166-code-violation",
                x,
                '"zz" is not an ISO 3166-1 alpha-2 code.',
                "skos:notation",
                bad,
            )
        ],
    )

    x = node("place", "fault-no-provenance")
    f.write(
        x,
        [("rdf:type", v("schema:Country")), ("skos:prefLabel", en("Country without provenance"))],
        prov=False,
    )
    f.add("thing without provenance", ["provenance-violation"], [C("provenance-violation", x)])

    untyped = node("concept", "fault-untyped")
    f.country("fault-untyped-link", ("skos:related", untyped))
    f.add(
        "link to an untyped node",
        ["untyped-node-violation"],
        [C("untyped-node-violation", untyped)],
    )


# --- provenance.ttl -------------------------------------------------------------------------


@fault
def _provenance(f: _Injector) -> None:
    x: Term
    bad: Term
    doc = f.doc
    src = ID + "source/sg20-overview/"

    _, selector = f.part_of(src + "fault-selector-iri", doc, selector_iri=src + "Fault_Lines")
    f.add(
        "selector IRI",
        ["FragmentSelectorShape"],
        [S("FragmentSelectorShape", selector, "Pattern", selector, node_level=True)],
    )

    _, selector = f.part_of(src + "fault-conforms-to", doc, conforms_to="http://example.org/rfc")
    f.add(
        "selector of another RFC",
        ["FragmentSelector-conformsTo"],
        [S("FragmentSelector-conformsTo", selector, "HasValue")],
    )

    selector = NamedNode(src + "fault-orphan-lines")
    f.write(
        selector,
        [
            ("rdf:type", v("oa:FragmentSelector")),
            ("dcterms:conformsTo", NamedNode("http://tools.ietf.org/rfc/rfc5147")),
            ("rdf:value", Literal("line=0,1")),
        ],
        prov=False,
    )
    f.add(
        "selector of no part",
        ["FragmentSelector-part"],
        [S("FragmentSelector-part", selector, "MinCount")],
    )

    bad = Literal("lines 1-2")
    _, selector = f.part_of(src + "fault-selector-value", doc, lines="lines 1-2")
    f.add(
        "selector value",
        ["FragmentSelector-value"],
        [S("FragmentSelector-value", selector, "Pattern", bad)],
    )

    x = NamedNode("https://example.org/fault-provenance")
    f.write(x, [], prov=True)
    f.add(
        "provenance outside the graph",
        ["ProvenanceShape"],
        [S("ProvenanceShape", x, "Pattern", x, node_level=True)],
    )

    x = node("place", "fault-derived")
    f.write(
        x,
        [
            ("rdf:type", v("schema:Country")),
            ("skos:prefLabel", en("Country fault-derived")),
            ("dcterms:source", doc),
            ("prov:wasDerivedFrom", f.carrier),
        ],
        prov=False,
    )
    f.add(
        "derived from a country",
        ["Provenance-derivedFrom"],
        [S("Provenance-derivedFrom", x, "Class", f.carrier)],
    )

    x = node("place", "fault-source")
    f.write(
        x,
        [
            ("rdf:type", v("schema:Country")),
            ("skos:prefLabel", en("Country fault-source")),
            ("dcterms:source", NamedNode("https://example.org/fault-document")),
            ("prov:wasDerivedFrom", f.part),
        ],
        prov=False,
    )
    f.add("another source", ["Provenance-source"], [S("Provenance-source", x, "HasValue")])

    x = f.document("Fault_Document")
    f.add(
        "source document IRI",
        ["SourceDocumentShape"],
        [S("SourceDocumentShape", x, "Pattern", x, node_level=True)],
    )
    x = f.document(
        "fault-descriptions",
        extra=[
            ("dcterms:description", en("One description.")),
            ("dcterms:description", en("Two.")),
        ],
    )
    f.add(
        "two descriptions",
        ["SourceDocument-description"],
        [S("SourceDocument-description", x, "MaxCount")],
    )
    x = f.document("fault-format", drop=["dcterms:format"])
    f.add(
        "document without format",
        ["SourceDocument-format"],
        [S("SourceDocument-format", x, "MinCount")],
    )
    bad = Literal("sha256:XYZ")
    x = f.document(
        "fault-identifier", drop=["dcterms:identifier"], extra=[("dcterms:identifier", bad)]
    )
    f.add(
        "bad hash",
        ["SourceDocument-identifier"],
        [S("SourceDocument-identifier", x, "Pattern", bad)],
    )
    x = f.document("fault-labels", extra=[("rdfs:label", en("Another title"))])
    f.add(
        "document with two titles",
        ["SourceDocument-label"],
        [S("SourceDocument-label", x, "MaxCount")],
    )
    bad = Literal("EN")
    x = f.document("fault-language", drop=["dcterms:language"], extra=[("dcterms:language", bad)])
    f.add(
        "language in capitals",
        ["SourceDocument-language"],
        [S("SourceDocument-language", x, "Pattern", bad)],
    )

    x, _ = f.part_of(src + "Fault_Part", doc, selector_iri=src + "fault-part-pattern-lines")
    f.add("part IRI", ["SourcePartShape"], [S("SourcePartShape", x, "Pattern", x, node_level=True)])
    x, _ = f.part_of(src + "fault-no-selector", doc, drop=["oa:hasSelector"])
    f.add(
        "part without selector",
        ["SourcePart-hasSelector"],
        [S("SourcePart-hasSelector", x, "MinCount")],
    )
    x, _ = f.part_of(src + "fault-part-source", f.carrier)
    f.add(
        "part of a country",
        ["SourcePart-hasSource"],
        [S("SourcePart-hasSource", x, "Class", f.carrier)],
    )
    other = NamedNode("https://example.org/fault-document")
    x, _ = f.part_of(
        src + "fault-part-of", doc, drop=["dcterms:isPartOf"], extra=[("dcterms:isPartOf", other)]
    )
    f.add(
        "part of another document",
        ["SourcePart-isPartOf"],
        [S("SourcePart-isPartOf", x, "Equals", other), S("SourcePart-isPartOf", x, "Equals", doc)],
    )
    x, _ = f.part_of(src + "fault-part-label", doc, drop=["rdfs:label"])
    f.add("part without title", ["SourcePart-label"], [S("SourcePart-label", x, "MinCount")])

    positions = f.document("fault-positions")
    x, _ = f.part_of(ID + "source/fault-positions/part-0", positions, position=0, lines="line=0,5")
    f.add(
        "part at position 0",
        ["SourcePart-position"],
        [S("SourcePart-position", x, "MinInclusive", integer(0))],
    )

    overlap = f.document("fault-overlap")
    one, _ = f.part_of(ID + "source/fault-overlap/part-1", overlap, position=1, lines="line=0,10")
    two, _ = f.part_of(ID + "source/fault-overlap/part-2", overlap, position=2, lines="line=5,15")
    f.add(
        "parts that overlap",
        ["selector-overlap-violation"],
        [
            C(
                "selector-overlap-violation",
                one,
                "The part selects line=0,10, which overlaps line=5,15, selected by another part "
                "of the same document.",
                "oa:hasSelector",
                two,
            ),
            C(
                "selector-overlap-violation",
                two,
                "The part selects line=5,15, which overlaps line=0,10, selected by another part "
                "of the same document.",
                "oa:hasSelector",
                one,
            ),
        ],
    )

    order = f.document("fault-order")
    one, _ = f.part_of(ID + "source/fault-order/part-1", order, position=1, lines="line=10,20")
    two, _ = f.part_of(ID + "source/fault-order/part-2", order, position=2, lines="line=0,5")
    f.add(
        "parts out of order",
        ["source-part-order-violation"],
        [
            C(
                "source-part-order-violation",
                one,
                "The part is numbered 1 but its lines (line=10,20) come after those of part 2 "
                "(line=0,5).",
                "schema:position",
                two,
            )
        ],
    )


# --- texts.ttl ------------------------------------------------------------------------------


@fault
def _texts(f: _Injector) -> None:
    x: Term
    bad: Term
    sg20 = f.sg20

    def clause(
        slug: str, cls: str, *pairs: tuple[str, Term], drop: Sequence[str] = ()
    ) -> NamedNode:
        term = node("res", slug)
        position = int(slug.rsplit("-", 1)[-1]) if slug[-1].isdigit() else 1
        everything: Pairs = [
            ("rdf:type", v(cls)),
            ("schema:position", integer(position)),
            ("schema:text", en(f"to fix {slug};")),
            *pairs,
        ]
        replaced = {p for p, _ in pairs}
        base = [
            (p, o)
            for p, o in everything[:3]
            if p not in drop and (p == "rdf:type" or p not in replaced)
        ]
        f.write(term, base + list(pairs))
        return term

    def resolution(
        number: str, *pairs: tuple[str, Term], drop: Sequence[str] = (), iri: str = ""
    ) -> NamedNode:
        term = NamedNode(iri) if iri else node("res", number)
        everything: Pairs = [
            ("rdf:type", v("itukg:Resolution")),
            ("skos:prefLabel", en(f"Resolution {number}")),
            ("dcterms:title", en(f"Faulty resolution {number}")),
            ("skos:notation", Literal(number)),
            ("foaf:page", NamedNode(f"https://example.org/resolution/{number}")),
        ]
        replaced = {p for p, _ in pairs}
        base = [(p, o) for p, o in everything if p not in drop and p not in replaced]
        f.write(term, base + list(pairs))
        return term

    lead = ("itukg:leadIn", en("Instructs the faulty study groups"))
    resolves = ("itukg:leadIn", en("Resolves"))
    instructs = ("itukg:instructs", sg20)
    clauses: list[NamedNode] = []

    x = clause("9001-instructs-1", "itukg:InstructsClause", lead)
    clauses.append(x)
    f.add(
        "instructs no one",
        ["InstructsClauseShape", "InstructsClause-instructs"],
        [S("InstructsClause-instructs", x, "MinCount")],
    )
    bad = en("Requests the faulty study groups")
    x = clause("9001-instructs-2", "itukg:InstructsClause", ("itukg:leadIn", bad), instructs)
    clauses.append(x)
    f.add(
        "lead-in without instruct",
        ["InstructsClause-leadIn"],
        [S("InstructsClause-leadIn", x, "Pattern", bad)],
    )
    x = clause("9001-Instructs-3", "itukg:InstructsClause", lead, instructs)
    clauses.append(x)
    f.add(
        "clause IRI",
        ["ResolutionClauseShape"],
        [S("ResolutionClauseShape", x, "Pattern", x, node_level=True)],
    )
    x = clause("9001-resolves-1", "itukg:ResolutionClause")
    clauses.append(x)
    f.add(
        "clause without lead-in",
        ["ResolutionClause-leadIn"],
        [S("ResolutionClause-leadIn", x, "MinCount")],
    )
    bad = integer(0)
    x = clause("9001-resolves-2", "itukg:ResolutionClause", resolves, ("schema:position", bad))
    clauses.append(x)
    f.add(
        "clause at position 0",
        ["ResolutionClause-position"],
        [S("ResolutionClause-position", x, "MinInclusive", bad)],
    )
    x = clause(
        "9001-resolves-3",
        "itukg:ResolutionClause",
        resolves,
        ("schema:text", en("to fix once;")),
        ("schema:text", en("to fix twice;")),
    )
    clauses.append(x)
    f.add(
        "clause with two texts",
        ["ResolutionClause-text"],
        [S("ResolutionClause-text", x, "MaxCount")],
    )
    bad = en("Decides")
    x = clause("9001-resolves-4", "itukg:ResolvesClause", ("itukg:leadIn", bad))
    clauses.append(x)
    f.add(
        "resolves clause that decides",
        ["ResolvesClauseShape", "ResolvesClause-leadIn"],
        [S("ResolvesClause-leadIn", x, "Pattern", bad)],
    )
    resolution("9001", *(("itukg:clause", c) for c in clauses), instructs)

    x = clause("9099-resolves-1", "itukg:ResolutionClause", resolves)
    f.add(
        "clause of no resolution",
        ["ResolutionClause-resolution"],
        [S("ResolutionClause-resolution", x, "MinCount")],
    )

    x = resolution("9002", iri=ID + "x/resolution/9002")
    f.add(
        "resolution IRI",
        ["ResolutionShape"],
        [S("ResolutionShape", x, "Pattern", x, node_level=True)],
    )
    bad = Literal("Titre", language="fr")
    x = resolution("9003", ("dcterms:alternative", bad))
    f.add(
        "resolution title in French",
        ["Resolution-alternative"],
        [S("Resolution-alternative", x, "LanguageIn", bad)],
    )
    x = resolution("9004", ("itukg:clause", f.carrier))
    f.add(
        "clause is a country",
        ["Resolution-clause"],
        [S("Resolution-clause", x, "Class", f.carrier)],
    )
    topic = node("concept", "itu-t-sg20-key-topic-interoperability")
    x = resolution("9005", ("itukg:goal", topic))
    f.add("goal is a topic", ["Resolution-goal"], [S("Resolution-goal", x, "Class", topic)])
    x = resolution("9006", ("itukg:instructs", f.carrier))
    f.add(
        "instructs a country",
        ["Resolution-instructs"],
        [S("Resolution-instructs", x, "Or", f.carrier)],
    )
    switzerland = node("place", "switzerland")
    x = resolution("9007", ("schema:locationCreated", switzerland))
    f.add(
        "revised in a country",
        ["Resolution-locationCreated"],
        [S("Resolution-locationCreated", x, "Class", switzerland)],
    )
    bad = typed("2020-01", "xsd:gYearMonth")
    x = resolution("9008", ("dcterms:modified", bad))
    f.add("revised in a month", ["Resolution-modified"], [S("Resolution-modified", x, "Or", bad)])
    bad = Literal("9009", language="en")
    x = resolution("9009", ("skos:notation", bad))
    f.add(
        "number in English", ["Resolution-notation"], [S("Resolution-notation", x, "Datatype", bad)]
    )
    x = resolution("9010", drop=["foaf:page"])
    f.add("resolution without page", ["Resolution-page"], [S("Resolution-page", x, "MinCount")])
    x = resolution("9011", drop=["dcterms:title"])
    f.add("resolution without title", ["Resolution-title"], [S("Resolution-title", x, "MinCount")])

    x = clause("9012-instructs-1", "itukg:InstructsClause", lead, instructs)
    resolution("9012", ("itukg:clause", x))
    f.add(
        "clause instructs more than its resolution",
        ["resolution-clause-violation"],
        [
            C(
                "resolution-clause-violation",
                x,
                "The clause instructs someone whom its resolution does not instruct "
                "(itukg:instructs).",
                "itukg:instructs",
                sg20,
            )
        ],
    )

    def recommendation(
        notation: str, *pairs: tuple[str, Term], drop: Sequence[str] = (), iri: str = ""
    ) -> NamedNode:
        term = NamedNode(iri) if iri else node("rec", notation)
        identifier = Literal(f"ITU-T {notation}")
        everything: Pairs = [
            ("rdf:type", v("itukg:Recommendation")),
            ("dcterms:identifier", identifier),
            ("skos:prefLabel", identifier),
            ("skos:notation", Literal(notation)),
            ("dcterms:title", en(f"Faulty Recommendation {notation}")),
            ("dcterms:publisher", node("itorg", "itu-t")),
            ("dcterms:subject", topic),
            ("itukg:series", node("rec", "series-Y")),
        ]
        replaced = {p for p, _ in pairs}
        base = [(p, o) for p, o in everything if p not in drop and p not in replaced]
        f.write(term, base + list(pairs))
        return term

    x = recommendation("Y.9001", iri=ID + "x/recommendation/Y.9001")
    f.add(
        "Recommendation IRI",
        ["RecommendationShape"],
        [S("RecommendationShape", x, "Pattern", x, node_level=True)],
    )
    bad = Literal("ITU-T Y.9002", language="en")
    x = recommendation("Y.9002", ("dcterms:identifier", bad), ("skos:prefLabel", bad))
    f.add(
        "identifier in English",
        ["Recommendation-identifier"],
        [S("Recommendation-identifier", x, "Datatype", bad)],
    )
    bad = Literal("Y.9003", language="en")
    x = recommendation("Y.9003", ("skos:notation", bad))
    f.add(
        "Recommendation notation in English",
        ["Recommendation-notation"],
        [S("Recommendation-notation", x, "Datatype", bad)],
    )
    label, identifier = Literal("Y.9004"), Literal("ITU-T Y.9004")
    x = recommendation("Y.9004", ("skos:prefLabel", label))
    f.add(
        "label is not the identifier",
        ["Recommendation-prefLabel"],
        [
            S("Recommendation-prefLabel", x, "Equals", label),
            S("Recommendation-prefLabel", x, "Equals", identifier),
        ],
    )
    x = recommendation("Y.9005", ("dcterms:publisher", f.carrier))
    f.add(
        "published by a country",
        ["Recommendation-publisher"],
        [S("Recommendation-publisher", x, "Class", f.carrier)],
    )
    x = recommendation("Y.9006", ("itukg:series", topic))
    f.add(
        "series is a topic",
        ["Recommendation-series"],
        [S("Recommendation-series", x, "Class", topic)],
    )
    x = recommendation("Y.9007", drop=["dcterms:subject"])
    f.add(
        "Recommendation without topic",
        ["Recommendation-subject"],
        [S("Recommendation-subject", x, "MinCount")],
    )
    bad = Literal("Titre", language="fr")
    x = recommendation("Y.9008", ("dcterms:title", bad))
    f.add(
        "title in French",
        ["Recommendation-title"],
        [S("Recommendation-title", x, "LanguageIn", bad)],
    )

    def publication(slug: str, *pairs: tuple[str, Term], drop: Sequence[str] = ()) -> NamedNode:
        term = node("pub", slug)
        everything: Pairs = [
            ("rdf:type", v("itukg:Publication")),
            ("skos:prefLabel", en(f"Publication {slug}")),
            ("dcterms:creator", node("itorg", "itu")),
            ("foaf:page", NamedNode(f"https://example.org/{slug}")),
        ]
        replaced = {p for p, _ in pairs}
        f.write(
            term,
            [(p, o) for p, o in everything if p not in drop and p not in replaced] + list(pairs),
        )
        return term

    x = publication("Fault_Publication")
    f.add(
        "publication IRI",
        ["PublicationShape"],
        [S("PublicationShape", x, "Pattern", x, node_level=True)],
    )
    x = publication("fault-creator", ("dcterms:creator", f.carrier))
    f.add(
        "made by a country",
        ["Publication-creator"],
        [S("Publication-creator", x, "Class", f.carrier)],
    )
    x = publication("fault-page", drop=["foaf:page"])
    f.add("publication without page", ["Publication-page"], [S("Publication-page", x, "MinCount")])
    x = publication("fault-spatial", ("dcterms:spatial", f.holder))
    f.add(
        "about an organisation",
        ["Publication-spatial"],
        [S("Publication-spatial", x, "Or", f.holder)],
    )
    x = publication("fault-titles", ("dcterms:title", en("One")), ("dcterms:title", en("Two")))
    f.add(
        "publication with two titles",
        ["Publication-title"],
        [S("Publication-title", x, "MaxCount")],
    )
