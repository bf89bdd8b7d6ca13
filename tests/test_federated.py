"""The federated canned queries: the graph joined with linked data through SPARQL ``SERVICE``.

A real Oxigraph server holds the Wikidata- and GeoNames-shaped fixtures
(``tests/fixtures/wikidata``, ``tests/fixtures/geonames``) and stands in for Wikidata and for a
store of GeoNames features. Each federated query is run with that server as its endpoint,
embedded (the library and ``itukg query``), by a second SPARQL engine (rdflib), and through
``itukg serve --allow-service``; ``itukg serve`` without ``--allow-service`` refuses it. The
expected rows are read off the fixtures, the source (who is vice-chair where, with which
country) and the reviewed GeoNames links (``data/mappings/geonames.sssom.tsv``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import httpx
import itukg_server
import pytest
import rdflib
from conftest import run_itukg
from itukg_server import ItukgServer
from oxigraph_server import OxigraphServer, free_port
from pyoxigraph import Literal, NamedNode
from SPARQLWrapper import JSON, POST, SPARQLWrapper

import itukg
from itukg import queries
from itukg.errors import QueryError, ServiceError
from itukg.results import SelectResult
from itukg.web.sparql import NO_SERVICE

FEDERATED = [query.name for query in itukg.catalog() if query.federated]

#: Short forms of the IRIs in the expected rows.
PREFIXES = {
    "person": "https://w3id.org/itukg/id/person/",
    "place": "https://w3id.org/itukg/id/place/",
    "wd": "http://www.wikidata.org/entity/",
    "geonames": "https://sws.geonames.org/",
}

VICE = (
    "country_name",
    "code",
    "person",
    "name",
    "group_name",
    "item",
    "population",
    "capital_name",
)
#: The vice-chairs whose country the graph gives (roles-by-country), with the population and
#: capital of their country in the Wikidata-shaped fixture.
VICE_ROWS = [
    (
        "Sierra Leone",
        "SL",
        "person:melvin-king",
        "Melvin King",
        "SG20RG-AFR",
        "wd:Q900000006",
        "8400000",
        "Freetown",
    ),
    (
        "Uruguay",
        "UY",
        "person:hector-bude",
        "Héctor Budé",
        "SG20RG-LATAM",
        "wd:Q900000005",
        "3400000",
        "Montevideo",
    ),
    (
        "Uzbekistan",
        "UZ",
        "person:umida-musaeva",
        "Umida Musaeva",
        "SG20RG-EECAT",
        "wd:Q900000004",
        "36000000",
        "Tashkent",
    ),
]

PLACE = ("place", "name", "type", "geonames", "geonames_name", "population", "country_code")
#: Every place the graph links to GeoNames, countries first, each with its feature in the
#: GeoNames-shaped fixture (Krimpen aan den IJssel is written so there).
PLACE_ROWS = [
    (f"place:{slug}", name, kind, f"geonames:{feature}/", geonames_name, population, code)
    for slug, name, kind, feature, geonames_name, population, code in [
        ("argentina", "Argentina", "country", 3865483, "Argentina", "44494502", "AR"),
        ("belarus", "Belarus", "country", 630336, "Belarus", "9485386", "BY"),
        ("egypt", "Egypt", "country", 357994, "Egypt", "98423595", "EG"),
        ("germany", "Germany", "country", 2921044, "Germany", "82927922", "DE"),
        ("saudi-arabia", "Saudi Arabia", "country", 102358, "Saudi Arabia", "33699947", "SA"),
        ("sierra-leone", "Sierra Leone", "country", 2403846, "Sierra Leone", "7650154", "SL"),
        ("uruguay", "Uruguay", "country", 3439705, "Uruguay", "3449299", "UY"),
        ("uzbekistan", "Uzbekistan", "country", 1512440, "Uzbekistan", "32955400", "UZ"),
        ("bizerte", "Bizerte", "city", 2472706, "Bizerte", "138430", "TN"),
        ("daegu", "Daegu", "city", 1835329, "Daegu", "2365523", "KR"),
        ("dubai", "Dubai", "city", 292223, "Dubai", "3790000", "AE"),
        (
            "krimpen-aan-den-ijssel",
            "Krimpen aan den Ijssel",
            "city",
            2752264,
            "Krimpen aan den IJssel",
            "29017",
            "NL",
        ),
        ("minsk", "Minsk", "city", 625144, "Minsk", "1742124", "BY"),
        ("pully", "Pully", "city", 2659127, "Pully", "16263", "CH"),
        ("riyadh", "Riyadh", "city", 108410, "Riyadh", "4205961", "SA"),
        # The namesakes of the fixture (Venezuela, New Mexico) are not linked, so not joined.
        ("santa-fe", "Santa Fe", "city", 3836277, "Santa Fe", "391164", "AR"),
        ("singapore", "Singapore", "city", 1880252, "Singapore", "5638700", "SG"),
        ("valencia", "Valencia", "city", 2509954, "Valencia", "824340", "ES"),
        ("wels", "Wels", "city", 2761524, "Wels", "16857", "AT"),
    ]
]

#: (query, parameters besides the endpoint, columns, rows).
CASES = [
    ("vice-chair-countries", {}, VICE, VICE_ROWS),
    ("vice-chair-countries", {"group": "sg20rg-eecat"}, VICE, VICE_ROWS[2:]),
    # The graph gives no country for the affiliations of SG20's own vice-chairs.
    ("vice-chair-countries", {"group": "SG20"}, VICE, []),
    ("place-geonames", {}, PLACE, PLACE_ROWS),
]


def case_id(case: tuple[str, dict[str, str], tuple[str, ...], list[tuple[str, ...]]]) -> str:
    name, params, _, _ = case
    return name + "".join(f"-{k}={v}" for k, v in params.items())


def short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def full(text: str) -> str:
    """Return the IRI a short form of the expected rows stands for (other text as it is)."""
    prefix, colon, local = text.partition(":")
    return PREFIXES[prefix] + local if colon and prefix in PREFIXES else text


def cells(result: SelectResult) -> list[tuple[str | None, ...]]:
    """The rows of a result, IRIs shortened, literals by their value."""
    rows = []
    for row in result:
        found: list[str | None] = []
        for variable in result.variables:
            term = row[variable]
            assert term is None or isinstance(term, NamedNode | Literal), term
            found.append(
                None
                if term is None
                else short(term.value)
                if isinstance(term, NamedNode)
                else term.value
            )
        rows.append(tuple(found))
    return rows


@pytest.fixture(scope="module")
def kg() -> itukg.KnowledgeGraph:
    return itukg.load()


# --- The catalogue --------------------------------------------------------------------------


def test_the_federated_queries() -> None:
    assert FEDERATED == ["place-geonames", "vice-chair-countries"]
    for name in FEDERATED:
        query = queries.get(name)
        endpoint = query.param("endpoint")
        assert endpoint is not None and endpoint.type == "iri"
    assert queries.get("vice-chair-countries").param("endpoint").default == (  # type: ignore[union-attr]
        "https://query.wikidata.org/sparql"
    )
    # GeoNames has no public SPARQL endpoint: the endpoint must be given.
    assert queries.get("place-geonames").param("endpoint").required  # type: ignore[union-attr]


def test_the_list_says_which_are_federated() -> None:
    done = run_itukg("query", "--list", root=None)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    marked = [lines[i - 2] for i, line in enumerate(lines) if line.startswith("    (federated")]
    assert marked == FEDERATED
    assert set(lines[i] for i, line in enumerate(lines) if line.startswith("    (federated")) == {
        "    (federated: asks a remote SPARQL endpoint with SERVICE)"
    }


def test_every_federated_query_has_answers() -> None:
    """A case with the defaults; with other parameters, another value and no match."""
    for name in FEDERATED:
        mine = [(params, rows) for query, params, _, rows in CASES if query == name]
        assert any(not params for params, _ in mine), name
        others = [p.name for p in queries.get(name).params if p.name != "endpoint"]
        if others:
            assert any(params and rows for params, rows in mine), name
            assert any(params and not rows for params, rows in mine), name


# --- Embedded -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_answer(
    linked_data: OxigraphServer,
    kg: itukg.KnowledgeGraph,
    case: tuple[str, dict[str, str], tuple[str, ...], list[tuple[str, ...]]],
) -> None:
    name, params, columns, rows = case
    result = kg.query(name, endpoint=linked_data.query_url, **params)
    assert isinstance(result, SelectResult)
    assert result.variables == columns
    assert cells(result) == rows


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_same_answer_on_a_second_engine(
    linked_data: OxigraphServer,
    kg: itukg.KnowledgeGraph,
    case: tuple[str, dict[str, str], tuple[str, ...], list[tuple[str, ...]]],
) -> None:
    """rdflib's SPARQL engine, which calls SERVICE itself, gives the same rows."""
    name, params, columns, rows = case
    graph = rdflib.Graph().parse(data=kg.export("nt"), format="nt")
    text = queries.get(name).bind({"endpoint": linked_data.query_url, **params})
    solutions = graph.query(text)
    assert tuple(str(v) for v in solutions.vars or ()) == columns
    found = [
        tuple(
            None if v is None else short(str(v)) if isinstance(v, rdflib.URIRef) else str(v)
            for v in solution
        )
        for solution in solutions
    ]
    assert found == rows


