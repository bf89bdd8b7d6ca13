"""Scale benchmark: itukg against raw pyoxigraph and the naive stack, on ITU-wide graphs.

For each size (``--sizes``, default ``10k,100k,1M``; ``5M`` on request) the graph is generated
with ``itukg synth`` (kept in ``bench/.cache/``, deterministic for the seed), then the same
work runs on three stacks, each in a fresh process that reports its timings and peak memory:

- **itukg**: ``itukg.load``, every canned query (``KnowledgeGraph.query``), the exports of
  :mod:`itukg.export`, validation (:func:`itukg.validate.validate_store`) and ``push``;
- **raw**: pyoxigraph alone, no itukg code: ``Store.load``, ``Store.query`` of the same bound
  query texts with every solution read, ``Store.dump`` (Turtle with itukg's prefixes: the
  same bytes), an HTTP PUT of N-Triples. Load, queries and Turtle/N-Triples dumps are also
  timed in the itukg worker, in turns with itukg's own calls on the same store, and the
  ratios use those: two processes differ by 10 % on the same work here;
- **naive**: rdflib's memory store, its SPARQL engine and serializers, and pyshacl.

Each operation runs ``--runs`` times in its process (the load: each time into a new store),
and the median is reported. The push goes to a real Oxigraph server (``oxigraph serve``, from
the test extras) started for the run. The federated queries are left out: they ask a remote
endpoint. Validation is timed twice: the SHACL shapes alone (what pyshacl does) and the whole
of ``itukg validate`` (shapes and SPARQL checks).

Then whole commands are timed as a user runs them (:func:`commands`): ``itukg query NAME`` on
the shipped graph, and with ``--data`` on the synthetic one with nothing kept, on the store
kept on disk by :mod:`itukg.cache` the first time, and again (the repeat run); and
``itukg push --data`` from the file, with its peak memory. Not a test: CI times nothing.

    python bench/scale.py [--sizes 10k,100k,1M] [--runs 5] [--naive-runs 1] [--no-write]
                          [--stacks itukg,raw,naive,itukg-jsonld] [--commands all|push|none]

The table is printed and written to ``bench/results/scale-<UTC date>-<HHMM>.md``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
CACHE = REPO / "bench" / ".cache"
SEED = 20
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "5M": 5_000_000}
EXPORTS = ("turtle", "nt", "json-ld")
#: The exports held to :data:`TARGET_RATIO` of pyoxigraph's serializer.
RATIO_EXPORTS = ("export turtle", "export nt")
STACKS = ("itukg", "raw", "naive")
#: The prefix of pyoxigraph's times measured side by side in the itukg worker.
RAW = "raw"
#: Run apart: itukg's compact JSON-LD export, whose memory is rdflib's.
JSONLD = "itukg-jsonld"
#: Targets at 1M triples: (operation prefix, limit, what the ratio is).
TARGET_RATIO = 1.2
TARGET_VALIDATION = 4.0
TARGET_MEMORY_MB = 1500.0
#: A repeated ``itukg query`` at scale, against the same at seed scale.
TARGET_REPEAT = 1.5
#: Seconds below which an operation is timed in batches of calls (see :func:`_side_by_side`).
SHORTEST_SAMPLE = 0.05
#: Seconds after which a query of the naive stack is given up (rdflib's engine can take hours).
NAIVE_QUERY_LIMIT = 60


# --- The worker: one stack, one graph, in its own process -----------------------------------


def _median(function: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class _Overrun(Exception):
    pass


def _bounded(function: Callable[[], object], runs: int) -> float:
    """The median of *function*, or infinity once a run overruns :data:`NAIVE_QUERY_LIMIT`."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise _Overrun

    previous = signal.signal(signal.SIGALRM, stop)
    try:
        signal.alarm(NAIVE_QUERY_LIMIT)
        return _median(function, runs)
    except _Overrun:
        return float("inf")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _files(graph: Path) -> list[Path]:
    from itukg import paths

    return [*paths.ontology_files(), graph]


