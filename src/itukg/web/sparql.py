"""The SPARQL 1.1 Protocol at ``/sparql``: queries, the service description, and refusals.

``GET /sparql?query=...``, ``POST`` of a form with ``query=`` and ``POST`` of an
``application/sparql-query`` body run a query in the query pool (:mod:`itukg.web.sandbox`)
and answer in the format the ``Accept`` header prefers (or the ``format`` switch names).
``default-graph-uri`` and ``named-graph-uri`` choose the RDF dataset: the graph is the named
graph ``https://w3id.org/itukg/graph``, which is also the default graph when neither the
request nor the query (``FROM``) says otherwise; any other graph is empty. itukg's prefixes
are predeclared. ``GET /sparql`` without a query describes the service (W3C SPARQL 1.1
Service Description), or shows a query form to a browser.

The endpoint is read-only: an update (an ``application/sparql-update`` body, an ``update``
field, or an update sent as a query) is refused with 403 and never run. ``SERVICE`` is
refused with 400 unless the server allows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import parse_qsl, urlencode

from pyoxigraph import NamedNode, RdfFormat, parse
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from itukg.errors import LimitError, QueryError
from itukg.export import serialize_triples
from itukg.namespaces import GRAPH, PREFIXES
from itukg.results import AskResult, SelectResult
from itukg.web.links import cells, value
from itukg.web.negotiation import (
    GRAPH_FORMATS,
    GRAPH_SWITCH,
    HTML,
    RESULT_FORMATS,
    RESULT_SWITCH,
    Format,
    NotAcceptable,
    negotiate,
)
from itukg.web.protocol import has_dataset_clause, query_form, result_kind, uses_service
from itukg.web.sandbox import Job, SandboxError
from itukg.web.site import base_url, root_path, site_of

READ_ONLY = (
    "this SPARQL endpoint is read-only: SPARQL Update is not accepted, and nothing was changed"
)
NO_SERVICE = (
    "SERVICE (federated query) is not allowed on this endpoint; "
    "the server can allow it with --allow-service"
)
#: Media types of a SPARQL query or update sent directly in a POST body.
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
FORM_TYPE = "application/x-www-form-urlencoded"

Fail = Callable[[int, str], Response]
"""How a route answers an error: status and message."""


def plain_error(status: int, message: str) -> Response:
    """Return an error of the SPARQL endpoint: the message as plain text."""
    headers = {"Vary": "Accept"}
    if status == 503:
        headers["Retry-After"] = "5"
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def _body(request: Request, limit: int) -> bytes | None:
    """Return the body of *request*, or None when it is longer than *limit* bytes."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def endpoint(request: Request) -> Response:
    """Answer ``GET`` and ``POST`` on ``/sparql``."""
    site = site_of(request)
    limit = site.settings.max_query_bytes
    params: list[tuple[str, str]]
    if request.method == "POST":
        kind = _media_type(request)
        body = await _body(request, 4 * limit + 4096)
        if body is None:
            return plain_error(413, "the request is longer than this service accepts")
        if kind == UPDATE_TYPE:
            return plain_error(403, READ_ONLY)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return plain_error(400, "the request body is not UTF-8")
        if kind == FORM_TYPE:
            params = parse_qsl(text, keep_blank_values=True)
        elif kind == QUERY_TYPE:
            params = [*request.query_params.multi_items(), ("query", text)]
        else:
            return plain_error(
                415,
                f"a POST to the SPARQL endpoint must be {FORM_TYPE} or {QUERY_TYPE}, "
                f"not {kind or 'without a Content-Type'}",
            )
    else:
        params = list(request.query_params.multi_items())

    def values(key: str) -> list[str]:
        return [v for k, v in params if k == key]

    if values("update"):
        return plain_error(403, READ_ONLY)
    texts = values("query")
    switches = values("format")
    switch = switches[-1] if switches else None
    if not texts:
        if request.method == "POST":
            return plain_error(400, "no query: give the query in the 'query' field")
        return service_description(request, switch)
    if len(texts) > 1:
        return plain_error(400, "more than one query: give exactly one 'query'")
    text = texts[0]
    if len(text.encode("utf-8")) > limit:
        return plain_error(
            413, f"the query is longer than {limit} bytes, the most this service accepts"
        )
    dataset: tuple[list[str] | None, list[str] | None]
    default_graphs, named_graphs = values("default-graph-uri"), values("named-graph-uri")
    for key, iris in (("default-graph-uri", default_graphs), ("named-graph-uri", named_graphs)):
        for iri in iris:
            try:
                NamedNode(iri)
            except ValueError:
                return plain_error(400, f"{key}: '{iri}' is not an IRI")
    if default_graphs or named_graphs:
        dataset = (default_graphs, named_graphs)
    elif has_dataset_clause(text):
        dataset = (None, None)
    else:
        dataset = (None, [GRAPH])
    return await answer(request, text, dataset=dataset, switch=switch, html=True, fail=plain_error)


