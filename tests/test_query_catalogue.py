"""The query machinery: headers, parameter types, binding, the catalogue, running queries.

Uses the fixture queries of ``tests/fixtures``; the shipped queries are tested elsewhere.
"""

from __future__ import annotations

import datetime
import os
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, KG
from oxigraph_server import free_port
from pyoxigraph import Literal, NamedNode, Quad, Store

from itukg import queries
from itukg.errors import InputError, QueryError, QueryHeaderError, ServiceError
from itukg.queries import Param, parse_query_file, variable_uses
from itukg.results import AskResult, GraphResult, SelectResult

XSD = "http://www.w3.org/2001/XMLSchema#"
PERSON = "https://w3id.org/itukg/id/person/"
BAD = FIXTURES / "bad-queries"


def write_query(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    return path


# --- Headers ------------------------------------------------------------------------------


def test_header_of_a_query_with_a_parameter() -> None:
    query = parse_query_file(KG / "queries" / "cross-group-people.rq")
    assert query.name == "cross-group-people"
    assert query.summary == (
        "People who hold roles in two or more distinct groups, with the number of groups."
    )
    assert query.description == ""
    assert query.params == (
        Param(
            name="min_groups",
            type="integer",
            default=2,
            description="Least number of distinct groups a person must hold roles in.",
        ),
    )
    assert not query.params[0].required


def test_header_with_description_and_required_parameter() -> None:
    query = parse_query_file(KG / "queries" / "person-named.rq")
    assert query.description == (
        "Matches foaf:name exactly; the statements of the person are built as a graph."
    )
    assert [(p.name, p.type, p.required) for p in query.params] == [("name", "string", True)]


def test_catalogue_lists_every_query_sorted() -> None:
    catalogue = queries.catalog(KG / "queries")
    assert [(q.name, [p.name for p in q.params]) for q in catalogue] == [
        ("cross-group-people", ["min_groups"]),
        ("is-member", ["person", "group"]),
        ("members-of", ["group"]),
        ("person-named", ["name"]),
    ]


BAD_HEADERS = {
    "no-header": "1: missing query header: the file must start with '#+ name: ...' lines",
    "bad-yaml": "2: invalid YAML in the query header: did not find expected ',' or ']'",
    "not-mapping": "1: the query header must be a YAML mapping",
    "unknown-key": (
        "3: unknown header key 'author' (allowed: name, summary, description, federated, params)"
    ),
    "duplicate-key": "3: duplicate header key 'summary'",
    "name-mismatch": "1: name 'another-name' does not match the file name 'name-mismatch'",
    "no-summary": "1: the query header has no 'summary'",
    "empty-summary": "2: 'summary' must be a non-empty string",
    "params-not-list": "3: 'params' must be a list of parameters",
    "param-unknown-type": (
        "5: parameter 'x' has unknown type 'float' "
        "(types: string, integer, decimal, boolean, date, iri)"
    ),
    "param-no-type": "4: parameter 'x' has no 'type'",
    "param-bad-name": "4: parameter name '2x' is not a SPARQL variable name",
    "param-unknown-key": (
        "6: unknown parameter key 'pattern' (allowed: name, type, default, description, required)"
    ),
    "param-twice": "6: parameter 'x' is declared twice",
    "param-bad-default": "6: default of parameter 'x': 'two' is not an integer",
    "param-bad-date": "6: default of parameter 'since': '2024-02-30' is not a date (YYYY-MM-DD)",
    "param-required-default": "7: parameter 'x' is required but has a default",
    "param-optional-no-default": "6: parameter 'x' is not required but has no default",
    "undeclared-var": "5: $name is not a declared parameter",
    "unused-param": "7: parameter 'y' is declared but $y does not appear in the query",
    "projected-param": (
        "7: parameter $x cannot be projected or bound (SELECT, AS, VALUES); use it in the pattern"
    ),
    "bound-param": (
        "9: parameter $x cannot be projected or bound (SELECT, AS, VALUES); use it in the pattern"
    ),
    "question-mark-param": "9: parameter 'x' is written ?x; write $x",
    "federated-not-boolean": "3: 'federated' must be true or false",
    "service-not-federated": "9: the query calls SERVICE: say 'federated: true' in the header",
    "federated-no-service": "3: the header says 'federated: true' but the query calls no SERVICE",
    "service-fixed-endpoint": (
        "6: SERVICE must name its endpoint by a parameter ($endpoint) of type iri, "
        "so that another endpoint can be given"
    ),
    "service-endpoint-not-iri": (
        "11: the endpoint of SERVICE, $endpoint, must be a parameter of type iri"
    ),
}


def test_every_bad_header_fixture_has_its_expected_error() -> None:
    fixtures = {p.stem for p in BAD.glob("*.rq")} - {"check-with-params"}
    assert fixtures == set(BAD_HEADERS)


@pytest.mark.parametrize(("name", "error"), sorted(BAD_HEADERS.items()))
def test_bad_header(name: str, error: str) -> None:
    with pytest.raises(QueryHeaderError) as caught:
        parse_query_file(BAD / f"{name}.rq")
    assert str(caught.value) == f"tests/fixtures/bad-queries/{name}.rq:{error}"


def test_a_check_takes_no_parameters() -> None:
    path = BAD / "check-with-params.rq"
    assert parse_query_file(path).name == "check-with-params"
    with pytest.raises(QueryHeaderError) as caught:
        parse_query_file(path, check=True)
    assert str(caught.value) == (
        "tests/fixtures/bad-queries/check-with-params.rq:3: a check query takes no parameters"
    )


# --- Parameter types ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "value", "term"),
    [
        ("string", "plain", '"plain"'),
        ("string", 'say "hi"', '"say \\"hi\\""'),
        ("string", "back\\slash", '"back\\\\slash"'),
        ("string", "two\nlines\r\tand tab", '"two\\nlines\\r\\tand tab"'),
        ("string", "it's", '"it\'s"'),
        ("string", "Étienne", '"Étienne"'),
        ("integer", 3, "3"),
        ("integer", "42", "42"),
        ("integer", "+7", "7"),
        ("integer", "-12", "-12"),
        ("decimal", "2.5", "2.5"),
        ("decimal", 2, "2.0"),
        ("decimal", 0.1, "0.1"),
        ("decimal", Decimal("-3.25"), "-3.25"),
        ("decimal", ".5", "0.5"),
        ("boolean", True, "true"),
        ("boolean", "FALSE", "false"),
        ("boolean", "1", "true"),
        ("date", "2024-02-29", f'"2024-02-29"^^<{XSD}date>'),
        ("date", datetime.date(2025, 1, 31), f'"2025-01-31"^^<{XSD}date>'),
        ("iri", "person:ada", f"<{PERSON}ada>"),
        ("iri", "https://example.org/a#b", "<https://example.org/a#b>"),
        ("iri", "<https://example.org/x>", "<https://example.org/x>"),
        ("iri", "mailto:sg20@itu.int", "<mailto:sg20@itu.int>"),
    ],
)
def test_parameter_terms(kind: str, value: object, term: str) -> None:
    assert Param("p", kind).term(value) == term