def _query_texts() -> dict[str, str]:
    """The canned queries that ask no remote endpoint, bound to their defaults."""
    from itukg import queries

    return {q.name: q.bind({}) for q in queries.catalog() if not q.federated}


def _side_by_side(
    timings: dict[str, float],
    operation: str,
    ours: Callable[[], object],
    theirs: Callable[[], object],
    runs: int,
) -> None:
    """Time *ours* and *theirs* (pyoxigraph alone) in turns; record both medians.

    An operation that takes less than :data:`SHORTEST_SAMPLE` is timed in batches of calls
    long enough for that (its mean time per call is a sample), after a first round of single
    calls that sets the batch size and is not counted: one call of a sub-millisecond query
    is otherwise mostly the noise of the timer, the caches and the machine.
    """
    first = _turns(ours, theirs, 1, 1)
    fastest = min(first[0][0], first[1][0])
    if fastest >= SHORTEST_SAMPLE:
        rest = _turns(ours, theirs, 1, runs - 1, after=1)
        times = (first[0] + rest[0], first[1] + rest[1])
    else:
        times = _turns(ours, theirs, math.ceil(SHORTEST_SAMPLE / max(fastest, 1e-6)), runs)
    timings[operation] = statistics.median(times[0])
    timings[f"{RAW} {operation}"] = statistics.median(times[1])


def _turns(
    ours: Callable[[], object],
    theirs: Callable[[], object],
    batch: int,
    rounds: int,
    *,
    after: int = 0,
) -> tuple[list[float], list[float]]:
    """Time *rounds* batches of *batch* calls of *ours* and *theirs*; seconds per call.

    Within a batch the two alternate call by call, and which goes first alternates too
    (counting *after* rounds already run): neither always runs on what the other left behind
    (freed memory, caches), and both see the same moments of a busy machine.
    """
    times: tuple[list[float], list[float]] = ([], [])
    functions = (ours, theirs)
    for round in range(after, after + rounds):
        totals = [0.0, 0.0]
        for call in range(batch):
            for side in (0, 1) if (round + call) % 2 == 0 else (1, 0):
                start = time.perf_counter()
                functions[side]()
                totals[side] += time.perf_counter() - start
        times[0].append(totals[0] / batch)
        times[1].append(totals[1] / batch)
    return times


def _raw_load(files: list[Path]) -> Any:
    from pyoxigraph import RdfFormat, Store

    store = Store()
    for path in files:
        store.load(path=path, format=RdfFormat.from_extension(path.suffix[1:]))
    return store


def _raw_ask(store: Any, text: str) -> None:
    """Run *text* on a pyoxigraph store and read every value of every solution."""
    from pyoxigraph import QuerySolutions

    answer = store.query(text)
    if isinstance(answer, QuerySolutions):
        names = answer.variables
        for solution in answer:
            for variable in names:
                solution[variable]


def _raw_dump(store: Any, fmt: str) -> bytes:
    """Dump *store* as pyoxigraph does: Turtle with the same prefixes as itukg's export."""
    from pyoxigraph import DefaultGraph, RdfFormat

    from itukg.namespaces import PREFIXES

    form = {"turtle": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "json-ld": RdfFormat.JSON_LD}
    prefixes = dict(PREFIXES) if fmt == "turtle" else None
    return store.dump(format=form[fmt], from_graph=DefaultGraph(), prefixes=prefixes)  # type: ignore[no-any-return]


