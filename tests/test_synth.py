"""``itukg synth``: the synthetic ITU-wide graph and its injected faults.

The graphs are generated once per module (10k and 100k triples take well under a second);
validation runs on the 10k ones only.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import run_itukg
from pyoxigraph import BlankNode, RdfFormat, Store, parse

from itukg import paths, synth, synth_faults, terms
from itukg.errors import ItukgError
from itukg.namespaces import PREFIXES

SEED = 20


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The graphs the tests read: clean 10k (N-Triples, Turtle), 100k, and 10k with faults."""
    folder = tmp_path_factory.mktemp("synth")
    made = {
        "10k": (10_000, "nt", False),
        "10k-ttl": (10_000, "ttl", False),
        "100k": (100_000, "nt", False),
        "faults": (10_000, "nt", True),
    }
    found = {}
    for name, (triples, extension, violations) in made.items():
        path = folder / f"{name}.{extension}"
        synth.generate(path, triples, SEED, violations=violations)
        found[name] = path
    return found


def load(path: Path) -> Store:
    store = Store()
    form = RdfFormat.N_TRIPLES if path.suffix == ".nt" else RdfFormat.TURTLE
    store.load(path=path, format=form)
    return store


def class_counts(store: Store) -> dict[str, int]:
    answer = store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    return {terms.show(row["c"]): int(row["n"].value) for row in answer}  # type: ignore[union-attr]


# --- Determinism and size -------------------------------------------------------------------


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    for extension in ("nt", "ttl"):
        one, again, other = (tmp_path / f"{n}.{extension}" for n in ("one", "again", "other"))
        synth.generate(one, 10_000, 7)
        synth.generate(again, 10_000, 7)
        synth.generate(other, 10_000, 8)
        assert one.read_bytes() == again.read_bytes()
        assert one.read_bytes() != other.read_bytes()


@pytest.mark.parametrize("name, triples", [("10k", 10_000), ("10k-ttl", 10_000), ("100k", 100_000)])
def test_size_is_within_two_percent(graphs: dict[str, Path], name: str, triples: int) -> None:
    count = len(load(graphs[name]))
    assert abs(count - triples) <= 0.02 * triples
    assert abs(count - triples) <= 12  # how N is reached: Recommendations up to N - 5


def test_turtle_and_n_triples_hold_the_same_triples(graphs: dict[str, Path]) -> None:
    def named(path: Path) -> set[str]:
        form = RdfFormat.N_TRIPLES if path.suffix == ".nt" else RdfFormat.TURTLE
        return {
            str(t)
            for t in parse(path=path, format=form)
            if not isinstance(t.subject, BlankNode) and not isinstance(t.object, BlankNode)
        }

    assert named(graphs["10k"]) == named(graphs["10k-ttl"])
    assert len(load(graphs["10k"])) == len(load(graphs["10k-ttl"]))


def test_sizes_across_n_stay_in_tolerance(tmp_path: Path) -> None:
    for triples in (10_000, 13_337, 31_000, 250_000):
        the_plan = synth.plan(triples)
        assert the_plan.estimate < triples  # room left for the Recommendations that fill up
        summary = synth.generate(tmp_path / "g.nt", triples, 1)
        assert triples - 5 <= summary.triples <= triples + 12
        filler = summary.counts["itukg:Recommendation"] - the_plan.recommendations
        assert 0 < filler * 10 < 0.15 * triples  # the planned part is most of the graph


# --- What the graph holds -------------------------------------------------------------------


@pytest.mark.parametrize("name, triples", [("10k", 10_000), ("100k", 100_000)])
def test_planned_counts_are_exact(graphs: dict[str, Path], name: str, triples: int) -> None:
    counts = class_counts(load(graphs[name]))
    promised = synth.plan(triples).counts()
    assert {c: counts.get(c, 0) for c in promised} == promised


