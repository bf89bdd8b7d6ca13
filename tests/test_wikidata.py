"""``itukg link wikidata``: candidates from a real Oxigraph server holding a Wikidata-shaped graph.

The server holds ``tests/fixtures/wikidata/wikidata.ttl``: fake items (Q900000001 and above)
with Wikidata's IRIs and properties, true matches for some things of the shipped graph and
decoys for others. The candidates the shipped graph gets from it are known one by one, in
order, with their scores; the scores are worked out in the comments from the formula of
:mod:`itukg.link.wikidata`, not copied from what the code returns.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import io
import shutil
from pathlib import Path

import pytest
from conftest import REPO, run_itukg
from oxigraph_server import OxigraphServer, free_port

import itukg
from itukg import sssom
from itukg.link import wikidata
from itukg.link.wikidata import (
    CLOSE_MATCH,
    ENTITY,
    Country,
    Item,
    ItemCountry,
    Label,
    LinkError,
    Name,
    Thing,
)
from itukg.remote import RemoteError

EXACT, CLOSE = "skos:exactMatch", "skos:closeMatch"

# score = 0.6 name + 0.25 type + 0.15 country. A name as written, the right type and no
# country in the graph: 0.6 + 0.25 + 0.075 = 0.925. The same with an agreeing country: 1.
# An alias of ours matching an alias of theirs ("NCA"): name 0.9 * 0.9 = 0.81, so 0.811.
#: (subject, object, predicate, score) of every candidate, in the order of the file.
EXPECTED = [
    # Our "Fraunhofer HHI" is their alias (0.9), a research institute (organization), and
    # both say Germany: 0.54 + 0.25 + 0.15.
    ("itorg:fraunhofer-hhi", "wd:Q900000061", EXACT, 0.94),
    # Acronyms that are our preferred names and their aliases: 0.54 + 0.25 + 0.075.
    ("itorg:iec", "wd:Q900000054", CLOSE, 0.865),
    ("itorg:iso", "wd:Q900000052", CLOSE, 0.865),
    # A disambiguation page named "ISO": the name as written, the wrong type: 0.6 + 0.075.
    ("itorg:iso", "wd:Q900000053", CLOSE, 0.675),
    # The ITU by its name as written; Istanbul Technical University by the alias "ITU" only.
    # 0.925 - 0.811 is more than the margin of 0.1: the ITU is an exact match.
    ("itorg:itu", "wd:Q900000050", EXACT, 0.925),
    ("itorg:itu", "wd:Q900000051", CLOSE, 0.811),
    ("itorg:itu-t", "wd:Q900000055", EXACT, 0.925),
    # Found in sentence case ("Ministero dello sviluppo economico"@it): name 0.95, 0.895.
    ("itorg:ministero-dello-sviluppo-economico", "wd:Q900000062", CLOSE, 0.895),
    # "National Cyber Security Authority" ~ "National Cybersecurity Authority": 0.95 * 64/65
    # = 0.935, so 0.886; the National Crime Agency shares only the acronym: 0.811. Too close
    # to call (the graph gives no country for the authority): both close matches.
    ("itorg:national-cyber-security-authority", "wd:Q900000056", CLOSE, 0.886),
    ("itorg:national-cyber-security-authority", "wd:Q900000057", CLOSE, 0.811),
    # "NEC Corporation" is their alias (0.9): 0.865. The disambiguation page is named by our
    # name without its legal form, "NEC" (0.9), wrong type: 0.615. The exhibition centre has
    # "NEC" as an alias (0.81), wrong type: 0.561.
    ("itorg:nec", "wd:Q900000058", CLOSE, 0.865),
    ("itorg:nec", "wd:Q900000059", CLOSE, 0.615),
    ("itorg:nec", "wd:Q900000060", CLOSE, 0.561),
    # "Héctor Budé" found as "Hector Bude" (0.95), a human of Uruguay, as the graph says by
    # his affiliation (URSEC, located in Uruguay): 0.57 + 0.25 + 0.15.
    ("person:hector-bude", "wd:Q900000084", EXACT, 0.97),
    # The graph's Melvin King is from Sierra Leone: a namesake of the United States scores
    # 0.6 + 0.25 + 0; one without any type 0.6 + 0.125 + 0.075. No exact match.
    ("person:melvin-king", "wd:Q900000082", CLOSE, 0.85),
    ("person:melvin-king", "wd:Q900000083", CLOSE, 0.8),
    # Germany (by Fraunhofer HHI) against Germany, then against Austria.
    ("person:sebastian-bosse", "wd:Q900000080", EXACT, 1.0),
    ("person:sebastian-bosse", "wd:Q900000081", CLOSE, 0.85),
    # Countries: the name as written, the type, and the same ISO 3166-1 alpha-2 code (the
    # graph's skos:notation, Wikidata's P297).
    ("place:argentina", "wd:Q900000007", EXACT, 1.0),
    ("place:belarus", "wd:Q900000002", EXACT, 1.0),
    ("place:egypt", "wd:Q900000003", EXACT, 1.0),
    # "Egypt" is an alias of Ancient Egypt, which is not a country and has no code:
    # 0.54 + 0 + 0.075.
    ("place:egypt", "wd:Q900000090", CLOSE, 0.615),
    ("place:germany", "wd:Q900000008", EXACT, 1.0),
    # Cities whose country the graph gives, and a band called Minsk from elsewhere: 0.6.
    ("place:minsk", "wd:Q900000031", EXACT, 1.0),
    ("place:minsk", "wd:Q900000032", CLOSE, 0.6),
    ("place:riyadh", "wd:Q900000030", EXACT, 1.0),
    # The graph gives no country for Santa Fe or Valencia: the two cities of each name score
    # the same, neither is preferred, and they come in the order of their QIDs.
    ("place:santa-fe", "wd:Q900000036", CLOSE, 0.925),
    ("place:santa-fe", "wd:Q900000037", CLOSE, 0.925),
    ("place:saudi-arabia", "wd:Q900000001", EXACT, 1.0),
    ("place:sierra-leone", "wd:Q900000006", EXACT, 1.0),
    ("place:uruguay", "wd:Q900000005", EXACT, 1.0),
    ("place:uzbekistan", "wd:Q900000004", EXACT, 1.0),
    ("place:valencia", "wd:Q900000033", CLOSE, 0.925),
    ("place:valencia", "wd:Q900000034", CLOSE, 0.925),
    ("place:valencia", "wd:Q900000035", CLOSE, 0.675),
]

#: Full rows of the file for a few candidates: every column as written.
SANTA_FE_ROWS = [
    {
        "subject_id": "place:santa-fe",
        "subject_label": "Santa Fe",
        "predicate_id": CLOSE,
        "object_id": f"wd:Q9000000{n}",
        "object_label": "Santa Fe",
        "mapping_justification": "semapv:LexicalMatching",
        "mapping_tool": "itukg link wikidata",
        "similarity_score": "0.925",
        "comment": f'city in {country} (fixture); name 1 ("Santa Fe" ~ label "Santa Fe"@en); '
        f"type 1 ({kind}); country 0.5 (no country in the graph)",
    }
    for n, country, kind in (
        ("36", "the United States", "city"),
        ("37", "Argentina", "human settlement"),
    )
]
MELVIN_KING_ROW = {
    "subject_id": "person:melvin-king",
    "subject_label": "Melvin King",
    "predicate_id": CLOSE,
    "object_id": "wd:Q900000082",
    "object_label": "Melvin King",
    "mapping_justification": "semapv:LexicalMatching",
    "mapping_tool": "itukg link wikidata",
    "similarity_score": "0.85",
    "comment": 'namesake (fixture decoy); name 1 ("Melvin King" ~ label "Melvin King"@en); '
    "type 1 (human); country 0 (Sierra Leone ≠ United States of America)",
}

BELARUS_ROW = {
    "subject_id": "place:belarus",
    "subject_label": "Belarus",
    "predicate_id": EXACT,
    "object_id": "wd:Q900000002",
    "object_label": "Belarus",
    "mapping_justification": "semapv:LexicalMatching",
    "mapping_tool": "itukg link wikidata",
    "similarity_score": "1.0",
    "comment": 'country in Eastern Europe (fixture); name 1 ("Belarus" ~ label "Belarus"@en); '
    "type 1 (sovereign state); country 1 (ISO 3166 code BY)",
}

SUMMARY = "35 candidates (15 skos:exactMatch) for 23 of 114 things, from {url} ({queries} queries, "


@pytest.fixture(scope="module")
def kg() -> itukg.KnowledgeGraph:
    return itukg.load()


def tuples(proposal: wikidata.Proposal) -> list[tuple[str, str, str, float]]:
    return [(c.thing.curie, "wd:" + c.item.qid, c.predicate, c.score.total) for c in proposal]


def table(path: Path) -> list[dict[str, str]]:
    """The rows of an SSSOM/TSV file as written: column -> cell."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    header, *rows = (line.split("\t") for line in lines)
    return [dict(zip(header, row, strict=True)) for row in rows]