def worker_itukg(graph: Path, runs: int, push_url: str | None) -> dict[str, float]:
    """itukg's operations, each in turns with the same work done by pyoxigraph alone."""
    import itukg
    from itukg import paths, queries, remote
    from itukg.export import serialize
    from itukg.validate import validate_store

    files = _files(graph)
    timings: dict[str, float] = {}
    _side_by_side(timings, "load", lambda: itukg.load(files), lambda: _raw_load(files), runs)
    kg = itukg.load(files)
    for fmt in ("turtle", "nt"):
        if serialize(kg.store, fmt) != _raw_dump(kg.store, fmt):
            raise SystemExit(f"itukg's {fmt} export is not pyoxigraph's: compare them")
        _side_by_side(
            timings,
            f"export {fmt}",
            lambda fmt=fmt: serialize(kg.store, fmt),
            lambda fmt=fmt: _raw_dump(kg.store, fmt),
            runs,
        )
    for name, text in _query_texts().items():
        _side_by_side(
            timings,
            f"query {name}",
            lambda name=name: kg.query(name),
            lambda text=text: _raw_ask(kg.store, text),
            runs,
        )
    checks = [queries.parse_query_file(p, check=True) for p in paths.check_queries()]
    shapes_only = validate_store(kg.store, checks=[])
    timings["validate shapes"] = _median(lambda: validate_store(kg.store, checks=[]), runs)
    timings["validate all"] = _median(lambda: validate_store(kg.store, checks=checks), runs)
    timings["shape results"] = float(len(shapes_only.results))
    if push_url:
        timings["push"] = _median(
            lambda: remote.push(kg, push_url, graph=None), 1
        )  # the server's time: once
    return timings


def worker_itukg_jsonld(graph: Path, runs: int, push_url: str | None) -> dict[str, float]:
    """The compact JSON-LD export alone: it goes through rdflib, and its memory with it."""
    import itukg
    from itukg.export import serialize

    kg = itukg.load(_files(graph))
    return {"export json-ld": _median(lambda: serialize(kg.store, "json-ld"), runs)}


def worker_raw(graph: Path, runs: int, push_url: str | None) -> dict[str, float]:
    """pyoxigraph alone, in its own process: its peak memory, its exports and its push.

    Its load, query and Turtle/N-Triples times are also measured side by side with itukg's
    (:func:`worker_itukg`), which is what the ratios use.
    """
    from pyoxigraph import DefaultGraph, RdfFormat

    files = _files(graph)
    timings = {"load": _median(lambda: _raw_load(files), runs)}
    store = _raw_load(files)
    for name, text in _query_texts().items():
        timings[f"query {name}"] = _median(lambda text=text: _raw_ask(store, text), runs)
    for fmt in EXPORTS:
        timings[f"export {fmt}"] = _median(lambda fmt=fmt: _raw_dump(store, fmt), runs)
    if push_url:

        def put() -> None:
            body = store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
            request = urllib.request.Request(
                push_url + "?default",
                data=body,
                method="PUT",
                headers={"Content-Type": "application/n-triples"},
            )
            with urllib.request.urlopen(request, timeout=600) as answer:
                answer.read()

        timings["push"] = _median(put, 1)  # the server's time: once
    return timings


def worker_naive(graph: Path, runs: int, push_url: str | None) -> dict[str, float]:
    import pyshacl
    import rdflib

    from itukg import paths

    files = _files(graph)

    def load() -> rdflib.Graph:
        loaded = rdflib.Graph()
        for path in files:
            loaded.parse(path, format="nt" if path.suffix == ".nt" else "turtle")
        return loaded

    timings = {"load": _median(load, runs)}
    loaded = load()
    for name, text in _query_texts().items():
        timings[f"query {name}"] = _bounded(lambda text=text: list(loaded.query(text)), runs)
    for fmt in EXPORTS:
        timings[f"export {fmt}"] = _median(lambda fmt=fmt: loaded.serialize(format=fmt), runs)
    shapes = rdflib.Graph()
    for path in paths.shape_files():
        shapes.parse(path, format="turtle")

    def shacl() -> Any:
        return pyshacl.validate(
            loaded, shacl_graph=shapes, inference="none", allow_warnings=True, advanced=True
        )

    timings["validate shapes"] = _median(shacl, runs)
    _, report, _ = shacl()
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    timings["shape results"] = float(len(set(report.objects(None, sh.result))))
    return timings


WORKERS = {
    "itukg": worker_itukg,
    "itukg-jsonld": worker_itukg_jsonld,
    "raw": worker_raw,
    "naive": worker_naive,
}


