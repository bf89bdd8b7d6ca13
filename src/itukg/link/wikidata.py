"""Wikidata candidates for the graph's organisations, groups, places and people, for review.

:func:`propose` reads every name the graph gives a thing (``skos:prefLabel``, ``foaf:name``,
``skos:altLabel``, ``skos:hiddenLabel``, and ``skos:notation`` unless it is a typed code such
as an ISO 3166 code), asks a Wikidata SPARQL endpoint for the items that carry one of those
names as a label or an alias, and scores each item it finds. :func:`write` writes the
candidates as an SSSOM mapping set for a person to review. Nothing here adds a triple to the
graph: the graph loads only ``data/mappings/*.sssom.tsv``, where a reviewer copies the rows
they accept.

Looking up
    Wikidata has no case- or accent-insensitive index of labels, so names are matched as
    exact literals: ``VALUES`` over the spellings of each name (as written, with upper-case
    words capitalised, in sentence case, and each of those without accents), each with the
    name's language, ``en`` and ``mul``, against ``rdfs:label`` and ``skos:altLabel``. A name
    that ends or starts with a legal form ("NEC Corporation", "PJSC «Rostelecom»") is also
    looked up without it. Every query is one that Wikidata's own endpoint answers quickly:
    literals and items are bound before any pattern is matched.

Scoring (:func:`score`)
    ``score = 0.6 name + 0.25 type + 0.15 country``, rounded to three decimals.

    * ``name``: the best pair of one of our names and one of the item's labels, as
      ``ours * theirs * similarity``. Ours weighs 1 for a preferred name (``prefLabel``,
      ``foaf:name``), 0.9 for an alias, a notation or a name without its legal form; theirs
      1 for a label, 0.9 for an alias. Similarity is 1 for the same text, else 0.95 times
      the ratio of :class:`difflib.SequenceMatcher` on the texts without case, accents or
      punctuation (so 0.95 for a difference of case or accents only).
    * ``type``: 1 when the item is an instance (``P31/P279*``) of a class expected for the
      thing (human ``Q5`` for people; organization ``Q43229`` for organisations and groups;
      city ``Q515`` or human settlement ``Q486972`` for cities; country ``Q6256`` or
      sovereign state ``Q3624078`` for countries), 0 when it has types but none of those,
      0.5 when it has no type.
    * ``country``: 1 when a country the graph gives for the thing is one Wikidata gives for
      the item (``P17`` country, ``P27`` citizenship for people; for a country, its own ISO
      3166-1 alpha-2 code ``P297``), 0 when both give countries and none agrees, 0.5 when
      either gives none. Countries agree on their ISO codes when both have one, else on
      their names.

    A candidate is proposed as ``skos:exactMatch`` when its score is at least
    :data:`EXACT_THRESHOLD` and at least :data:`EXACT_MARGIN` above every other candidate of
    the same thing; otherwise as ``skos:closeMatch``. With these weights an exact match
    needs a compatible type, no disagreeing country and, unless the country agrees, the
    very name as written.

Candidates are sorted by subject, then score (highest first), then QID.
"""

from __future__ import annotations

import datetime
import difflib
import itertools
import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar

from pyoxigraph import Literal, NamedNode, Store

from itukg import terms
from itukg.atomic import atomic_write
from itukg.errors import ItukgError, OutputError
from itukg.namespaces import BASE, PREFIXES
from itukg.remote import QUERY_TIMEOUT, RemoteGraph
from itukg.results import Row, SelectResult

if TYPE_CHECKING:
    from itukg.graph import KnowledgeGraph
    from itukg.sssom import MappingSet

ENDPOINT = "https://query.wikidata.org/sparql"
"""Wikidata's SPARQL endpoint, asked by default."""

ENTITY = "http://www.wikidata.org/entity/"
"""Namespace of Wikidata items (``wd:``)."""

DIRECT = "http://www.wikidata.org/prop/direct/"
"""Namespace of Wikidata's direct (best-rank) statements (``wdt:``)."""

TOOL = "itukg link wikidata"
"""The ``mapping_tool`` of the candidates."""

KINDS = ("organisations", "groups", "places", "people")
"""The kinds of things proposed, in the order of the command line."""

OUTPUT = Path("build") / "wikidata-candidates.sssom.tsv"
"""Where the command line writes the candidates by default (relative to the working folder)."""

MAPPING_SET_ID = BASE + "mappings/wikidata-candidates.sssom.tsv"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"

EXACT_THRESHOLD = 0.9
"""Least score of a candidate proposed as ``skos:exactMatch``."""
EXACT_MARGIN = 0.1
"""How far an exact match must score above every other candidate of its thing."""
LIMIT_PER_THING = 5
"""Candidates kept per thing by default, best first."""