def data_snapshot() -> dict[str, str]:
    """Every file under data/ with a hash of its content."""
    return {
        path.relative_to(REPO).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted((REPO / "data").rglob("*"))
        if path.is_file()
    }


# --- Through the API ------------------------------------------------------------------------


def test_the_candidates_of_the_shipped_graph(
    linked_data: OxigraphServer, kg: itukg.KnowledgeGraph
) -> None:
    proposal = wikidata.propose(kg, endpoint=linked_data.query_url)
    assert tuples(proposal) == EXPECTED
    assert proposal.summary().startswith(SUMMARY.format(url=linked_data.query_url, queries=8))
    assert len(proposal.things) == 114


def test_one_kind_and_a_limit(linked_data: OxigraphServer, kg: itukg.KnowledgeGraph) -> None:
    people = wikidata.propose(kg, endpoint=linked_data.query_url, kinds=["people"])
    assert tuples(people) == [row for row in EXPECTED if row[0].startswith("person:")]
    assert {thing.kind for thing in people.things} == {"people"}
    best = wikidata.propose(kg, endpoint=linked_data.query_url, limit_per_thing=1)
    first = [row for i, row in enumerate(EXPECTED) if i == 0 or row[0] != EXPECTED[i - 1][0]]
    # The predicate is decided among every candidate, not only those kept.
    assert tuples(best) == first
    groups = wikidata.propose(kg, endpoint=linked_data.query_url, kinds=["groups"])
    assert tuples(groups) == [("itorg:itu-t", "wd:Q900000055", EXACT, 0.925)]


