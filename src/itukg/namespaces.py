"""Namespaces and prefixes: the one table every part of itukg uses.

The order is the order prefixes are written in exports and in the JSON-LD context.
"""

from __future__ import annotations

BASE = "https://w3id.org/itukg/"
"""Stable base of every IRI that itukg mints."""

ONTOLOGY = BASE + "ontology"
"""IRI of the OWL ontology (the document)."""

ITUKG = BASE + "ontology#"
"""Namespace of itukg's own classes and properties."""

ID = BASE + "id/"
"""Root of every instance IRI: ``ID + kind + "/" + slug``."""

GRAPH = BASE + "graph"
"""IRI of the named graph that holds the whole graph in a remote store."""

SOURCE_DOCUMENT = ID + "source/sg20-overview"
"""IRI of the source document that the data states."""

MAPPINGS = BASE + "mappings/"
"""Root of the IRIs of itukg's SSSOM mapping sets: ``MAPPINGS + "<name>.sssom.tsv"``."""

AGENT = BASE + "agent/"
"""Root of the IRIs of the people and groups who curate and publish itukg."""

CURATORS = AGENT + "contributors"
"""The itukg contributors: the authors of its reviewed mappings and the publisher of the data."""

#: Instance kinds: prefix -> path under :data:`ID`.
ID_KINDS: dict[str, str] = {
    "person": "person/",
    "itorg": "org/",
    "membership": "membership/",
    "post": "post/",
    "role": "role/",
    "meeting": "meeting/",
    "event": "event/",
    "place": "place/",
    "rec": "recommendation/",
    "res": "resolution/",
    "list": "mailing-list/",
    "contact": "contact-point/",
    "pub": "publication/",
    "concept": "concept/",
    "scheme": "scheme/",
    "period": "period/",
    "figure": "figure/",
    "site": "website/",
    "source": "source/",
    "src": "source/sg20-overview/",
}

#: W3C and other community vocabularies the graph uses.
VOCABULARIES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "oa": "http://www.w3.org/ns/oa#",
    "vann": "http://purl.org/vocab/vann/",
    "sh": "http://www.w3.org/ns/shacl#",
    "shape": BASE + "shapes#",
    "sssom": "https://w3id.org/sssom/",
    "semapv": "https://w3id.org/semapv/vocab/",
    "pav": "http://purl.org/pav/",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
}

#: Other datasets the graph links to, by the namespace of their things.
LINKED: dict[str, str] = {
    "geonames": "https://sws.geonames.org/",
}

#: Every prefix, in the order exports write them.
PREFIXES: dict[str, str] = {
    "itukg": ITUKG,
    **{prefix: ID + path for prefix, path in ID_KINDS.items()},
    **VOCABULARIES,
    "agent": AGENT,
    **LINKED,
}
