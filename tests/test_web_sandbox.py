"""The query pool on its own: answers, limits, timeouts, and how workers load the graph."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import itukg
from itukg.errors import LimitError, QueryError
from itukg.namespaces import GRAPH, PREFIXES
from itukg.web.sandbox import Job, Pool, QueryTimeout, WorkerFailed

# --- The pool, without the web ------------------------------------------------------------


@pytest.fixture(scope="module")
def pool() -> Iterator[Pool]:
    kg = itukg.load()
    started = Pool(
        {"files": [str(p) for p in kg.files], "graph": GRAPH}, size=1, timeout=2.0, max_rows=3
    )
    yield started
    started.close()


def test_the_pool_answers_limits_and_reports(pool: Pool) -> None:
    answer = pool.run(Job("ASK { person:ali-abbassene a foaf:Person }", "json", prefixes=PREFIXES))
    assert (answer.kind, answer.count, answer.data) == ("ask", None, b'{"head":{},"boolean":true}')
    answer = pool.run(Job("SELECT * WHERE { ?s ?p ?o } LIMIT 3", "csv"))
    assert (answer.kind, answer.count, answer.data.count(b"\r\n")) == ("select", 3, 4)
    with pytest.raises(LimitError) as raised:
        pool.run(Job("CONSTRUCT WHERE { ?s ?p ?o }", "turtle"))
    assert (raised.value.limit, raised.value.unit) == (3, "triples")
    with pytest.raises(QueryError) as error:
        pool.run(Job("SELECT * WHERE { ?s ?p }", "json", source="mine"))
    assert str(error.value) == "mine:1:25: invalid SPARQL: expected one of LATERAL, SERVICE"
    named = pool.run(Job(f"ASK {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}", "json", named_graphs=[GRAPH]))
    assert named.data == b'{"head":{},"boolean":true}'


def test_a_stopped_query_frees_its_worker(pool: Pool) -> None:
    replaced = pool.replaced
    with pytest.raises(QueryTimeout):
        pool.run(Job("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "json"))
    assert pool.replaced == replaced + 1
    answer = pool.run(Job("ASK { ?s ?p ?o }", "json"))
    assert answer.data == b'{"head":{},"boolean":true}'


def test_a_graph_without_files_is_sent_as_n_triples() -> None:
    lone = Pool(
        {
            "data": b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n",
            "graph": GRAPH,
        },
        size=1,
        timeout=5.0,
        max_rows=10,
    )
    try:
        answer = lone.run(Job("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "csv"))
        assert answer.data == b"n\r\n1\r\n"
    finally:
        lone.close()


def test_a_graph_that_cannot_be_loaded_fails_to_start() -> None:
    broken = Pool(
        {"files": ["/nonexistent/graph.ttl"], "graph": GRAPH}, size=1, timeout=5.0, max_rows=10
    )
    with pytest.raises(WorkerFailed) as raised:
        broken.start()
    assert str(raised.value) == (
        "a query worker could not start: a query worker could not load the graph: "
        "/nonexistent/graph.ttl: No such file or directory"
    )
    broken.close()
