"""The graph in a real Oxigraph server: pushed there, and asked there as the embedded store is.

Every test talks to the ``oxigraph`` fixture, a real server (see ``oxigraph_server.py``). Each
test works in graphs of its own, so that the order of the tests does not matter.
"""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import oxigraph_server
import pytest
import rdflib
from conftest import kg_files, run_itukg
from oxigraph_server import OxigraphServer
from rdflib.compare import graph_diff, isomorphic

import itukg
from itukg import cli, queries, remote
from itukg.errors import InputError
from itukg.namespaces import GRAPH
from itukg.results import GraphResult, SelectResult

TEST = "https://w3id.org/itukg/test/"
"""Base of the graphs the tests push to; GRAPH itself is used by one test only."""

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: Columns that a canned query joins with GROUP_CONCAT "in no particular order" (so its
#: description says): stores may join the same names in different orders.
ORDER_FREE = {
    "cross-group-people": {"group_names"},
    "shared-affiliations": {"group_names", "people_names"},
}


# --- Helpers ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kg() -> itukg.KnowledgeGraph:
    """The shipped graph, embedded."""
    return itukg.load()


@pytest.fixture(scope="module")
def small() -> itukg.KnowledgeGraph:
    """The tiny fixture graph, embedded."""
    return itukg.load(kg_files())


@pytest.fixture(scope="module")
def pushed(oxigraph: OxigraphServer, kg: itukg.KnowledgeGraph) -> str:
    """The IRI of a named graph of the server that holds the shipped graph."""
    graph = TEST + "queries"
    remote.push(kg, oxigraph.store_url, graph=graph)
    return graph


def graph_at(server: OxigraphServer, graph: str | None) -> rdflib.Graph:
    """Fetch a graph of the server back with a Graph Store Protocol GET (empty if absent)."""
    params = {"default": ""} if graph is None else {"graph": graph}
    answer = httpx.get(server.store_url, params=params, headers={"Accept": "application/n-triples"})
    found = rdflib.Graph()
    if answer.status_code != 404:
        answer.raise_for_status()
        found.parse(data=answer.text, format="nt")
    return found


def assert_same_graph(found: rdflib.Graph, expected: rdflib.Graph) -> None:
    if not isomorphic(found, expected):
        _, only_found, only_expected = graph_diff(found, expected)
        pytest.fail(
            f"graphs differ: {len(only_found)} triples only on the server, "
            f"{len(only_expected)} only expected:\n"
            + only_found.serialize(format="nt")[:2000]
            + "\n---\n"
            + only_expected.serialize(format="nt")[:2000]
        )


def count_at(server: OxigraphServer, graph: str) -> int:
    """Count the triples of a graph of the server with a plain SPARQL protocol request."""
    answer = httpx.post(
        server.query_url,
        data={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "default-graph-uri": graph},
        headers={"Accept": "application/sparql-results+json"},
    )
    answer.raise_for_status()
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``itukg ARGS`` in this process on the shipped graph: (status, stdout, stderr)."""
    capsys.readouterr()
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def write_ntriples(path: Path, count: int) -> Path:
    """Write a file of *count* distinct triples."""
    with path.open("w", encoding="utf-8") as output:
        for i in range(count):
            output.write(f'<{TEST}thing/{i}> <http://xmlns.com/foaf/0.1/name> "Thing {i}" .\n')
    return path


def terms(result_json: bytes | str) -> dict[str, Any]:
    """Return SPARQL JSON results with every term written one way.

    RDF 1.1 makes a simple literal and an ``xsd:string`` literal the same term, and older
    servers write literals as ``typed-literal``: a server may spell the same term either way,
    so both spellings become the plain ``literal`` without a datatype. Nothing else changes,
    so any other difference between the answers fails the comparison.
    """
    data: dict[str, Any] = json.loads(result_json)
    for row in data.get("results", {}).get("bindings", []):
        for term in row.values():
            if term["type"] == "typed-literal":
                term["type"] = "literal"
            if term.get("datatype") == XSD_STRING:
                del term["datatype"]
    return data


def order_free(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """Sort the names that a GROUP_CONCAT of *name* joins in no particular order."""
    for row in data.get("results", {}).get("bindings", []):
        for column in ORDER_FREE.get(name, ()):
            if column in row:
                row[column]["value"] = "; ".join(sorted(row[column]["value"].split("; ")))
    return data


def csv_cells(name: str, text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text)))
    return _sorted_cells(name, rows[0] if rows else [], rows)


def table_cells(name: str, text: str) -> list[list[str]]:
    """Cut an aligned table into cells by the spans of its rule line (the second line)."""
    lines = text.splitlines()
    spans = [m.span() for m in re.finditer(r"-+", lines[1])]
    rows = [[line[a:b].strip() for a, b in spans] for line in lines]
    return _sorted_cells(name, rows[0], rows)


def _sorted_cells(name: str, header: list[str], rows: list[list[str]]) -> list[list[str]]:
    columns = [i for i, column in enumerate(header) if column in ORDER_FREE.get(name, ())]
    for row in rows[1:]:
        for i in columns:
            row[i] = "; ".join(sorted(row[i].split("; ")))
    return rows


# --- Push ---------------------------------------------------------------------------------


def test_push_replaces_the_named_graph_and_nothing_else(
    oxigraph: OxigraphServer, kg: itukg.KnowledgeGraph, small: itukg.KnowledgeGraph
) -> None:
    sentinel = '<https://example.org/s> <https://example.org/p> "untouched" .\n'
    httpx.put(
        oxigraph.store_url,
        params={"default": ""},
        content=sentinel,
        headers={"Content-Type": "application/n-triples"},
    ).raise_for_status()
    summary = re.compile(
        rf"pushed (\d+) triples to <{re.escape(GRAPH)}> at {re.escape(oxigraph.store_url)} "
        r"in \d+\.\d\d s\n"
    )

    done = run_itukg("push", "--endpoint", oxigraph.store_url, root=None)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    assert (match := summary.fullmatch(done.stderr)) and int(match.group(1)) == len(kg)
    assert_same_graph(graph_at(oxigraph, GRAPH), kg.to_rdflib())

    done = run_itukg("push", "--endpoint", oxigraph.store_url, root=None)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    assert count_at(oxigraph, GRAPH) == len(kg)  # replaced, not appended
    assert_same_graph(graph_at(oxigraph, GRAPH), kg.to_rdflib())

    files = [str(path) for path in kg_files()]
    done = run_itukg("push", "--endpoint", oxigraph.store_url, "--data", *files, root=None)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    assert (match := summary.fullmatch(done.stderr)) and int(match.group(1)) == len(small)
    assert_same_graph(graph_at(oxigraph, GRAPH), small.to_rdflib())  # the old triples are gone

    default = rdflib.Graph().parse(data=sentinel, format="nt")
    assert_same_graph(graph_at(oxigraph, None), default)


def test_push_from_python(
    oxigraph: OxigraphServer, kg: itukg.KnowledgeGraph, small: itukg.KnowledgeGraph
) -> None:
    graph = TEST + "python"
    report = kg.push(oxigraph.store_url, graph=graph)
    assert (report.endpoint, report.graph, report.triples, report.status) == (
        oxigraph.store_url,
        graph,
        len(kg),
        201,  # created
    )
    assert report.summary().startswith(f"pushed {len(kg)} triples to <{graph}> at ")
    report = remote.push(small.store, oxigraph.store_url, graph=graph)
    assert (report.triples, report.status) == (len(small), 204)  # replaced
    assert_same_graph(graph_at(oxigraph, graph), small.to_rdflib())


def test_push_to_the_default_graph(oxigraph: OxigraphServer, small: itukg.KnowledgeGraph) -> None:
    files = [str(path) for path in kg_files()]
    done = run_itukg(
        "push", "--endpoint", oxigraph.store_url, "--graph", "default", "--data", *files
    )
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    assert done.stderr.startswith(f"pushed {len(small)} triples to the default graph at ")
    assert_same_graph(graph_at(oxigraph, None), small.to_rdflib())


def test_an_invalid_file_abandons_the_push_and_the_server_keeps_its_graph(
    oxigraph: OxigraphServer, kg: itukg.KnowledgeGraph, tmp_path: Path
) -> None:
    graph = TEST + "abandoned"
    kg.push(oxigraph.store_url, graph=graph)
    # More than one chunk of good triples goes out before the broken file is read.
    good = write_ntriples(tmp_path / "good.nt", 3 * remote.BATCH)
    bad = tmp_path / "bad.ttl"
    bad.write_text('<https://example.org/a> <https://example.org/b> "c" .\n<x> <y> "d\n')
    done = run_itukg(
        "push", "--endpoint", oxigraph.store_url, "--graph", graph, "--data", str(good), str(bad)
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"itukg: error: {bad}:2:1: No scheme found in an absolute IRI\n"
    assert_same_graph(graph_at(oxigraph, graph), kg.to_rdflib())
    with pytest.raises(InputError, match=r"missing\.ttl: No such file or directory"):
        remote.push_files([good, tmp_path / "missing.ttl"], oxigraph.store_url, graph=graph)
    assert count_at(oxigraph, graph) == len(kg)


def test_a_server_that_refuses_at_once_is_heard(oxigraph: OxigraphServer, tmp_path: Path) -> None:
    """A read-only server answers 403 before reading the body: its answer is the message."""
    executable = oxigraph_server.binary()
    assert executable is not None
    location = tmp_path / "read-only"
    seed = write_ntriples(tmp_path / "seed.nt", 1)
    loaded = __import__("subprocess").run(
        [executable, "load", "--location", str(location), "--file", str(seed)],
        capture_output=True,
        check=False,
    )
    assert loaded.returncode == 0, loaded.stderr
    server = oxigraph_server.start(executable, location, command="serve-read-only")
    try:
        big = write_ntriples(tmp_path / "big.nt", 100_000)  # far more than a socket buffers
        with pytest.raises(remote.RemoteError) as refused:
            remote.push_files([big], server.store_url)
        assert str(refused.value) == (
            f"{server.store_url}: HTTP 403 Forbidden: The server is read-only"
        )
        assert (refused.value.status, refused.value.exit_code) == (403, 4)
    finally:
        server.stop()


def test_replacement_is_atomic(oxigraph: OxigraphServer, kg: itukg.KnowledgeGraph) -> None:
    """While one thread pushes again and again, another counts: only 0 (before) or all."""
    graph = TEST + "atomic"
    reader = remote.RemoteGraph(oxigraph.query_url, graph=graph)
    seen: list[tuple[float, float, int]] = []
    pushes: list[tuple[float, float]] = []
    stop = threading.Event()

    def count() -> None:
        while not stop.is_set():
            started = time.monotonic()
            result = reader.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
            assert isinstance(result, SelectResult)
            value = result.rows[0]["n"]
            assert value is not None
            seen.append((started, time.monotonic(), int(value.value)))

    counter = threading.Thread(target=count)
    counter.start()
    try:
        time.sleep(0.05)
        for _ in range(15):
            started = time.monotonic()
            kg.push(oxigraph.store_url, graph=graph)
            pushes.append((started, time.monotonic()))
    finally:
        stop.set()
        counter.join()

    first_done = pushes[0][1]
    assert {n for _, _, n in seen} == {0, len(kg)}
    assert all(n == len(kg) for started, _, n in seen if started > first_done)
    during = [n for started, ended, n in seen if any(a < started and ended < b for a, b in pushes)]
    assert len(during) >= 10, f"only {len(during)} counts were made during a push"


# --- Canned queries: the same answers over the server as embedded -------------------------

#: Every canned query with its defaults, but the federated ones, whose answers depend on their
#: remote endpoint (test_federated.py asks a local one).
CASES = [
    *((query.name, {}) for query in queries.catalog() if not query.federated),
    ("cross-group-people", {"min_groups": "3"}),
    ("group-leadership", {"group": "SG20RG-EECAT"}),
    ("person-roles", {"person": "Ramy Ahmed Fathy"}),
    ("roles-by-country", {"country": "Egypt"}),
    ("recommendations-by-topic", {"topic": "Interoperability"}),
]


def _case_id(case: tuple[str, dict[str, str]]) -> str:
    name, params = case
    return name + "".join(f"-{k}={v}" for k, v in params.items())


@pytest.fixture(params=CASES, ids=[_case_id(case) for case in CASES])
def case(request: pytest.FixtureRequest) -> tuple[str, dict[str, str]]:
    value: tuple[str, dict[str, str]] = request.param
    return value


def test_canned_query_answers_as_embedded(
    oxigraph: OxigraphServer,
    kg: itukg.KnowledgeGraph,
    pushed: str,
    case: tuple[str, dict[str, str]],
) -> None:
    name, params = case
    embedded = kg.query(name, **params)
    over_http = remote.RemoteGraph(oxigraph.query_url, graph=pushed).query(name, **params)
    assert isinstance(embedded, SelectResult) and isinstance(over_http, SelectResult)
    assert len(embedded) > 0, "an empty answer would prove nothing"
    expected = order_free(name, terms(embedded.json))
    assert order_free(name, terms(over_http.json)) == expected

    # What the server itself answered, before itukg read it, is the same set of terms.
    raw = httpx.post(
        oxigraph.query_url,
        data={"query": queries.get(name).bind(params), "default-graph-uri": pushed},
        headers={"Accept": "application/sparql-results+json"},
    )
    raw.raise_for_status()
    assert order_free(name, terms(raw.content)) == expected


def test_canned_query_prints_as_embedded(
    oxigraph: OxigraphServer,
    pushed: str,
    case: tuple[str, dict[str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    name, params = case
    args = ["query", name, *(f"--param={k}={v}" for k, v in params.items())]
    remote_args = [*args, "--endpoint", oxigraph.query_url, "--graph", pushed]
    for format, cells in (("csv", csv_cells), ("table", table_cells)):
        embedded = run_cli(capsys, *args, "--format", format)
        over_http = run_cli(capsys, *remote_args, "--format", format)
        assert embedded[0] == 0, embedded[2]
        if name in ORDER_FREE:
            assert over_http[0::2] == embedded[0::2]
            assert cells(name, over_http[1]) == cells(name, embedded[1])
        else:
            assert over_http == embedded  # byte for byte


def test_canned_query_as_a_process(oxigraph: OxigraphServer, pushed: str) -> None:
    args = ("query", "group-leadership", "--param", "group=SG20RG-EECAT")
    remote_args = (*args, "--endpoint", oxigraph.query_url, "--graph", pushed)
    for format in ("csv", "table"):
        embedded = run_itukg(*args, "--format", format, root=None)
        over_http = run_itukg(*remote_args, "--format", format, root=None)
        assert embedded.returncode == 0, embedded.stderr
        assert (over_http.returncode, over_http.stdout, over_http.stderr) == (
            embedded.returncode,
            embedded.stdout,
            embedded.stderr,
        )


# --- Ad-hoc SPARQL ------------------------------------------------------------------------

SELECT = (
    'SELECT ?rec ?title WHERE { ?rec dcterms:subject ?t . ?t skos:prefLabel "Interoperability"@en'
    " . ?rec dcterms:title ?title } ORDER BY ?rec"
)
ASK = "ASK { person:hyoung-jun-kim org:memberOf ?o }"
CONSTRUCT = (
    "CONSTRUCT { ?rec dcterms:title ?title ; skos:notation ?n } WHERE { ?rec dcterms:subject ?t ."
    ' ?t skos:prefLabel "Interoperability"@en . ?rec dcterms:title ?title ; skos:notation ?n }'
)
DESCRIBE = "DESCRIBE person:ali-abbassene"
#: The rdflib parser of each RDF format of itukg.
RDF_SYNTAX = {
    "turtle": "turtle",
    "nt": "nt",
    "nq": "nquads",
    "trig": "trig",
    "xml": "xml",
    "n3": "n3",
    "json-ld": "json-ld",
}
SPARQL_CASES = [
    *((SELECT, f) for f in ("table", "csv", "tsv", "json", "xml")),
    *((ASK, f) for f in ("table", "csv", "tsv", "json", "xml")),
    *((CONSTRUCT, f) for f in ("turtle", "nt", "nq", "trig", "xml", "n3", "json-ld")),
    (DESCRIBE, "nt"),
    # A prefix the query declares is its own, not itukg's.
    ("PREFIX org: <https://example.org/not-org#> ASK { ?s org:memberOf ?o }", "table"),
    ("PREFIX o: <http://www.w3.org/ns/org#>\nSELECT (COUNT(*) AS ?n) { ?s o:memberOf ?o }", "csv"),
]


# rdflib's own parsers of quads, TriG, N3 and JSON-LD warn about its deprecated classes.
@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
@pytest.mark.parametrize(
    ("text", "format"),
    SPARQL_CASES,
    ids=[f"{text.split()[0].lower()}-{format}" for text, format in SPARQL_CASES],
)
def test_sparql_over_the_endpoint_prints_as_embedded(
    oxigraph: OxigraphServer,
    pushed: str,
    text: str,
    format: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    embedded = run_cli(capsys, "sparql", text, "--format", format)
    over_http = run_cli(
        capsys, "sparql", text, "--format", format, "--endpoint", oxigraph.query_url,
        "--graph", pushed,
    )  # fmt: skip
    assert embedded[0] == 0, embedded[2]
    assert embedded[1].strip(), "an empty answer would prove nothing"
    if text.split()[0] not in ("CONSTRUCT", "DESCRIBE"):
        assert over_http == embedded  # byte for byte
        return
    # A graph is written in the order the store built it, which differs between stores:
    # the same triples, in the same syntax, but not byte for byte.
    assert over_http[0::2] == embedded[0::2]
    syntax = RDF_SYNTAX[format]
    found = rdflib.Graph().parse(data=over_http[1], format=syntax)
    expected = rdflib.Graph().parse(data=embedded[1], format=syntax)
    assert_same_graph(found, expected)
    if format in ("nt", "nq"):
        assert sorted(over_http[1].splitlines()) == sorted(embedded[1].splitlines())


def test_sparql_from_python(oxigraph: OxigraphServer, pushed: str) -> None:
    graph = remote.RemoteGraph(oxigraph.query_url, graph=pushed)
    assert repr(graph) == f"RemoteGraph({oxigraph.query_url!r}, graph={pushed!r})"
    assert bool(graph.sparql(ASK)) is True
    built = graph.sparql(CONSTRUCT)
    assert isinstance(built, GraphResult) and len(built) == 6
    with pytest.raises(remote.RemoteError) as undeclared:
        graph.sparql(ASK, prefixes=False)
    assert undeclared.value.status == 400
    assert undeclared.value.exit_code == 2
    assert str(undeclared.value).endswith(": HTTP 400 Bad Request: error at 1:28: Prefix not found")
    # None: the endpoint's own default graph, which this test never filled with the graph.
    assert bool(remote.RemoteGraph(oxigraph.query_url, graph=None).sparql(ASK)) is False


def test_with_prefixes_declares_only_what_the_query_does_not() -> None:
    declared = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in remote.PREFIXES.items())
    text = declared + "ASK {}"
    assert remote.with_prefixes(text) is text
    text = "# PREFIX skos: <x> is a comment\nPREFIX org: <https://example.org/org#>\nASK {}"
    first, rest = remote.with_prefixes(text).split("\n", 1)
    assert rest == text
    assert "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>" in first
    assert "PREFIX org:" not in first
    assert remote.without_comments("ASK # ADD\n{} # DROP") == "ASK \n{} "


def test_a_syntax_error_is_placed_where_it_is_in_the_text(
    oxigraph: OxigraphServer, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "SELECT ?s\nWHERE { ?s skos:prefLabel ?o"
    embedded = run_cli(capsys, "sparql", text)
    over_http = run_cli(capsys, "sparql", text, "--endpoint", oxigraph.query_url)
    assert embedded[:2] == over_http[:2] == (2, "")
    position = re.search(r"query:(\d+):(\d+): invalid SPARQL", embedded[2])
    assert position is not None and position.groups() == ("2", "29")
    assert f": HTTP 400 Bad Request: error at {position[1]}:{position[2]}: " in over_http[2]


# --- Errors: one line, and an exit status that says whose fault -------------------------


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A local port that accepts connections and never answers."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def test_an_unreachable_endpoint() -> None:
    port = oxigraph_server.free_port()
    for command, path in (("sparql", "query"), ("push", "store")):
        url = f"http://127.0.0.1:{port}/{path}"
        args = ("ASK {}",) if command == "sparql" else ()
        done = run_itukg(command, *args, "--endpoint", url, root=None)
        assert (done.returncode, done.stdout, done.stderr) == (
            4,
            "",
            f"itukg: error: {url}: cannot connect: Connection refused\n",
        )


def test_an_endpoint_that_does_not_answer(silent_port: int) -> None:
    for command, path in (("sparql", "query"), ("push", "store")):
        url = f"http://127.0.0.1:{silent_port}/{path}"
        args = ("ASK {}",) if command == "sparql" else ()
        done = run_itukg(
            command, *args, "--endpoint", url, "--timeout", "0.5", root=None, timeout=60
        )
        assert (done.returncode, done.stdout, done.stderr) == (
            4,
            "",
            f"itukg: error: {url}: no answer after 0.5 s (timed out)\n",
        )


def test_http_errors_carry_the_servers_reason(oxigraph: OxigraphServer) -> None:
    done = run_itukg(
        "sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o", "--endpoint", oxigraph.query_url
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        f"itukg: error: {oxigraph.query_url}: HTTP 400 Bad Request: error at 1:41: "
        'expected one of ",", ".", ";", "{", "{|", "}", "~"\n',
    )
    nowhere = oxigraph.base + "/nowhere"
    done = run_itukg("sparql", "ASK {}", "--endpoint", nowhere)
    assert (done.returncode, done.stdout, done.stderr) == (
        4,
        "",
        f"itukg: error: {nowhere}: HTTP 404 Not Found: "
        "POST /nowhere is not supported by this server\n",
    )
    done = run_itukg("push", "--endpoint", nowhere)
    assert (done.returncode, done.stdout, done.stderr) == (
        4,
        "",
        f"itukg: error: {nowhere}: HTTP 404 Not Found: "
        "PUT /nowhere is not supported by this server\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["push", "--endpoint", "http://127.0.0.1:1/store", "--graph", "not an iri"],
            "argument --graph: graph 'not an iri' is not an absolute IRI: "
            "Invalid IRI code point ' ' (see 'itukg push --help')",
        ),
        (
            ["query", "sub-units", "--endpoint", "http://127.0.0.1:1/query", "--graph", "graph"],
            "argument --graph: graph 'graph' is not an absolute IRI: "
            "No scheme found in an absolute IRI (see 'itukg query --help')",
        ),
        (
            ["sparql", "ASK {}", "--endpoint", "localhost:7878/query"],
            "argument --endpoint: endpoint 'localhost:7878/query' is not an http:// or https:// "
            "URL (see 'itukg sparql --help')",
        ),
        (
            ["push", "--endpoint", "http://127.0.0.1:port/store"],
            "argument --endpoint: endpoint 'http://127.0.0.1:port/store' has an invalid port "
            "(see 'itukg push --help')",
        ),
        (
            ["sparql", "ASK {}", "--endpoint", "http://127.0.0.1:1/query", "--timeout", "0"],
            "argument --timeout: '0' is not a positive number of seconds "
            "(see 'itukg sparql --help')",
        ),
        (["push"], "the following arguments are required: --endpoint (see 'itukg push --help')"),
        (["query", "sub-units", "--graph", GRAPH], "--graph needs --endpoint"),
        (
            ["sparql", "INSERT DATA { <x:s> <x:p> <x:o> }", "--endpoint", "http://127.0.0.1:1/q"],
            "query: this is a SPARQL update; only queries are sent",
        ),
    ],
)
def test_bad_arguments_are_refused_before_any_request(args: list[str], message: str) -> None:
    done = run_itukg(*args, root=None)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"itukg: error: {message}\n")


def test_bad_arguments_from_python() -> None:
    with pytest.raises(itukg.ItukgError, match="is not an absolute IRI"):
        remote.RemoteGraph("http://127.0.0.1:1/query", graph="no iri")
    with pytest.raises(itukg.ItukgError, match="is not an http:// or https:// URL"):
        remote.RemoteGraph("file:///tmp/store")
    assert remote.graph_url("http://h/store?x=1", "https://e.org/g?a=b") == (
        "http://h/store?x=1&graph=https%3A%2F%2Fe.org%2Fg%3Fa%3Db"
    )
    assert remote.graph_url("http://h/store", None) == "http://h/store?default"