WEIGHTS = {"name": 0.6, "type": 0.25, "country": 0.15}
"""Weights of the three parts of a score; they add up to 1."""

PREFERRED, ALIAS = 1.0, 0.9
"""Weights of a preferred name (ours) or label (theirs), and of an alias or derived name."""
FOLDED = 0.95
"""Similarity of two names that differ only in case, accents or punctuation."""

LABELS_PER_QUERY = 200
"""Literals looked up by one query."""
ITEMS_PER_QUERY = 100
"""Items described by one query."""

Q = {
    "human": "Q5",
    "organization": "Q43229",
    "city": "Q515",
    "human settlement": "Q486972",
    "country": "Q6256",
    "sovereign state": "Q3624078",
}
"""The Wikidata classes that the kinds of things expect, by their English labels."""

#: Expected classes by our class: the item must be an instance of one of them.
EXPECTED: dict[str, tuple[str, ...]] = {
    "person": ("human",),
    "organisation": ("organization",),
    "city": ("city", "human settlement"),
    "country": ("country", "sovereign state"),
}

CURIE_MAP = {
    **{prefix: PREFIXES[prefix] for prefix in ("itorg", "person", "place")},
    "wd": ENTITY,
    "skos": PREFIXES["skos"],
    "semapv": "https://w3id.org/semapv/vocab/",
}
"""The prefixes of the SSSOM file."""

SKOS = PREFIXES["skos"]
EXACT_MATCH = "skos:exactMatch"
CLOSE_MATCH = "skos:closeMatch"

#: Legal forms dropped from a name to make another name to look up.
_LEGAL_FORMS = frozenset(
    (
        "corporation",
        "corp",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "plc",
        "pjsc",
        "ojsc",
        "jsc",
        "llc",
        "gmbh",
        "ag",
    )
)
_QUOTES = "«»“”„\"'"
_QID = re.compile(r"Q([1-9][0-9]*)")

T = TypeVar("T")


class LinkError(ItukgError):
    """The candidates cannot be proposed or written as asked."""


# --- Our things ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    """A name of one of our things, and how much a match on it counts."""

    text: str
    language: str | None
    weight: float
    """:data:`PREFERRED` for a preferred name, :data:`ALIAS` for any other."""


@dataclass(frozen=True)
class Country:
    """A country of our graph: its IRI, names and ISO 3166-1 alpha-2 code if it has one."""

    iri: str
    names: tuple[str, ...]
    code: str | None = None

    @property
    def label(self) -> str:
        """The name to show."""
        return self.names[0] if self.names else terms.show_iri(self.iri)


@dataclass(frozen=True)
class Thing:
    """One of our things to find on Wikidata."""

    iri: str
    kind: str
    """One of :data:`KINDS`."""
    category: str
    """A key of :data:`EXPECTED`: person, organisation, city or country."""
    label: str
    names: tuple[Name, ...]
    countries: tuple[Country, ...] = ()
    """Countries the graph gives for it (for a country: itself)."""

    @property
    def expected(self) -> tuple[str, ...]:
        """The IRIs of the Wikidata classes an item must be an instance of."""
        return tuple(ENTITY + Q[name] for name in EXPECTED[self.category])

    @property
    def curie(self) -> str:
        """The thing's IRI as a CURIE."""
        return terms.show_iri(self.iri)


#: Our classes of things, and the kind and category of their instances.
_THINGS = """
SELECT DISTINCT ?thing ?kind ?category WHERE {
  {
    ?thing a org:FormalOrganization .
    BIND ("organisations" AS ?kind) BIND ("organisation" AS ?category)
  } UNION {
    ?thing a/rdfs:subClassOf* org:OrganizationalUnit .
    FILTER NOT EXISTS { ?thing a org:FormalOrganization }
    BIND ("groups" AS ?kind) BIND ("organisation" AS ?category)
  } UNION {
    ?thing a schema:City .
    BIND ("places" AS ?kind) BIND ("city" AS ?category)
  } UNION {
    ?thing a schema:Country .
    BIND ("places" AS ?kind) BIND ("country" AS ?category)
  } UNION {
    ?thing a foaf:Person .
    BIND ("people" AS ?kind) BIND ("person" AS ?category)
  }
  FILTER (isIRI(?thing))
}
"""

#: Name predicates: preferred ones weigh :data:`PREFERRED`, the others :data:`ALIAS`.
NAME_PREDICATES = {
    "skos:prefLabel": PREFERRED,
    "foaf:name": PREFERRED,
    "skos:altLabel": ALIAS,
    "skos:hiddenLabel": ALIAS,
    "skos:notation": ALIAS,
}