def offers(kind: str, html: bool) -> tuple[tuple[Format, ...], dict[str, Format], str]:
    """Return the formats of an answer of *kind* (``results`` or ``graph``), and its name."""
    if kind == "graph":
        formats: tuple[Format, ...] = GRAPH_FORMATS
        switches = dict(GRAPH_SWITCH)
        what = "graph results (CONSTRUCT, DESCRIBE)"
    else:
        formats = RESULT_FORMATS
        switches = dict(RESULT_SWITCH)
        what = "SELECT and ASK results"
    return ((*formats, HTML) if html else formats), switches, what


async def answer(
    request: Request,
    text: str,
    *,
    dataset: tuple[Sequence[str] | None, Sequence[str] | None],
    switch: str | None,
    html: bool,
    fail: Fail,
    source: str = "query",
    title: str = "Query results",
) -> Response:
    """Run the query *text* in the query pool and answer in the format the request prefers.

    Refuses updates (403) and, unless allowed, SERVICE (400), before anything runs.
    """
    site = site_of(request)
    form = query_form(text)
    if form == "update":
        return fail(403, READ_ONLY)
    if uses_service(text) and not site.settings.allow_service:
        return fail(400, NO_SERVICE)
    kind = result_kind(form)
    formats, switches, what = offers(kind, html)
    try:
        chosen = negotiate(request.headers.get("accept"), switch, formats, switches, what)
    except NotAcceptable as error:
        return fail(error.status, str(error))
    # A page shows the rows of SPARQL JSON, or the triples of N-Triples.
    wanted = ("json" if kind == "results" else "nt") if chosen is HTML else chosen.name
    job = Job(
        text=text,
        format=wanted,
        source=source,
        prefixes=PREFIXES,
        default_graph=dataset[0],
        named_graphs=dataset[1],
    )
    try:
        result = await site.run(job)
    except LimitError as error:
        return fail(
            413,
            f"the answer has more than {error.limit} {error.unit}, the most this service "
            "gives (--max-rows); ask for fewer, with LIMIT",
        )
    except QueryError as error:
        return fail(400, str(error))
    except SandboxError as error:
        return fail(error.status, str(error))
    headers = {"Vary": "Accept"}
    if chosen is HTML:
        return results_page(request, text, result.kind, result.data, title=title)
    return Response(result.data, media_type=chosen.media_type, headers=headers)


def results_page(request: Request, text: str, kind: str, data: bytes, *, title: str) -> Response:
    """Return the HTML page of a query's answer: a table whose IRIs link to their pages."""
    site = site_of(request)
    root = root_path(request)
    context: dict[str, object] = {"title": title, "query": text, "kind": kind}
    if kind == "select":
        rows = SelectResult(data)
        context["variables"] = rows.variables
        context["rows"] = [cells(row, rows.variables, root) for row in rows]
    elif kind == "ask":
        context["boolean"] = AskResult(data).value
    else:
        triples = list(parse(data, format=RdfFormat.N_TRIPLES))
        context["variables"] = ("subject", "predicate", "object")
        context["rows"] = [
            [value(t.subject, root), value(t.predicate, root), value(t.object, root)]
            for t in triples
        ]
    context["downloads"] = [
        (name, "?" + urlencode({"query": text, "format": name}))
        for name in (("json", "xml", "csv", "tsv") if kind != "graph" else ("ttl", "jsonld", "nt"))
    ]
    return site.render(request, "results.html", context, headers={"Vary": "Accept"})


