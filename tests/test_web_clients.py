"""Standard SPARQL clients against a real ``itukg serve``: the answers of the embedded store.

SPARQLWrapper (JSON results by GET and by POST; XML, CSV, TSV) and rdflib's read-only
``SPARQLStore`` (XML and JSON results) ask the server over HTTP every canned query, bound
with its default parameters and sent as plain SPARQL, and get exactly the rows that
``itukg.load().query(name)`` gives, term by term; an ASK and a CONSTRUCT give the embedded
store's boolean and graph (isomorphic, blank nodes and all). An update sent by a client is
refused, and nothing changes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from urllib.error import HTTPError
from xml.dom.minidom import Document, Element, Text

import pytest
import rdflib
from itukg_server import ItukgServer
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

import itukg
from itukg import queries
from itukg.results import AskResult, GraphResult, SelectResult

#: The canned queries but the federated ones, which this server refuses (no --allow-service);
#: test_federated.py asks them of a server that allows them.
NAMES = [query.name for query in queries.catalog() if not query.federated]

#: Cells that GROUP_CONCAT joins with "; ". SPARQL 1.1 leaves the order of the values it joins
#: to the implementation (and the queries say "in no particular order"), so these cells are
#: compared as sorted lists of their parts; every other cell is compared as it is.
CONCATENATED = {
    "cross-group-people": ("group_names",),
    "shared-affiliations": ("group_names", "people_names"),
}

ASKS = [
    ("ASK { ?m org:member person:ali-abbassene ; org:organization itorg:sg20rg-arb }", True),
    ("ASK { ?m org:member person:ali-abbassene ; org:organization itorg:sg20rg-eecat }", False),
]
#: A blank node for each of Ali Abbassene's roles: only an isomorphism can compare the graphs.
CONSTRUCT = """
CONSTRUCT {
  ?group skos:prefLabel ?name ;
         org:hasMembership [ org:member person:ali-abbassene ; org:role ?role ] .
  ?role skos:prefLabel ?role_name .
}
WHERE {
  ?m org:member person:ali-abbassene ; org:organization ?group ; org:role ?role .
  ?group skos:prefLabel ?name .
  ?role skos:prefLabel ?role_name .
}
"""
#: Three groups (a label and a membership each), three memberships (two triples each), a role.
CONSTRUCT_TRIPLES = 13

Binding = dict[str, dict[str, str]]


@pytest.fixture(scope="module")
def kg() -> itukg.KnowledgeGraph:
    return itukg.load()


def expected_select(kg: itukg.KnowledgeGraph, name: str) -> tuple[list[str], list[Binding]]:
    """The variables and rows of a canned query on the embedded store, as W3C JSON terms."""
    result = kg.query(name)
    assert isinstance(result, SelectResult)
    data = json.loads(result.json)
    assert data["results"]["bindings"], f"{name} answers no rows: nothing to compare"
    return data["head"]["vars"], data["results"]["bindings"]


def comparable(name: str, rows: list[Binding]) -> list[Binding]:
    """*rows* with the GROUP_CONCAT cells of query *name* as sorted lists of their parts."""
    found: list[Binding] = []
    for row in rows:
        row = {variable: dict(term) for variable, term in row.items()}
        for variable in CONCATENATED.get(name, ()):
            if variable in row:
                row[variable]["value"] = sorted(row[variable]["value"].split("; "))
        found.append(row)
    return found


def comparable_values(name: str, variables: list[str], rows: list[list[str]]) -> list[list[Any]]:
    """CSV rows (strings) with the GROUP_CONCAT cells of *name* as sorted lists of parts."""
    concatenated = {variables.index(v) for v in CONCATENATED.get(name, ())}
    return [
        [sorted(cell.split("; ")) if i in concatenated else cell for i, cell in enumerate(row)]
        for row in rows
    ]


# --- Terms as W3C SPARQL JSON -------------------------------------------------------------


def json_of_rdflib(term: rdflib.term.Node) -> dict[str, str]:
    """An rdflib term as SPARQL 1.1 Query Results JSON writes it."""
    if isinstance(term, rdflib.URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, rdflib.BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, rdflib.Literal), term
    found = {"type": "literal", "value": str(term)}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype is not None:
        found["datatype"] = str(term.datatype)
    return found


def children_of(node: Element) -> list[Element]:
    return [child for child in node.childNodes if isinstance(child, Element)]


def text_of(node: Element) -> str:
    return "".join(child.data for child in node.childNodes if isinstance(child, Text))


def json_of_xml(document: Document) -> tuple[list[str], list[Binding]]:
    """The variables and rows of SPARQL Query Results XML (as SPARQLWrapper gives it)."""
    variables = [v.getAttribute("name") for v in document.getElementsByTagName("variable")]
    rows = []
    for result in document.getElementsByTagName("result"):
        row = {}
        for binding in children_of(result):
            (term,) = children_of(binding)
            found = {"type": term.tagName, "value": text_of(term)}
            if term.hasAttribute("xml:lang"):
                found["xml:lang"] = term.getAttribute("xml:lang")
            if term.hasAttribute("datatype"):
                found["datatype"] = term.getAttribute("datatype")
            row[binding.getAttribute("name")] = found
        rows.append(row)
    return variables, rows


def rdflib_graph(result: GraphResult) -> rdflib.Graph:
    return rdflib.Graph().parse(data=result.serialize("nt"), format="nt")


def assert_isomorphic(got: rdflib.Graph, expected: rdflib.Graph) -> None:
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail(
            "the graphs differ:\nonly in the answer:\n"
            + only_got.serialize(format="nt")
            + "only in the embedded store's:\n"
            + only_expected.serialize(format="nt")
        )


# --- SPARQLWrapper ------------------------------------------------------------------------


def sent(name: str) -> str:
    """The canned query *name* as SPARQLWrapper is given it: bound, without its header."""
    text = without_comment_lines(queries.get(name).bind())
    assert text.lstrip().startswith("PREFIX")
    return text


def without_comment_lines(text: str) -> str:
    """*text* without its lines of comments (the header of a canned query).

    SPARQLWrapper 2.0 tells a query from an update by the first keyword it finds anywhere in
    the text, with only every other comment line removed: the words of a header ("address"
    reads as ADD, "task" as ASK) would send a SELECT as an update (RDFLib/sparqlwrapper#232).
    """
    return "".join(
        line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("#")
    )


def wrapper(server: ItukgServer, text: str, form: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(server.sparql_url)
    client.setQuery(text)
    client.setReturnFormat(form)
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", ["GET", POST])
@pytest.mark.parametrize("name", NAMES)
def test_sparqlwrapper_json_gives_the_rows_of_the_embedded_store(
    live_server: ItukgServer, kg: itukg.KnowledgeGraph, name: str, method: str
) -> None:
    variables, rows = expected_select(kg, name)
    answer = wrapper(live_server, sent(name), JSON, method).queryAndConvert()
    assert isinstance(answer, dict)
    assert answer["head"]["vars"] == variables
    assert comparable(name, answer["results"]["bindings"]) == comparable(name, rows)


@pytest.mark.parametrize("name", NAMES)
def test_sparqlwrapper_xml_gives_the_rows_of_the_embedded_store(
    live_server: ItukgServer, kg: itukg.KnowledgeGraph, name: str
) -> None:
    variables, rows = expected_select(kg, name)
    answer = wrapper(live_server, sent(name), XML).queryAndConvert()
    assert isinstance(answer, Document)
    got_variables, got_rows = json_of_xml(answer)
    assert got_variables == variables
    assert comparable(name, got_rows) == comparable(name, rows)


@pytest.mark.parametrize("name", NAMES)
def test_sparqlwrapper_csv_gives_the_values_of_the_embedded_store(
    live_server: ItukgServer, kg: itukg.KnowledgeGraph, name: str
) -> None:
    variables, rows = expected_select(kg, name)
    answer = wrapper(live_server, sent(name), CSV).queryAndConvert()
    assert isinstance(answer, bytes)
    header, *got = list(csv.reader(io.StringIO(answer.decode("utf-8"), newline="")))
    assert header == variables
    # CSV keeps the value of each term and nothing else: an unbound variable is empty.
    values = [[row[v]["value"] if v in row else "" for v in variables] for row in rows]
    assert comparable_values(name, variables, got) == comparable_values(name, variables, values)


@pytest.mark.parametrize("name", NAMES)
def test_sparqlwrapper_tsv_gives_the_terms_of_the_embedded_store(
    live_server: ItukgServer, kg: itukg.KnowledgeGraph, name: str
) -> None:
    variables, _ = expected_select(kg, name)
    answer = wrapper(live_server, sent(name), TSV).queryAndConvert()
    assert isinstance(answer, bytes)
    # TSV writes each term in SPARQL's syntax: compare with the embedded store's TSV.
    header, *got = tsv_rows(answer)
    expected_header, *expected = tsv_rows(kg.query(name).serialize("tsv"))
    assert header == expected_header == ["?" + v for v in variables]
    assert comparable_values(name, variables, got) == comparable_values(name, variables, expected)


def tsv_rows(data: bytes) -> list[list[str]]:
    """The cells of SPARQL TSV results; a GROUP_CONCAT cell is a quoted string, unquoted here."""
    rows = [line.split("\t") for line in data.decode("utf-8").splitlines()]
    return [[cell.removeprefix('"').removesuffix('"') for cell in row] for row in rows]


@pytest.mark.parametrize(("text", "expected"), ASKS)
@pytest.mark.parametrize("form", [JSON, XML])
def test_sparqlwrapper_ask(
    live_server: ItukgServer, kg: itukg.KnowledgeGraph, text: str, expected: bool, form: str
) -> None:
    embedded = kg.sparql(text)
    assert isinstance(embedded, AskResult)
    assert bool(embedded) is expected
    answer = wrapper(live_server, text, form).queryAndConvert()
    if form == JSON:
        assert answer == {"head": {}, "boolean": expected}
    else:
        assert isinstance(answer, Document)
        (boolean,) = answer.getElementsByTagName("boolean")
        assert text_of(boolean) == str(expected).lower()


# SPARQLWrapper also names the format in the query string, for TSV, JSON-LD and RDF/XML as
# a media type (format=json-ld&format=application/ld+json,...): the switch reads it as Accept.
@pytest.mark.parametrize("form", [TURTLE, XML, RDFXML, JSONLD])
def test_sparqlwrapper_construct(
    live_server: ItukgServer, kg: itukg.KnowledgeGraph, form: str
) -> None:
    embedded = kg.sparql(CONSTRUCT)
    assert isinstance(embedded, GraphResult)
    assert len(embedded) == CONSTRUCT_TRIPLES
    answer = wrapper(live_server, CONSTRUCT, form).queryAndConvert()
    if form == TURTLE:
        assert isinstance(answer, bytes)
        answer = rdflib.Graph().parse(data=answer, format="turtle")
    assert isinstance(answer, rdflib.Graph)
    assert len(answer) == CONSTRUCT_TRIPLES
    assert_isomorphic(answer, rdflib_graph(embedded))


def test_sparqlwrapper_update_is_refused(live_server: ItukgServer) -> None:
    insert = "INSERT DATA { person:ali-abbassene foaf:nick 'intruder' }"
    with pytest.raises(HTTPError) as raised:
        wrapper(live_server, insert, JSON, POST).query()
    assert raised.value.code == 403
    assert raised.value.read().decode() == (
        "this SPARQL endpoint is read-only: "
        "SPARQL Update is not accepted, and nothing was changed\n"
    )
    nick = "ASK { person:ali-abbassene foaf:nick ?nick }"
    assert wrapper(live_server, nick, JSON).queryAndConvert() == {"head": {}, "boolean": False}


# --- rdflib's SPARQLStore -----------------------------------------------------------------


def store_graph(server: ItukgServer, form: str) -> rdflib.Graph:
    """A read-only rdflib graph over the server's endpoint, asking for *form* results."""
    return rdflib.Graph(store=SPARQLStore(server.sparql_url, returnFormat=form))


@pytest.mark.parametrize("form", ["xml", "json"])
@pytest.mark.parametrize("name", NAMES)
def test_rdflib_sparqlstore_gives_the_rows_of_the_embedded_store(
    live_server: ItukgServer, kg: itukg.KnowledgeGraph, name: str, form: str
) -> None:
    variables, rows = expected_select(kg, name)
    result = store_graph(live_server, form).query(queries.get(name).bind())
    assert result.type == "SELECT"
    assert [str(v) for v in result.vars or ()] == variables
    got = [
        {
            v: json_of_rdflib(term)
            for v, term in zip(variables, row, strict=True)
            if term is not None
        }
        for row in result
    ]
    assert comparable(name, got) == comparable(name, rows)


@pytest.mark.parametrize(("text", "expected"), ASKS)
def test_rdflib_sparqlstore_ask(live_server: ItukgServer, text: str, expected: bool) -> None:
    result = store_graph(live_server, "xml").query(text)
    assert result.type == "ASK"
    assert result.askAnswer is expected


def test_rdflib_sparqlstore_construct(live_server: ItukgServer, kg: itukg.KnowledgeGraph) -> None:
    embedded = kg.sparql(CONSTRUCT)
    assert isinstance(embedded, GraphResult)
    result = store_graph(live_server, "xml").query(CONSTRUCT)
    assert result.type == "CONSTRUCT"
    assert result.graph is not None
    assert len(result.graph) == CONSTRUCT_TRIPLES
    assert_isomorphic(result.graph, rdflib_graph(embedded))


def test_rdflib_sparqlstore_sees_the_whole_graph(
    live_server: ItukgServer, kg: itukg.KnowledgeGraph
) -> None:
    assert len(store_graph(live_server, "xml")) == len(kg)