def run_worker(argv: list[str]) -> int:
    stack, graph, runs, push_url = argv[0], Path(argv[1]), int(argv[2]), argv[3] or None
    timings = WORKERS[stack](graph, runs, push_url)
    timings["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(timings))
    return 0


# --- The driver -------------------------------------------------------------------------------


def environment() -> dict[str, str]:
    """The environment of the processes: as a user's, with Python's bytecode cache on."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("ITUKG_ROOT", "PYTHONDONTWRITEBYTECODE")
    }
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO / "src"), env.get("PYTHONPATH")) if p)
    return env


def synthetic(size: str) -> Path:
    """Return the synthetic graph of *size*, generating it once (``bench/.cache/``)."""
    path = CACHE / f"synth-{size}-seed{SEED}.nt"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        argv = [sys.executable, "-m", "itukg", "synth", "--triples", str(SIZES[size])]
        argv += ["--seed", str(SEED), "-o", str(path)]
        started = time.perf_counter()
        subprocess.run(argv, check=True, env=environment())
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def measure(stack: str, graph: Path, runs: int, push_url: str) -> dict[str, float]:
    argv = [sys.executable, __file__, "--worker", stack, str(graph), str(runs), push_url]
    done = subprocess.run(argv, capture_output=True, text=True, env=environment(), check=False)
    if done.returncode != 0:
        raise SystemExit(f"the {stack} worker failed on {graph.name}:\n{done.stderr}")
    timings: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return timings


def oxigraph_server(folder: Path) -> tuple[subprocess.Popen[bytes], str] | None:
    """Start a real Oxigraph server, as the tests do; None without the binary."""
    sys.path.insert(0, str(REPO / "tests"))
    import oxigraph_server as servers

    executable = servers.binary()
    if executable is None:
        return None
    server = servers.start(executable, folder / "store")
    return server.process, server.store_url


# --- Whole commands: the kept store, and pushing from a file ----------------------------------


def _command(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``itukg ARGS``; return its wall time in seconds and its peak memory in MB."""
    started = time.perf_counter()
    argv = [sys.executable, "-m", "itukg", *args]
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"itukg {' '.join(args)} failed:\n{errors.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def _command_median(args: list[str], env: dict[str, str], runs: int) -> float:
    return statistics.median(_command(args, env)[0] for _ in range(runs))


def commands(
    size: str, graph: Path, runs: int, push_url: str, folder: Path
) -> tuple[list[str], int]:
    """Time ``itukg query`` as a user runs it, and ``itukg push --data``; return the table.

    Each canned query runs as a whole process: on the shipped graph (seed scale); on the
    synthetic graph with nothing kept (``ITUKG_CACHE_DIR=off``: parse, then ask); on the kept
    store the first time (its answer not yet kept) and again (the repeat run).
    """
    env = environment()
    env["ITUKG_CACHE_DIR"] = str(folder / f"kept-{size}")
    off = {**env, "ITUKG_CACHE_DIR": "off"}
    data = ["--data", str(graph)]
    from itukg import cache

    built, built_peak = _command(["query", "sg20-questions", *data], env)
    if graph.stat().st_size >= cache.THRESHOLD:
        first = "The first command loaded the graph and kept it on disk in"
    else:
        first = f"Under {cache.THRESHOLD >> 20} MiB, nothing is kept; the first command took"
    lines = [
        f"### {size}: `itukg query NAME --data FILE`, whole processes",
        "",
        f"{first} {built:.1f} s (peak {built_peak:.0f} MB). Seconds per process; "
        f'"again" is the median of {runs}.',
        "",
        "| query | seed scale | nothing kept | kept store, first ask | again | again / seed "
        "| target | met? |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    judged = SIZES[size] >= 1_000_000
    missed = 0
    for name in _query_texts():
        seed = _command_median(["query", name], env, runs)
        cold = _command(["query", name, *data], off)[0]
        first = _command(["query", name, *data], env)[0]
        again = _command_median(["query", name, *data], env, runs)
        ok = again <= TARGET_REPEAT * seed
        met = ("yes" if ok else "NO") if judged else ""
        missed += judged and not ok
        lines.append(
            f"| {name} | {seed:.2f} | {cold:.2f} | {first:.2f} | {again:.2f} | {again / seed:.2f} "
            f"| ≤ {TARGET_REPEAT:g} | {met} |"
        )
    return [*lines, "", *push(size, graph, push_url)], missed


def push(size: str, graph: Path, push_url: str) -> list[str]:
    """Time ``itukg push --data`` of *graph* to the server; return the lines saying so."""
    if not push_url:
        return []
    argv = ["push", "--endpoint", push_url, "--graph", "default", "--data", str(graph)]
    seconds, peak = _command(argv, environment())
    megabytes = graph.stat().st_size / 1e6
    return [
        f"{size}: `itukg push --data {graph.name}` ({megabytes:,.0f} MB of N-Triples) to the "
        f"Oxigraph server's default graph, in place of what it held: {seconds:.1f} s, peak "
        f"{peak:.0f} MB (streamed from the file).",
        "",
    ]


def _cell(value: float | None) -> str:
    if value is None:
        return "—"
    if value == float("inf"):
        return f"> {NAIVE_QUERY_LIMIT}"
    return f"{value:.3f}" if value >= 0.01 else f"{value:.2g}"  # 0.00018, not 0.000


def _ratio(top: float | None, bottom: float | None) -> str:
    if top is None or bottom is None or bottom == 0:
        return "—"
    return f"> {NAIVE_QUERY_LIMIT / bottom:.0f}" if top == float("inf") else f"{top / bottom:.2f}"


def table(size: str, triples: int, found: dict[str, dict[str, float]]) -> tuple[list[str], int]:
    """Return the Markdown table of one size and the number of targets missed (at 1M and up).

    A target is judged only where both of its sides were measured (see ``--stacks``).
    """
    judged = SIZES[size] >= 1_000_000
    ours, raw, naive = (dict(found.get(stack, {})) for stack in STACKS)
    prefix = f"{RAW} "
    raw.update({k.removeprefix(prefix): v for k, v in ours.items() if k.startswith(prefix)})
    ours = {k: v for k, v in ours.items() if not k.startswith(prefix)}
    jsonld = found.get(JSONLD, {})
    if "export json-ld" in jsonld:
        ours["export json-ld"] = jsonld["export json-ld"]
    lines = [
        f"## {size}: {triples:,} triples",
        "",
        "| operation | itukg s | raw pyoxigraph s | naive s | itukg / raw | naive / itukg "
        "| target | met? |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    missed = 0
    operations = [k for k in ours if k not in ("peak MB", "shape results")]
    for operation in operations:
        target, met, ok = "", "", None
        a, b, c = ours.get(operation), raw.get(operation), naive.get(operation)
        if operation == "validate shapes":
            target = f"naive / itukg ≥ {TARGET_VALIDATION:g}"
            if a is not None and c is not None:
                ok = c / a >= TARGET_VALIDATION
        elif operation == "load" or operation.startswith("query ") or operation in RATIO_EXPORTS:
            target = f"itukg / raw ≤ {TARGET_RATIO:g}"
            if a is not None and b is not None:
                ok = a / b <= TARGET_RATIO
        if target and judged:
            met = "not measured" if ok is None else "yes" if ok else "NO"
            missed += ok is False
        lines.append(
            f"| {operation} | {_cell(a)} | {_cell(b)} | {_cell(c)} | {_ratio(a, b)} "
            f"| {_ratio(c, a)} | {target} | {met} |"
        )
    memory = ours.get("peak MB")
    ok = None if memory is None else memory <= TARGET_MEMORY_MB
    met = ("not measured" if ok is None else "yes" if ok else "NO") if judged else ""
    missed += judged and ok is False
    lines.append(
        f"| peak memory MB | {_megabytes(memory)} | {_megabytes(raw.get('peak MB'))} "
        f"| {_megabytes(naive.get('peak MB'))} | | | ≤ {TARGET_MEMORY_MB:g} MB | {met} |"
    )
    if jsonld:
        lines.append(
            f"| peak memory MB, compact JSON-LD export (rdflib) | {_megabytes(jsonld['peak MB'])} "
            "| | | | | | |"
        )
    counts = [f"itukg {ours['shape results']:.0f}"] if "shape results" in ours else []
    if "shape results" in naive:
        counts.append(f"pyshacl {naive['shape results']:.0f}")
    if len(counts) == 2:
        counts.append(f"same count: {ours['shape results'] == naive['shape results']}")
    if counts:
        lines += ["", "SHACL results: " + ", ".join(counts)]
    return [*lines, ""], missed


def _megabytes(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def main() -> int:
    if sys.argv[1:2] == ["--worker"]:
        return run_worker(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1M", help="sizes: 10k, 100k, 1M, 5M")
    parser.add_argument("--runs", type=int, default=5, help="runs of each operation (median)")
    parser.add_argument(
        "--naive-runs", type=int, default=1, help="runs of the naive stack at 1M and more"
    )
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument(
        "--stacks",
        default=",".join((*STACKS, JSONLD)),
        help="the stacks to run, comma-separated, or empty for none (default: all)",
    )
    parser.add_argument(
        "--commands",
        choices=("all", "push", "none"),
        default="all",
        help="whole commands timed: every query and the push (all), the push alone, or none",
    )
    args = parser.parse_args()
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown sizes {unknown}; choose from {', '.join(SIZES)}")
    now = datetime.datetime.now(datetime.timezone.utc)
    lines = [
        f"# itukg at scale, {now:%Y-%m-%d %H:%M} UTC",
        "",
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores. "
        f"Graphs from `itukg synth --seed {SEED}`; median of {args.runs} runs of each "
        f"operation in one process per stack (naive stack: {args.naive_runs} at 1M and more); "
        "peak memory is the whole process's. The raw pyoxigraph times of load, queries and "
        "Turtle/N-Triples export are measured side by side with itukg's, in turns in the same "
        "process on the same store (the same bytes exported); its JSON-LD export, push and peak "
        "memory in a process of its own. Targets are judged at 1M triples and more.",
        "",
    ]
    missed = 0
    with tempfile.TemporaryDirectory() as folder:
        started = oxigraph_server(Path(folder))
        push_url = "" if started is None else started[1]
        try:
            for size in sizes:
                graph = synthetic(size)
                from pyoxigraph import RdfFormat, parse

                triples = sum(1 for _ in parse(path=graph, format=RdfFormat.N_TRIPLES))
                found = {}
                part: list[str] = []
                for stack in filter(None, args.stacks.split(",")):
                    runs = args.runs
                    if stack == "naive" and SIZES[size] >= 1_000_000:
                        runs = args.naive_runs
                    print(f"{size}: {stack} ...", file=sys.stderr)
                    found[stack] = measure(stack, graph, runs, push_url)
                if found:
                    part, misses = table(size, triples, found)
                    lines += part
                    missed += misses
                if args.commands == "all":
                    part, misses = commands(size, graph, args.runs, push_url, Path(folder))
                    lines += part
                    missed += misses
                elif args.commands == "push":
                    part = push(size, graph, push_url)
                    lines += part
                print("\n".join(part), file=sys.stderr)
                if not args.no_write:  # each size as it ends: a long run keeps what it measured
                    _save(lines, now)
        finally:
            if started is not None:
                started[0].terminate()
                started[0].wait(30)
    text = "\n".join(lines)
    print(text, end="")
    if not args.no_write:
        print(f"\nwritten to {_save(lines, now).relative_to(REPO)}")
    return 1 if missed else 0


def _save(lines: list[str], now: datetime.datetime) -> Path:
    """Write the tables so far to ``bench/results/scale-<start>.md``, whole or not at all."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"scale-{now:%Y-%m-%d-%H%M}.md"
    temporary = target.with_suffix(".md.tmp")
    temporary.write_text("\n".join(lines), encoding="utf-8")
    os.replace(temporary, target)
    return target


if __name__ == "__main__":
    sys.exit(main())