_NAMES = f"""
SELECT ?thing ?predicate ?name WHERE {{
  VALUES ?predicate {{ {" ".join(NAME_PREDICATES)} }}
  ?thing ?predicate ?name .
  FILTER (isLiteral(?name) && (LANG(?name) != "" || DATATYPE(?name) = xsd:string))
}}
"""

#: The countries of a thing: where a place lies; where an organisation (or one it is a unit
#: of) is located; for a person, the affiliations of their roles and the organisations they
#: are members of, when those are countries or are located in one.
_COUNTRIES_OF = """
SELECT DISTINCT ?thing ?country WHERE {
  {
    ?thing schema:containedInPlace+ ?country .
  } UNION {
    ?thing org:subOrganizationOf*/schema:location/schema:containedInPlace* ?country .
  } UNION {
    ?thing ^org:member/itukg:affiliation|org:memberOf ?affiliation .
    ?affiliation (org:subOrganizationOf*/schema:location/schema:containedInPlace*)? ?country .
  }
  ?country a schema:Country .
  FILTER (?thing != ?country)
}
"""

#: Every country of the graph, with its names and its ISO 3166-1 alpha-2 code, a typed
#: ``skos:notation``.
_COUNTRIES = """
SELECT ?country ?name ?code WHERE {
  ?country a schema:Country .
  OPTIONAL { ?country skos:prefLabel|skos:altLabel ?name }
  OPTIONAL {
    ?country skos:notation ?code .
    FILTER (DATATYPE(?code) = itukg:iso3166Alpha2)
  }
}
ORDER BY ?country DESC(BOUND(?name)) STR(?name) STR(?code)
"""


def things(source: Store | KnowledgeGraph, kinds: Iterable[str] = KINDS) -> list[Thing]:
    """Return the things of *kinds* in the graph, with their names and countries, by IRI."""
    store = source if isinstance(source, Store) else source.store
    wanted = set(_check_kinds(kinds))

    found: dict[str, tuple[str, str]] = {}
    for row in _select(store, _THINGS):
        iri, kind, category = _iri(row["thing"]), _text(row["kind"]), _text(row["category"])
        if kind in wanted and iri not in found:
            found[iri] = (kind, category)

    names: dict[str, list[Name]] = defaultdict(list)
    labels: dict[str, str] = {}
    for row in _select(store, _NAMES):
        iri = _iri(row["thing"])
        if iri not in found:
            continue
        literal = row["name"]
        assert isinstance(literal, Literal)
        predicate = terms.show_iri(_iri(row["predicate"]))
        names[iri].append(Name(literal.value, literal.language, NAME_PREDICATES[predicate]))
        if predicate == "skos:prefLabel":
            labels.setdefault(iri, literal.value)

    countries = _countries(store)
    country_of: dict[str, list[Country]] = defaultdict(list)
    for row in _select(store, _COUNTRIES_OF):
        iri, country = _iri(row["thing"]), _iri(row["country"])
        if iri in found and country in countries:
            country_of[iri].append(countries[country])

    result = []
    for iri in sorted(found):
        kind, category = found[iri]
        own = [countries[iri]] if category == "country" and iri in countries else []
        every = _with_derived(names[iri])
        if not every:
            continue
        result.append(
            Thing(
                iri=iri,
                kind=kind,
                category=category,
                label=labels.get(iri, every[0].text),
                names=tuple(every),
                countries=tuple(own or sorted(set(country_of[iri]), key=lambda c: c.iri)),
            )
        )
    return result


def _countries(store: Store) -> dict[str, Country]:
    names: dict[str, list[str]] = defaultdict(list)
    codes: dict[str, str] = {}
    for row in _select(store, _COUNTRIES):
        iri = _iri(row["country"])
        names.setdefault(iri, [])
        if row["name"] is not None and _text(row["name"]) not in names[iri]:
            names[iri].append(_text(row["name"]))
        if row["code"] is not None:
            codes.setdefault(iri, _text(row["code"]))
    return {iri: Country(iri, tuple(found), codes.get(iri)) for iri, found in names.items()}


def _with_derived(names: Sequence[Name]) -> list[Name]:
    """Return *names* sorted, preferred first, each followed by its form without legal form."""
    result: list[Name] = []
    for name in sorted(names, key=lambda n: (-n.weight, n.text, n.language or "")):
        for candidate in (name, _without_legal_form(name)):
            if candidate is not None and all(
                (n.text, n.language) != (candidate.text, candidate.language) for n in result
            ):
                result.append(candidate)
    return result


