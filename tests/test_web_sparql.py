"""The SPARQL 1.1 Protocol at /sparql, in-process: every method, format, refusal and limit."""

from __future__ import annotations

import asyncio
import socket
import time
import warnings
from collections.abc import Iterator
from xml.etree import ElementTree

import httpx
import pytest
import rdflib
from pyoxigraph import DefaultGraph, NamedNode, Store
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

with warnings.catch_warnings():  # Starlette asks for httpx2, which is not needed here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

import itukg
from itukg.bridge import graph_of
from itukg.errors import QueryError
from itukg.namespaces import GRAPH
from itukg.queries import execute
from itukg.web import Settings, create_app
from itukg.web.sparql import NO_SERVICE, READ_ONLY

ID = "https://w3id.org/itukg/id/"
ORG = f"{ID}org/"
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
FORMATS = rdflib.Namespace("http://www.w3.org/ns/formats/")
FOAF_NAME = rdflib.URIRef("http://xmlns.com/foaf/0.1/name")

ROLES = (
    "SELECT ?role ?group WHERE { ?m org:member person:ali-abbassene ; "
    "org:role/skos:prefLabel ?role ; org:organization ?group } ORDER BY ?group"
)
ROLES_JSON = {
    "head": {"vars": ["role", "group"]},
    "results": {
        "bindings": [
            {
                "role": {"type": "literal", "value": "Vice-Chairman", "xml:lang": "en"},
                "group": {"type": "uri", "value": f"{ORG}{group}"},
            }
            for group in ("sg20", "sg20rg-afr", "sg20rg-arb")
        ]
    },
}
ROLES_CSV = "role,group\r\n" + "".join(
    f"Vice-Chairman,{ORG}{g}\r\n" for g in ("sg20", "sg20rg-afr", "sg20rg-arb")
)
ROLES_TSV = "?role\t?group\n" + "".join(
    f'"Vice-Chairman"@en\t<{ORG}{g}>\n' for g in ("sg20", "sg20rg-afr", "sg20rg-arb")
)
EECAT_NAMES = (
    "CONSTRUCT { ?p foaf:name ?n } WHERE "
    "{ ?m org:organization itorg:sg20rg-eecat ; org:member ?p . ?p foaf:name ?n }"
)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
#: A query that never ends on this graph: the graph with itself three times.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def kg() -> itukg.KnowledgeGraph:
    return itukg.load()


@pytest.fixture(scope="module")
def client(kg: itukg.KnowledgeGraph) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(graph=kg))) as test_client:
        yield test_client


def eecat_names() -> rdflib.Graph:
    graph = rdflib.Graph()
    for slug, name in (("alexey-borodin", "Alexey Borodin"), ("umida-musaeva", "Umida Musaeva")):
        graph.add((rdflib.URIRef(f"{ID}person/{slug}"), FOAF_NAME, rdflib.Literal(name)))
    return graph


def assert_isomorphic(got: rdflib.Graph, expected: rdflib.Graph) -> None:
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail(
            f"graphs differ:\nonly served:\n{only_got.serialize(format='nt')}\n"
            f"only expected:\n{only_expected.serialize(format='nt')}"
        )