def test_the_mapping_set(linked_data: OxigraphServer, kg: itukg.KnowledgeGraph) -> None:
    proposal = wikidata.propose(kg, endpoint=linked_data.query_url)
    day = datetime.date(2026, 1, 2)
    stream = io.StringIO()
    wikidata.write(proposal, stream, date=day)
    written = stream.getvalue()
    assert written == wikidata.text(proposal, date=day)
    # The file is valid for the strict SSSOM reader, and says the same as the candidates.
    parsed = sssom.parse(written)
    assert parsed.mapping_set_id == "https://w3id.org/itukg/mappings/wikidata-candidates.sssom.tsv"
    assert parsed.license == "https://creativecommons.org/licenses/by/4.0/"
    assert parsed.curie_map["wd"] == "http://www.wikidata.org/entity/"
    assert [
        (m.subject_id, m.object_id, m.predicate_id, m.similarity_score) for m in parsed.mappings
    ] == EXPECTED
    assert {m.mapping_justification for m in parsed.mappings} == {"semapv:LexicalMatching"}
    assert {m.mapping_tool for m in parsed.mappings} == {"itukg link wikidata"}
    assert {m.mapping_date for m in parsed.mappings} == {day}
    assert parsed.publication_date == day


def test_an_endpoint_that_does_not_answer(kg: itukg.KnowledgeGraph) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(RemoteError) as caught:
        wikidata.propose(kg, endpoint=url, timeout=5)
    assert caught.value.exit_code == 4
    assert str(caught.value).startswith(f"{url}: ")


def test_bad_arguments(kg: itukg.KnowledgeGraph) -> None:
    with pytest.raises(LinkError) as caught:
        wikidata.propose(kg, kinds=["cities"])
    assert str(caught.value) == (
        "unknown kind 'cities' (kinds: organisations, groups, places, people)"
    )
    with pytest.raises(LinkError):
        wikidata.propose(kg, limit_per_thing=0)


