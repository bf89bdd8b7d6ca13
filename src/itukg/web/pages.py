"""Pages for people, and the RDF of every thing.

Home, search, canned queries, the organisation chart, the page of each thing (``/id/...``),
the ontology, the whole graph, its mapping sets as SSSOM/TSV (``/mappings/<name>.sssom.tsv``)
and its VoID and DCAT description (``/.well-known/void``).

A thing's IRI is dereferenced by content negotiation on ``Accept``: HTML for a browser,
Turtle, JSON-LD, N-Triples or RDF/XML for a program (``Vary: Accept``). A link can choose
with the format switch ``?format=html|ttl|jsonld|nt|rdf``.
"""

from __future__ import annotations

import contextlib
from urllib.parse import urlencode

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, RdfFormat, parse
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from itukg import describe, sssom, terms, void
from itukg.errors import LimitError, QueryError, ResolveError
from itukg.export import serialize, serialize_triples
from itukg.namespaces import GRAPH, ID, MAPPINGS, ONTOLOGY, PREFIXES
from itukg.queries import CannedQuery
from itukg.results import AskResult, SelectResult
from itukg.web import ontology, orgchart, schemaorg, things
from itukg.web.api import values_of
from itukg.web.links import Value, cells, href, value
from itukg.web.negotiation import (
    GRAPH_FORMATS,
    GRAPH_SWITCH,
    HTML,
    Format,
    NotAcceptable,
    negotiate,
)
from itukg.web.protocol import query_form, result_kind, uses_service
from itukg.web.sandbox import Job, SandboxError
from itukg.web.site import base_url, error_page, root_path, site_of
from itukg.web.sparql import NO_SERVICE

RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")

#: Formats of a thing's description, the default (for ``*/*``) first.
THING_FORMATS: tuple[Format, ...] = (*GRAPH_FORMATS, HTML)
#: The most things a search page lists.
SEARCH_LIMIT = 200
#: Extensions of the files of the whole graph, by format.
EXTENSIONS = {"turtle": "ttl", "json-ld": "jsonld", "nt": "nt", "xml": "rdf"}


def _alternates(path: str) -> str:
    """Return the ``Link`` header naming the other formats of the page at *path*."""
    return ", ".join(
        f'<{path}?format={switch}>; rel="alternate"; type="{fmt.media_type}"'
        for switch, fmt in (
            ("html", HTML),
            ("ttl", GRAPH_FORMATS[0]),
            ("jsonld", GRAPH_FORMATS[1]),
            ("nt", GRAPH_FORMATS[2]),
            ("rdf", GRAPH_FORMATS[3]),
        )
    )


def _choose(request: Request, formats: tuple[Format, ...], what: str) -> Format:
    return negotiate(
        request.headers.get("accept"),
        request.query_params.get("format"),
        formats,
        GRAPH_SWITCH,
        what,
    )


def home(request: Request) -> Response:
    """Answer ``GET /``."""
    site = site_of(request)
    root = root_path(request)
    figures = site.stats()
    classes = [
        (name, f"{root}/search?{urlencode({'type': name})}", count)
        for name, count in figures.classes
    ]
    base = base_url(request)
    dataset = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": GRAPH,
        "name": "itukg: the knowledge graph of ITU-T Study Group 20",
        "description": "Linked data on ITU-T Study Group 20 (IoT and smart sustainable "
        "cities): its groups, the people who lead them, resolutions, Recommendations and "
        "meetings, each traced to its source.",
        "url": f"{base}/",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "isAccessibleForFree": True,
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": fmt.media_type,
                "contentUrl": f"{base}/graph?format={switch}",
            }
            for switch, fmt in zip(("ttl", "jsonld", "nt", "rdf"), GRAPH_FORMATS, strict=True)
        ],
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{base}/search?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }
    return site.render(
        request,
        "home.html",
        {
            "title": "itukg",
            "stats": figures,
            "classes": classes,
            "queries": list(site.catalogue.values()),
            "schema": schemaorg.script_text(dataset),
        },
    )


