"""Pages and dereferenceable IRIs, in-process: things, the ontology, search, queries, the chart."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
import rdflib
from conftest import KG, kg_files
from pyoxigraph import NamedNode, RdfFormat, Store
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from starlette.applications import Starlette
from starlette.routing import Mount

import itukg
from itukg import paths
from itukg.bridge import graph_of
from itukg.describe import triples_about

with warnings.catch_warnings():  # Starlette asks for httpx2, which is not needed here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from itukg.web import Settings, create_app

ID = "https://w3id.org/itukg/id/"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
SVG = "{http://www.w3.org/2000/svg}"
RDF_FORMATS = [
    ("text/turtle", "ttl", "text/turtle; charset=utf-8", "turtle"),
    ("application/ld+json", "jsonld", "application/ld+json", "json-ld"),
    ("application/n-triples", "nt", "application/n-triples", "nt"),
    ("application/rdf+xml", "rdf", "application/rdf+xml", "xml"),
]


@pytest.fixture(scope="module")
def kg() -> itukg.KnowledgeGraph:
    return itukg.load()


@pytest.fixture(scope="module")
def client(kg: itukg.KnowledgeGraph) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(graph=kg, workers=1))) as test_client:
        yield test_client


# --- Reading HTML -------------------------------------------------------------------------


class Element:
    """An element of a parsed page."""

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Element | str] = []

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join("".join(parts).split())

    def all(self, tag: str, **attrs: str) -> list[Element]:
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if child.tag == tag and all(
                    child.attrs.get(k.rstrip("_")) == v for k, v in attrs.items()
                ):
                    found.append(child)
                found += child.all(tag, **attrs)
        return found

    def one(self, tag: str, **attrs: str) -> Element:
        (found,) = self.all(tag, **attrs)
        return found

    def links(self) -> list[tuple[str, str]]:
        return [(a.attrs.get("href", ""), a.text()) for a in self.all("a")]


VOID = {"meta", "link", "input", "br", "img", "hr"}


class Page(HTMLParser):
    """A page parsed into :class:`Element` objects."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {})
        self.stack = [self.root]
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def page(client: TestClient, url: str, status: int = 200) -> Element:
    response = client.get(url, headers={"Accept": BROWSER})
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    return Page(response.text).root


def assert_isomorphic(got: rdflib.Graph, expected: rdflib.Graph) -> None:
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail(
            f"graphs differ:\nonly served:\n{only_got.serialize(format='nt')}\n"
            f"only expected:\n{only_expected.serialize(format='nt')}"
        )


# --- The page of a thing ------------------------------------------------------------------


