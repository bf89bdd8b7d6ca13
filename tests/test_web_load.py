"""Correctness under load: many clients at once against one real ``itukg serve``.

50 clients (threads, each with its own HTTP connection) send requests for 20 s, without
pause, to a server with the default settings but a time limit of 2 s (``--timeout 2``):
canned queries through the API, pages (a person, a group, the home page, a search, the org
chart's SVG) and SPARQL SELECTs by GET and by POST. Five seconds in, one more client sends a
query that cannot end in time (a cross product of the graph with itself, three times over).

Every answer is checked: the slow query ends with 504 and the message of the time limit,
while every other request answers 200 with exactly the body it has when the server is idle
(each of those reference bodies checked in turn: a page's title, a query's rows). Afterwards
the server has replaced the worker it stopped and logged no error. This is no speed test:
latencies are measured and printed (``pytest -s``) but not judged. With
``ITUKG_LOAD_RESULTS=DIR`` the figures are also written to ``DIR/load-<date>.md``.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import itukg_server
import pytest
from itukg_server import ItukgServer, children, running

import itukg
from itukg.results import SelectResult

CLIENTS = 50
DURATION = 20.0
SERVER_TIMEOUT = 2
#: Seconds into the run when the slow query is sent.
SLOW_START = 5.0
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT_MESSAGE = (
    f"the query ran longer than {SERVER_TIMEOUT} s, the time limit of this service "
    "(--timeout), and was stopped\n"
)
HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
SPARQL_JSON = "application/sparql-results+json"
ROLES = (
    "SELECT ?group ?role WHERE { ?m org:member person:ali-abbassene ; "
    "org:organization ?group ; org:role ?role } ORDER BY ?group"
)


@dataclass(frozen=True)
class Call:
    """One request of the mix, and what its reference answer must show."""

    kind: str
    method: str
    path: str
    params: dict[str, str] | None = None
    data: dict[str, str] | None = None
    accept: str = "*/*"
    media_type: str = ""
    """The Content-Type the answer starts with."""
    shows: Callable[[httpx.Response], bool] = lambda answer: True

    def send(self, client: httpx.Client) -> httpx.Response:
        return client.request(
            self.method,
            self.path,
            params=self.params,
            data=self.data,
            headers={"Accept": self.accept},
        )


def rows(answer: httpx.Response) -> list[dict[str, dict[str, str]]]:
    found: list[dict[str, dict[str, str]]] = answer.json()["results"]["bindings"]
    return found


def canned(kg: itukg.KnowledgeGraph, name: str, **params: str) -> Call:
    """The canned query *name* through the API: the embedded store's rows, as many and in order."""
    result = kg.query(name, **params)
    assert isinstance(result, SelectResult)
    expected = json.loads(result.json)["results"]["bindings"]
    return Call(
        "api query",
        "GET",
        f"/api/queries/{name}",
        params=params or None,
        accept=SPARQL_JSON,
        media_type=SPARQL_JSON,
        shows=lambda answer: len(rows(answer)) == len(expected) and rows(answer) == expected,
    )


def page(path: str, title: str, text: str, **params: str) -> Call:
    """A page: its title, and a text it shows."""
    kind = {"/": "home page", "/search": "search"}.get(path, "thing page")
    return Call(
        kind,
        "GET",
        path,
        params=params or None,
        accept=HTML,
        media_type="text/html",
        shows=lambda answer: f"<title>{title}</title>" in answer.text and text in answer.text,
    )


