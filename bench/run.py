"""Whole-process timings of the itukg commands, against `python -c "import rdflib"`.

Each command runs once to warm the caches, then --runs times (at least 7); the table gives the
median wall time, its ratio to the baseline and the target ratio. The table is printed and
written to bench/results/<UTC date>.md.

    python bench/run.py [--runs 7] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
EXPORT_FORMATS = ["turtle", "nt", "nq", "trig", "xml", "n3", "json-ld"]


def environment() -> dict[str, str]:
    """The environment of the timed runs: the shipped graph, bytecode caches allowed."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("ITUKG_ROOT", "PYTHONDONTWRITEBYTECODE")
    }
    if importlib.util.find_spec("itukg") is None:
        env["PYTHONPATH"] = str(REPO / "src")
    return env


def cases(out: Path) -> list[tuple[str, list[str], float, tuple[int, ...]]]:
    """(label, argv, target ratio, accepted exit codes) of every timed command."""
    itukg = [sys.executable, "-m", "itukg"]
    found = [
        ("itukg query cross-group-people", [*itukg, "query", "cross-group-people"], 3.0, (0,)),
        ("itukg stats", [*itukg, "stats"], 3.0, (0,)),
        ("itukg validate", [*itukg, "validate"], 10.0, (0,)),
    ]
    for fmt in EXPORT_FORMATS:
        argv = [*itukg, "export", "--format", fmt, "-o", str(out / f"graph.{fmt}")]
        found.append((f"itukg export --format {fmt}", argv, 15.0, (0,)))
    return found


def timed(argv: list[str], runs: int, accepted: tuple[int, ...]) -> float:
    """Return the median wall time of *runs* runs of *argv*, after one warm-up run."""
    times = []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, env=environment(), check=False)
        elapsed = time.perf_counter() - start
        if done.returncode not in accepted:
            message = done.stderr.decode(errors="replace").strip()
            raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: {message}")
        if attempt:
            times.append(elapsed)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (>= 7)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    runs = max(args.runs, 7)
    baseline = timed([sys.executable, "-c", "import rdflib"], runs, (0,))
    lines = [
        f"# itukg timings, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        "",
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
        f"median of {runs} runs after a warm-up.",
        "",
        "| command | median s | ratio to baseline | target ratio | met? |",
        "|---|---|---|---|---|",
        f'| python -c "import rdflib" (baseline) | {baseline:.3f} | 1.00 | | |',
    ]
    missed = 0
    with tempfile.TemporaryDirectory() as folder:
        for label, argv, target, accepted in cases(Path(folder)):
            median = timed(argv, runs, accepted)
            ratio = median / baseline
            met = ratio <= target
            missed += not met
            lines.append(
                f"| {label} | {median:.3f} | {ratio:.2f} | ≤ {target:g} | "
                f"{'yes' if met else 'NO'} |"
            )
    table = "\n".join(lines) + "\n"
    print(table, end="")
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        target_file = RESULTS / f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d}.md"
        temporary = target_file.with_suffix(".md.tmp")
        temporary.write_text(table, encoding="utf-8")
        os.replace(temporary, target_file)
        print(f"\nwritten to {target_file.relative_to(REPO)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