# --- The service description --------------------------------------------------------------

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
#: W3C format IRIs of the result formats this endpoint gives.
RESULT_FORMAT_IRIS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "JSON-LD",
    "N-Triples",
    "RDF_XML",
)


DESCRIPTION = (
    "The linked-data knowledge graph of ITU-T Study Group 20 "
    "(IoT and smart sustainable cities), read-only."
)


def description_turtle(
    endpoint_url: str, triples: int, federation: bool, void_url: str | None = None
) -> str:
    """Return the service description of the endpoint at *endpoint_url*, in Turtle.

    *void_url* is where the VoID description of the dataset is (``rdfs:seeAlso``).
    """
    formats = " ,\n        ".join(f"formats:{name}" for name in RESULT_FORMAT_IRIS)
    feature = "    sd:feature sd:BasicFederatedQuery ;\n" if federation else ""
    see_also = f"    rdfs:seeAlso <{void_url}> ;\n" if void_url else ""
    return f"""\
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX formats: <{FORMATS_NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sd: <{SD}>
PREFIX void: <http://rdfs.org/ns/void#>

<{endpoint_url}>
    a sd:Service ;
    dcterms:title "itukg SPARQL endpoint"@en ;
    dcterms:description "{DESCRIPTION}"@en ;
    sd:endpoint <{endpoint_url}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat
        {formats} ;
{feature}{see_also}    sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;
    sd:defaultDataset [
        a sd:Dataset ;
        dcterms:title "itukg"@en ;
        sd:defaultGraph [ a sd:Graph ; void:triples {triples} ] ;
        sd:namedGraph [
            a sd:NamedGraph ;
            sd:name <{GRAPH}> ;
            sd:graph [ a sd:Graph ; void:triples {triples} ]
        ]
    ] .
"""


def service_description(request: Request, switch: str | None) -> Response:
    """Answer ``GET /sparql`` without a query: the service description, or the query form."""
    site = site_of(request)
    endpoint_url = base_url(request) + "/sparql"
    try:
        chosen = negotiate(
            request.headers.get("accept"),
            switch,
            (*GRAPH_FORMATS, HTML),
            GRAPH_SWITCH,
            "the service description",
        )
    except NotAcceptable as error:
        return plain_error(error.status, str(error))
    text = description_turtle(
        endpoint_url,
        len(site.store),
        site.settings.allow_service,
        base_url(request) + "/.well-known/void",
    )
    if chosen is HTML:
        return site.render(
            request,
            "sparql.html",
            {
                "title": "SPARQL endpoint",
                "endpoint": endpoint_url,
                "description": text,
                "example": EXAMPLE,
                "triples": len(site.store),
            },
            headers={"Vary": "Accept"},
        )
    triples = list(parse(text, format=RdfFormat.TURTLE))
    data = serialize_triples(triples, chosen.name)
    return Response(data, media_type=chosen.media_type, headers={"Vary": "Accept"})


EXAMPLE = """\
SELECT ?group ?name (COUNT(?membership) AS ?roles)
WHERE {
  ?membership org:organization ?group .
  ?group skos:prefLabel ?name .
}
GROUP BY ?group ?name
ORDER BY DESC(?roles) ?name
LIMIT 10
"""


def routes() -> list[Route]:
    """Return the routes of the SPARQL endpoint."""
    return [Route("/sparql", endpoint, methods=["GET", "POST"], name="sparql")]


__all__ = ["NO_SERVICE", "READ_ONLY", "answer", "description_turtle", "routes"]