def search(request: Request) -> Response:
    """Answer ``GET /search?q=&type=``: the things whose names contain the text.

    ``type`` (a CURIE or an IRI) keeps the things of that class; alone, it lists them all.
    """
    site = site_of(request)
    root = root_path(request)
    text = request.query_params.get("q", "").strip()
    kind = request.query_params.get("type", "").strip()
    matches = describe.search(site.store, text) if text else []
    if kind:
        iri = terms.expand(kind) or kind
        members: set[NamedNode | BlankNode] = set()
        with contextlib.suppress(ValueError):  # not an IRI: no things
            members = {
                q.subject
                for q in site.store.quads_for_pattern(
                    None, RDF_TYPE, NamedNode(iri), DefaultGraph()
                )
                if isinstance(q.subject, NamedNode | BlankNode)
            }
        if text:
            matches = [m for m in matches if m.node in members]
        else:
            matches = sorted(
                (describe.Match(node, describe.label(site.store, node), "") for node in members),
                key=lambda m: (describe.normalize(m.label or terms.show(m.node)), str(m.node)),
            )
    found = [
        {
            "thing": value(m.node, root, m.label),
            "name": m.name if m.name and m.name != m.label else None,
            "types": sorted(
                terms.show(q.object)
                for q in site.store.quads_for_pattern(m.node, RDF_TYPE, None, DefaultGraph())
            ),
        }
        for m in matches[:SEARCH_LIMIT]
    ]
    title = "Search" + (f": {text}" if text else "") + (f" ({kind})" if kind else "")
    return site.render(
        request,
        "search.html",
        {"title": title, "q": text, "type": kind, "found": found, "total": len(matches)},
    )


def _description(request: Request, node: NamedNode) -> Response:
    """Answer a request for the thing *node*: its page or its RDF."""
    site = site_of(request)
    root = root_path(request)
    path = request.url.path
    try:
        chosen = _choose(request, THING_FORMATS, "a thing's description")
    except NotAcceptable as error:
        return error_page(request, error.status, str(error))
    headers = {"Vary": "Accept", "Link": _alternates(path)}
    if chosen is HTML:
        view = things.thing(site.store, node, root)
        script = schemaorg.script_text(schemaorg.schema_org(site.store, node))
        return site.render(
            request,
            "thing.html",
            {"title": view.label, "thing": view, "schema": script},
            headers=headers,
        )
    data = serialize_triples(describe.triples_about(site.store, node), chosen.name)
    return Response(data, media_type=chosen.media_type, headers=headers)


def thing(request: Request) -> Response:
    """Answer ``GET /id/{kind}/{slug}`` (or deeper): the thing ``https://w3id.org/itukg/id/...``."""
    site = site_of(request)
    iri = ID + request.path_params["path"]
    try:
        node = describe.resolve(site.store, f"<{iri}>")
    except ResolveError as error:
        return error_page(request, 404, str(error))
    assert isinstance(node, NamedNode)
    return _description(request, node)


def ontology_page(request: Request) -> Response:
    """Answer ``GET /ontology`` (and its version IRI): the ontology, as a page or as RDF."""
    site = site_of(request)
    version = request.path_params.get("version")
    if version is not None:
        versions = {
            q.object.value
            for q in site.store.quads_for_pattern(
                NamedNode(ONTOLOGY), NamedNode(PREFIXES["owl"] + "versionIRI"), None, DefaultGraph()
            )
            if isinstance(q.object, NamedNode)
        }
        if f"{ONTOLOGY}/{version}" not in versions:
            return error_page(request, 404, f"no version {version} of the ontology")
    try:
        chosen = _choose(request, THING_FORMATS, "the ontology")
    except NotAcceptable as error:
        return error_page(request, error.status, str(error))
    headers = {"Vary": "Accept", "Link": _alternates(request.url.path)}
    if chosen is HTML:
        view = ontology.ontology(site.store, root_path(request))
        script = schemaorg.script_text(
            {
                "@context": "https://schema.org",
                "@type": "DefinedTermSet",
                "@id": ONTOLOGY,
                "name": view.title,
                "url": ONTOLOGY,
                **({"description": view.description} if view.description else {}),
            }
        )
        return site.render(
            request,
            "ontology.html",
            {"title": view.title, "ontology": view, "schema": script},
            headers=headers,
        )
    data = serialize_triples(ontology.triples(site.store), chosen.name)
    return Response(data, media_type=chosen.media_type, headers=headers)