def _without_legal_form(name: Name) -> Name | None:
    words = name.text.split()
    while len(words) > 1 and words[-1].strip(".,").lower() in _LEGAL_FORMS:
        words.pop()
    while len(words) > 1 and words[0].strip(".,").lower() in _LEGAL_FORMS:
        words.pop(0)
    text = " ".join(words).strip(_QUOTES + " ")
    if not text or text == name.text:
        return None
    return Name(text, name.language, ALIAS)


# --- Names: spellings to look up, and similarity ------------------------------------------


def fold(text: str) -> str:
    """Return *text* without case, accents or punctuation, words separated by one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+|_", " ", bare.casefold()).split())


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(char for char in decomposed if not unicodedata.combining(char))
    )


def _capitalised(text: str) -> str:
    """Capitalise the upper-case words of a name that also has other words."""
    words = text.split(" ")
    upper = [len(w) > 2 and w.isupper() for w in words]
    if not any(upper) or all(upper):
        return text
    return " ".join(w.capitalize() if u else w for w, u in zip(words, upper, strict=True))


def _sentence_case(text: str) -> str:
    """Lower-case every word after the first, unless it is an acronym or has a digit."""
    words = text.split(" ")
    if len(words) < 2 or any(len(w) > 1 and w.isupper() for w in words):
        return text
    return " ".join(
        [words[0], *(w if any(c.isdigit() for c in w) else w.lower() for w in words[1:])]
    )


def spellings(text: str) -> list[str]:
    """Return the spellings of a name to look up: as written, recased, without accents."""
    found: list[str] = []
    for form in (text, _capitalised(text), _sentence_case(text)):
        for variant in (form, _without_accents(form)):
            if variant not in found:
                found.append(variant)
    return found


def languages(name: Name) -> list[str]:
    """Return the language tags a name is looked up with: its own, ``en`` and ``mul``."""
    own = (name.language or "en").lower()
    return list(dict.fromkeys([own, "en", "mul"]))


def similarity(ours: str, theirs: str) -> float:
    """Return 1 for the same text, else :data:`FOLDED` times the ratio of the folded texts."""
    if ours == theirs:
        return 1.0
    return FOLDED * difflib.SequenceMatcher(None, fold(ours), fold(theirs), autojunk=False).ratio()


# --- Wikidata items -----------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    """A label or alias of a Wikidata item."""

    text: str
    language: str
    alias: bool

    @property
    def weight(self) -> float:
        """:data:`PREFERRED` for a label, :data:`ALIAS` for an alias."""
        return ALIAS if self.alias else PREFERRED


@dataclass(frozen=True)
class ItemCountry:
    """A country Wikidata gives for an item (``P17``, ``P27``) or the item itself (``P297``)."""

    iri: str
    name: str | None
    code: str | None


@dataclass
class Item:
    """What a Wikidata item says that matters for scoring."""

    iri: str
    labels: list[Label] = field(default_factory=list)
    description: str | None = None
    typed: bool = False
    """Whether the item has any ``P31`` (instance of)."""
    classes: set[str] = field(default_factory=set)
    """The expected classes it is an instance of (``P31/P279*``)."""
    countries: list[ItemCountry] = field(default_factory=list)
    """``P17``: the country of a place, an organisation, ..."""
    citizenships: list[ItemCountry] = field(default_factory=list)
    """``P27``: the countries of citizenship of a person."""
    code: str | None = None
    """``P297``: its own ISO 3166-1 alpha-2 code, for a country."""

    @property
    def qid(self) -> str:
        """The item's identifier, ``Q…``."""
        return self.iri[len(ENTITY) :]

    def label(self, languages: Sequence[str] = ("en", "mul")) -> str | None:
        """Return its label in the first of *languages* it has one in, else any label."""
        plain = [label for label in self.labels if not label.alias]
        for language in languages:
            for label in plain:
                if label.language == language:
                    return label.text
        return min((label.language, label.text) for label in plain)[1] if plain else None


def qid_number(iri: str) -> int:
    """Return the number of a Wikidata item IRI, for sorting (0 if it is not one)."""
    match = _QID.fullmatch(iri[len(ENTITY) :]) if iri.startswith(ENTITY) else None
    return int(match.group(1)) if match else 0


_WIKIDATA_PREFIXES = f"""PREFIX rdfs: <{PREFIXES["rdfs"]}>
PREFIX schema: <{PREFIXES["schema"]}>
PREFIX skos: <{SKOS}>
PREFIX wd: <{ENTITY}>
PREFIX wdt: <{DIRECT}>
"""

