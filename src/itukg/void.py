"""A VoID and DCAT description of the graph, computed from the loaded graph itself.

:func:`describe` returns the triples of the description; nothing in it is typed by hand but
the title, description, licence and publisher. The dataset (``https://w3id.org/itukg/graph``,
the IRI of the whole graph) is a ``void:Dataset`` and a ``dcat:Dataset`` with:

* its size: ``void:triples``, ``void:entities`` (the distinct subjects under its
  ``void:uriSpace``, ``https://w3id.org/itukg/id/``), ``void:classes``, ``void:properties``,
  ``void:distinctSubjects``, ``void:distinctObjects``;
* one ``void:classPartition`` per class, with ``void:class`` and ``void:entities`` (the
  distinct instances of the class);
* ``void:vocabulary``: the namespace of every class and property it uses;
* one ``dcat:Distribution`` per export format of :data:`itukg.export.FORMATS`, with its
  ``dcat:mediaType`` (an IANA IRI) and ``dcterms:conformsTo`` (the format's specification),
  and one per mapping set, as SSSOM/TSV;
* one ``void:Linkset`` per target dataset and link predicate (``void:subset`` of the
  dataset): ``void:target`` (the graph and the other dataset, also as
  ``void:subjectsTarget`` and ``void:objectsTarget``), ``void:linkPredicate``,
  ``void:triples``, and the mapping sets the links come from (``prov:wasDerivedFrom``).

With a *base_url* (the server's public URL) the description also gives where the graph is
served: ``void:sparqlEndpoint``, ``foaf:homepage``, ``dcat:landingPage``, the
``dcat:downloadURL`` and ``dcat:accessURL`` of every distribution the server offers, and
``void:dataDump`` for each of them.

The description's own nodes (distributions, partitions, linksets, other datasets) are
fragments of ``https://w3id.org/itukg/.well-known/void``, where the server publishes it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Store, Triple

from itukg.namespaces import BASE, CURATORS, GRAPH, ID, ITUKG, MAPPINGS, PREFIXES, VOCABULARIES

DOCUMENT = BASE + ".well-known/void"
"""Where the description is published; its nodes are fragments of this IRI."""

VOID = PREFIXES["void"]
DCAT = PREFIXES["dcat"]
DCTERMS = PREFIXES["dcterms"]
FOAF = PREFIXES["foaf"]
PROV = PREFIXES["prov"]
RDF_TYPE = PREFIXES["rdf"] + "type"
SKOS = PREFIXES["skos"]
OWL = PREFIXES["owl"]
IANA = "https://www.iana.org/assignments/media-types/"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"

TITLE = "itukg: the knowledge graph of ITU-T Study Group 20"
DESCRIPTION = (
    "Linked data on ITU-T Study Group 20 (IoT and smart sustainable cities): its groups, the "
    "people who lead them, resolutions, Recommendations and meetings, each traced to its "
    "source, with its cities and countries linked to GeoNames."
)
PUBLISHER_NAME = "itukg contributors"

#: The predicates that link a thing of the graph to a thing of another dataset.
LINK_PREDICATES = (SKOS + "exactMatch", SKOS + "closeMatch", OWL + "sameAs")


@dataclass(frozen=True)
class Target:
    """Another dataset the graph links to."""

    key: str
    """The fragment of its node in the description (``geonames``)."""
    title: str
    namespace: str
    """Its ``void:uriSpace``: the start of the IRIs of its things."""
    homepage: str | None = None


#: The datasets the graph links to, known by the namespace of their things.
TARGETS = (
    Target("geonames", "GeoNames", "https://sws.geonames.org/", "https://www.geonames.org/"),
    Target("wikidata", "Wikidata", "http://www.wikidata.org/entity/", "https://www.wikidata.org/"),
)

#: Where the server serves the whole graph in each RDF format: export format -> ``?format=``.
SERVED_FORMATS = {"turtle": "ttl", "json-ld": "jsonld", "nt": "nt", "xml": "rdf"}

#: Human names of the export formats, for the titles of distributions.
FORMAT_NAMES = {
    "turtle": "Turtle",
    "nt": "N-Triples",
    "nq": "N-Quads",
    "trig": "TriG",
    "xml": "RDF/XML",
    "n3": "N3",
    "json-ld": "JSON-LD",
}


def node(fragment: str) -> NamedNode:
    """Return the node of the description called *fragment*."""
    return NamedNode(f"{DOCUMENT}#{fragment}")


def target_of(iri: str) -> Target:
    """Return the dataset a linked IRI belongs to: a known one, else its scheme and host."""
    for target in TARGETS:
        if iri.startswith(target.namespace):
            return target
    match = re.match(r"[A-Za-z][A-Za-z0-9+.\-]*://[^/?#]*/?", iri)
    namespace = match.group(0) if match else iri
    if not namespace.endswith("/"):
        namespace += "/"
    key = re.sub(r"[^a-z0-9]+", "-", namespace.split("://", 1)[-1].lower()).strip("-")
    return Target(key, namespace.split("://", 1)[-1].rstrip("/"), namespace)


def vocabulary_of(iri: str) -> str:
    """Return the namespace of a class or property: a known vocabulary's, else up to # or /."""
    known = [ITUKG, *VOCABULARIES.values()]
    best = max((ns for ns in known if iri.startswith(ns)), key=len, default=None)
    if best is not None:
        return best
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _slug(iri: str) -> str:
    short = next(
        (
            f"{prefix}-{iri[len(ns) :]}"
            for prefix, ns in sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
            if iri.startswith(ns)
        ),
        iri,
    )
    return re.sub(r"[^A-Za-z0-9_-]+", "-", short).strip("-")


