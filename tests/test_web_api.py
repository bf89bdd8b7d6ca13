"""The canned queries as a web API, and its OpenAPI description, in-process."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import KG, kg_files
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

import itukg
from itukg import queries
from itukg.errors import QueryError

with warnings.catch_warnings():  # Starlette asks for httpx2, which is not needed here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from itukg.web import Settings, create_app

CATALOGUE = itukg.catalog()
NAMES = [query.name for query in CATALOGUE]
#: The queries this app runs: not the federated ones, which it refuses without allow_service
#: (test_federated.py runs them on a server that allows them).
RUNNABLE = [query.name for query in CATALOGUE if not query.federated]


@pytest.fixture(scope="module")
def kg() -> itukg.KnowledgeGraph:
    return itukg.load()


@pytest.fixture(scope="module")
def client(kg: itukg.KnowledgeGraph) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(graph=kg))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def fixture_client() -> Iterator[TestClient]:
    """The app on the tiny fixture graph and its catalogue (with required parameters)."""
    settings = Settings(files=kg_files(), queries=KG / "queries", workers=1)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def problem(status: int, title: str, detail: str) -> dict[str, object]:
    return {"type": "about:blank", "title": title, "status": status, "detail": detail}


def cli_message(name: str, directory: Any = None, **values: str) -> str:
    """The message the command line gives for running *name* with *values*."""
    with pytest.raises(QueryError) as raised:
        queries.get(name, directory).bind(values)
    return str(raised.value)


# --- The catalogue ------------------------------------------------------------------------


def test_the_list_is_the_catalogue(client: TestClient) -> None:
    response = client.get("/api/queries")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "queries": [
            {
                "name": query.name,
                "summary": query.summary,
                "description": query.description,
                "form": "select",
                "url": f"http://testserver/api/queries/{query.name}",
                "page": f"http://testserver/queries/{query.name}",
                "params": [
                    {
                        "name": param.name,
                        "type": param.type,
                        "default": param.default,
                        "required": param.required,
                        "description": param.description,
                    }
                    for param in query.params
                ],
            }
            for query in CATALOGUE
        ]
    }
    assert [q["name"] for q in response.json()["queries"]] == NAMES
    assert len(NAMES) == 20
    first = response.json()["queries"][0]
    assert first["params"] == [
        {
            "name": "min_groups",
            "type": "integer",
            "default": 2,
            "required": False,
            "description": "Least number of distinct groups a person must hold roles in.",
        }
    ]


def test_a_required_parameter_is_listed_as_such(fixture_client: TestClient) -> None:
    listed = {q["name"]: q for q in fixture_client.get("/api/queries").json()["queries"]}
    assert sorted(listed) == ["cross-group-people", "is-member", "members-of", "person-named"]
    assert listed["person-named"]["params"] == [
        {
            "name": "name",
            "type": "string",
            "default": None,
            "required": True,
            "description": "The name, exactly as written.",
        }
    ]


# --- Running queries ----------------------------------------------------------------------


@pytest.mark.parametrize("name", RUNNABLE)
def test_every_canned_query_answers_as_the_library_does(
    client: TestClient, kg: itukg.KnowledgeGraph, name: str
) -> None:
    expected = kg.query(name)
    response = client.get(f"/api/queries/{name}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert response.headers["vary"] == "Accept, Origin"
    assert response.content == expected.serialize("json")


def test_parameters_from_the_query_string(client: TestClient, kg: itukg.KnowledgeGraph) -> None:
    response = client.get(
        "/api/queries/group-leadership",
        params={"group": "sg20rg-eecat"},
        headers={"Accept": "text/csv"},
    )
    assert response.status_code == 200, response.text
    assert response.text == (
        "person,name,role,affiliation_name,represents_name\r\n"
        "https://w3id.org/itukg/id/person/alexey-borodin,Alexey Borodin,Chairman,"
        "PJSC «Rostelecom»,\r\n"
        "https://w3id.org/itukg/id/person/umida-musaeva,Umida Musaeva,Vice-Chairman,Uzbekistan,\r\n"
    )
    response = client.get("/api/queries/cross-group-people", params={"min_groups": "3"})
    assert response.content == kg.query("cross-group-people", min_groups=3).serialize("json")
    assert [b["name"]["value"] for b in response.json()["results"]["bindings"]] == [
        "Ramy Ahmed Fathy",
        "Ali Abbassene",
    ]


@pytest.mark.parametrize(
    ("params", "accept", "media_type", "format"),
    [
        ({"format": "tsv"}, None, "text/tab-separated-values; charset=utf-8", "tsv"),
        ({"format": "xml"}, "text/csv", "application/sparql-results+xml", "xml"),
        ({}, "application/sparql-results+xml", "application/sparql-results+xml", "xml"),
        ({}, "text/csv;q=0.9, application/json", "application/json", "json"),
        ({}, "text/html,*/*;q=0.8", "application/sparql-results+json", "json"),
        (
            {},
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/sparql-results+json",
            "json",
        ),
    ],
)
def test_formats(
    client: TestClient,
    kg: itukg.KnowledgeGraph,
    params: dict[str, str],
    accept: str | None,
    media_type: str,
    format: str,
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/api/queries/person-roles", params=params, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == media_type
    assert response.content == kg.query("person-roles").serialize(format)


def test_unknown_query_is_404(client: TestClient) -> None:
    response = client.get("/api/queries/nope")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    with pytest.raises(QueryError) as raised:
        queries.get("nope")
    assert response.json() == problem(404, "Not Found", str(raised.value))
    assert str(raised.value).startswith("unknown query 'nope' (known queries: cross-group-people, ")


def test_bad_parameters_are_400_with_the_messages_of_the_command_line(
    client: TestClient, fixture_client: TestClient
) -> None:
    cases = [
        (
            client,
            "/api/queries/cross-group-people",
            {"min_groups": "many"},
            "parameter 'min_groups' of query 'cross-group-people': 'many' is not an integer",
        ),
        (
            client,
            "/api/queries/cross-group-people",
            {"min_group": "3"},
            "unknown parameter 'min_group' for query 'cross-group-people' (parameters: min_groups)",
        ),
        (
            client,
            "/api/queries/cross-group-people",
            [("min_groups", "2"), ("min_groups", "3")],
            "parameter 'min_groups' is given twice",
        ),
        (
            fixture_client,
            "/api/queries/person-named",
            {},
            "missing parameter 'name' for query 'person-named' "
            "(string: The name, exactly as written.)",
        ),
        (
            fixture_client,
            "/api/queries/is-member",
            {"person": "person:ada", "group": "not an iri"},
            "parameter 'group' of query 'is-member': 'not an iri' is not an IRI or a CURIE with "
            "a known prefix",
        ),
    ]
    for test_client, path, params, message in cases:
        response = test_client.get(path, params=params)
        assert response.status_code == 400
        assert response.json() == problem(400, "Bad Request", message)
    assert cases[0][3] == cli_message("cross-group-people", min_groups="many")
    assert cases[3][3] == cli_message("person-named", KG / "queries")


def test_format_switch_and_406(client: TestClient) -> None:
    response = client.get("/api/queries/sg20-questions", params={"format": "html"})
    assert response.json() == problem(
        400,
        "Bad Request",
        "format 'html' does not apply to SELECT and ASK results (choose from json, xml, csv, tsv)",
    )
    response = client.get("/api/queries/sg20-questions", headers={"Accept": "text/turtle"})
    assert response.status_code == 406
    assert response.json()["detail"] == (
        "no acceptable format for SELECT and ASK results in Accept: text/turtle (offered: "
        "application/sparql-results+json, application/sparql-results+xml, text/csv, "
        "text/tab-separated-values, application/json)"
    )


def test_ask_and_construct_queries(fixture_client: TestClient) -> None:
    response = fixture_client.get(
        "/api/queries/is-member", params={"person": "person:ada", "group": "itorg:wp1"}
    )
    assert response.json() == {"head": {}, "boolean": True}
    response = fixture_client.get(
        "/api/queries/person-named",
        params={"name": "Carla Díaz"},
        headers={"Accept": "application/n-triples"},
    )
    assert response.status_code == 200, response.text
    assert sorted(response.text.splitlines()) == [
        "<https://w3id.org/itukg/id/person/carla> <http://www.w3.org/ns/org#memberOf> "
        "<https://w3id.org/itukg/id/org/wp2> .",
        '<https://w3id.org/itukg/id/person/carla> <http://xmlns.com/foaf/0.1/name> "Carla Díaz" .',
    ]


# --- OpenAPI ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    document: dict[str, Any] = response.json()
    return document


def test_openapi_is_valid(spec: dict[str, Any], tmp_path: Path) -> None:
    validate(spec)
    saved = tmp_path / "openapi.json"
    saved.write_text(json.dumps(spec))
    read, _ = read_from_filename(str(saved))
    validate(read)
    assert spec["openapi"] == "3.1.0"
    assert spec["servers"] == [{"url": "http://testserver"}]


def test_openapi_lists_every_query_with_its_parameters(spec: dict[str, Any]) -> None:
    types = {
        "integer": {"type": "integer"},
        "string": {"type": "string"},
        "boolean": {"type": "boolean"},
        "decimal": {"type": "number"},
        "date": {"type": "string", "format": "date"},
        "iri": {"type": "string", "format": "iri"},
    }
    paths = spec["paths"]
    assert sorted(p for p in paths if p.startswith("/api/queries/")) == sorted(
        f"/api/queries/{name}" for name in NAMES
    )
    for query in CATALOGUE:
        operation = paths[f"/api/queries/{query.name}"]["get"]
        assert operation["summary"] == query.summary
        assert operation["operationId"] == "query_" + query.name.replace("-", "_")
        declared = [p for p in operation["parameters"] if "name" in p]
        assert declared == [
            {
                "name": param.name,
                "in": "query",
                "required": param.required,
                "description": param.description,
                # A required parameter has no default (place-geonames' endpoint).
                "schema": {
                    **types[param.type],
                    **({} if param.required else {"default": param.default}),
                },
            }
            for param in query.params
        ]
    assert {"/sparql", "/api/queries", "/id/{kind}/{slug}", "/ontology", "/graph"} <= set(paths)
    assert set(paths["/sparql"]) == {"get", "post"}


def test_a_client_reading_the_description_runs_every_query(
    client: TestClient, spec: dict[str, Any], kg: itukg.KnowledgeGraph
) -> None:
    """A generic client: the URL from the server and the path, parameters from their schemas."""
    server = spec["servers"][0]["url"]
    for path, item in spec["paths"].items():
        if not path.startswith("/api/queries/"):
            continue
        name = path.rsplit("/", 1)[1]
        if name not in RUNNABLE:
            continue
        operation = item["get"]
        params = {
            p["name"]: p["schema"]["default"]
            for p in operation["parameters"]
            if "name" in p and "default" in p["schema"]
        }
        response = client.get(server + path, params=params)
        assert response.status_code == 200, (path, response.text)
        assert response.content == kg.query(name, **params).serialize("json")