_SEARCH = (
    _WIKIDATA_PREFIXES
    + """SELECT DISTINCT ?item ?label WHERE {
  VALUES ?label { %s }
  { ?item rdfs:label ?label } UNION { ?item skos:altLabel ?label }
  FILTER (STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q"))
}
"""
)

_LABELS = (
    _WIKIDATA_PREFIXES
    + """SELECT ?item ?property ?text WHERE {
  VALUES ?item { %s }
  VALUES ?property { rdfs:label skos:altLabel schema:description }
  ?item ?property ?text .
  FILTER (LANG(?text) IN (%s))
}
"""
)

_TYPES = (
    _WIKIDATA_PREFIXES
    + """SELECT DISTINCT ?item ?type WHERE {
  VALUES ?item { %s }
  ?item wdt:P31 ?type .
}
"""
)

_SUPERCLASSES = (
    _WIKIDATA_PREFIXES
    + """SELECT DISTINCT ?type ?class WHERE {
  VALUES ?type { %s }
  ?type wdt:P279* ?class .
  FILTER (?class IN (%s))
}
"""
)

_ITEM_COUNTRIES = (
    _WIKIDATA_PREFIXES
    + """SELECT ?item ?property ?country ?code ?name WHERE {
  VALUES ?item { %s }
  {
    VALUES ?property { wdt:P17 wdt:P27 }
    ?item ?property ?country .
    OPTIONAL { ?country wdt:P297 ?code }
    OPTIONAL { ?country rdfs:label ?name . FILTER (LANG(?name) = "en") }
  } UNION {
    ?item wdt:P297 ?code .
    BIND (wdt:P297 AS ?property)
  }
}
"""
)


class Wikidata:
    """A Wikidata SPARQL endpoint, asked through :class:`~itukg.remote.RemoteGraph`."""

    def __init__(self, endpoint: str = ENDPOINT, *, timeout: float | None = QUERY_TIMEOUT) -> None:
        """Ask *endpoint*, waiting at most *timeout* seconds for each network step."""
        self.remote = RemoteGraph(endpoint, graph=None, timeout=timeout)
        self.queries = 0

    @property
    def endpoint(self) -> str:
        """The endpoint's URL."""
        return self.remote.endpoint

    def select(self, text: str, what: str) -> list[Row]:
        """Run a SELECT query and return its rows; *what* names it in error messages."""
        self.queries += 1
        result = self.remote.sparql(text, prefixes=False, source=what)
        if not isinstance(result, SelectResult):
            raise LinkError(f"{self.endpoint}: {what}: the answer is not SELECT results")
        return result.rows

    def search(self, literals: Iterable[Literal]) -> dict[tuple[str, str], set[str]]:
        """Return the items carrying each literal as a label or alias: (text, lang) -> IRIs."""
        found: dict[tuple[str, str], set[str]] = defaultdict(set)
        for batch in _batches(sorted(set(literals), key=_literal_key), LABELS_PER_QUERY):
            values = " ".join(_literal_term(literal) for literal in batch)
            for row in self.select(_SEARCH % values, "the label search"):
                label = row["label"]
                if isinstance(label, Literal) and label.language:
                    found[(label.value, label.language)].add(_iri(row["item"]))
        return found

    def describe(self, iris: Iterable[str], language_tags: Iterable[str]) -> dict[str, Item]:
        """Return the labels, types and countries of items, by IRI."""
        items = {iri: Item(iri) for iri in sorted(set(iris), key=lambda i: (qid_number(i), i))}
        tags = ", ".join(terms.string_literal(tag) for tag in sorted(set(language_tags)))
        expected = ", ".join(f"<{ENTITY}{qid}>" for qid in Q.values())
        for batch in _batches(list(items), ITEMS_PER_QUERY):
            values = " ".join(f"<{iri}>" for iri in batch)
            self._labels(items, values, tags)
            types = self._types(items, values)
            if types:
                self._classes(items, types, expected)
            self._item_countries(items, values)
        for item in items.values():
            item.labels.sort(key=lambda label: (label.alias, label.language, label.text))
        return items

    def _labels(self, items: Mapping[str, Item], values: str, tags: str) -> None:
        descriptions: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for row in self.select(_LABELS % (values, tags), "the labels of the candidates"):
            item, text = items[_iri(row["item"])], row["text"]
            if not isinstance(text, Literal) or not text.language:
                continue
            prop = _iri(row["property"])
            if prop == PREFIXES["schema"] + "description":
                descriptions[item.iri].append((text.language, text.value))
            else:
                label = Label(text.value, text.language, alias=prop == SKOS + "altLabel")
                if label not in item.labels:
                    item.labels.append(label)
        for iri, found in descriptions.items():
            by_language = dict(sorted(found))
            items[iri].description = by_language.get("en") or by_language.get("mul")

    def _types(self, items: Mapping[str, Item], values: str) -> dict[str, set[str]]:
        types: dict[str, set[str]] = defaultdict(set)
        for row in self.select(_TYPES % values, "the types of the candidates"):
            item = items[_iri(row["item"])]
            item.typed = True
            types[_iri(row["type"])].add(item.iri)
        return types

    def _classes(
        self, items: Mapping[str, Item], types: Mapping[str, set[str]], expected: str
    ) -> None:
        for batch in _batches(sorted(types), ITEMS_PER_QUERY):
            values = " ".join(f"<{iri}>" for iri in batch)
            for row in self.select(_SUPERCLASSES % (values, expected), "the classes of the types"):
                for iri in types[_iri(row["type"])]:
                    items[iri].classes.add(_iri(row["class"]))

    def _item_countries(self, items: Mapping[str, Item], values: str) -> None:
        for row in self.select(_ITEM_COUNTRIES % values, "the countries of the candidates"):
            item = items[_iri(row["item"])]
            prop = _iri(row["property"])
            code = _text(row["code"]) if row["code"] is not None else None
            if prop == DIRECT + "P297":
                item.code = min(filter(None, (item.code, code)))
                continue
            name = _text(row["name"]) if row["name"] is not None else None
            country = ItemCountry(_iri(row["country"]), name, code)
            target = item.citizenships if prop == DIRECT + "P27" else item.countries
            if country not in target:
                target.append(country)
                target.sort(key=lambda c: (qid_number(c.iri), c.iri, c.code or "", c.name or ""))


