from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KG, REPO, run_itukg

from itukg.__about__ import __version__

BLANK = re.compile(r"_:[0-9a-f]+")
CROSS_TABLE = (
    "person      name          groups\n"
    "----------  ------------  ------\n"
    "person:ada  Ada Lovelace       3\n"
    "person:bob  Bob Étienne        2\n"
)


def test_version() -> None:
    done = run_itukg("--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"itukg {__version__}\n", "")


def test_query_table() -> None:
    done = run_itukg("query", "cross-group-people")
    assert (done.returncode, done.stdout, done.stderr) == (0, CROSS_TABLE, "2 rows\n")


def test_query_with_a_parameter_as_csv() -> None:
    done = run_itukg("query", "cross-group-people", "--param", "min_groups=3", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "person,name,groups\nhttps://w3id.org/itukg/id/person/ada,Ada Lovelace,3\n"
    )


def test_query_ask_and_construct() -> None:
    done = run_itukg("query", "is-member", "-p", "person=person:ada", "-p", "group=itorg:wp1")
    assert (done.returncode, done.stdout) == (0, "true\n")
    done = run_itukg("query", "person-named", "-p", "name=Carla Díaz", "--format", "nt")
    assert done.returncode == 0, done.stderr
    assert sorted(done.stdout.splitlines()) == [
        "<https://w3id.org/itukg/id/person/carla> <http://www.w3.org/ns/org#memberOf> "
        "<https://w3id.org/itukg/id/org/wp2> .",
        '<https://w3id.org/itukg/id/person/carla> <http://xmlns.com/foaf/0.1/name> "Carla Díaz" .',
    ]


def test_query_list() -> None:
    done = run_itukg("query", "--list")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "cross-group-people\n"
        "    People who hold roles in two or more distinct groups, with the number of groups.\n"
        "    --param min_groups=<integer>  (default 2): Least number of distinct groups a person "
        "must hold roles in.\n"
        "is-member\n"
        "    Whether a person holds a role in a group.\n"
        "    --param person=<iri>  (required): The person.\n"
        "    --param group=<iri>  (required): The group.\n"
        "members-of\n"
        "    The people who hold a role in a group, with their role.\n"
        '    --param group=<iri>  (default "itorg:sg20"): The group, as an IRI or a CURIE.\n'
        "person-named\n"
        "    The person with a given name, and the groups of that person.\n"
        "    --param name=<string>  (required): The name, exactly as written.\n"
    )


BAD_INPUT = [
    (
        ["query", "nope"],
        "unknown query 'nope' (known queries: cross-group-people, is-member, members-of, "
        "person-named)",
    ),
    (
        ["query", "person-named"],
        "missing parameter 'name' for query 'person-named' (string: The name, exactly as written.)",
    ),
    (
        ["query", "cross-group-people", "-p", "min_groups=many"],
        "parameter 'min_groups' of query 'cross-group-people': 'many' is not an integer",
    ),
    (
        ["query", "cross-group-people", "-p", "min_group=3"],
        "unknown parameter 'min_group' for query 'cross-group-people' (parameters: min_groups)",
    ),
    (
        ["query", "cross-group-people", "-p", "min_groups"],
        "--param expects KEY=VALUE, got 'min_groups'",
    ),
    (
        ["query", "cross-group-people", "--format", "turtle"],
        "format 'turtle' does not apply to SELECT results (choose from table, csv, tsv, json, xml)",
    ),
    (["query"], "a query name is required (see 'itukg query --list')"),
    (["validate", "missing.ttl"], "missing.ttl: No such file or directory"),
    (["validate", "tests/fixtures"], "tests/fixtures: Is a directory"),
    (
        ["validate", "tests/fixtures/bad-turtle.ttl"],
        "tests/fixtures/bad-turtle.ttl:6:15: Unexpected end of file",
    ),
    (
        ["sparql", "SELECT * WHERE { ?s ?p }"],
        "query:1:25: invalid SPARQL: expected one of LATERAL, SERVICE",
    ),
    (["sparql", "missing.rq"], "missing.rq: No such file or directory"),
    (
        ["describe", "Jane Doe"],
        "'Jane Doe' names 2 things: person:jane-doe-1 (Jane Doe), person:jane-doe-2 (Jane Doe); "
        "give an IRI or a CURIE",
    ),
    (["describe", "person:zed"], "nothing in the graph is called person:zed"),
    ([], "the following arguments are required: COMMAND (see 'itukg --help')"),
    (
        ["export", "--format", "rdfa"],
        "argument -f/--format: unknown format 'rdfa' (choose from turtle, nt, nq, trig, xml, n3, "
        "json-ld, sssom) (see 'itukg export --help')",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    done = run_itukg(*args)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"itukg: error: {message}\n")


def test_bad_query_header_in_the_catalogue(tmp_path: Path) -> None:
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "broken.rq").write_text("#+ name: other\n#+ summary: x\nASK {}\n")
    done = run_itukg("query", "broken", root=tmp_path)
    message = "queries/broken.rq:1: name 'other' does not match the file name 'broken'"
    assert (done.returncode, done.stderr) == (2, f"itukg: error: {message}\n")
    done = run_itukg("query", "--list", root=tmp_path)
    assert (done.returncode, done.stderr) == (2, f"itukg: error: {message}\n")