def test_a_person_page(client: TestClient) -> None:
    response = client.get("/id/person/ali-abbassene", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.headers["vary"] == "Accept, Origin"
    assert response.headers["link"].startswith(
        '</id/person/ali-abbassene?format=html>; rel="alternate"; type="text/html", '
        '</id/person/ali-abbassene?format=ttl>; rel="alternate"; type="text/turtle"'
    )
    root = Page(response.text).root
    assert root.one("h1").text() == "Ali Abbassene"
    assert root.one("title").text() == "Ali Abbassene · itukg"
    assert root.one("p", class_="names").text() == "Also written: Ali ABBASSENE"
    assert [a.text() for a in root.one("p", class_="types").all("a")] == ["foaf:Person"]
    properties = root.one("table", class_="properties")
    rows = {row.one("th").text(): row.one("td") for row in properties.all("tr")[1:]}
    assert rows["foaf:familyName"].text() == "Abbassene"
    assert rows["skos:prefLabel"].text() == "Ali Abbassene"
    assert rows["org:memberOf"].links() == [
        (
            "/id/org/ministere-de-la-poste-et-des-telecommunications",
            "Ministère de la Poste et des Télécommunications",
        ),
        (
            "/id/org/ministere-de-la-poste-des-telecommunications-des-technologies-et-du-numerique",
            "Ministère de la Poste, des Télécommunications, des Technologies et du Numérique",
        ),
    ]
    note = rows["skos:editorialNote"]
    assert note.one("span", class_="lang").text() == "@en"
    assert note.text().startswith("Written 'Ali ABBASSENE' in the SG20 management team")
    assert properties.links()[0] == ("http://purl.org/dc/terms/source", "dcterms:source")
    incoming = root.one("table", class_="incoming")
    assert [row.links() for row in incoming.all("tr")[1:]] == [
        [
            (f"/id/membership/{slug}", f"membership:{slug}"),
            ("http://www.w3.org/ns/org#member", "org:member"),
        ]
        for slug in (
            "sg20-vice-chair-ali-abbassene",
            "sg20rg-afr-vice-chair-ali-abbassene",
            "sg20rg-arb-vice-chair-ali-abbassene",
        )
    ]
    sources = root.one("ol", class_="sources").all("li")
    assert [li.text() for li in sources] == [
        "ITU-T SG20 - Management Team src:sg20-management-team, lines 264 to 334 line=263,334 "
        "of Overview of ITU-T Study Group 20: IoT and smart cities and communities "
        "source:sg20-overview",
        "ITU-T SG20 Regional Group for the Arab Region (SG20RG-ARB) src:sg20rg-arb, lines 670 to "
        "706 line=669,706 of Overview of ITU-T Study Group 20: IoT and smart cities and "
        "communities source:sg20-overview",
        "ITU-T SG20 Regional Group for Africa (SG20RG-AFR) src:sg20rg-afr, lines 709 to 746 "
        "line=708,746 of Overview of ITU-T Study Group 20: IoT and smart cities and communities "
        "source:sg20-overview",
    ]
    assert sources[0].links() == [
        ("/id/source/sg20-overview/sg20-management-team", "ITU-T SG20 - Management Team"),
        (
            "/id/source/sg20-overview",
            "Overview of ITU-T Study Group 20: IoT and smart cities and communities",
        ),
    ]


def test_a_page_carries_schema_org(client: TestClient) -> None:
    root = page(client, "/id/person/ali-abbassene")
    data = json.loads(root.one("script", type="application/ld+json").text())
    org = "https://w3id.org/itukg/id/org/"
    assert data["@context"] == "https://schema.org"
    assert (data["@type"], data["@id"], data["name"]) == (
        "Person",
        f"{ID}person/ali-abbassene",
        "Ali Abbassene",
    )
    assert (data["givenName"], data["familyName"], data["alternateName"]) == (
        "Ali",
        "Abbassene",
        "Ali ABBASSENE",
    )
    assert data["url"] == f"{ID}person/ali-abbassene"
    assert "sameAs" not in data
    assert [
        (r["roleName"], r["memberOf"]["@id"], r["memberOf"]["@type"]) for r in data["memberOf"]
    ] == [
        ("Vice-Chairman", f"{org}sg20", "Organization"),
        ("Vice-Chairman", f"{org}sg20rg-afr", "Organization"),
        ("Vice-Chairman", f"{org}sg20rg-arb", "Organization"),
    ]
    assert [a["name"] for a in data["affiliation"]] == [
        "Ministère de la Poste, des Télécommunications, des Technologies et du Numérique",
        "Ministère de la Poste et des Télécommunications",
    ]


@pytest.mark.parametrize(
    ("path", "schema_type", "name"),
    [
        (
            "org/sg20rg-eecat",
            "Organization",
            "ITU-T SG20 Regional Group for Eastern Europe, Central Asia and Transcaucasia",
        ),
        ("meeting/sg20rg-arb-2019-10-07", "Event", "SG20RG-ARB meeting, 7 October 2019, Riyadh"),
        ("recommendation/Y.4470", "CreativeWork", "ITU-T Y.4470"),
        ("place/dubai", "City", "Dubai"),
        ("role/chair", "DefinedTerm", "Chairman"),
        ("mailing-list/t22sg20all", "ContactPoint", "General distribution list for SG20"),
        ("org/u4ssc", "Project", "United for Smart Sustainable Cities"),
        (
            "source/sg20-overview/cg-aiot",
            "CreativeWork",
            "Correspondence Group on Artificial intelligence of Things (CG-AIoT)",
        ),
    ],
)
def test_schema_org_types(client: TestClient, path: str, schema_type: str, name: str) -> None:
    data = json.loads(page(client, f"/id/{path}").one("script", type="application/ld+json").text())
    assert (data["@type"], data["name"]) == (schema_type, name)


def test_schema_org_of_an_event_and_a_group(client: TestClient) -> None:
    event = json.loads(
        page(client, "/id/meeting/sg20rg-arb-2019-10-07")
        .one("script", type="application/ld+json")
        .text()
    )
    assert (event["startDate"], event["endDate"]) == ("2019-10-07", "2019-10-07")
    assert event["location"] == {"@type": "City", "@id": f"{ID}place/riyadh", "name": "Riyadh"}
    assert event["organizer"]["@id"] == f"{ID}org/sg20rg-arb"
    group = json.loads(
        page(client, "/id/org/sg20rg-eecat").one("script", type="application/ld+json").text()
    )
    assert group["parentOrganization"]["@id"] == f"{ID}org/sg20"
    assert [(m["roleName"], m["member"]["name"]) for m in group["member"]] == [
        ("Chairman", "Alexey Borodin"),
        ("Vice-Chairman", "Umida Musaeva"),
    ]


@pytest.mark.parametrize(("accept", "switch", "media_type", "parser"), RDF_FORMATS)
def test_a_thing_as_rdf_by_accept_and_by_switch(
    client: TestClient,
    kg: itukg.KnowledgeGraph,
    accept: str,
    switch: str,
    media_type: str,
    parser: str,
) -> None:
    node = NamedNode(f"{ID}person/ali-abbassene")
    expected = graph_of(triples_about(kg.store, node))
    assert len(expected) == 16
    for response in (
        client.get("/id/person/ali-abbassene", headers={"Accept": accept}),
        client.get(f"/id/person/ali-abbassene?format={switch}", headers={"Accept": BROWSER}),
    ):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == media_type
        assert response.headers["vary"] == "Accept, Origin"
        assert_isomorphic(rdflib.Graph().parse(data=response.content, format=parser), expected)


def test_a_program_without_preference_gets_turtle(client: TestClient) -> None:
    for headers in ({}, {"Accept": "*/*"}, {"Accept": "text/html;q=0.5, text/turtle"}):
        response = client.get("/id/org/sg20", headers=headers)
        assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    response = client.get("/id/org/sg20?format=html", headers={"Accept": "text/turtle"})
    assert response.headers["content-type"] == "text/html; charset=utf-8"


def test_a_source_part_with_a_dotted_and_deeper_path(client: TestClient) -> None:
    assert page(client, "/id/recommendation/Y.4470").one("h1").text() == "ITU-T Y.4470"
    part = page(client, "/id/source/sg20-overview/cg-aiot")
    assert (
        part.one("h1").text()
        == "Correspondence Group on Artificial intelligence of Things (CG-AIoT)"
    )


def test_a_graph_built_in_memory_with_a_blank_node() -> None:
    """Blank nodes are followed on the page and in the RDF; workers get the graph as data."""
    store = Store()
    store.load(
        """
        @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        @prefix schema: <http://schema.org/> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/itukg/id/person/zoe> a foaf:Person ; skos:prefLabel "Zoé Q"@fr ;
            schema:address [ schema:addressLocality "Genève" ; schema:postalCode "1211" ] .
        """,
        format=RdfFormat.TURTLE,
    )
    kg = itukg.KnowledgeGraph(store)
    with TestClient(create_app(Settings(graph=kg, workers=1))) as client:
        root = page(client, "/id/person/zoe")
        assert root.one("h1").text() == "Zoé Q"
        address = root.one("dl", class_="blank")
        assert [dd.text() for dd in address.all("dd")] == ["Genève", "1211"]
        response = client.get("/id/person/zoe", headers={"Accept": "application/n-triples"})
        served = rdflib.Graph().parse(data=response.content, format="nt")
        assert_isomorphic(served, graph_of(triples_about(store, NamedNode(f"{ID}person/zoe"))))
        assert len(served) == 5
        answer = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
        assert answer.json()["results"]["bindings"][0]["n"]["value"] == "5"


def test_types_link_to_the_ontology(client: TestClient) -> None:
    root = page(client, "/id/org/sg20")
    assert root.one("p", class_="types").links() == [
        ("/ontology#StudyGroup", "Study group"),
    ]


def test_unknown_things_are_404(client: TestClient) -> None:
    root = page(client, "/id/person/nobody", status=404)
    assert root.one("p", class_="error").text() == "nothing in the graph is called person:nobody"
    response = client.get("/id/person/nobody", headers={"Accept": "text/turtle"})
    assert (response.status_code, response.headers["content-type"], response.text) == (
        404,
        "text/plain; charset=utf-8",
        "nothing in the graph is called person:nobody\n",
    )
    response = client.get("/id/person/ali-abbassene?format=pdf")
    assert (response.status_code, response.text) == (
        400,
        "format 'pdf' does not apply to a thing's description "
        "(choose from ttl, turtle, jsonld, json-ld, nt, rdf, xml, html)\n",
    )
    response = client.get("/id/person/ali-abbassene", headers={"Accept": "image/png"})
    assert response.status_code == 406
    response = client.get("/nowhere", headers={"Accept": "text/plain"})
    assert (response.status_code, response.text) == (404, "no page at /nowhere\n")


# --- The ontology -------------------------------------------------------------------------


def test_the_ontology_page(client: TestClient) -> None:
    root = page(client, "/ontology")
    assert (
        root.one("h1").text()
        == "itukg: the ITU IoT and smart sustainable cities knowledge graph ontology"
    )
    anchors = {s.attrs["id"] for s in root.all("section", class_="term")}
    reference = rdflib.Graph().parse(paths.root() / "ontology" / "itukg.ttl")
    ours = {
        str(s)[len("https://w3id.org/itukg/ontology#") :]
        for s in reference.subjects(
            rdflib.RDFS.isDefinedBy, rdflib.URIRef("https://w3id.org/itukg/ontology")
        )
    }
    assert len(ours) == 51
    assert ours <= anchors
    bureau = root.one("section", id="Bureau")
    assert bureau.one("h3").text() == "Bureau itukg:Bureau"
    assert ("/id/org/tsb", "TSB") in bureau.links()
    assert (
        "http://www.w3.org/ns/org#OrganizationalUnit",
        "org:OrganizationalUnit",
    ) in bureau.links()
    header = root.one("dl", class_="header")
    assert ("/ontology/0.1.0", "https://w3id.org/itukg/ontology/0.1.0") in header.links()
    affiliation = root.one("section", id="affiliation")
    assert affiliation.one("h3").text() == "affiliation itukg:affiliation"


@pytest.mark.parametrize(("accept", "switch", "media_type", "parser"), RDF_FORMATS)
def test_the_ontology_as_rdf_is_the_ontology_file(
    client: TestClient, accept: str, switch: str, media_type: str, parser: str
) -> None:
    reference = rdflib.Graph().parse(paths.root() / "ontology" / "itukg.ttl")
    for url in ("/ontology", "/ontology/0.1.0"):
        response = client.get(url, headers={"Accept": accept})
        assert response.status_code == 200
        assert response.headers["content-type"] == media_type
        assert_isomorphic(rdflib.Graph().parse(data=response.content, format=parser), reference)
    response = client.get(f"/ontology?format={switch}", headers={"Accept": BROWSER})
    assert response.headers["content-type"] == media_type
    assert client.get("/ontology/9.9", headers={"Accept": "text/plain"}).status_code == 404


def test_the_whole_graph(client: TestClient, kg: itukg.KnowledgeGraph) -> None:
    response = client.get("/graph", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'inline; filename="itukg.nt"'
    assert_isomorphic(rdflib.Graph().parse(data=response.content, format="nt"), kg.to_rdflib())


# --- Search -------------------------------------------------------------------------------


def found(client: TestClient, **params: str) -> list[str]:
    query = "&".join(f"{k}={quote(v)}" for k, v in params.items())
    root = page(client, f"/search?{query}")
    items = root.all("ol", class_="found")
    return [li.all("a")[0].attrs["href"] for li in items[0].all("li")] if items else []


def test_search(client: TestClient) -> None:
    assert found(client, q="abbassene") == ["/id/person/ali-abbassene"]
    assert found(client, q="MANASSEH") == ["/id/person/emmanuel-manasseh"]
    assert found(client, q="hector bude") == ["/id/person/hector-bude"]
    assert found(client, q="HÉCTOR BUDÉ") == ["/id/person/hector-bude"]
    assert found(client, q="Juan Pablo Martin") == ["/id/person/juan-pablo-martin"]
    assert found(client, q="zzqxv") == []
    regions = ("afr", "eecat", "latam", "arb")
    assert found(client, q="Regional Group FOR") == [
        path
        for r in regions
        for path in (f"/id/org/sg20rg-{r}", f"/id/source/sg20-overview/sg20rg-{r}")
    ]
    root = page(client, "/search?q=zzqxv")
    assert root.one("p", class_="count").text() == "0 things found for “zzqxv”."


def test_search_shows_the_spelling_that_matched(client: TestClient) -> None:
    root = page(client, "/search?q=ABBASSENE")
    (item,) = root.one("ol", class_="found").all("li")
    assert item.text() == "Ali Abbassene person:ali-abbassene foaf:Person"
    root = page(client, "/search?q=mpttn")
    (item,) = root.one("ol", class_="found").all("li")
    assert item.one("span", class_="matched").text() == "also written “MPTTN”"


def test_things_of_a_class(client: TestClient) -> None:
    assert found(client, type="itukg:RegionalGroup") == [
        f"/id/org/sg20rg-{region}" for region in ("afr", "eecat", "latam", "arb")
    ]
    assert found(client, type="itukg:RegionalGroup", q="arab") == ["/id/org/sg20rg-arb"]
    assert found(client, type="not a class") == []


def test_pages_escape_what_they_show(client: TestClient) -> None:
    response = client.get("/search", params={"q": "<script>alert(1)</script>"})
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


# --- Canned queries as pages --------------------------------------------------------------


def table_rows(root: Element) -> list[list[str]]:
    table = root.one("table", class_="results")
    return [[td.text() for td in tr.all("td")] for tr in table.all("tr")[1:]]


def test_the_list_of_queries(client: TestClient) -> None:
    root = page(client, "/queries")
    names = [query.name for query in itukg.catalog()]
    assert [a.text() for a in root.one("table", class_="catalogue").all("a")] == names
    assert (
        root.one("table", class_="catalogue").all("a")[0].attrs["href"]
        == "/queries/cross-group-people"
    )


def test_a_query_page_runs_with_the_defaults(client: TestClient, kg: itukg.KnowledgeGraph) -> None:
    root = page(client, "/queries/group-leadership")
    field = root.one("input", name="group")
    assert (field.attrs["type"], field.attrs["value"]) == ("text", "SG20")
    expected = kg.query("group-leadership")
    rows = table_rows(root)
    assert len(rows) == len(expected) == 14
    assert rows[0] == [
        "person:hyoung-jun-kim",
        "Hyoung Jun Kim",
        "Chairman @en",
        "Electronics and Telecommunications Research Institute @en",
        "",
    ]
    link = root.one("table", class_="results").all("a")[0]
    assert link.attrs["href"] == "/id/person/hyoung-jun-kim"
    number = page(client, "/queries/cross-group-people").one("input", name="min_groups")
    assert (number.attrs["type"], number.attrs["value"], number.attrs["step"]) == (
        "number",
        "2",
        "1",
    )


def test_a_submitted_query_form(client: TestClient) -> None:
    root = page(client, "/queries/group-leadership?group=SG20RG-EECAT")
    assert root.one("input", name="group").attrs["value"] == "SG20RG-EECAT"
    assert table_rows(root) == [
        ["person:alexey-borodin", "Alexey Borodin", "Chairman @en", "PJSC «Rostelecom»", ""],
        ["person:umida-musaeva", "Umida Musaeva", "Vice-Chairman @en", "Uzbekistan @en", ""],
    ]
    downloads = root.one("p", class_="count").links()
    assert downloads[1] == ("/api/queries/group-leadership?group=SG20RG-EECAT&format=csv", "CSV")
    root = page(client, "/queries/cross-group-people?min_groups=3")
    assert [row[1] for row in table_rows(root)] == ["Ramy Ahmed Fathy", "Ali Abbassene"]


def test_a_query_page_with_a_bad_parameter(client: TestClient) -> None:
    root = page(client, "/queries/cross-group-people?min_groups=many", status=400)
    assert root.one("p", class_="error").text() == (
        "parameter 'min_groups' of query 'cross-group-people': 'many' is not an integer"
    )
    assert root.one("input", name="min_groups").attrs["value"] == "many"
    root = page(client, "/queries/nope", status=404)
    assert root.one("p", class_="error").text().startswith("unknown query 'nope'")


def test_query_pages_of_ask_and_construct_queries() -> None:
    settings = Settings(files=kg_files(), queries=KG / "queries", workers=1)
    with TestClient(create_app(settings)) as client:
        root = page(client, "/queries/is-member?person=person%3Aada&group=itukg%3Awp1")
        assert table_rows(root) == [["false"]]
        root = page(client, "/queries/is-member?person=person%3Aada&group=itorg%3Awp1")
        assert table_rows(root) == [["true"]]
        root = page(client, "/queries/person-named?name=Carla+D%C3%ADaz")
        assert sorted(table_rows(root)) == [
            ["person:carla", "foaf:name", "Carla Díaz"],
            ["person:carla", "org:memberOf", "itorg:wp2"],
        ]
        root = page(client, "/queries/person-named", status=400)
        assert root.one("p", class_="error").text() == (
            "missing parameter 'name' for query 'person-named' "
            "(string: The name, exactly as written.)"
        )
        assert root.one("input", name="name").attrs["required"] == ""


# --- The organisation chart ---------------------------------------------------------------

UNITS = {
    "CG-AIoT": "cg-aiot",
    "FG-AI4A": "fg-ai4a",
    "FG-DPM": "fg-dpm",
    "ITU Radiocommunication Sector": "itu-r",
    "ITU Telecommunication Standardization Sector": "itu-t",
    "ITU-D": "itu-d",
    "ITU-T Programme on Smart Sustainable Cities": "itu-t-ssc-programme",
    "ITU-T Study Group 16": "sg16",
    "International Telecommunication Union": "itu",
    "JCA-IoT and SC&C": "jca-iot-scc",
    "Joint IEC-ISO-ITU Smart Cities Task Force": "joint-smart-cities-task-force",
    **{f"Q{n}/20": f"sg20-q{n}" for n in range(1, 8)},
    "Radiocommunication Bureau": "radiocommunication-bureau",
    "SG20": "sg20",
    "SG20RG-AFR": "sg20rg-afr",
    "SG20RG-ARB": "sg20rg-arb",
    "SG20RG-EECAT": "sg20rg-eecat",
    "SG20RG-LATAM": "sg20rg-latam",
    "TG-Data Science for surface and underground water monitoring": "fg-ai4a-tg-water-monitoring",
    "TG-Georeferenced Data Management": "fg-ai4a-tg-georeferenced-data",
    "TG-Irrigation strategy and smart water management": "fg-ai4a-tg-irrigation",
    "TG-Weather modelling and forecasting": "fg-ai4a-tg-weather",
    "TSB": "tsb",
    "WG-AS": "fg-ai4a-wg-as",
    "WG-CO": "fg-ai4a-wg-co",
    "WG-DAM": "fg-ai4a-wg-dam",
    "WG-ELR": "fg-ai4a-wg-elr",
    "WG-Roadmap": "fg-ai4a-wg-roadmap",
}
VICE = "Vice-Chairman"
LEADERS = {
    "SG20": [
        ("Chairman", "Hyoung Jun Kim"),
        *(
            (VICE, name)
            for name in (
                "Achime Malick Ndiaye",
                "Ali Abbassene",
                "Emmanuel Manasseh",
                "Fabio Bigi",
                "Harinderpal Singh Grewal",
                "Héctor Mario Carril",
                "Muath Alrumayh",
                "Ramy Ahmed Fathy",
                "Shane He",
                "Toru Yamada",
                "Ziqin Sang",
            )
        ),
    ],
    "SG20RG-AFR": [
        ("Chairman", "Bako Wakil"),
        *(
            (VICE, name)
            for name in (
                "Achime Malick Ndiaye",
                "Ali Abbassene",
                "Bilel Chabou",
                "Emmanuel Manasseh",
                "Guy-Michel Kouakou",
                "Melvin King",
                "Ramy Ahmed Fathy",
            )
        ),
    ],
    "SG20RG-ARB": [
        ("Chairman", "Abdurahman M. Al Hassan"),
        *(
            (VICE, name)
            for name in (
                "Abdulhadi Aboualmal",
                "Ali Abbassene",
                "Bilel Chabou",
                "Khaled Al-Azemi",
                "Ramy Ahmed Fathy",
            )
        ),
    ],
    "SG20RG-EECAT": [("Chairman", "Alexey Borodin"), (VICE, "Umida Musaeva")],
    "SG20RG-LATAM": [
        ("Chairman", "Juan Pablo Martín"),
        (VICE, "Héctor Budé"),
        (VICE, "Neil Checo"),
    ],
}


def boxes(svg: bytes) -> dict[str, tuple[str, list[tuple[str, str]], list[str]]]:
    """The boxes of the chart: name -> (link, leaders as (role, person), other lines)."""
    root = ElementTree.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    found = {}
    for anchor in root.iter(f"{SVG}a"):
        texts = anchor.findall(f"{SVG}text")
        name = " ".join(" ".join(t.text or "" for t in texts[0]).split())
        assert texts[0].get("class") == "name"
        leaders: list[tuple[str, str]] = []
        for text in texts:
            if text.get("class") == "leader":
                role, person = text.findall(f"{SVG}tspan")
                leaders.append(
                    (role.text or (leaders[-1][0] if leaders else ""), person.text or "")
                )
        lines = [t.text or "" for t in texts if t.get("class") in ("label", "also")]
        assert anchor.find(f"{SVG}rect") is not None
        assert name not in found
        found[name] = (anchor.get("href") or "", leaders, lines)
    return found


def test_the_organisation_chart(client: TestClient) -> None:
    response = client.get("/orgchart.svg")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"
    chart = boxes(response.content)
    assert set(chart) == set(UNITS)
    for name, slug in UNITS.items():
        assert chart[name][0] == f"/id/org/{slug}"
    for name, leaders in LEADERS.items():
        assert chart[name][1] == leaders, name
    assert chart["Joint IEC-ISO-ITU Smart Cities Task Force"][1:] == (
        [
            ("Co-Chairman", "Bernard Gindroz"),
            ("Co-Chairman", "Hyoung Jun Kim"),
            ("Co-Chairman", "Michael Mulquin"),
        ],
        ["also under IEC, ISO"],
    )
    assert chart["SG20"][2] == ["ITU-T Study Group 20"]
    assert chart["Q1/20"][2] == [
        "Interoperability and interworking of IoT and",
        "SC&C applications and services",
    ]
    assert chart["TSB"][1:] == ([], [])
    assert client.get("/orgchart.svg").content == response.content


def test_the_chart_is_a_tree_of_lines(client: TestClient) -> None:
    root = ElementTree.fromstring(client.get("/orgchart.svg").content)
    (lines,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "links"]
    assert len(lines.findall(f"{SVG}path")) == len(UNITS) - 1
    assert (
        root.find(f"{SVG}title").text
        == "Organisation chart of the International Telecommunication Union"
    )


def test_the_organisation_chart_page(client: TestClient) -> None:
    root = page(client, "/orgchart")
    assert root.one("h1").text() == "Organisation chart"
    figure = root.one("figure", class_="orgchart")
    assert len(figure.all("svg")) == 1
    assert len(figure.all("a")) == len(UNITS)
    outline = root.one("ul", class_="tree")
    assert ("/id/person/umida-musaeva", "Umida Musaeva") in outline.links()


# --- Home, navigation, static files, embedding --------------------------------------------


def test_home_and_navigation(client: TestClient) -> None:
    root = page(client, "/")
    assert root.one("nav", **{"aria-label": "Main"}).links() == [
        ("/", "Home"),
        ("/queries", "Queries"),
        ("/orgchart", "Org chart"),
        ("/sparql", "SPARQL"),
        ("/api", "API"),
    ]
    assert root.one("a", **{"aria-current": "page"}).text() == "Home"
    form = root.one("form", class_="search")
    assert (form.attrs["action"], form.attrs["method"]) == ("/search", "get")
    assert root.all("link", rel="stylesheet")[0].attrs["href"] == "/static/style.css"
    assert ("/search?type=org%3AMembership", "org:Membership") in root.links()
    assert page(client, "/queries").one("a", **{"aria-current": "page"}).text() == "Queries"


def test_home_describes_the_dataset(client: TestClient) -> None:
    data = json.loads(page(client, "/").one("script", type="application/ld+json").text())
    assert (data["@type"], data["@id"], data["license"]) == (
        "Dataset",
        "https://w3id.org/itukg/graph",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    assert [(d["encodingFormat"], d["contentUrl"]) for d in data["distribution"]] == [
        ("text/turtle", "http://testserver/graph?format=ttl"),
        ("application/ld+json", "http://testserver/graph?format=jsonld"),
        ("application/n-triples", "http://testserver/graph?format=nt"),
        ("application/rdf+xml", "http://testserver/graph?format=rdf"),
    ]
    for _, url in [(d["encodingFormat"], d["contentUrl"]) for d in data["distribution"]]:
        assert client.get(url).status_code == 200


def test_static_files_and_headers(client: TestClient) -> None:
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/css; charset=utf-8"
    assert response.headers["x-content-type-options"] == "nosniff"
    html = client.get("/", headers={"Accept": BROWSER})
    assert html.headers["content-security-policy"].startswith(
        "default-src 'none'; style-src 'self'"
    )
    cors = client.get("/api/queries", headers={"Origin": "https://example.org"})
    assert cors.headers["access-control-allow-origin"] == "*"


def test_the_app_can_be_mounted_under_a_path(kg: itukg.KnowledgeGraph) -> None:
    outer = Starlette(routes=[Mount("/kg", app=create_app(Settings(graph=kg, workers=1)))])
    client = TestClient(outer)
    root = page(client, "/kg/id/person/ali-abbassene")
    assert (
        "/kg/id/membership/sg20-vice-chair-ali-abbassene",
        "membership:sg20-vice-chair-ali-abbassene",
    ) in root.links()
    assert root.all("link", rel="stylesheet")[0].attrs["href"] == "/kg/static/style.css"
    assert client.get("/kg/static/style.css").status_code == 200
    chart = boxes(client.get("/kg/orgchart.svg").content)
    assert chart["SG20"][0] == "/kg/id/org/sg20"