# --- Scores and candidates ----------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """A candidate's score and its three parts, each in [0, 1], with what decided them."""

    total: float
    name: float
    type: float
    country: float
    ours: Name | None = None
    theirs: Label | None = None
    """The pair of names that gave the name part."""
    type_reason: str = ""
    country_reason: str = ""


def score(thing: Thing, item: Item) -> Score:
    """Return how well *item* matches *thing* (see the module's documentation)."""
    name, ours, theirs = 0.0, None, None
    for our_name in thing.names:
        for label in item.labels:
            value = our_name.weight * label.weight * similarity(our_name.text, label.text)
            if value > name:
                name, ours, theirs = value, our_name, label

    expected = [iri for iri in thing.expected if iri in item.classes]
    if expected:
        kind, why = 1.0, _class_label(expected[0])
    elif item.typed:
        kind = 0.0
        wanted = " or ".join(_class_label(iri) for iri in thing.expected)
        why = f"not {wanted}"
    else:
        kind, why = 0.5, "no type"

    country, where = _country_score(thing, item)
    total = WEIGHTS["name"] * round(name, 3) + WEIGHTS["type"] * kind + WEIGHTS["country"] * country
    return Score(round(total, 3), round(name, 3), kind, country, ours, theirs, why, where)


def _country_score(thing: Thing, item: Item) -> tuple[float, str]:
    if thing.category == "country":
        ours = thing.countries[0].code if thing.countries else None
        if ours is None or item.code is None:
            side = "the graph" if ours is None else "Wikidata"
            return 0.5, f"no ISO 3166 code in {side}"
        if ours == item.code:
            return 1.0, f"ISO 3166 code {ours}"
        return 0.0, f"ISO 3166 code {ours} ≠ {item.code}"
    theirs = item.citizenships if thing.category == "person" else item.countries
    if not thing.countries:
        return 0.5, "no country in the graph"
    if not theirs:
        return 0.5, "no country in Wikidata"
    for our_country in thing.countries:
        for their_country in theirs:
            if _same_country(our_country, their_country):
                return 1.0, our_country.label
    our_names = ", ".join(c.label for c in thing.countries)
    their_names = ", ".join(c.name or c.code or terms.show_iri(c.iri) for c in theirs)
    return 0.0, f"{our_names} ≠ {their_names}"


def _same_country(ours: Country, theirs: ItemCountry) -> bool:
    if ours.code and theirs.code:
        return ours.code == theirs.code
    return theirs.name is not None and fold(theirs.name) in {fold(n) for n in ours.names}


def _class_label(iri: str) -> str:
    qid = iri[len(ENTITY) :]
    return next((name for name, q in Q.items() if q == qid), qid)