def count(response: httpx.Response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


# --- SELECT in every format, by every method ----------------------------------------------


def test_select_by_get_post_form_and_post_body_gives_the_same_json(client: TestClient) -> None:
    answers = [
        client.get("/sparql", params={"query": ROLES}),
        client.post("/sparql", data={"query": ROLES}),
        client.post("/sparql", content=ROLES, headers={"Content-Type": "application/sparql-query"}),
        client.post(
            "/sparql",
            content=ROLES.encode(),
            headers={"Content-Type": "application/sparql-query; charset=utf-8"},
        ),
    ]
    for response in answers:
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/sparql-results+json"
        assert response.headers["vary"] == "Accept, Origin"
        assert response.json() == ROLES_JSON


@pytest.mark.parametrize(
    ("accept", "media_type", "text"),
    [
        ("text/csv", "text/csv; charset=utf-8", ROLES_CSV),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", ROLES_TSV),
        (
            "text/csv;q=0.5, text/tab-separated-values",
            "text/tab-separated-values; charset=utf-8",
            ROLES_TSV,
        ),
    ],
)
def test_select_as_csv_and_tsv(client: TestClient, accept: str, media_type: str, text: str) -> None:
    response = client.get("/sparql", params={"query": ROLES}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == media_type
    assert response.text == text


def test_select_as_xml(client: TestClient) -> None:
    response = client.post(
        "/sparql",
        data={"query": ROLES},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/sparql-results+xml"
    ns = "{http://www.w3.org/2005/sparql-results#}"
    root = ElementTree.fromstring(response.content)
    assert [v.get("name") for v in root.iter(f"{ns}variable")] == ["role", "group"]
    rows = []
    for result in root.iter(f"{ns}result"):
        row = {}
        for binding in result.iter(f"{ns}binding"):
            (term,) = list(binding)
            lang = term.get("{http://www.w3.org/XML/1998/namespace}lang")
            row[binding.get("name")] = (term.tag[len(ns) :], term.text, lang)
        rows.append(row)
    assert rows == [
        {"role": ("literal", "Vice-Chairman", "en"), "group": ("uri", f"{ORG}{g}", None)}
        for g in ("sg20", "sg20rg-afr", "sg20rg-arb")
    ]


def test_accept_with_q_values_and_the_format_switch(client: TestClient) -> None:
    def media_type(accept: str | None, **params: str) -> str:
        headers = {"Accept": accept} if accept is not None else {}
        response = client.get("/sparql", params={"query": ROLES, **params}, headers=headers)
        assert response.status_code == 200, response.text
        return response.headers["content-type"]

    assert media_type("*/*") == "application/sparql-results+json"
    assert media_type("application/json") == "application/json"
    assert media_type("text/*") == "text/csv; charset=utf-8"
    assert media_type("text/csv;q=0.2, application/sparql-results+xml;q=0.9") == (
        "application/sparql-results+xml"
    )
    assert media_type("application/*;q=0.1, text/csv;q=0") == "application/sparql-results+json"
    assert media_type(BROWSER) == "text/html; charset=utf-8"
    assert media_type("text/html", format="tsv") == "text/tab-separated-values; charset=utf-8"


def test_browser_sees_the_rows_as_a_table_with_links(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": ROLES}, headers={"Accept": BROWSER})
    assert response.status_code == 200
    for group in ("sg20", "sg20rg-afr", "sg20rg-arb"):
        assert f'<a href="/id/org/{group}">itorg:{group}</a>' in response.text
    assert response.text.count('<span class="literal">Vice-Chairman</span>') == 3


def test_nothing_acceptable_is_406(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": ROLES}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.text == (
        "no acceptable format for SELECT and ASK results in Accept: image/png (offered: "
        "application/sparql-results+json, application/sparql-results+xml, text/csv, "
        "text/tab-separated-values, application/json, text/html)\n"
    )
    response = client.get("/sparql", params={"query": EECAT_NAMES}, headers={"Accept": "text/csv"})
    assert response.status_code == 406
    assert response.text.startswith("no acceptable format for graph results (CONSTRUCT, DESCRIBE)")
    response = client.get("/sparql", params={"query": ROLES, "format": "ttl"})
    assert (response.status_code, response.text) == (
        400,
        "format 'ttl' does not apply to SELECT and ASK results "
        "(choose from json, xml, csv, tsv, html)\n",
    )


# --- ASK, CONSTRUCT, DESCRIBE -------------------------------------------------------------


def test_ask(client: TestClient) -> None:
    yes = client.get("/sparql", params={"query": "ASK { person:ali-abbassene a foaf:Person }"})
    assert (yes.status_code, yes.json()) == (200, {"head": {}, "boolean": True})
    no = client.post(
        "/sparql",
        content="ASK { person:ali-abbassene a org:Role }",
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+xml",
        },
    )
    assert no.status_code == 200
    root = ElementTree.fromstring(no.content)
    assert root.find("{http://www.w3.org/2005/sparql-results#}boolean").text == "false"


@pytest.mark.parametrize(
    ("accept", "media_type", "parser"),
    [
        ("text/turtle", "text/turtle; charset=utf-8", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        (None, "text/turtle; charset=utf-8", "turtle"),
    ],
)
def test_construct_in_every_rdf_format(
    client: TestClient, accept: str | None, media_type: str, parser: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", params={"query": EECAT_NAMES}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == media_type
    assert_isomorphic(rdflib.Graph().parse(data=response.content, format=parser), eecat_names())


def test_construct_by_the_format_switch(client: TestClient) -> None:
    for switch, parser in (("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt")):
        response = client.post("/sparql", data={"query": EECAT_NAMES, "format": switch})
        assert response.status_code == 200, response.text
        assert_isomorphic(rdflib.Graph().parse(data=response.content, format=parser), eecat_names())


def test_describe_gives_what_the_graph_says_of_the_thing(
    client: TestClient, kg: itukg.KnowledgeGraph
) -> None:
    node = NamedNode(f"{ID}person/umida-musaeva")
    expected = graph_of(
        q.triple for q in kg.store.quads_for_pattern(node, None, None, DefaultGraph())
    )
    response = client.get(
        "/sparql",
        params={"query": "DESCRIBE person:umida-musaeva"},
        headers={"Accept": "application/n-triples"},
    )
    assert response.status_code == 200, response.text
    assert len(expected) == 6
    assert_isomorphic(rdflib.Graph().parse(data=response.content, format="nt"), expected)


# --- Errors -------------------------------------------------------------------------------


def test_invalid_sparql_is_400_with_the_message_of_the_command_line(client: TestClient) -> None:
    text = "SELECT * WHERE { ?s ?p }"
    with pytest.raises(QueryError) as raised:
        execute(Store(), text)
    response = client.get("/sparql", params={"query": text})
    assert (response.status_code, response.text) == (400, f"{raised.value}\n")
    assert response.text == "query:1:25: invalid SPARQL: expected one of LATERAL, SERVICE\n"


def test_bad_requests(kg: itukg.KnowledgeGraph) -> None:
    with TestClient(create_app(Settings(graph=kg, max_query_bytes=60, workers=1))) as client:
        cases = [
            (
                client.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")]),
                400,
                "more than one query: give exactly one 'query'",
            ),
            (
                client.post("/sparql", data={"default-graph-uri": GRAPH}),
                400,
                "no query: give the query in the 'query' field",
            ),
            (
                client.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"}),
                415,
                "a POST to the SPARQL endpoint must be application/x-www-form-urlencoded or "
                "application/sparql-query, not text/plain",
            ),
            (
                client.post(
                    "/sparql",
                    content=b"ASK { \xff }",
                    headers={"Content-Type": "application/sparql-query"},
                ),
                400,
                "the request body is not UTF-8",
            ),
            (
                client.get("/sparql", params={"query": "ASK { " + "?s ?p ?o . " * 10 + "}"}),
                413,
                "the query is longer than 60 bytes, the most this service accepts",
            ),
            (
                client.post(
                    "/sparql",
                    content="#" * 5000,
                    headers={"Content-Type": "application/sparql-query"},
                ),
                413,
                "the request is longer than this service accepts",
            ),
            (
                client.get(
                    "/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"}
                ),
                400,
                "default-graph-uri: 'not an iri' is not an IRI",
            ),
            (client.put("/sparql", content="ASK {}"), 405, "PUT is not allowed here"),
        ]
        for response, status, message in cases:
            assert (response.status_code, response.text) == (status, message + "\n")


# --- Read-only ----------------------------------------------------------------------------

INSERT = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"


def test_updates_are_refused_and_change_nothing(
    client: TestClient, kg: itukg.KnowledgeGraph
) -> None:
    before = count(client.get("/sparql", params={"query": COUNT}))
    assert before == len(kg.store) == 3005
    refused = [
        client.post(
            "/sparql", content=INSERT, headers={"Content-Type": "application/sparql-update"}
        ),
        client.post("/sparql", data={"update": INSERT}),
        client.get("/sparql", params={"update": INSERT}),
        client.get("/sparql", params={"query": INSERT}),
        client.post(
            "/sparql", data={"query": "PREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ?p ?o }"}
        ),
        client.post(
            "/sparql",
            content="# a comment\nCLEAR DEFAULT",
            headers={"Content-Type": "application/sparql-query"},
        ),
        client.get("/sparql", params={"query": "DROP GRAPH <https://w3id.org/itukg/graph>"}),
    ]
    for response in refused:
        assert (response.status_code, response.text) == (403, READ_ONLY + "\n")
    assert count(client.get("/sparql", params={"query": COUNT})) == before
    assert client.get(
        "/sparql", params={"query": "ASK { <http://example.org/a> ?p ?o }"}
    ).json() == {
        "head": {},
        "boolean": False,
    }
    assert len(kg.store) == 3005


# --- The RDF dataset ----------------------------------------------------------------------


def test_default_and_named_graphs(client: TestClient) -> None:
    def ask(text: str, **params: str | list[str]) -> httpx.Response:
        return client.get("/sparql", params={"query": text, **params})

    assert count(ask(COUNT)) == 3005
    assert count(ask(COUNT, **{"default-graph-uri": GRAPH})) == 3005
    assert count(ask(COUNT, **{"default-graph-uri": "http://example.org/other"})) == 0
    assert count(ask(f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}> WHERE {{ ?s ?p ?o }}")) == 3005
    assert count(ask("SELECT (COUNT(*) AS ?n) FROM <http://example.org/x> WHERE { ?s ?p ?o }")) == 0
    named = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    response = ask(named)
    assert [(b["g"]["value"], b["n"]["value"]) for b in response.json()["results"]["bindings"]] == [
        (GRAPH, "3005")
    ]
    response = ask(named, **{"named-graph-uri": GRAPH})
    assert [(b["g"]["value"], b["n"]["value"]) for b in response.json()["results"]["bindings"]] == [
        (GRAPH, "3005")
    ]
    # Only named graphs given: the default graph is empty.
    assert count(ask(COUNT, **{"named-graph-uri": GRAPH})) == 0
    response = ask(named, **{"default-graph-uri": GRAPH})
    assert response.json()["results"]["bindings"] == []


# --- The service description --------------------------------------------------------------


def description(client: TestClient, accept: str, parser: str, **params: str) -> rdflib.Graph:
    response = client.get("/sparql", headers={"Accept": accept}, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["vary"] == "Accept, Origin"
    return rdflib.Graph().parse(data=response.content, format=parser)


def test_service_description(client: TestClient) -> None:
    graph = description(client, "text/turtle", "turtle")
    endpoint = rdflib.URIRef("http://testserver/sparql")
    assert (endpoint, rdflib.RDF.type, SD.Service) in graph
    assert set(graph.objects(endpoint, SD.endpoint)) == {endpoint}
    assert set(graph.objects(endpoint, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert set(graph.objects(endpoint, SD.resultFormat)) == {
        FORMATS[name]
        for name in (
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "JSON-LD",
            "N-Triples",
            "RDF_XML",
        )
    }
    assert set(graph.objects(endpoint, SD.feature)) == set()
    (dataset,) = graph.objects(endpoint, SD.defaultDataset)
    (default,) = graph.objects(dataset, SD.defaultGraph)
    assert graph.value(default, VOID.triples).toPython() == 3005
    (named,) = graph.objects(dataset, SD.namedGraph)
    assert graph.value(named, SD.name) == rdflib.URIRef(GRAPH)
    assert graph.value(graph.value(named, SD.graph), VOID.triples).toPython() == 3005
    assert_isomorphic(description(client, "application/ld+json", "json-ld"), graph)
    assert_isomorphic(description(client, "*/*", "turtle"), graph)
    assert_isomorphic(description(client, "text/html", "nt", format="nt"), graph)


def test_service_description_for_a_browser_is_a_query_form(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert '<form class="sparql" action="/sparql" method="get">' in response.text
    assert '<textarea id="query" name="query"' in response.text
    assert "sd:endpoint &lt;http://testserver/sparql&gt;" in response.text


def test_service_description_names_the_public_url(kg: itukg.KnowledgeGraph) -> None:
    app = create_app(
        Settings(graph=kg, base_url="https://kg.example.org/itukg/", allow_service=True)
    )
    graph = description(TestClient(app), "text/turtle", "turtle")
    endpoint = rdflib.URIRef("https://kg.example.org/itukg/sparql")
    assert set(graph.objects(endpoint, SD.endpoint)) == {endpoint}
    assert set(graph.objects(endpoint, SD.feature)) == {SD.BasicFederatedQuery}


# --- Federation ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_service_is_refused_by_default(client: TestClient) -> None:
    text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{free_port()}/sparql> {{ ?s ?p ?o }} }}"
    for response in (
        client.get("/sparql", params={"query": text}),
        client.get("/sparql", params={"query": text.replace("SERVICE", "service")}),
        client.post("/sparql", content=text, headers={"Content-Type": "application/sparql-query"}),
    ):
        assert (response.status_code, response.text) == (400, NO_SERVICE + "\n")
    # The word in a string, an IRI or a comment is no federated query.
    harmless = 'SELECT ?x WHERE { BIND("SERVICE" AS ?x) } # SERVICE <http://example.org/>'
    response = client.get("/sparql", params={"query": harmless})
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"] == [
        {"x": {"type": "literal", "value": "SERVICE"}}
    ]


def test_service_when_allowed_fails_cleanly_on_an_unreachable_endpoint(
    kg: itukg.KnowledgeGraph,
) -> None:
    port = free_port()
    text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    with TestClient(create_app(Settings(graph=kg, allow_service=True, workers=1))) as client:
        start = time.monotonic()
        response = client.get("/sparql", params={"query": text})
        elapsed = time.monotonic() - start
        assert response.status_code == 502
        assert response.text.startswith("query: a SERVICE call failed: Connection refused")
        assert elapsed < 5
        silent = client.get("/sparql", params={"query": text.replace("SERVICE", "SERVICE SILENT")})
        assert silent.status_code == 200
        assert silent.json() == {"head": {"vars": ["o", "p", "s"]}, "results": {"bindings": [{}]}}


# --- Limits -------------------------------------------------------------------------------


def test_too_many_rows_is_413(kg: itukg.KnowledgeGraph) -> None:
    with TestClient(create_app(Settings(graph=kg, max_rows=5, workers=1))) as client:
        response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert (response.status_code, response.text) == (
            413,
            "the answer has more than 5 rows, the most this service gives (--max-rows); "
            "ask for fewer, with LIMIT\n",
        )
        response = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
        assert response.status_code == 413
        assert response.text.startswith("the answer has more than 5 triples")
        response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
        assert response.status_code == 200
        assert len(response.json()["results"]["bindings"]) == 5


def test_a_slow_query_is_stopped_while_others_are_answered(kg: itukg.KnowledgeGraph) -> None:
    app = create_app(Settings(graph=kg, timeout=1.0, workers=2))
    pool = app.state.site.pool
    pool.start()

    async def scenario() -> tuple[httpx.Response, float, list[tuple[int, float]]]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            start = time.monotonic()
            slow = asyncio.create_task(http.get("/sparql", params={"query": SLOW}))
            fast: list[tuple[int, float]] = []
            await asyncio.sleep(0.2)
            while not slow.done():
                sent = time.monotonic()
                response = await http.get("/sparql", params={"query": ROLES})
                assert response.json() == ROLES_JSON
                fast.append((response.status_code, time.monotonic() - sent))
                await asyncio.sleep(0.05)
            stopped = await slow
            return stopped, time.monotonic() - start, fast

    try:
        stopped, elapsed, fast = asyncio.run(scenario())
        assert stopped.status_code == 504
        assert stopped.text == (
            "the query ran longer than 1 s, the time limit of this service (--timeout), "
            "and was stopped\n"
        )
        assert 1.0 <= elapsed < 4.0
        assert len(fast) >= 5
        assert {status for status, _ in fast} == {200}
        assert max(seconds for _, seconds in fast) < 0.5
        # The stopped worker is replaced; the pool answers as before.
        assert TestClient(app).get("/sparql", params={"query": ROLES}).json() == ROLES_JSON
        assert pool.replaced == 1
    finally:
        pool.close()


def test_a_query_waits_for_a_busy_worker_up_to_the_queue_timeout(
    kg: itukg.KnowledgeGraph,
) -> None:
    # The one worker is busy for the whole time limit (1 s); a query that comes meanwhile waits
    # for it, longer than the time limit of a query but within --queue-timeout, and is answered.
    app = create_app(Settings(graph=kg, timeout=1, queue_timeout=5, workers=1))
    pool = app.state.site.pool
    pool.start()

    async def scenario() -> tuple[httpx.Response, httpx.Response, float]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            slow = asyncio.create_task(http.get("/sparql", params={"query": SLOW}))
            await asyncio.sleep(0.05)
            sent = time.monotonic()
            waiting = await http.get("/sparql", params={"query": ROLES})
            return await slow, waiting, time.monotonic() - sent

    try:
        stopped, waiting, waited = asyncio.run(scenario())
        assert stopped.status_code == 504
        assert (waiting.status_code, waiting.json()) == (200, ROLES_JSON)
        assert waited >= 0.9
    finally:
        pool.close()


def test_every_worker_busy_is_503(kg: itukg.KnowledgeGraph) -> None:
    app = create_app(Settings(graph=kg, timeout=1, queue_timeout=0.5, workers=1))
    pool = app.state.site.pool
    pool.start()

    async def scenario() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            slow = asyncio.create_task(http.get("/sparql", params={"query": SLOW}))
            await asyncio.sleep(0.05)
            waiting = await http.get("/sparql", params={"query": ROLES})
            return await slow, waiting

    try:
        stopped, waiting = asyncio.run(scenario())
        assert stopped.status_code == 504
        assert (waiting.status_code, waiting.headers["retry-after"], waiting.text) == (
            503,
            "5",
            "all 1 query workers stayed busy for 0.5 s; try again later\n",
        )
    finally:
        pool.close()