def test_counts_do_not_depend_on_the_seed(tmp_path: Path) -> None:
    one = synth.generate(tmp_path / "a.nt", 20_000, 1).counts
    two = synth.generate(tmp_path / "b.nt", 20_000, 2).counts
    promised = synth.plan(20_000).counts()
    assert {c: one[c] for c in promised} == {c: two[c] for c in promised} == promised


def test_proportions_grow_with_n() -> None:
    small, large = synth.plan(10_000), synth.plan(1_000_000)
    assert (small.periods, len(small.study_groups)) == (2, 3)
    assert large.periods == 20 and len(large.study_groups) == 30
    assert 10_000 < large.people < 60_000  # tens of thousands of people at 1M
    for the_plan in (small, large):
        assert 1.4 < the_plan.memberships / the_plan.people < 1.8


def test_people_sit_in_several_groups_and_are_written_as_the_itu_writes(
    graphs: dict[str, Path],
) -> None:
    store = load(graphs["100k"])
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

    def number(query: str) -> int:
        answer = store.query(prefixes + query)
        return int(next(iter(answer))["n"].value)  # type: ignore[call-overload, index]

    people = number("SELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person }")
    several = number(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT ?p WHERE { ?m org:member ?p ; "
        "org:organization ?o } GROUP BY ?p HAVING (COUNT(DISTINCT ?o) > 1) }"
    )
    capitals = number(
        "SELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person ; skos:altLabel ?a ; "
        "foaf:familyName ?f FILTER(CONTAINS(STR(?a), UCASE(STR(?f)))) }"
    )
    during = number(
        "SELECT (COUNT(*) AS ?n) WHERE { ?m a org:Membership ; org:memberDuring ?d . "
        "?d a itukg:StudyPeriod }"
    )
    memberships = number("SELECT (COUNT(*) AS ?n) WHERE { ?m a org:Membership }")
    assert several > people // 5
    assert capitals == (people + 5) // 6
    assert during == memberships - len(synth._FIXED_ROLES)


# --- Validation -----------------------------------------------------------------------------


def test_the_graph_conforms(graphs: dict[str, Path]) -> None:
    done = run_itukg("validate", str(graphs["10k"]), root=None)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 violations, 0 warnings, 0 infos" in done.stdout


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_the_faults_give_exactly_the_expected_report(graphs: dict[str, Path], engine: str) -> None:
    """Both engines report exactly the injected faults: focus nodes, paths, shapes, values."""
    path = graphs["faults"]
    done = run_itukg("validate", "--engine", engine, "--format", "json", str(path), root=None)
    assert done.returncode == 1, done.stderr
    actual = json.loads(done.stdout)
    expected = json.loads(Path(f"{path}{synth.VIOLATIONS_SUFFIX}").read_text(encoding="utf-8"))
    assert actual["results"] == expected["results"]
    assert actual == expected


@pytest.fixture(scope="module")
def faults() -> list[synth_faults.Fault]:
    """The faults, as injected in a 10k graph (written to memory)."""
    generator = synth.Generator(
        synth.Sink(io.BytesIO(), synth.Terms(False)), synth.plan(10_000, violations=True), SEED
    )
    generator.run(synth_faults.inject)
    return generator.faults


def shapes_store() -> Store:
    from itukg.loader import load_store

    return load_store(paths.shape_files())


def test_every_shape_and_check_is_covered_or_excluded_with_a_reason(
    faults: list[synth_faults.Fault],
) -> None:
    covered = {item for fault in faults for item in fault.covers}
    excluded = set(synth_faults.EXCLUDED)
    everything = synth_faults.all_items()
    assert covered | excluded == everything
    assert not covered & excluded
    assert all(reason for reason in synth_faults.EXCLUDED.values())
    checks = {p.name.removesuffix(".rq") for p in paths.check_queries()}
    assert checks <= covered
    node_shapes = {
        row["s"].value.split("#")[1]  # type: ignore[union-attr]
        for row in shapes_store().query(  # type: ignore[union-attr]
            "SELECT ?s WHERE { ?s a <http://www.w3.org/ns/shacl#NodeShape> }"
        )
    }
    assert node_shapes <= everything


def test_each_fault_gives_a_result_of_what_it_covers(faults: list[synth_faults.Fault]) -> None:
    sh = "http://www.w3.org/ns/shacl#"
    store = shapes_store()
    own_constraint = {
        row["s"].value.split("#")[1]  # type: ignore[union-attr]
        for row in store.query(  # type: ignore[union-attr]
            f"SELECT DISTINCT ?s WHERE {{ ?s a <{sh}NodeShape> ; ?p ?o . "
            f"VALUES ?p {{ <{sh}pattern> <{sh}not> <{sh}xone> <{sh}or> }} }}"
        )
    }
    properties: dict[str, set[str]] = {}
    for row in store.query(f"SELECT ?s ?p WHERE {{ ?s <{sh}property> ?p }}"):  # type: ignore[union-attr]
        node = row["s"].value.split("#")[1]
        properties.setdefault(node, set()).add("shape:" + row["p"].value.split("#")[1])
    names = {fault.name for fault in faults}
    assert len(names) == len(faults)
    for fault in faults:
        sources = {result.source for result in fault.results}
        for item in fault.covers:
            if item in synth_faults._checks():
                assert item in sources, fault.name
            elif item.endswith("Shape") and item not in own_constraint:
                assert sources & properties[item], fault.name
            else:
                assert f"shape:{item}" in sources, fault.name


# --- The command ----------------------------------------------------------------------------


def test_command_writes_the_graph_and_says_what(tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    done = run_itukg("synth", "--triples", "10000", "--seed", "3", "-o", str(out), root=None)
    assert done.returncode == 0, done.stderr
    assert "triples to" in done.stderr and "people" in done.stderr
    assert len(load(out)) > 9_900
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]


def test_violations_then_none_removes_the_old_report(tmp_path: Path) -> None:
    out = tmp_path / "g.nt"
    report = Path(f"{out}{synth.VIOLATIONS_SUFFIX}")
    summary = synth.generate(out, 10_000, 1, violations=True)
    assert report.exists() and summary.violations == len(json.loads(report.read_text())["results"])
    synth.generate(out, 10_000, 1)
    assert not report.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--triples", "9999"], "--triples must be at least 10000, got 9999"),
        (["--triples", "10000", "--seed", "-1"], "--seed must not be negative, got -1"),
        (["--triples", "ten"], "argument --triples: invalid int value: 'ten'"),
    ],
)
def test_bad_arguments_exit_2_and_write_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    done = run_itukg("synth", *args, "-o", str(tmp_path / "g.nt"), root=None)
    assert done.returncode == 2
    assert done.stderr.startswith(f"itukg: error: {message}")
    assert done.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "target, reason",
    [
        ("missing/g.nt", "cannot write: No such directory"),
        ("folder.nt", "cannot write: Is a directory"),
        ("g.rdf", "the output file must end with .nt or .ttl"),
    ],
)
def test_unwritable_output_names_the_path(tmp_path: Path, target: str, reason: str) -> None:
    (tmp_path / "folder.nt").mkdir()
    path = tmp_path / target
    done = run_itukg("synth", "--triples", "10000", "-o", str(path), root=None)
    assert done.returncode == 2
    assert done.stderr.startswith(f"itukg: error: {path}: {reason}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.nt"]


def test_a_failure_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self: synth.Generator, *args: object) -> None:
        self.source_document()
        self.sink.flush()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(synth.Generator, "run", fail)
    out = tmp_path / "g.nt"
    with pytest.raises(ItukgError, match=r"g\.nt: cannot write: No space left on device"):
        synth.generate(out, 10_000, 1)
    assert list(tmp_path.iterdir()) == []


def test_slugs_tell_apart_what_the_duplicate_name_check_tells_apart() -> None:
    assert synth.slug("Łukasz Wiśniewski") == "lukasz-wisniewski"
    assert synth.slug("Côte d'Ivoire Telecom") == "cote-d-ivoire-telecom"
    assert synth.slug("Fâulty SAMENAME") == synth.slug("Faulty Samename")