def test_validate_exit_codes() -> None:
    done = run_itukg("validate", "tests/fixtures/invalid/people-valid.ttl")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "0 violations, 0 warnings, 0 infos (2 data files, 1 shape file, 1 check): conforms\n"
    )
    done = run_itukg("validate")
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines()[0] == "Violation: person:jane-doe-1"
    assert done.stdout.splitlines()[-1] == (
        "2 violations, 0 warnings, 0 infos (3 data files, 1 shape file, 1 check): does not conform"
    )
    done = run_itukg("validate", "tests/fixtures/invalid/people-invalid.ttl", "--format", "json")
    assert done.returncode == 1
    assert [r["focus"] for r in json.loads(done.stdout)["results"]] == [
        "membership:twice-named-nowhere",
        "person:nameless",
        "person:nameless",
        "person:twice-named",
    ]


def test_sparql_text_file_and_stdin(tmp_path: Path) -> None:
    text = "SELECT ?name WHERE { person:ada foaf:name ?name }"
    expected = "name\n------------\nAda Lovelace\n"
    done = run_itukg("sparql", text)
    assert (done.returncode, done.stdout, done.stderr) == (0, expected, "1 row\n")
    query = tmp_path / "ada.rq"
    query.write_text(text)
    done = run_itukg("sparql", str(query))
    assert (done.returncode, done.stdout) == (0, expected)
    done = run_itukg("sparql", "-", "--format", "tsv", stdin=text)
    assert (done.returncode, done.stdout) == (0, '?name\n"Ada Lovelace"\n')


def test_export_to_stdout_and_file(tmp_path: Path) -> None:
    to_stdout = run_itukg("export", "--format", "nt")
    assert to_stdout.returncode == 0
    assert len(to_stdout.stdout.splitlines()) == 64
    target = tmp_path / "kg.nt"
    done = run_itukg("export", "--format", "nt", "-o", str(target))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    written = target.read_text(encoding="utf-8")
    assert sorted(BLANK.sub("_:b", line) for line in written.splitlines()) == sorted(
        BLANK.sub("_:b", line) for line in to_stdout.stdout.splitlines()
    )
    done = run_itukg("export", "-o", str(tmp_path / "no" / "kg.ttl"))
    assert (done.returncode, done.stderr) == (
        2,
        f"itukg: error: {tmp_path / 'no' / 'kg.ttl'}: cannot write: No such file or directory\n",
    )


def test_describe_and_stats() -> None:
    done = run_itukg("describe", "robert etienne")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:4] == [
        "Bob Étienne",
        "  iri:   https://w3id.org/itukg/id/person/bob",
        "  curie: person:bob",
        "  type:  foaf:Person",
    ]
    done = run_itukg("describe", "person:bob", "--format", "json-ld")
    assert done.returncode == 0, done.stderr
    graph = json.loads(done.stdout)["@graph"]
    assert {node["@id"] for node in graph} == {
        "person:bob",
        "membership:bob-sg20",
        "membership:bob-wp1",
    }
    done = run_itukg("stats", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["triples"] == 64


def test_errors_name_files_as_given_from_another_directory(tmp_path: Path) -> None:
    (tmp_path / "local.ttl").write_text("<http://example.org/a> <http://example.org/b> .\n")
    done = run_itukg("validate", "local.ttl", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (
        2,
        "itukg: error: local.ttl:1:47: . is not a valid RDF object\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ["query", "cross-group-people"],
        ["sparql", "ASK { ?s ?p ?o }"],
        ["stats"],
        ["describe", "person:ada"],
        ["query", "--list"],
    ],
)
def test_fast_commands_do_not_import_rdflib(args: list[str]) -> None:
    code = (
        "import sys, io\n"
        "from itukg.cli import main\n"
        "sys.stdout = io.TextIOWrapper(io.BytesIO())\n"
        f"status = main({args!r})\n"
        "heavy = {'rdflib', 'pyshacl', 'starlette', 'uvicorn', 'jinja2'}\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & heavy)\n"
        "sys.stderr.write(f'{status} {heavy}\\n')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "ITUKG_ROOT": str(KG)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.stderr.splitlines()[-1] == "0 []"


def test_unexpected_errors_are_one_line_too(
    kg_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from itukg import cli, stats

    def broken(store: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(stats, "stats", broken)
    monkeypatch.delenv("ITUKG_DEBUG", raising=False)
    assert cli.main(["stats"]) == 3
    assert capsys.readouterr().err == (
        "itukg: error: internal error: RuntimeError: boom (ITUKG_DEBUG=1 shows more)\n"
    )