def the_mix(kg: itukg.KnowledgeGraph) -> list[Call]:
    """The requests every client sends in turn, starting at a different one."""
    roles = [
        {
            "group": {"type": "uri", "value": f"https://w3id.org/itukg/id/org/{group}"},
            "role": {"type": "uri", "value": "https://w3id.org/itukg/id/role/vice-chair"},
        }
        for group in ("sg20", "sg20rg-afr", "sg20rg-arb")
    ]

    def sparql(method: str) -> Call:
        """The SELECT of Ali Abbassene's roles, by GET or by POST of a form."""
        query = {"query": ROLES}
        return Call(
            "sparql select",
            method,
            "/sparql",
            params=query if method == "GET" else None,
            data=query if method == "POST" else None,
            accept=SPARQL_JSON,
            media_type=SPARQL_JSON,
            shows=lambda answer: rows(answer) == roles,
        )

    return [
        canned(kg, "cross-group-people"),
        page("/id/person/ali-abbassene", "Ali Abbassene · itukg", "<h1>Ali Abbassene</h1>"),
        sparql("GET"),
        Call(
            "orgchart.svg",
            "GET",
            "/orgchart.svg",
            media_type="image/svg+xml",
            shows=lambda answer: (
                answer.text.startswith("<svg") and answer.text.count('class="unit"') == 34
            ),
        ),
        canned(kg, "group-leadership", group="SG20RG-EECAT"),
        page("/", "itukg", "<h1>itukg</h1>"),
        canned(kg, "sub-units"),
        page("/search", "Search: abbassene · itukg", "1 thing found", q="abbassene"),
        sparql("POST"),
        page(
            "/id/org/sg20rg-arb",
            "ITU-T SG20 Regional Group for the Arab Region · itukg",
            "SG20RG-ARB",
        ),
        canned(kg, "people-with-role"),
        canned(kg, "meetings-timeline"),
    ]


@dataclass(frozen=True)
class Outcome:
    """What one request got."""

    kind: str
    latency: float
    status: int | None
    problem: str | None


def check(call: Call, answer: httpx.Response, reference: bytes) -> str | None:
    """Return what is wrong with *answer* to *call*, or None."""
    if answer.status_code != 200:
        return f"{call.kind} {call.path}: HTTP {answer.status_code}: {answer.text[:200]!r}"
    if answer.content != reference:
        return f"{call.kind} {call.path}: not the answer given when idle: {answer.text[:200]!r}"
    return None