@pytest.mark.parametrize(
    ("kind", "value", "error"),
    [
        ("string", 3, "3 is not a string"),
        ("integer", "3.5", "'3.5' is not an integer"),
        ("integer", True, "True is not an integer"),
        ("integer", "", "'' is not an integer"),
        ("decimal", "1e3", "'1e3' is not a decimal number"),
        ("decimal", float("nan"), "nan is not a decimal number"),
        ("decimal", "abc", "'abc' is not a decimal number"),
        ("boolean", "yes", "'yes' is not a boolean (true or false)"),
        ("date", "2024-02-30", "'2024-02-30' is not a date (YYYY-MM-DD)"),
        ("date", "20240101", "'20240101' is not a date (YYYY-MM-DD)"),
        (
            "date",
            datetime.datetime(2024, 1, 1, 12, 0),
            "datetime.datetime(2024, 1, 1, 12, 0) is not a date (YYYY-MM-DD)",
        ),
        ("iri", "not an iri", "'not an iri' is not an IRI or a CURIE with a known prefix"),
        ("iri", "relative/path", "'relative/path' is not an IRI or a CURIE with a known prefix"),
        ("iri", "http://x/<y>", "'http://x/<y>' is not an IRI or a CURIE with a known prefix"),
    ],
)
def test_ill_typed_values(kind: str, value: object, error: str) -> None:
    with pytest.raises(ValueError) as caught:
        Param("p", kind).term(value)
    assert str(caught.value) == error


# --- Binding ------------------------------------------------------------------------------

UNTOUCHED = '''#+ name: untouched
#+ summary: Dollar variables in strings, IRIs and comments are text, not parameters.
#+ params:
#+   - name: x
#+     type: string
#+     default: v
SELECT ?s WHERE {   # $x in a comment
  ?s <http://example.org/$x> "$x" , '$x' , """a "$x" b""" , $x .
  FILTER(?s != $x && STR(?s)<"z")
}
'''


def test_binding_replaces_only_parameter_tokens(tmp_path: Path) -> None:
    query = parse_query_file(write_query(tmp_path, "untouched", UNTOUCHED))
    bound = ', "a\\"b\\\\c\\nd" .'
    assert query.bind({"x": 'a"b\\c\nd'}) == UNTOUCHED.replace(", $x .", bound).replace(
        "?s != $x", '?s != "a\\"b\\\\c\\nd"'
    )
    assert query.bind() == UNTOUCHED.replace(", $x .", ', "v" .').replace("?s != $x", '?s != "v"')


