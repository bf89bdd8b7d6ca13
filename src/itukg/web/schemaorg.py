"""What a page says of its thing in schema.org terms, for search engines and other readers.

The schema.org type of a thing comes from its classes: a class of schema.org is used as it
is, one of ours through its superclasses (``itukg:Meeting`` is a ``schema:Event``), and the
W3C classes through :data:`CLASS_MAP` (``foaf:Person`` is a Person, ``org:Organization``
an Organization). Properties of schema.org in the data are copied; the W3C ones of
:data:`PROPERTY_MAP` are renamed; roles (``org:Membership``) become ``OrganizationRole``
under ``memberOf`` (of a person) or ``member`` (of an organisation).
"""

from __future__ import annotations

import json
from collections import deque
from typing import Any

from pyoxigraph import DefaultGraph, Literal, NamedNode, Store

from itukg.describe import label
from itukg.namespaces import PREFIXES
from itukg.terms import NUMERIC_DATATYPES, curie

SCHEMA = PREFIXES["schema"]
_RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
_SUBCLASS = NamedNode(PREFIXES["rdfs"] + "subClassOf")
_XSD_BOOLEAN = PREFIXES["xsd"] + "boolean"


def _iri(curie_text: str) -> str:
    prefix, _, local = curie_text.partition(":")
    return PREFIXES[prefix] + local


#: W3C classes and the schema.org type of their instances.
CLASS_MAP: dict[str, str] = {
    _iri("foaf:Person"): "Person",
    _iri("org:Organization"): "Organization",
    _iri("org:FormalOrganization"): "Organization",
    _iri("org:OrganizationalUnit"): "Organization",
    _iri("org:Membership"): "OrganizationRole",
    _iri("org:Post"): "OrganizationRole",
    _iri("org:Role"): "DefinedTerm",
    _iri("skos:Concept"): "DefinedTerm",
    _iri("skos:ConceptScheme"): "DefinedTermSet",
    _iri("foaf:Document"): "CreativeWork",
    _iri("oa:SpecificResource"): "CreativeWork",
}

#: W3C properties and the schema.org property they are written as.
PROPERTY_MAP: dict[str, str] = {
    _iri("foaf:givenName"): "givenName",
    _iri("foaf:familyName"): "familyName",
    _iri("skos:altLabel"): "alternateName",
    _iri("skos:notation"): "identifier",
    _iri("dcterms:identifier"): "identifier",
    _iri("dcterms:subject"): "about",
    _iri("dcterms:isPartOf"): "isPartOf",
    _iri("oa:hasSource"): "isPartOf",
    _iri("dcterms:language"): "inLanguage",
    _iri("dcterms:format"): "encodingFormat",
    _iri("skos:inScheme"): "inDefinedTermSet",
    _iri("org:subOrganizationOf"): "parentOrganization",
    _iri("skos:exactMatch"): "sameAs",
}

#: Properties whose value is the description, best first.
DESCRIPTION_PREDICATES = tuple(
    NamedNode(_iri(c)) for c in ("skos:definition", "dcterms:description", "rdfs:comment")
)

#: schema.org types whose things are organisations (and take ``member``, ``subOrganization``).
ORGANIZATIONS = frozenset(("Organization", "Project", "GovernmentOrganization"))

_MEMBER = NamedNode(_iri("org:member"))
_ORGANIZATION = NamedNode(_iri("org:organization"))
_ROLE = NamedNode(_iri("org:role"))
_MEMBER_OF = NamedNode(_iri("org:memberOf"))
_SUB_ORGANIZATION_OF = NamedNode(_iri("org:subOrganizationOf"))


def schema_type(store: Store, node: NamedNode) -> str:
    """Return the schema.org type of *node*: the closest one its classes lead to, or Thing.

    A class of schema.org wins over a mapped W3C class at any distance; nearer wins over
    farther; the IRI breaks ties.
    """
    best: tuple[int, int, str, str] | None = None
    for quad in store.quads_for_pattern(node, _RDF_TYPE, None, DefaultGraph()):
        if not isinstance(quad.object, NamedNode):
            continue
        seen = {quad.object}
        todo = deque([(quad.object, 0)])
        while todo:
            kind, depth = todo.popleft()
            candidate: tuple[int, int, str, str] | None = None
            if kind.value.startswith(SCHEMA):
                candidate = (0, depth, kind.value, kind.value[len(SCHEMA) :])
            elif kind.value in CLASS_MAP:
                candidate = (1, depth, kind.value, CLASS_MAP[kind.value])
            if candidate is not None and (best is None or candidate < best):
                best = candidate
            for up in store.quads_for_pattern(kind, _SUBCLASS, None, DefaultGraph()):
                if isinstance(up.object, NamedNode) and up.object not in seen:
                    seen.add(up.object)
                    todo.append((up.object, depth + 1))
    return "Thing" if best is None else best[3]