def graph(request: Request) -> Response:
    """Answer ``GET /graph``: the whole graph (``https://w3id.org/itukg/graph``)."""
    site = site_of(request)
    try:
        chosen = _choose(request, GRAPH_FORMATS, "the whole graph")
    except NotAcceptable as error:
        return error_page(request, error.status, str(error))
    key = ("graph", chosen.name)
    data = site.cache.get(key)
    if not isinstance(data, bytes):
        data = serialize(site.store, chosen.name)
        site.cache[key] = data
    return Response(
        data,
        media_type=chosen.media_type,
        headers={
            "Vary": "Accept",
            "Content-Disposition": f'inline; filename="itukg.{EXTENSIONS[chosen.name]}"',
        },
    )


def void_description(request: Request) -> Response:
    """Answer ``GET /.well-known/void``: the VoID and DCAT description, with this server's URLs."""
    site = site_of(request)
    try:
        chosen = _choose(request, GRAPH_FORMATS, "the dataset description")
    except NotAcceptable as error:
        return error_page(request, error.status, str(error))
    base = base_url(request)
    key = ("void", base, chosen.name)
    data = site.cache.get(key)
    if not isinstance(data, bytes):
        data = void.serialize(site.store, chosen.name, base)
        site.cache[key] = data
    return Response(data, media_type=chosen.media_type, headers={"Vary": "Accept"})


def mapping_set(request: Request) -> Response:
    """Answer ``GET /mappings/{name}``: the mapping set ``https://w3id.org/itukg/mappings/NAME``.

    The set is written back from the graph as SSSOM/TSV, as ``itukg export --format sssom``
    writes it.
    """
    site = site_of(request)
    iri = MAPPINGS + request.path_params["name"]
    key = ("mapping-set", iri)
    text = site.cache.get(key)
    if not isinstance(text, str):
        found = [s for s in sssom.from_store(site.store) if s.mapping_set_id == iri]
        if not found:
            return error_page(request, 404, f"no mapping set {iri}")
        text = sssom.text(found[0])
        site.cache[key] = text
    name = request.path_params["name"].rsplit("/", 1)[-1]
    return Response(
        text.encode("utf-8"),
        media_type="text/tab-separated-values; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{name}"'},
    )


def query_list(request: Request) -> Response:
    """Answer ``GET /queries``: the canned queries."""
    site = site_of(request)
    return site.render(
        request,
        "queries.html",
        {"title": "Canned queries", "queries": list(site.catalogue.values())},
    )


def _fields(query: CannedQuery, given: dict[str, str]) -> list[dict[str, object]]:
    """Return the form fields of *query*: given values, else the defaults."""
    kinds = {"integer": "number", "decimal": "number", "date": "date"}
    fields = []
    for param in query.params:
        default = param.default
        shown = given.get(param.name)
        if shown is None:
            shown = "" if default is None else _form_value(default)
        fields.append(
            {
                "param": param,
                "value": shown,
                "input": kinds.get(param.type, "text"),
                "step": {"integer": "1", "decimal": "any"}.get(param.type),
                "choices": ("true", "false") if param.type == "boolean" else None,
            }
        )
    return fields


def _form_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