# --- Through the command line --------------------------------------------------------------


def test_the_command_writes_the_candidates_and_leaves_the_graph(
    linked_data: OxigraphServer, tmp_path: Path
) -> None:
    before = data_snapshot()
    triples = len(itukg.load())
    output = tmp_path / "candidates.sssom.tsv"
    started = datetime.date.today().isoformat()
    done = run_itukg(
        "link", "wikidata", "--endpoint", linked_data.query_url, "-o", str(output), root=None
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith(SUMMARY.format(url=linked_data.query_url, queries=8))
    assert done.stderr.endswith(f"s); written to {output} for review\n")
    rows = table(output)
    assert [
        (r["subject_id"], r["object_id"], r["predicate_id"], float(r["similarity_score"]))
        for r in rows
    ] == EXPECTED
    assert {r["mapping_date"] for r in rows} <= {started, datetime.date.today().isoformat()}
    santa_fe = [r for r in rows if r["subject_id"] == "place:santa-fe"]
    assert [{k: v for k, v in r.items() if k != "mapping_date"} for r in santa_fe] == SANTA_FE_ROWS
    melvin = next(r for r in rows if r["object_id"] == "wd:Q900000082")
    assert {k: v for k, v in melvin.items() if k != "mapping_date"} == MELVIN_KING_ROW
    belarus = next(r for r in rows if r["subject_id"] == "place:belarus")
    assert {k: v for k, v in belarus.items() if k != "mapping_date"} == BELARUS_ROW
    # Nothing under data/ was written, and the graph has the same triples.
    assert data_snapshot() == before
    assert len(itukg.load()) == triples


def test_the_command_to_standard_output(linked_data: OxigraphServer) -> None:
    done = run_itukg(
        "link",
        "wikidata",
        "--endpoint",
        linked_data.query_url,
        "--kind",
        "places",
        "--limit-per-thing",
        "1",
        "-o",
        "-",
        root=None,
    )
    assert done.returncode == 0, done.stderr
    parsed = sssom.parse(done.stdout)
    first_places = [
        row
        for i, row in enumerate(EXPECTED)
        if row[0].startswith("place:") and (i == 0 or row[0] != EXPECTED[i - 1][0])
    ]
    assert [
        (m.subject_id, m.object_id, m.predicate_id, m.similarity_score) for m in parsed.mappings
    ] == first_places
    assert done.stderr.startswith("12 candidates (10 skos:exactMatch) for 12 of 19 things, ")
    assert done.stderr.endswith("; written to standard output for review\n")


def test_the_command_refuses_to_write_into_the_data(
    linked_data: OxigraphServer, tmp_path: Path
) -> None:
    before = data_snapshot()
    for target in ("data/mappings/wikidata.sssom.tsv", "data/wikidata.sssom.tsv"):
        done = run_itukg(
            "link", "wikidata", "--endpoint", linked_data.query_url, "-o", target, root=None
        )
        assert done.returncode == 2
        assert done.stdout == ""
        assert done.stderr == (
            f"itukg: error: {target}: candidates are not written into the graph's data folder "
            f"({REPO / 'data'}), whose mappings the graph loads; write them elsewhere and "
            "copy the reviewed rows\n"
        )
    assert data_snapshot() == before


def test_the_command_with_an_endpoint_that_does_not_answer(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    output = tmp_path / "candidates.sssom.tsv"
    done = run_itukg(
        "link", "wikidata", "--endpoint", url, "--timeout", "5", "-o", str(output), root=None
    )
    assert done.returncode == 4
    assert done.stderr.startswith(f"itukg: error: {url}: ")
    assert not output.exists()


def test_an_accepted_candidate_becomes_a_link(
    linked_data: OxigraphServer, kg: itukg.KnowledgeGraph, tmp_path: Path
) -> None:
    """What the README tells a reviewer to do: the row, curated, in data/mappings/."""
    proposal = wikidata.propose(kg, endpoint=linked_data.query_url, kinds=["places"])
    candidates = sssom.parse(wikidata.text(proposal))
    row = next(m for m in candidates.mappings if m.subject_id == "place:riyadh")
    reviewed = sssom.MappingSet(
        mapping_set_id="https://w3id.org/itukg/mappings/wikidata.sssom.tsv",
        license="https://creativecommons.org/licenses/by/4.0/",
        curie_map={**candidates.curie_map, "agent": "https://w3id.org/itukg/agent/"},
        mappings=[
            dataclasses.replace(
                row,
                mapping_justification="semapv:ManualMappingCuration",
                author_id="agent:contributors",
                confidence=0.95,
                comment="The capital of Saudi Arabia, the country the graph gives Riyadh.",
            )
        ],
        mapping_set_title="The things of itukg in Wikidata",
    )
    root = tmp_path / "root"
    for folder in ("ontology", "data", "shapes", "queries"):
        shutil.copytree(REPO / folder, root / folder)
    sssom.write(reviewed, root / "data" / "mappings" / "wikidata.sssom.tsv")
    validated = run_itukg("validate", root=root)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert validated.stdout.endswith(": conforms\n")
    asked = run_itukg(
        "sparql",
        "ASK { place:riyadh skos:exactMatch <http://www.wikidata.org/entity/Q900000030> }",
        root=root,
    )
    assert asked.stdout == "true\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "cities"], "argument --kind: invalid choice: 'cities'"),
        (["--limit-per-thing", "0"], "argument --limit-per-thing: '0' is not a positive number"),
        (["--endpoint", "ftp://x/sparql"], "argument --endpoint: endpoint 'ftp://x/sparql' is"),
    ],
)
def test_the_command_refuses_bad_options(args: list[str], message: str) -> None:
    done = run_itukg("link", "wikidata", *args, root=None)
    assert done.returncode == 2
    assert done.stderr.startswith(f"itukg: error: {message}")