def test_bound_query_of_every_type_runs(tmp_path: Path) -> None:
    text = """#+ name: all-types
#+ summary: One parameter of each type.
#+ params:
#+   - {name: s, type: string, default: "a \\"quoted\\" \\\\ word"}
#+   - {name: i, type: integer, default: -3}
#+   - {name: d, type: decimal, default: 2.50}
#+   - {name: b, type: boolean, default: false}
#+   - {name: t, type: date, default: 2024-02-29}
#+   - {name: r, type: iri, default: person:ada}
SELECT * WHERE {
  BIND($s AS ?vs) BIND($i AS ?vi) BIND($d AS ?vd) BIND($b AS ?vb) BIND($t AS ?vt) BIND($r AS ?vr)
}
"""
    query = parse_query_file(write_query(tmp_path, "all-types", text))
    result = queries.run(Store(), query)
    assert isinstance(result, SelectResult)
    assert result.rows == [
        {
            "vs": Literal('a "quoted" \\ word'),
            "vi": Literal("-3", datatype=NamedNode(XSD + "integer")),
            "vd": Literal("2.5", datatype=NamedNode(XSD + "decimal")),
            "vb": Literal("false", datatype=NamedNode(XSD + "boolean")),
            "vt": Literal("2024-02-29", datatype=NamedNode(XSD + "date")),
            "vr": NamedNode(PERSON + "ada"),
        }
    ]


def test_unknown_missing_and_ill_typed_parameters() -> None:
    cross = parse_query_file(KG / "queries" / "cross-group-people.rq")
    with pytest.raises(QueryError) as caught:
        cross.bind({"min_group": 3})
    assert str(caught.value) == (
        "unknown parameter 'min_group' for query 'cross-group-people' (parameters: min_groups)"
    )
    with pytest.raises(QueryError) as caught:
        cross.bind({"min_groups": "many"})
    assert str(caught.value) == (
        "parameter 'min_groups' of query 'cross-group-people': 'many' is not an integer"
    )
    member = parse_query_file(KG / "queries" / "is-member.rq")
    with pytest.raises(QueryError) as caught:
        member.bind({"person": "person:ada"})
    assert str(caught.value) == "missing parameter 'group' for query 'is-member' (iri: The group.)"


FEDERATED = """#+ name: federated
#+ summary: Joins a local pattern with a remote one.
#+ federated: true
#+ params:
#+   - name: endpoint
#+     type: iri
#+     default: http://127.0.0.1:9/sparql
#+     description: The remote endpoint.
SELECT ?s ?o
WHERE {
  ?s <http://example.org/p> ?link .
  SERVICE SILENT $endpoint { ?link <http://example.org/q> ?o }  # not "SERVICE <x>"
}
ORDER BY ?s
"""


def test_a_federated_query(tmp_path: Path) -> None:
    query = parse_query_file(write_query(tmp_path, "federated", FEDERATED))
    assert query.federated
    assert not parse_query_file(KG / "queries" / "cross-group-people.rq").federated
    assert query.bind({"endpoint": "http://localhost:7878/query"}) == FEDERATED.replace(
        "SILENT $endpoint", "SILENT <http://localhost:7878/query>"
    )
    assert [(s.text, e.text if e else None) for s, e in queries.service_calls(FEDERATED)] == [
        ("SERVICE", "$endpoint")
    ]


def test_a_failing_service_is_a_service_error(tmp_path: Path) -> None:
    text = FEDERATED.replace("SERVICE SILENT", "SERVICE")
    query = parse_query_file(write_query(tmp_path, "federated", text))
    store = Store()
    store.add(
        Quad(
            NamedNode("http://example.org/s"),
            NamedNode("http://example.org/p"),
            NamedNode("http://example.org/l"),
        )
    )
    with pytest.raises(ServiceError) as caught:
        queries.run(store, query, {"endpoint": f"http://127.0.0.1:{free_port()}/sparql"})
    assert caught.value.exit_code == 4
    assert str(caught.value) == (
        f"{tmp_path / 'federated.rq'}: a SERVICE call failed: Connection refused"
    )


def test_variable_uses_tell_less_than_from_iris() -> None:
    text = "SELECT ?a WHERE { ?a <http://e/p> ?b FILTER(?a<?b && ?c>$d) } # ?e"
    assert [(u.name, u.binds) for u in variable_uses(text)] == [
        ("?a", True),
        ("?a", False),
        ("?b", False),
        ("?a", False),
        ("?b", False),
        ("?c", False),
        ("$d", False),
    ]


# --- Catalogue and running ----------------------------------------------------------------