@dataclass(frozen=True)
class Candidate:
    """A Wikidata item proposed for one of our things."""

    thing: Thing
    item: Item
    score: Score
    predicate: str
    """``skos:exactMatch`` or ``skos:closeMatch``."""

    @property
    def object_label(self) -> str | None:
        """The item's label, in English if it has one."""
        return self.item.label()

    def comment(self) -> str:
        """Return what decided the score, for the reviewer."""
        parts = []
        if self.item.description:
            parts.append(self.item.description)
        s = self.score
        match = ""
        if s.ours is not None and s.theirs is not None:
            kind = "alias" if s.theirs.alias else "label"
            match = f' ("{s.ours.text}" ~ {kind} "{s.theirs.text}"@{s.theirs.language})'
        parts.append(f"name {s.name:g}{match}")
        parts.append(f"type {s.type:g} ({s.type_reason})")
        parts.append(f"country {s.country:g} ({s.country_reason})")
        return "; ".join(parts)


@dataclass(frozen=True)
class Proposal:
    """The candidates proposed for some things of the graph, and how they were found."""

    candidates: tuple[Candidate, ...]
    things: tuple[Thing, ...]
    endpoint: str
    queries: int
    seconds: float

    def __len__(self) -> int:
        return len(self.candidates)

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.candidates)

    def summary(self) -> str:
        """Return what was proposed, as a line for people."""
        subjects = len({c.thing.iri for c in self.candidates})
        exact = sum(c.predicate == EXACT_MATCH for c in self.candidates)
        unit = "candidate" if len(self) == 1 else "candidates"
        return (
            f"{len(self)} {unit} ({exact} {EXACT_MATCH}) for {subjects} of {len(self.things)} "
            f"things, from {self.endpoint} ({self.queries} queries, {self.seconds:.2f} s)"
        )


def propose(
    source: Store | KnowledgeGraph,
    *,
    endpoint: str = ENDPOINT,
    kinds: Iterable[str] = KINDS,
    limit_per_thing: int = LIMIT_PER_THING,
    timeout: float | None = QUERY_TIMEOUT,
) -> Proposal:
    """Propose Wikidata items for the things of *kinds* in the graph *source*.

    At most *limit_per_thing* candidates are kept for a thing, the best. An endpoint that
    cannot be reached or fails raises :class:`~itukg.remote.RemoteError`.
    """
    if limit_per_thing < 1:
        raise LinkError(f"the limit per thing must be at least 1, got {limit_per_thing}")
    started = time.perf_counter()
    chosen = things(source, kinds)
    wikidata = Wikidata(endpoint, timeout=timeout)

    wanted: dict[tuple[str, str], set[str]] = defaultdict(set)
    for thing in chosen:
        for name in thing.names:
            for text in spellings(name.text):
                for tag in languages(name):
                    wanted[(text, tag)].add(thing.iri)
    literals = [Literal(text, language=tag) for text, tag in wanted]
    found = wikidata.search(literals)

    items_of: dict[str, set[str]] = defaultdict(set)
    for key, items in found.items():
        for iri in wanted.get(key, ()):
            items_of[iri] |= items
    tags = {tag for _, tag in wanted}
    described = wikidata.describe(set().union(*items_of.values()), tags) if items_of else {}

    candidates: list[Candidate] = []
    for thing in chosen:
        scored = sorted(
            ((score(thing, described[iri]), described[iri]) for iri in items_of.get(thing.iri, ())),
            key=lambda pair: (-pair[0].total, qid_number(pair[1].iri), pair[1].iri),
        )
        for rank, (value, item) in enumerate(scored[:limit_per_thing]):
            candidates.append(Candidate(thing, item, value, _predicate(scored, rank)))
    return Proposal(
        candidates=tuple(candidates),
        things=tuple(chosen),
        endpoint=wikidata.endpoint,
        queries=wikidata.queries,
        seconds=time.perf_counter() - started,
    )


def _predicate(scored: Sequence[tuple[Score, Item]], rank: int) -> str:
    total = scored[rank][0].total
    others = [s.total for i, (s, _) in enumerate(scored) if i != rank]
    if total >= EXACT_THRESHOLD and all(
        round(total - other, 3) >= EXACT_MARGIN for other in others
    ):
        return EXACT_MATCH
    return CLOSE_MATCH


# --- SSSOM ----------------------------------------------------------------------------------