def test_the_command_line(linked_data: OxigraphServer) -> None:
    url = linked_data.query_url
    done = run_itukg(
        "query", "vice-chair-countries", "--param", f"endpoint={url}", "-f", "csv", root=None
    )
    assert done.returncode == 0, done.stderr
    expected = [list(VICE), *([full(cell) for cell in row] for row in VICE_ROWS)]
    assert list(csv.reader(io.StringIO(done.stdout))) == expected
    table = run_itukg("query", "place-geonames", "-p", f"endpoint={url}", root=None)
    assert table.returncode == 0, table.stderr
    assert table.stderr == "19 rows\n"
    lines = table.stdout.splitlines()
    assert lines[0].split() == list(PLACE)
    assert lines[2].split() == [
        "place:argentina",
        "Argentina",
        "country",
        "<https://sws.geonames.org/3865483/>",
        "Argentina",
        "44494502",
        "AR",
    ]


def test_the_endpoint_is_required_where_it_has_no_default() -> None:
    done = run_itukg("query", "place-geonames", root=None)
    assert done.returncode == 2
    assert done.stderr == (
        "itukg: error: missing parameter 'endpoint' for query 'place-geonames' (iri: SPARQL "
        "endpoint holding the GeoNames features (gn:name, gn:population, gn:countryCode).)\n"
    )