async def query_page(request: Request) -> Response:
    """Answer ``GET /queries/{name}``: the query's form, run with its values, and the answer."""
    site = site_of(request)
    root = root_path(request)
    try:
        query = site.canned(request.path_params["name"])
    except QueryError as error:
        return error_page(request, 404, str(error))
    status = 200
    error_message = None
    table: dict[str, object] | None = None
    given: dict[str, str] = {}
    try:
        given, _ = values_of(query, list(request.query_params.multi_items()))
        # An emptied field of a form takes the default, but an empty string is a string.
        strings = {p.name for p in query.params if p.type == "string"}
        values = {k: v for k, v in given.items() if v != "" or k in strings or not query.param(k)}
        text = query.bind(values)
        if uses_service(text) and not site.settings.allow_service:
            raise QueryError(NO_SERVICE)
        kind = result_kind(query_form(query.text))
        job = Job(
            text=text,
            format="json" if kind == "results" else "nt",
            source=query.source,
            default_graph=None,
            named_graphs=[GRAPH],
        )
        answer = await site.run(job)
        if answer.kind == "select":
            result = SelectResult(answer.data)
            table = {
                "variables": result.variables,
                "rows": [cells(row, result.variables, root) for row in result],
            }
        elif answer.kind == "ask":
            table = {"variables": ("answer",), "rows": [[Value(AskResult(answer.data).summary())]]}
        else:
            table = {
                "variables": ("subject", "predicate", "object"),
                "rows": [
                    [value(t.subject, root), value(t.predicate, root), value(t.object, root)]
                    for t in parse(answer.data, format=RdfFormat.N_TRIPLES)
                ],
            }
    except LimitError as error:
        status, error_message = 413, f"the answer has more than {error.limit} {error.unit}"
    except QueryError as error:
        status, error_message = 400, str(error)
    except SandboxError as error:
        status, error_message = error.status, str(error)
    api = f"{root}/api/queries/{query.name}"
    query_string = urlencode([(k, v) for k, v in given.items()])
    downloads = [
        (name, f"{api}?{urlencode([*given.items(), ('format', name)])}")
        for name in ("json", "csv", "tsv", "xml")
    ]
    return site.render(
        request,
        "query.html",
        {
            "title": query.name,
            "query": query,
            "fields": _fields(query, given),
            "table": table,
            "error": error_message,
            "downloads": downloads,
            "api": f"{api}?{query_string}" if query_string else api,
        },
        status=status,
    )


def _chart(request: Request) -> str:
    site = site_of(request)
    root = root_path(request)
    key = ("orgchart", root)
    cached = site.cache.get(key)
    if isinstance(cached, str):
        return cached
    tree = orgchart.tree(site.store)
    chart = "" if tree is None else orgchart.svg(tree, lambda iri: href(iri, root))
    site.cache[key] = chart
    return chart


def orgchart_svg(request: Request) -> Response:
    """Answer ``GET /orgchart.svg``."""
    chart = _chart(request)
    if not chart:
        return error_page(request, 404, "the graph has no ITU to draw a chart of")
    return Response(chart, media_type="image/svg+xml")


def orgchart_page(request: Request) -> Response:
    """Answer ``GET /orgchart``: the chart, and the same tree as a list."""
    site = site_of(request)
    tree = orgchart.tree(site.store)
    return site.render(
        request,
        "orgchart.html",
        {"title": "Organisation chart", "chart": _chart(request), "tree": tree},
    )


def routes() -> list[Route]:
    """Return the routes of the pages and of the RDF of things."""
    return [
        Route("/", home, name="home"),
        Route("/search", search, name="search"),
        Route("/queries", query_list, name="queries"),
        Route("/queries/{name}", query_page, name="query"),
        Route("/orgchart", orgchart_page, name="orgchart"),
        Route("/orgchart.svg", orgchart_svg, name="orgchart_svg"),
        Route("/id/{path:path}", thing, name="thing"),
        Route("/ontology", ontology_page, name="ontology"),
        Route("/ontology/{version}", ontology_page, name="ontology_version"),
        Route("/graph", graph, name="graph"),
        Route("/mappings/{name}", mapping_set, name="mapping_set"),
        Route("/.well-known/void", void_description, name="void"),
    ]


__all__ = ["routes"]