def describe(store: Store, base_url: str | None = None) -> list[Triple]:
    """Return the VoID and DCAT description of the default graph of *store*.

    *base_url* is the public URL of a server that publishes the graph (``itukg serve``);
    without it, the description says nothing of where the graph is served.
    """
    base = base_url.rstrip("/") if base_url else None
    quads = list(store.quads_for_pattern(None, None, None, DefaultGraph()))
    subjects = {q.subject for q in quads}
    objects = {q.object for q in quads}
    predicates = {q.predicate.value for q in quads}
    instances: dict[str, set[NamedNode | BlankNode]] = defaultdict(set)
    for q in quads:
        kind, thing = q.object, q.subject
        if q.predicate.value != RDF_TYPE or not isinstance(kind, NamedNode):
            continue
        if isinstance(thing, NamedNode | BlankNode):
            instances[kind.value].add(thing)
    entities = {s for s in subjects if isinstance(s, NamedNode) and s.value.startswith(ID)}
    vocabularies = sorted({vocabulary_of(iri) for iri in predicates | set(instances)})

    dataset = NamedNode(GRAPH)
    out: list[Triple] = []

    def add(subject: NamedNode, predicate: str, value: NamedNode | Literal | str | int) -> None:
        if isinstance(value, int):
            value = Literal(str(value), datatype=NamedNode(PREFIXES["xsd"] + "integer"))
        elif isinstance(value, str):
            value = NamedNode(value)
        out.append(Triple(subject, NamedNode(predicate), value))

    def text(value: str) -> Literal:
        return Literal(value, language="en")

    add(dataset, RDF_TYPE, VOID + "Dataset")
    add(dataset, RDF_TYPE, DCAT + "Dataset")
    add(dataset, DCTERMS + "title", text(TITLE))
    add(dataset, DCTERMS + "description", text(DESCRIPTION))
    add(dataset, DCTERMS + "license", LICENSE)
    add(dataset, DCTERMS + "publisher", CURATORS)
    add(NamedNode(CURATORS), RDF_TYPE, FOAF + "Organization")
    add(NamedNode(CURATORS), FOAF + "name", Literal(PUBLISHER_NAME))
    add(dataset, VOID + "uriSpace", Literal(ID))
    add(dataset, VOID + "triples", len(quads))
    add(dataset, VOID + "entities", len(entities))
    add(dataset, VOID + "classes", len(instances))
    add(dataset, VOID + "properties", len(predicates))
    add(dataset, VOID + "distinctSubjects", len(subjects))
    add(dataset, VOID + "distinctObjects", len(objects))
    for vocabulary in vocabularies:
        add(dataset, VOID + "vocabulary", vocabulary)
    for cls in sorted(instances):
        partition = node("class-" + _slug(cls))
        add(dataset, VOID + "classPartition", partition)
        add(partition, VOID + "class", cls)
        add(partition, VOID + "entities", len(instances[cls]))
    if base is not None:
        add(dataset, VOID + "sparqlEndpoint", f"{base}/sparql")
        add(dataset, FOAF + "homepage", f"{base}/")
        add(dataset, DCAT + "landingPage", f"{base}/")
    out += _distributions(store, dataset, base)
    out += _linksets(quads, dataset)
    return out