def test_an_endpoint_that_does_not_answer(kg: itukg.KnowledgeGraph) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(ServiceError) as caught:
        kg.query("vice-chair-countries", endpoint=url)
    assert str(caught.value) == (
        "queries/vice-chair-countries.rq: a SERVICE call failed: Connection refused"
    )
    done = run_itukg("query", "place-geonames", "-p", f"endpoint={url}", root=None)
    assert done.returncode == 4
    assert done.stderr == (
        "itukg: error: queries/place-geonames.rq: a SERVICE call failed: Connection refused\n"
    )


def test_an_endpoint_that_is_not_an_iri(kg: itukg.KnowledgeGraph) -> None:
    with pytest.raises(QueryError) as caught:
        kg.query("place-geonames", endpoint="not an iri")
    assert str(caught.value) == (
        "parameter 'endpoint' of query 'place-geonames': 'not an iri' is not an IRI or a CURIE "
        "with a known prefix"
    )


# --- Through itukg serve ------------------------------------------------------------------


@pytest.fixture(scope="module")
def federating_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ItukgServer]:
    """``itukg serve --allow-service``: the shipped graph, federated queries allowed."""
    server = itukg_server.start(tmp_path_factory.mktemp("itukg-federating"), "--allow-service")
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_the_api_of_a_server_that_allows_service(
    linked_data: OxigraphServer,
    federating_server: ItukgServer,
    kg: itukg.KnowledgeGraph,
    case: tuple[str, dict[str, str], tuple[str, ...], list[tuple[str, ...]]],
) -> None:
    name, params, columns, rows = case
    answer = httpx.get(
        f"{federating_server.base}/api/queries/{name}",
        params={"endpoint": linked_data.query_url, **params},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/sparql-results+json"
    result = SelectResult(answer.content)
    assert result.variables == columns
    assert cells(result) == rows
    assert answer.content == kg.query(name, endpoint=linked_data.query_url, **params).serialize(
        "json"
    )


def test_sparql_of_a_server_that_allows_service(
    linked_data: OxigraphServer, federating_server: ItukgServer
) -> None:
    """A standard client sends the bound text to /sparql and gets the rows."""
    client = SPARQLWrapper(federating_server.sparql_url)
    client.setQuery(queries.get("vice-chair-countries").bind({"endpoint": linked_data.query_url}))
    client.setReturnFormat(JSON)
    client.setMethod(POST)
    answer = client.queryAndConvert()
    assert isinstance(answer, dict)
    assert answer["head"]["vars"] == list(VICE)
    assert [
        tuple(short(b[v]["value"]) for v in VICE) for b in answer["results"]["bindings"]
    ] == VICE_ROWS


def test_a_server_that_allows_service_reports_a_failing_endpoint(
    federating_server: ItukgServer,
) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    answer = httpx.get(
        f"{federating_server.base}/api/queries/place-geonames",
        params={"endpoint": url},
        timeout=30,
    )
    assert answer.status_code == 502
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert (problem["status"], problem["title"]) == (502, "Bad Gateway")
    assert problem["detail"].startswith("queries/place-geonames.rq: a SERVICE call failed: ")


@pytest.mark.parametrize("name", FEDERATED)
def test_a_server_without_allow_service_refuses(
    linked_data: OxigraphServer, live_server: ItukgServer, name: str
) -> None:
    """The session's ``itukg serve``, with the default settings, runs no SERVICE."""
    answer = httpx.get(
        f"{live_server.base}/api/queries/{name}",
        params={"endpoint": linked_data.query_url},
        timeout=30,
    )
    assert answer.status_code == 400
    assert answer.json() == {
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "detail": NO_SERVICE,
    }
    text = queries.get(name).bind({"endpoint": linked_data.query_url})
    sparql = httpx.post(live_server.sparql_url, data={"query": text}, timeout=30)
    assert sparql.status_code == 400
    assert sparql.text == NO_SERVICE + "\n"


@pytest.mark.parametrize("name", FEDERATED)
def test_the_query_page_of_a_server_without_allow_service_refuses(
    linked_data: OxigraphServer, live_server: ItukgServer, name: str
) -> None:
    """The form of a canned query runs it too: it refuses SERVICE as the API does."""
    page = httpx.get(
        f"{live_server.base}/queries/{name}",
        params={"endpoint": linked_data.query_url},
        headers={"Accept": "text/html"},
        timeout=30,
    )
    assert page.status_code == 400
    assert NO_SERVICE in page.text


def test_the_query_page_of_a_server_that_allows_service(
    linked_data: OxigraphServer, federating_server: ItukgServer
) -> None:
    page = httpx.get(
        f"{federating_server.base}/queries/vice-chair-countries",
        params={"endpoint": linked_data.query_url},
        headers={"Accept": "text/html"},
        timeout=30,
    )
    assert page.status_code == 200, page.text
    assert "3 rows" in page.text
    assert all(row[3] in page.text and row[7] in page.text for row in VICE_ROWS)


def test_the_catalogue_of_the_api_lists_them(federating_server: ItukgServer) -> None:
    listed = httpx.get(f"{federating_server.base}/api/queries", timeout=30).json()["queries"]
    by_name = {q["name"]: q for q in listed}
    assert [p["name"] for p in by_name["vice-chair-countries"]["params"]] == ["endpoint", "group"]
    assert by_name["place-geonames"]["params"][0]["required"] is True