def _value(store: Store, term: object) -> Any:
    if isinstance(term, Literal):
        datatype = term.datatype.value
        if datatype in NUMERIC_DATATYPES:
            try:
                number = float(term.value)
            except ValueError:
                return term.value
            return int(number) if number.is_integer() and "." not in term.value else number
        if datatype == _XSD_BOOLEAN:
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, NamedNode):
        for _ in store.quads_for_pattern(term, None, None, DefaultGraph()):
            return _reference(store, term)
        return term.value
    return None


def _reference(store: Store, node: NamedNode) -> dict[str, Any]:
    found: dict[str, Any] = {"@type": schema_type(store, node), "@id": node.value}
    name = label(store, node)
    if name:
        found["name"] = name
    return found


def _add(data: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        return
    data.setdefault(key, [])
    if value not in data[key]:
        data[key].append(value)


def _roles(store: Store, node: NamedNode, mine: NamedNode, other: NamedNode) -> list[Any]:
    """Return the roles of memberships whose *mine* is *node*, naming their *other* side."""
    key = "memberOf" if mine == _MEMBER else "member"
    roles = []
    for quad in store.quads_for_pattern(None, mine, node, DefaultGraph()):
        membership = quad.subject
        role: dict[str, Any] = {"@type": "OrganizationRole"}
        for name_quad in store.quads_for_pattern(membership, _ROLE, None, DefaultGraph()):
            role_name = label(store, name_quad.object)
            if role_name:
                role["roleName"] = role_name
        for side in store.quads_for_pattern(membership, other, None, DefaultGraph()):
            if isinstance(side.object, NamedNode):
                role[key] = _reference(store, side.object)
        if key in role:
            roles.append(role)
    return sorted(roles, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))


def schema_org(store: Store, node: NamedNode) -> dict[str, Any]:
    """Return the schema.org JSON-LD description of *node*."""
    kind = schema_type(store, node)
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": kind, "@id": node.value}
    name = label(store, node)
    if name:
        data["name"] = name
    for predicate in DESCRIPTION_PREDICATES:
        values = [
            q.object
            for q in store.quads_for_pattern(node, predicate, None, DefaultGraph())
            if isinstance(q.object, Literal)
        ]
        if values:
            english = [v for v in values if (v.language or "en").startswith("en")] or values
            data["description"] = min(english, key=lambda v: v.value).value
            break
    fields: dict[str, Any] = {}
    for quad in store.quads_for_pattern(node, None, None, DefaultGraph()):
        iri = quad.predicate.value
        key: str | None = None
        if iri.startswith(SCHEMA):
            key = iri[len(SCHEMA) :]
        elif iri in PROPERTY_MAP:
            key = PROPERTY_MAP[iri]
        elif iri == _MEMBER_OF.value and kind == "Person":
            key = "affiliation"
        if key is None or (key == "parentOrganization" and kind not in ORGANIZATIONS):
            continue
        # The name is the label; an identifier that is the name says nothing more.
        if isinstance(quad.object, Literal) and (
            key == "name" or (key == "identifier" and quad.object.value == name)
        ):
            continue
        _add(fields, key, _value(store, quad.object))
    if name is not None and "alternateName" in fields:
        fields["alternateName"] = [n for n in fields["alternateName"] if n != name]
    if "url" not in fields:
        fields["url"] = [node.value]
    if kind == "OrganizationRole":
        fields["roleName"] = [
            role_name
            for q in store.quads_for_pattern(node, _ROLE, None, DefaultGraph())
            if (role_name := label(store, q.object))
        ]
    if kind == "Person":
        fields["memberOf"] = _roles(store, node, _MEMBER, _ORGANIZATION)
    if kind in ORGANIZATIONS:
        fields["member"] = _roles(store, node, _ORGANIZATION, _MEMBER)
        fields["subOrganization"] = [
            _reference(store, q.subject)
            for q in store.quads_for_pattern(None, _SUB_ORGANIZATION_OF, node, DefaultGraph())
            if isinstance(q.subject, NamedNode)
        ]
    for key in sorted(fields):
        values = fields[key]
        if not values:
            continue
        if all(isinstance(v, dict) for v in values):
            values = sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        else:
            values = sorted(values, key=str)
        data[key] = values[0] if len(values) == 1 else values
    return data


def script_text(data: dict[str, Any]) -> str:
    """Return JSON-LD for a ``<script type="application/ld+json">``: no ``<``, ``>`` or ``&``."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


__all__ = ["CLASS_MAP", "PROPERTY_MAP", "curie", "schema_org", "schema_type", "script_text"]