def mapping_set(proposal: Proposal, *, date: datetime.date | None = None) -> MappingSet:
    """Return the candidates as an SSSOM mapping set, dated *date* (default: today).

    Its mappings are in the order of the candidates: by subject, score (highest first), QID.
    """
    from itukg.sssom import Mapping, MappingSet

    day = date or datetime.date.today()
    mappings = [
        Mapping(
            subject_id=candidate.thing.curie,
            predicate_id=candidate.predicate,
            object_id="wd:" + candidate.item.qid,
            mapping_justification="semapv:LexicalMatching",
            subject_label=candidate.thing.label,
            object_label=candidate.object_label,
            mapping_date=day,
            mapping_tool=TOOL,
            similarity_score=candidate.score.total,
            comment=candidate.comment(),
        )
        for candidate in proposal.candidates
    ]
    return MappingSet(
        mapping_set_id=MAPPING_SET_ID,
        license=LICENSE,
        curie_map=dict(CURIE_MAP),
        mappings=mappings,
        mapping_set_title="Wikidata candidates for itukg, not reviewed",
        mapping_set_description=(
            "Wikidata items proposed by itukg link wikidata for the things of the graph, "
            "with their scores. None is part of the graph: a reviewer copies the rows they "
            "accept to data/mappings/, as semapv:ManualMappingCuration."
        ),
        publication_date=day,
    )


def text(proposal: Proposal, *, date: datetime.date | None = None) -> str:
    """Return the candidates as SSSOM/TSV, rows in the order of the candidates.

    :func:`itukg.sssom.text` writes the file, its rows in the canonical order of reviewed
    mapping files (subject, predicate, object); a candidate file is read by a reviewer, so
    its rows are put back in the order of the candidates, the best of each thing first.
    """
    from itukg import sssom

    chosen = mapping_set(proposal, date=date)
    data = sssom.text(chosen)
    lines = data.splitlines(keepends=True)
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    rows = lines[header + 1 :]
    written = sssom.parse(data).mappings
    rank = {mapping.key(): i for i, mapping in enumerate(chosen.mappings)}
    ordered = sorted(zip(written, rows, strict=True), key=lambda pair: rank[pair[0].key()])
    return "".join([*lines[: header + 1], *(row for _, row in ordered)])


def write(
    proposal: Proposal,
    target: str | Path | IO[str],
    *,
    date: datetime.date | None = None,
) -> None:
    """Write the candidates as SSSOM/TSV (:func:`text`) to *target*, a path or a text stream.

    A path is written completely or not at all. A path inside the graph's ``data/`` folder
    is refused: the graph loads the mappings there, and candidates only once reviewed.
    """
    data = text(proposal, date=date)
    if isinstance(target, str | Path):
        path = check_output(Path(target))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None
        with atomic_write(path) as stream:
            stream.write(data.encode("utf-8"))
    else:
        target.write(data)


def check_output(path: Path) -> Path:
    """Return *path* unless it lies in the graph's data folder, where the graph would load it."""
    from itukg import paths

    data = (paths.root() / "data").resolve()
    resolved = path.resolve()
    if resolved == data or data in resolved.parents:
        raise LinkError(
            f"{path}: candidates are not written into the graph's data folder ({data}), "
            "whose mappings the graph loads; write them elsewhere and copy the reviewed rows"
        )
    return path


# --- Helpers --------------------------------------------------------------------------------


def _check_kinds(kinds: Iterable[str]) -> list[str]:
    chosen = list(kinds)
    unknown = [kind for kind in chosen if kind not in KINDS]
    if unknown:
        raise LinkError(f"unknown kind '{unknown[0]}' (kinds: {', '.join(KINDS)})")
    return chosen


def _select(store: Store, text: str) -> list[dict[str, object]]:
    from pyoxigraph import QuerySolutions

    solutions = store.query(text, prefixes=PREFIXES)
    assert isinstance(solutions, QuerySolutions)
    variables = [v.value for v in solutions.variables]
    return [{v: solution[v] for v in variables} for solution in solutions]


def _iri(term: object) -> str:
    if not isinstance(term, NamedNode):
        raise LinkError(f"expected an IRI, got {term!r}")
    return term.value


def _text(term: object) -> str:
    if not isinstance(term, Literal):
        raise LinkError(f"expected a literal, got {term!r}")
    return term.value


def _literal_key(literal: Literal) -> tuple[str, str]:
    return (literal.value, literal.language or "")


def _literal_term(literal: Literal) -> str:
    return terms.string_literal(literal.value) + (
        f"@{literal.language}" if literal.language else ""
    )


def _batches(values: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(values)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


__all__ = [
    "ENDPOINT",
    "EXACT_MARGIN",
    "EXACT_THRESHOLD",
    "KINDS",
    "WEIGHTS",
    "Candidate",
    "LinkError",
    "Proposal",
    "Thing",
    "Wikidata",
    "check_output",
    "mapping_set",
    "propose",
    "score",
    "text",
    "things",
    "write",
]
