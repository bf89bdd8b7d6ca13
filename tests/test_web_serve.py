"""``itukg serve`` for real: a server process answering over HTTP, and its options."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import REPO, run_itukg
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

ROLES = (
    "SELECT ?group WHERE { ?m org:member person:ali-abbassene ; org:organization ?group } "
    "ORDER BY ?group"
)
GROUPS = [f"https://w3id.org/itukg/id/org/{g}" for g in ("sg20", "sg20rg-afr", "sg20rg-arb")]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def children(pid: int) -> list[int]:
    """The processes whose parent is *pid* (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find workers")
def test_serve_answers_sparql_over_http_and_stops_cleanly() -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("ITUKG_ROOT", "ITUKG_DEBUG")}
    env["PYTHONPATH"] = str(REPO / "src")
    server = subprocess.Popen(
        [sys.executable, "-m", "itukg", "serve", "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    endpoint = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(endpoint, params={"query": ROLES}, timeout=10)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    pytest.fail(f"the server did not start: {server.communicate()[1]}")
                time.sleep(0.1)
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

        workers = [pid for pid in children(server.pid) if running(pid)]
        assert len(workers) == 2
        assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            _, errors = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    # uvicorn shuts down gracefully, then lets the signal end the process.
    assert server.returncode == -signal.SIGTERM, errors
    assert f"Uvicorn running on http://127.0.0.1:{port}" in errors
    assert errors.endswith(
        "INFO:     Application shutdown complete.\n"
        f"INFO:     Finished server process [{server.pid}]\n"
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
