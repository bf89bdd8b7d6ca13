"""``itukg serve`` for real: a server process answering over HTTP, and its options."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import httpx
import itukg_server
import pytest
from conftest import run_itukg
from itukg_server import children, free_port, running
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

ROLES = (
    "SELECT ?group WHERE { ?m org:member person:ali-abbassene ; org:organization ?group } "
    "ORDER BY ?group"
)
GROUPS = [f"https://w3id.org/itukg/id/org/{g}" for g in ("sg20", "sg20rg-afr", "sg20rg-arb")]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find workers")
def test_serve_answers_sparql_over_http_and_stops_cleanly(tmp_path: Path) -> None:
    server = itukg_server.start(tmp_path, "--workers", "2")
    endpoint = server.sparql_url
    try:
        response = httpx.get(endpoint, params={"query": ROLES}, timeout=10)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/sparql-results+json"
        assert [b["group"]["value"] for b in response.json()["results"]["bindings"]] == GROUPS

        # A standard SPARQL client, by GET and by POST.
        client = SPARQLWrapper(endpoint)
        client.setQuery(ROLES)
        client.setReturnFormat(JSON)
        for method in ("GET", POST):
            client.setMethod(method)
            answer = client.queryAndConvert()
            assert isinstance(answer, dict)
            assert [b["group"]["value"] for b in answer["results"]["bindings"]] == GROUPS
        client.setMethod("GET")
        client.setQuery("CONSTRUCT WHERE { person:umida-musaeva foaf:name ?name }")
        client.setReturnFormat(TURTLE)
        turtle = client.queryAndConvert()
        assert isinstance(turtle, bytes)
        assert b'"Umida Musaeva"' in turtle

        workers = [pid for pid in children(server.process.pid) if running(pid)]
        assert len(workers) == 2
        assert httpx.get(server.base + "/").status_code == 200
    finally:
        server.stop()
    errors = server.errors()
    # uvicorn shuts down gracefully, then lets the signal end the process.
    assert server.process.returncode == -signal.SIGTERM, errors
    assert f"Uvicorn running on {server.base}" in errors
    assert errors.endswith(
        "INFO:     Application shutdown complete.\n"
        f"INFO:     Finished server process [{server.process.pid}]\n"
    )
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in workers if running(pid)] == []


def test_serve_refuses_a_graph_it_cannot_read() -> None:
    done = run_itukg("serve", "tests/fixtures/bad-turtle.ttl", "--port", str(free_port()))
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        "itukg: error: tests/fixtures/bad-turtle.ttl:6:15: Unexpected end of file\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--port", "99999"], "argument --port: '99999' is not a number from 0 to 65535"),
        (["--timeout", "0"], "argument --timeout: '0' is not a number of at least 0.001"),
        (
            ["--queue-timeout", "-1"],
            "argument --queue-timeout: '-1' is not a number of at least 0.001",
        ),
        (["--max-rows", "none"], "argument --max-rows: 'none' is not a number of at least 1"),
        (["--workers", "0"], "argument --workers: '0' is not a number of at least 1"),
    ],
)
def test_serve_options_are_checked(args: list[str], message: str) -> None:
    done = run_itukg("serve", *args)
    assert (done.returncode, done.stderr) == (
        2,
        f"itukg: error: {message} (see 'itukg serve --help')\n",
    )


def test_serve_refuses_a_base_url_that_is_not_http() -> None:
    done = run_itukg("serve", "--base-url", "ftp://example.org", "--port", str(free_port()))
    assert (done.returncode, done.stderr) == (
        2,
        "itukg: error: base_url must be an http(s) URL, got 'ftp://example.org'\n",
    )
