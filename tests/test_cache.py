"""Large graphs kept on disk between commands (:mod:`itukg.cache`), and ``--data``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import run_itukg
from pyoxigraph import NamedNode, Quad
from rdflib.compare import isomorphic

import itukg
from itukg import cache, loader, paths, queries, synth
from itukg.errors import InputError

#: Triples of the generated graph: its N-Triples are above :data:`cache.THRESHOLD`.
LARGE = 70_000


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder for kept stores, named by ``ITUKG_CACHE_DIR``."""
    chosen = tmp_path / "kept"
    monkeypatch.setenv(cache.ENVIRONMENT, str(chosen))
    return chosen


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic graph whose file is large enough to be kept by default."""
    path = tmp_path_factory.mktemp("large") / "large.nt"
    synth.generate(path, LARGE, 5)
    assert path.stat().st_size >= cache.THRESHOLD
    return path


def small_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def kept_keys(folder: Path) -> set[str]:
    return (
        {entry.name for entry in folder.iterdir() if entry.is_dir()} if folder.is_dir() else set()
    )


# --- The key ----------------------------------------------------------------------------------


def test_the_key_follows_the_content_not_the_name(tmp_path: Path) -> None:
    text = "<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"
    one = small_file(tmp_path, "one.nt", text)
    same = small_file(tmp_path, "same.nt", text)
    changed = small_file(tmp_path, "changed.nt", text.replace("/c>", "/d>"))
    as_turtle = small_file(tmp_path, "one.ttl", text)
    assert cache.content_key([one]) == cache.content_key([same])
    assert cache.content_key([one]) != cache.content_key([changed])
    assert cache.content_key([one]) != cache.content_key([as_turtle])
    assert cache.content_key([one, changed]) != cache.content_key([changed, one])


def test_digests_are_remembered_until_a_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"
    data = small_file(tmp_path, "g.nt", text)
    os.utime(data, (1_000_000, 1_000_000))
    first = cache.content_key([data], tmp_path)
    read = []
    monkeypatch.setattr(cache, "_file_digest", lambda path: read.append(path) or "0" * 64)
    assert cache.content_key([data], tmp_path) == first
    assert read == []
    data.write_text(text.replace("/c>", "/d>"), encoding="utf-8")  # same size, new time
    assert cache.content_key([data], tmp_path) != first
    assert read == [data]


def test_a_file_changed_just_now_is_read_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = small_file(tmp_path, "g.nt", "")
    cache.content_key([data], tmp_path)
    read = []
    monkeypatch.setattr(cache, "_file_digest", lambda path: read.append(path) or "0" * 64)
    cache.content_key([data], tmp_path)
    assert read == [data]


def test_the_key_of_a_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.nt: No such file or directory"):
        cache.content_key([tmp_path / "nope.nt"])


# --- The kept store ---------------------------------------------------------------------------


def test_a_kept_store_holds_what_memory_holds(folder: Path) -> None:
    kept = itukg.KnowledgeGraph.load(cache=True)
    in_memory = itukg.KnowledgeGraph.load()
    assert kept.key == cache.content_key(loader.shipped_files())
    assert in_memory.key is None
    assert kept_keys(folder) == {kept.key}
    assert len(kept) == len(in_memory)
    assert isomorphic(kept.to_rdflib(), in_memory.to_rdflib())
    entry = json.loads((folder / kept.key / "inputs.json").read_text(encoding="utf-8"))
    assert entry["triples"] == len(in_memory)
    assert entry["files"] == [str(p.resolve()) for p in loader.shipped_files()]


def test_a_kept_store_is_opened_again_not_rebuilt_and_is_read_only(folder: Path) -> None:
    first = itukg.KnowledgeGraph.load(cache=True)
    assert first.key is not None
    store_folder = folder / first.key / "store"
    built = {p.name: p.stat().st_mtime_ns for p in store_folder.iterdir() if p.suffix == ".sst"}
    again = itukg.KnowledgeGraph.load(cache=True)
    assert again.key == first.key
    assert {
        p.name: p.stat().st_mtime_ns for p in store_folder.iterdir() if p.suffix == ".sst"
    } == built
    with pytest.raises(RuntimeError, match="read-write"):
        again.store.add(Quad(*(NamedNode("https://example.org/x"),) * 3))


def test_a_failed_load_leaves_nothing_behind(folder: Path, tmp_path: Path) -> None:
    bad = small_file(tmp_path, "bad.nt", '<https://example.org/a> <https://example.org/b> "x .\n')
    with pytest.raises(InputError) as raised:
        itukg.KnowledgeGraph.load([bad], cache=True)
    assert str(raised.value) == f"{bad}:1:49: Unexpected end of file"
    assert kept_keys(folder) == set()


def test_only_the_most_recently_used_stores_are_kept(folder: Path, tmp_path: Path) -> None:
    keys = []
    for number in range(cache.KEEP + 2):
        data = small_file(
            tmp_path,
            f"g{number}.nt",
            f"<https://example.org/{number}> <https://example.org/p> <https://example.org/o> .\n",
        )
        keys.append(itukg.KnowledgeGraph.load([data], cache=True).key)
        os.utime(folder / str(keys[-1]) / "inputs.json", (number, number))
    assert kept_keys(folder) == set(keys[-cache.KEEP :])
    assert [entry.key for entry in cache.entries()] == keys[::-1][: cache.KEEP]


def test_off_keeps_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    graph = itukg.KnowledgeGraph.load(cache=True)
    assert graph.key is None
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_loads_in_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = small_file(tmp_path, "a-file", "")
    monkeypatch.setenv(cache.ENVIRONMENT, str(blocker / "kept"))
    graph = itukg.KnowledgeGraph.load(cache=True)
    assert graph.key is None
    assert len(graph) == len(itukg.KnowledgeGraph.load())


def test_small_inputs_stay_in_memory_by_default(folder: Path) -> None:
    assert itukg.KnowledgeGraph.load(cache=None).key is None
    assert kept_keys(folder) == set()


# --- Kept answers -----------------------------------------------------------------------------


def test_an_answer_is_read_back_not_run_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = itukg.KnowledgeGraph.load(cache=True)
    first = graph.query("group-leadership")
    graph_answer = graph.sparql("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 3")
    ask = graph.sparql("ASK { ?s a org:Membership }")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ran again")

    monkeypatch.setattr(queries, "run", refuse)
    monkeypatch.setattr(queries, "execute", refuse)
    again = graph.query("group-leadership")
    assert again.json == first.json  # type: ignore[union-attr]
    assert set(graph.sparql("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 3")) == set(graph_answer)
    assert bool(graph.sparql("ASK { ?s a org:Membership }")) is bool(ask) is True
    assert len(list((folder / str(graph.key) / "answers").iterdir())) == 3
    with pytest.raises(AssertionError, match="ran again"):
        graph.query("group-leadership", group="SG20RG-AFR")


def test_renderings_of_a_kept_answer_are_made_once_and_read_back(folder: Path) -> None:
    graph = itukg.KnowledgeGraph.load(cache=True)
    construct = "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c FILTER isIRI(?s) } ORDER BY ?s ?c LIMIT 3"
    made = {
        (text, format): graph.sparql(text).serialize(format)
        for text, formats in (
            ("SELECT ?s ?c WHERE { ?s a ?c } LIMIT 3", ("table", "csv", "json")),
            (construct, ("turtle", "nt")),
        )
        for format in formats
    }
    answers = folder / str(graph.key) / "answers"
    select, graph_answer = (
        hashlib.sha256(f"# itukg prefixes: True\n{text}".encode()).hexdigest()
        for text in ("SELECT ?s ?c WHERE { ?s a ?c } LIMIT 3", construct)
    )
    assert {path.name for path in answers.iterdir()} == {
        f"{select}.select.json",
        f"{select}.select.json.table",
        f"{select}.select.json.csv",
        f"{graph_answer}.nt",
        f"{graph_answer}.nt.turtle",
    }
    for (text, format), data in made.items():
        assert graph.sparql(text).serialize(format) == data
    (answers / f"{select}.select.json.table").write_bytes(b"kept\n")
    (answers / f"{graph_answer}.nt.turtle").write_bytes(b"# kept\n")
    assert graph.sparql("SELECT ?s ?c WHERE { ?s a ?c } LIMIT 3").serialize() == b"kept\n"
    assert graph.sparql(construct).serialize() == b"# kept\n"
    in_memory = itukg.load()
    assert in_memory.sparql(construct).serialize("turtle") == made[construct, "turtle"]


def test_a_kept_answer_needs_no_store_and_a_lost_store_is_loaded_again(folder: Path) -> None:
    first = itukg.KnowledgeGraph.load(cache=True)
    rows = first.query("sub-units").rows  # type: ignore[union-attr]
    key = str(first.key)
    shutil.rmtree(folder / key / "store")
    again = itukg.KnowledgeGraph.load(cache=True)
    assert again.query("sub-units").rows == rows  # type: ignore[union-attr]
    assert again._store is None
    assert len(again.query("u4ssc-cities")) == len(itukg.load().query("u4ssc-cities"))
    assert len(again.store) == len(itukg.load())
    assert kept_keys(folder) == set()


def test_an_answer_that_may_change_is_not_kept(folder: Path) -> None:
    graph = itukg.KnowledgeGraph.load(cache=True)
    for text in (
        "SELECT (NOW() AS ?t) {}",
        "SELECT (RAND() AS ?r) {}",
        "SELECT (STRUUID() AS ?u) {}",
        "SELECT (bnode() AS ?b) {}",
        "SELECT (UUID() AS ?u) {}",
        "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    ):
        graph.sparql(text)
    assert not (folder / str(graph.key) / "answers").exists()


# --- The command line -------------------------------------------------------------------------


def test_query_with_large_data_keeps_the_store_and_answers_alike(large: Path, folder: Path) -> None:
    with_nothing_kept = run_itukg(
        "query", "group-leadership", "--data", str(large), root=None, env={cache.ENVIRONMENT: "off"}
    )
    assert with_nothing_kept.returncode == 0, with_nothing_kept.stderr
    first = run_itukg("query", "group-leadership", "--data", str(large), root=None)
    second = run_itukg("query", "group-leadership", "--data", str(large), root=None)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert first.stdout == second.stdout == with_nothing_kept.stdout
    assert first.stderr == second.stderr == with_nothing_kept.stderr
    key = cache.content_key([*paths.ontology_files(), large])
    assert kept_keys(folder) == {key}
    answer = hashlib.sha256(queries.get("group-leadership").bind({}).encode()).hexdigest()
    kept = {f"{answer}.select.json", f"{answer}.select.json.table", f"{answer}.select.json.summary"}
    assert {path.name for path in (folder / key / "answers").iterdir()} == kept

    listed = run_itukg("cache", root=None)
    assert listed.returncode == 0, listed.stderr
    triples = json.loads((folder / key / "inputs.json").read_text(encoding="utf-8"))["triples"]
    rows = listed.stdout.splitlines()[2:]
    assert [row.split()[:2] for row in rows] == [[key[:12], f"{triples:,}"]]
    assert rows[0].endswith("itukg.ttl large.nt")
    assert listed.stderr == f"1 kept in {folder}\n"

    cleared = run_itukg("cache", "--clear", root=None)
    assert (cleared.returncode, cleared.stderr) == (0, f"removed 1 kept store from {folder}\n")
    assert kept_keys(folder) == set()


def test_data_replaces_the_shipped_data_in_every_reading_command(tmp_path: Path) -> None:
    data = small_file(
        tmp_path,
        "one.ttl",
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
        '<https://w3id.org/itukg/id/person/ada> a foaf:Person ; foaf:name "Ada" .\n',
    )
    ontology = itukg.KnowledgeGraph.load(paths.ontology_files())
    stats = run_itukg("stats", "--format", "json", "--data", str(data), root=None)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["triples"] == len(ontology) + 2
    described = run_itukg("describe", "Ada", "--format", "nt", "--data", str(data), root=None)
    assert described.returncode == 0, described.stderr
    assert set(described.stdout.splitlines()) == {
        "<https://w3id.org/itukg/id/person/ada> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
        " <http://xmlns.com/foaf/0.1/Person> .",
        '<https://w3id.org/itukg/id/person/ada> <http://xmlns.com/foaf/0.1/name> "Ada" .',
    }
    exported = run_itukg("export", "--format", "nt", "--data", str(data), root=None)
    assert exported.returncode == 0, exported.stderr
    assert len(exported.stdout.splitlines()) == len(ontology) + 2
    asked = run_itukg(
        "sparql",
        "SELECT ?n WHERE { ?p foaf:name ?n }",
        "--format",
        "csv",
        "--data",
        str(data),
        root=None,
    )
    assert (asked.returncode, asked.stdout) == (0, "n\nAda\n")
    void = run_itukg("void", "--format", "nt", "--data", str(data), root=None)
    assert void.returncode == 0, void.stderr
    assert (
        f'<https://w3id.org/itukg/graph> <http://rdfs.org/ns/void#triples> "{len(ontology) + 2}"'
        "^^<http://www.w3.org/2001/XMLSchema#integer> ."
    ) in void.stdout.splitlines()


def test_cache_says_when_nothing_is_kept() -> None:
    done = run_itukg("cache", root=None, env={cache.ENVIRONMENT: "off"})
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "",
        "nothing is kept on disk (ITUKG_CACHE_DIR=off)\n",
    )


def test_data_is_refused_with_an_endpoint(tmp_path: Path) -> None:
    done = run_itukg(
        "query", "sub-units", "--data", "x.ttl", "--endpoint", "http://localhost:1/", root=None
    )
    assert done.returncode == 2
    assert done.stderr == (
        "itukg: error: --data loads files into the embedded store: not with --endpoint\n"
    )


def test_bad_data_is_named(tmp_path: Path) -> None:
    bad = small_file(tmp_path, "bad.ttl", "<https://example.org/a> <https://example.org/b> .\n")
    done = run_itukg("query", "sub-units", "--data", str(bad), root=None)
    assert done.returncode == 2
    assert done.stderr.startswith(f"itukg: error: {bad}:1:")
