"""SHACL validation time: the shapes compiled to SPARQL (``itukg.shacl``) against pySHACL.

Both engines validate the same loaded store against the shipped shapes
(:func:`itukg.validate.shacl_results`); their results are compared, and the ratio of the
median times printed. The SPARQL checks, the same whichever the engine, are timed apart, to
give the time of the whole of :func:`itukg.validate.validate_store` too. The compiled engine
is timed cold: its compilation cache is emptied before each run. Not a test: CI times nothing.

    python bench/shacl_engines.py                  # the shipped graph
    python bench/shacl_engines.py GRAPH.nt ...     # the ontology with these data files
    python bench/shacl_engines.py --synth 1000000  # a graph made by ``itukg synth --seed 1``

``--runs N`` (default 3) sets the runs of the compiled engine and of the checks,
``--pyshacl-runs N`` (default: as many) those of pySHACL, which takes minutes on large graphs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from itukg import paths, queries
from itukg.loader import load_store
from itukg.shacl import engine
from itukg.validate import ValidationResult, check_results, shacl_results


def median_time(function: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """Return the median time of *runs* calls of *function*, and what the last one returned."""
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("graphs", nargs="*", type=Path, help="data files (default: shipped)")
    parser.add_argument("--synth", type=int, metavar="N", help="generate N triples")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pyshacl-runs", type=int)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = [*paths.ontology_files(), *args.graphs]
        if args.synth:
            graph = Path(folder) / "synth.nt"
            command = ["synth", "--triples", str(args.synth), "--seed", "1", "-o", str(graph)]
            subprocess.run([sys.executable, "-m", "itukg", *command], check=True)
            files.append(graph)
        store = load_store(files if args.graphs or args.synth else None)
    shapes = load_store(paths.shape_files())
    checks = [queries.parse_query_file(p, check=True) for p in paths.check_queries()]

    def sparql() -> list[ValidationResult]:
        engine._PROGRAMS.clear()
        return shacl_results(store, shapes, "sparql")

    def pyshacl() -> list[ValidationResult]:
        return shacl_results(store, shapes, "pyshacl")

    print(f"{len(store):,} triples, {len(shapes):,} in the shapes")
    fast, compiled = median_time(sparql, args.runs)
    slow, reference = median_time(pyshacl, args.pyshacl_runs or args.runs)
    both, found = median_time(lambda: check_results(store, checks), args.runs)
    same = sorted(compiled, key=lambda r: r.sort_key()) == sorted(
        reference, key=lambda r: r.sort_key()
    )
    print(f"SHACL, sparql:  {fast:8.2f} s  {len(compiled)} results")
    print(f"SHACL, pyshacl: {slow:8.2f} s  {len(reference)} results, same: {same}")
    print(f"SHACL ratio:    {slow / fast:8.1f}x")
    print(f"SPARQL checks:  {both:8.2f} s  {len(found)} results (either engine)")
    whole = (slow + both) / (fast + both)
    print(f"validate_store: {fast + both:8.2f} s against {slow + both:.2f} s ({whole:.1f}x)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