def test_unknown_query_names() -> None:
    for name in ("nope", "../queries/cross-group-people", ""):
        with pytest.raises(QueryError) as caught:
            queries.get(name, KG / "queries")
        assert str(caught.value) == (
            f"unknown query '{name}' (known queries: cross-group-people, is-member, "
            "members-of, person-named)"
        )


def settled_copy(folder: Path, name: str) -> tuple[Path, str]:
    """Copy the fixture query *name* into *folder*, modified long ago; return it and its text."""
    text = (KG / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    path = folder / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    os.utime(path, (1_000_000, 1_000_000))
    return path, text


def test_a_query_file_is_read_again_only_when_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, text = settled_copy(tmp_path, "members-of")
    first = queries.get("members-of", tmp_path)
    read: list[Path] = []
    parse = queries.parse_query_file
    monkeypatch.setattr(queries, "parse_query_file", lambda p: read.append(p) or parse(p))
    monkeypatch.setattr(queries, "RECHECK_NS", 0)  # look at the file at every call
    assert queries.get("members-of", tmp_path) is first
    assert read == []
    path.write_text(text.replace("hold a", "have a"), encoding="utf-8")
    changed = queries.get("members-of", tmp_path)
    assert read == [tmp_path / "members-of.rq"]
    assert changed.summary == first.summary.replace("hold a", "have a") != first.summary
    assert queries.get("members-of", tmp_path) is changed  # changed just now: read every time
    assert len(read) == 2
    path.unlink()
    with pytest.raises(QueryError, match="unknown query 'members-of'"):
        queries.get("members-of", tmp_path)


def test_a_query_file_read_is_trusted_for_a_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, text = settled_copy(tmp_path, "members-of")
    clock = [10**12]
    monkeypatch.setattr(queries.time, "monotonic_ns", lambda: clock[0])
    first = queries.get("members-of", tmp_path)
    path.write_text(text.replace("hold a", "have a"), encoding="utf-8")
    os.utime(path, (2_000_000, 2_000_000))
    clock[0] += queries.RECHECK_NS - 1
    assert queries.get("members-of", tmp_path) is first
    clock[0] += 1
    assert queries.get("members-of", tmp_path).summary == first.summary.replace("hold a", "have a")


def test_cross_group_people(kg_store: Store) -> None:
    query = queries.get("cross-group-people", KG / "queries")
    integer = NamedNode(XSD + "integer")
    result = queries.run(kg_store, query)
    assert isinstance(result, SelectResult)
    assert result.variables == ("person", "name", "groups")
    assert result.rows == [
        {
            "person": NamedNode(PERSON + "ada"),
            "name": Literal("Ada Lovelace"),
            "groups": Literal("3", datatype=integer),
        },
        {
            "person": NamedNode(PERSON + "bob"),
            "name": Literal("Bob Étienne"),
            "groups": Literal("2", datatype=integer),
        },
    ]
    result = queries.run(kg_store, query, {"min_groups": "3"})
    assert isinstance(result, SelectResult)
    assert result.column("person") == [NamedNode(PERSON + "ada")]


def test_ask_and_construct(kg_store: Store) -> None:
    member = queries.get("is-member", KG / "queries")
    answer = queries.run(kg_store, member, {"person": "person:carla", "group": "itorg:wp2"})
    assert isinstance(answer, AskResult) and answer.value is True
    answer = queries.run(kg_store, member, {"person": "person:carla", "group": "itorg:sg20"})
    assert isinstance(answer, AskResult) and answer.value is False
    named = queries.get("person-named", KG / "queries")
    graph = queries.run(kg_store, named, {"name": "Carla Díaz"})
    assert isinstance(graph, GraphResult)
    assert sorted(str(t) for t in graph) == [
        f"<{PERSON}carla> <http://www.w3.org/ns/org#memberOf> <https://w3id.org/itukg/id/org/wp2>",
        f'<{PERSON}carla> <http://xmlns.com/foaf/0.1/name> "Carla Díaz"',
    ]


def test_invalid_sparql_names_the_file(tmp_path: Path) -> None:
    text = "#+ name: broken\n#+ summary: Broken.\nSELECT ?s WHERE { ?s ?p }\n"
    path = write_query(tmp_path, "broken", text)
    with pytest.raises(QueryError) as caught:
        queries.run(Store(), parse_query_file(path))
    assert str(caught.value) == f"{path}:4:1: invalid SPARQL: expected OPTIONAL"


def test_unreadable_query_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.rq"
    path.write_bytes(b"#+ name: latin1\n#+ summary: caf\xe9\nASK {}\n")
    with pytest.raises(InputError) as caught:
        parse_query_file(path)
    assert str(caught.value) == f"{path}:2: not valid UTF-8"