# --- Scoring, without a server ----------------------------------------------------------------

GERMANY = Country("https://w3id.org/itukg/id/place/germany", ("Germany",), "DE")


def person(*countries: Country) -> Thing:
    return Thing(
        iri="https://w3id.org/itukg/id/person/ada",
        kind="people",
        category="person",
        label="Ada Lovelace",
        names=(Name("Ada Lovelace", None, 1.0), Name("Ada LOVELACE", None, 0.9)),
        countries=countries,
    )


def item(label: str, *, alias: bool = False, **fields: object) -> Item:
    return Item(
        ENTITY + "Q900000999",
        labels=[Label(label, "en", alias)],
        **fields,  # type: ignore[arg-type]
    )


def test_fold_and_similarity() -> None:
    assert (
        wikidata.fold("  Ministère de l\u2019Économie\tNUMÉRIQUE ")
        == "ministere de l economie numerique"
    )
    assert wikidata.similarity("Ada", "Ada") == 1.0
    assert wikidata.similarity("Ada", "ADA") == 0.95
    assert wikidata.similarity("Héctor Budé", "Hector Bude") == 0.95
    assert round(wikidata.similarity("abcd", "abce"), 4) == round(0.95 * 0.75, 4)


def test_spellings_and_languages() -> None:
    assert wikidata.spellings("Ali ABBASSENE") == ["Ali ABBASSENE", "Ali Abbassene"]
    assert wikidata.spellings("Ministero Dello Sviluppo Economico") == [
        "Ministero Dello Sviluppo Economico",
        "Ministero dello sviluppo economico",
    ]
    assert wikidata.spellings("Universidad Tecnológica Nacional") == [
        "Universidad Tecnológica Nacional",
        "Universidad Tecnologica Nacional",
        "Universidad tecnológica nacional",
        "Universidad tecnologica nacional",
    ]
    assert wikidata.spellings("ITU-T SG20") == ["ITU-T SG20"]
    assert wikidata.languages(Name("x", "fr", 1.0)) == ["fr", "en", "mul"]
    assert wikidata.languages(Name("x", None, 1.0)) == ["en", "mul"]