class Run:
    """When the clients start sending, and until when."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.deadline = 0.0

    def start(self) -> float:
        began = time.monotonic()
        self.deadline = began + DURATION
        self.started.set()
        return began


def client_loop(
    base: str,
    calls: list[Call],
    references: list[bytes],
    first: int,
    run: Run,
    outcomes: list[Outcome],
) -> None:
    """Send the calls in turn, from *first*, until the end of *run*; record every outcome."""
    with httpx.Client(base_url=base, timeout=60) as client:
        run.started.wait()
        i = first
        while time.monotonic() < run.deadline:
            call, reference = calls[i % len(calls)], references[i % len(calls)]
            i += 1
            began = time.perf_counter()
            try:
                answer = call.send(client)
            except httpx.HTTPError as error:
                outcomes.append(Outcome(call.kind, time.perf_counter() - began, None, repr(error)))
                continue
            latency = time.perf_counter() - began
            problem = check(call, answer, reference)
            outcomes.append(Outcome(call.kind, latency, answer.status_code, problem))


def slow_query(base: str, run: Run, outcomes: list[Outcome]) -> None:
    """Send the query that overruns the time limit, once, a while into the run."""
    with httpx.Client(base_url=base, timeout=60) as client:
        run.started.wait()
        time.sleep(SLOW_START)
        began = time.perf_counter()
        answer = client.get(
            "/sparql", params={"query": SLOW_QUERY}, headers={"Accept": SPARQL_JSON}
        )
        latency = time.perf_counter() - began
        problem = None
        if (answer.status_code, answer.text) != (504, TIMEOUT_MESSAGE):
            problem = f"HTTP {answer.status_code}: {answer.text[:200]!r}"
        elif time.monotonic() > run.deadline:
            problem = "answered after the other clients had stopped"
        outcomes.append(Outcome("slow query", latency, answer.status_code, problem))


def percentile(values: list[float], p: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def report(outcomes: list[Outcome], elapsed: float) -> str:
    """The figures of the run, as a Markdown table."""
    kinds = sorted({o.kind for o in outcomes}, key=lambda k: (k == "slow query", k))
    lines = [
        f"{len(outcomes)} requests in {elapsed:.1f} s from {CLIENTS} clients: "
        f"{len(outcomes) / elapsed:.0f} requests per second, "
        f"{sum(o.problem is not None for o in outcomes)} unexpected answers.",
        "",
        "| kind | requests | per second | median ms | p95 ms | statuses |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for kind in kinds:
        chosen = [o for o in outcomes if o.kind == kind]
        latencies = [o.latency * 1000 for o in chosen]
        statuses = ", ".join(
            f"{status}: {sum(o.status == status for o in chosen)}"
            for status in sorted({o.status or 0 for o in chosen})
        )
        lines.append(
            f"| {kind} | {len(chosen)} | {len(chosen) / elapsed:.1f} | "
            f"{statistics.median(latencies):.0f} | {percentile(latencies, 95):.0f} | {statuses} |"
        )
    return "\n".join(lines) + "\n"


def write_results(text: str, folder: Path) -> Path:
    now = datetime.datetime.now(datetime.timezone.utc)
    path = folder / f"load-{now:%Y-%m-%d}.md"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"# itukg serve under load, {now:%Y-%m-%d %H:%M} UTC\n\n"
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
        f"`itukg serve --timeout {SERVER_TIMEOUT}` (2 query workers), {CLIENTS} clients on "
        f"the same machine for {DURATION:g} s (tests/test_web_load.py), and one query that "
        f"overruns the time limit {SLOW_START:g} s in. Latencies are as the clients saw them.\n\n"
        + text,
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ItukgServer]:
    started = itukg_server.start(
        tmp_path_factory.mktemp("itukg-load"), "--timeout", str(SERVER_TIMEOUT)
    )
    yield started
    started.stop()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find workers")
def test_many_clients_at_once_get_right_answers_and_one_slow_query_times_out(
    server: ItukgServer,
) -> None:
    kg = itukg.load()
    calls = the_mix(kg)
    # The reference answers, one at a time, each checked.
    references = []
    with httpx.Client(base_url=server.base, timeout=30) as client:
        for call in calls:
            answer = call.send(client)
            assert answer.status_code == 200, (call.path, answer.text)
            assert answer.headers["content-type"].startswith(call.media_type), call.path
            assert call.shows(answer), (call.path, answer.text[:500])
            references.append(answer.content)

    run = Run()
    lists: list[list[Outcome]] = [[] for _ in range(CLIENTS)]
    slow: list[Outcome] = []
    threads = [
        threading.Thread(
            target=client_loop, args=(server.base, calls, references, n, run, lists[n])
        )
        for n in range(CLIENTS)
    ]
    threads.append(threading.Thread(target=slow_query, args=(server.base, run, slow)))
    for thread in threads:
        thread.start()
    began = run.start()
    for thread in threads:
        thread.join(DURATION + 90)
    elapsed = time.monotonic() - began
    assert not any(thread.is_alive() for thread in threads)
    outcomes = [outcome for found in lists for outcome in found]

    text = report([*outcomes, *slow], elapsed)
    print("\n" + text)
    folder = os.environ.get("ITUKG_LOAD_RESULTS")
    if folder:
        print(f"written to {write_results(text, Path(folder))}")

    # The slow query was stopped at the time limit, with its message; nothing else failed.
    assert [(o.status, o.problem) for o in slow] == [(504, None)]
    problems = [o.problem for o in outcomes if o.problem is not None]
    assert problems == [], f"{len(problems)} of {len(outcomes)} requests failed: {problems[:10]}"
    assert {o.kind for o in outcomes} == {call.kind for call in calls}
    assert len(outcomes) >= 10 * CLIENTS

    # The server replaced the worker it stopped, answers as before, and logged no error.
    deadline = time.monotonic() + 60
    while len([p for p in children(server.process.pid) if running(p)]) < 2:
        assert time.monotonic() < deadline, "the stopped worker was not replaced"
        time.sleep(0.2)
    with httpx.Client(base_url=server.base, timeout=30) as client:
        answer = calls[2].send(client)
    assert (answer.status_code, answer.content) == (200, references[2])
    assert "ERROR" not in server.errors()
    assert "Traceback" not in server.errors()