def _distributions(store: Store, dataset: NamedNode, base: str | None) -> list[Triple]:
    from itukg import sssom
    from itukg.export import FORMATS, SSSOM_FORMAT

    out: list[Triple] = []

    def add(subject: NamedNode, predicate: str, value: NamedNode | Literal | str) -> None:
        obj = NamedNode(value) if isinstance(value, str) else value
        out.append(Triple(subject, NamedNode(predicate), obj))

    for name, fmt in FORMATS.items():
        distribution = node("distribution-" + name)
        add(dataset, DCAT + "distribution", distribution)
        add(distribution, RDF_TYPE, DCAT + "Distribution")
        add(
            distribution,
            DCTERMS + "title",
            Literal(f"itukg in {FORMAT_NAMES[name]}", language="en"),
        )
        add(distribution, DCAT + "mediaType", IANA + fmt.media_type)
        add(distribution, DCTERMS + "conformsTo", fmt.conforms_to)
        add(distribution, DCTERMS + "license", LICENSE)
        switch = SERVED_FORMATS.get(name)
        if base is not None and switch is not None:
            url = f"{base}/graph?format={switch}"
            add(distribution, DCAT + "downloadURL", url)
            add(distribution, DCAT + "accessURL", url)
            add(dataset, VOID + "dataDump", url)
    for mapping_set in sssom.from_store(store):
        name = sssom.file_name(mapping_set)
        set_id = mapping_set.mapping_set_id
        # Named after the id, which is unique: two sets may have the same file name.
        local = set_id[len(MAPPINGS) :] if set_id.startswith(MAPPINGS) else set_id
        distribution = node("distribution-" + _slug(local))
        title = mapping_set.mapping_set_title or name
        add(dataset, DCAT + "distribution", distribution)
        add(distribution, RDF_TYPE, DCAT + "Distribution")
        add(distribution, DCTERMS + "title", Literal(f"{title} (SSSOM/TSV)", language="en"))
        add(distribution, DCAT + "mediaType", IANA + SSSOM_FORMAT.media_type)
        add(distribution, DCTERMS + "conformsTo", SSSOM_FORMAT.conforms_to)
        add(distribution, DCTERMS + "license", mapping_set.license)
        add(distribution, PROV + "wasDerivedFrom", mapping_set.mapping_set_id)
        if base is not None and mapping_set.mapping_set_id.startswith(MAPPINGS):
            url = base + "/mappings/" + mapping_set.mapping_set_id[len(MAPPINGS) :]
            add(distribution, DCAT + "downloadURL", url)
            add(distribution, DCAT + "accessURL", url)
    return out


def _linksets(quads: Sequence[Quad], dataset: NamedNode) -> list[Triple]:
    links: Counter[tuple[Target, str]] = Counter()
    sources: dict[tuple[Target, str], set[str]] = defaultdict(set)
    annotated: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    members: dict[object, str] = {}
    axioms: dict[object, dict[str, str]] = defaultdict(dict)
    found = quads
    parts_of_axiom = (OWL + "annotatedSource", OWL + "annotatedProperty", OWL + "annotatedTarget")
    for q in found:
        predicate, subject, obj = q.predicate.value, q.subject, q.object
        if predicate == PREFIXES["sssom"] + "mappings" and isinstance(subject, NamedNode):
            members[obj] = subject.value
        if predicate in parts_of_axiom and isinstance(obj, NamedNode):
            axioms[subject][predicate] = obj.value
    for axiom, parts in axioms.items():
        key = (
            parts.get(OWL + "annotatedSource", ""),
            parts.get(OWL + "annotatedProperty", ""),
            parts.get(OWL + "annotatedTarget", ""),
        )
        if axiom in members:
            annotated[key].add(members[axiom])
    for q in found:
        predicate = q.predicate.value
        if predicate not in LINK_PREDICATES or not isinstance(q.object, NamedNode):
            continue
        if not isinstance(q.subject, NamedNode) or not q.subject.value.startswith(ID):
            continue
        if q.object.value.startswith(BASE):
            continue
        group = (target_of(q.object.value), predicate)
        links[group] += 1
        sources[group] |= annotated.get((q.subject.value, predicate, q.object.value), set())
    out: list[Triple] = []

    def add(subject: NamedNode, predicate: str, value: NamedNode | Literal | str) -> None:
        obj = NamedNode(value) if isinstance(value, str) else value
        out.append(Triple(subject, NamedNode(predicate), obj))

    described: set[str] = set()
    for (target, predicate), count in sorted(
        links.items(), key=lambda item: (item[0][0].key, item[0][1])
    ):
        other = node(target.key)
        if target.key not in described:
            described.add(target.key)
            add(other, RDF_TYPE, VOID + "Dataset")
            add(other, DCTERMS + "title", Literal(target.title))
            add(other, VOID + "uriSpace", Literal(target.namespace))
            if target.homepage:
                add(other, FOAF + "homepage", target.homepage)
        linkset = node(f"linkset-{target.key}-{_slug(predicate).split('-', 1)[-1]}")
        add(dataset, VOID + "subset", linkset)
        add(linkset, RDF_TYPE, VOID + "Linkset")
        add(linkset, VOID + "target", dataset)
        add(linkset, VOID + "target", other)
        add(linkset, VOID + "subjectsTarget", dataset)
        add(linkset, VOID + "objectsTarget", other)
        add(linkset, VOID + "linkPredicate", predicate)
        out.append(
            Triple(
                linkset,
                NamedNode(VOID + "triples"),
                Literal(str(count), datatype=NamedNode(PREFIXES["xsd"] + "integer")),
            )
        )
        for source in sorted(sources[(target, predicate)]):
            add(linkset, PROV + "wasDerivedFrom", source)
    return out


def serialize(store: Store, format: str = "turtle", base_url: str | None = None) -> bytes:
    """Return the description of *store* in an RDF format of :data:`itukg.export.FORMATS`."""
    from itukg.export import serialize_triples

    return serialize_triples(describe(store, base_url), format)


__all__ = [
    "DOCUMENT",
    "LINK_PREDICATES",
    "TARGETS",
    "Target",
    "describe",
    "serialize",
    "target_of",
    "vocabulary_of",
]