def test_names_without_their_legal_form(kg: itukg.KnowledgeGraph) -> None:
    found = {t.curie: t for t in wikidata.things(kg, ["organisations"])}
    assert [(n.text, n.weight) for n in found["itorg:nec"].names] == [
        ("NEC Corporation", 1.0),
        ("NEC", 0.9),
    ]
    assert [(n.text, n.weight) for n in found["itorg:rostelecom"].names] == [
        ("PJSC «Rostelecom»", 1.0),
        ("Rostelecom", 0.9),
    ]


def test_the_countries_the_graph_gives(kg: itukg.KnowledgeGraph) -> None:
    countries = {t.curie: [c.label for c in t.countries] for t in wikidata.things(kg)}
    assert {curie: names for curie, names in countries.items() if names} == {
        # by an affiliation that is a country, or an organisation located in one
        "person:hector-bude": ["Uruguay"],
        "person:juan-pablo-martin": ["Argentina"],
        "person:melvin-king": ["Sierra Leone"],
        "person:ramy-ahmed-fathy": ["Egypt"],
        "person:sebastian-bosse": ["Germany"],
        "person:umida-musaeva": ["Uzbekistan"],
        # by their location
        "itorg:fraunhofer-hhi": ["Germany"],
        "itorg:universidad-tecnologica-nacional": ["Argentina"],
        "itorg:ursec": ["Uruguay"],
        # by the country they are in
        "place:minsk": ["Belarus"],
        "place:riyadh": ["Saudi Arabia"],
        # a country is its own
        **{
            f"place:{slug}": [name]
            for slug, name in [
                ("argentina", "Argentina"),
                ("belarus", "Belarus"),
                ("egypt", "Egypt"),
                ("germany", "Germany"),
                ("saudi-arabia", "Saudi Arabia"),
                ("sierra-leone", "Sierra Leone"),
                ("uruguay", "Uruguay"),
                ("uzbekistan", "Uzbekistan"),
            ]
        },
    }


@pytest.mark.parametrize(
    ("their", "parts"),
    [
        # the country agrees by its code, whatever its name
        (ItemCountry(ENTITY + "Q1", "Deutschland", "DE"), (1.0, "Germany")),
        # without a code on one side, by its name
        (ItemCountry(ENTITY + "Q1", "germany", None), (1.0, "Germany")),
        # codes that differ disagree, even with the same name
        (ItemCountry(ENTITY + "Q1", "Germany", "AT"), (0.0, "Germany ≠ Germany")),
    ],
)
def test_country_agreement(their: ItemCountry, parts: tuple[float, str]) -> None:
    found = wikidata.score(person(GERMANY), item("Ada Lovelace", typed=True, citizenships=[their]))
    assert (found.country, found.country_reason) == parts


def test_the_parts_of_a_score() -> None:
    human = {ENTITY + "Q5"}
    exact = wikidata.score(person(), item("Ada Lovelace", typed=True, classes=human))
    assert (exact.total, exact.name, exact.type, exact.country) == (0.925, 1.0, 1.0, 0.5)
    # Our name against their alias, recased: 1 * 0.9 * 0.95 = 0.855 (better than our alias
    # against their alias as written, 0.9 * 0.9 = 0.81); no type: 0.513 + 0.125 + 0.075.
    alias = wikidata.score(person(), item("Ada LOVELACE", alias=True, typed=False))
    assert (alias.name, alias.type, alias.total) == (0.855, 0.5, 0.713)
    assert alias.ours == Name("Ada Lovelace", None, 1.0)
    wrong = wikidata.score(person(), item("Ada Lovelace", typed=True))
    assert (wrong.type, wrong.type_reason, wrong.total) == (0.0, "not human", 0.675)


def test_exact_needs_the_threshold_and_the_margin() -> None:
    def predicates(*totals: float) -> list[str]:
        scored = [(wikidata.Score(t, 0, 0, 0), item("x")) for t in totals]
        return [wikidata._predicate(scored, rank) for rank in range(len(scored))]

    assert predicates(0.9) == [EXACT]
    assert predicates(0.899) == [CLOSE_MATCH]
    assert predicates(1.0, 0.9) == [EXACT, CLOSE]
    assert predicates(1.0, 0.901) == [CLOSE, CLOSE]
    assert predicates(0.925, 0.925) == [CLOSE, CLOSE]
