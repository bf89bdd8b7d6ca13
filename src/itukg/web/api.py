"""The canned queries as a web API, and its OpenAPI description.

``GET /api/queries`` lists the catalogue; ``GET /api/queries/{name}?param=value...`` runs one
query with its parameters from the query string, answering as ``/sparql`` does (JSON by
default; ``format`` is the format switch unless the query has a parameter of that name).
Errors are RFC 9457 problem details, with the messages of the command line.
"""

from __future__ import annotations

from http import HTTPStatus

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from itukg.errors import QueryError
from itukg.namespaces import GRAPH
from itukg.queries import CannedQuery
from itukg.web import openapi
from itukg.web.protocol import query_form, result_kind
from itukg.web.site import base_url, site_of
from itukg.web.sparql import answer


def problem(status: int, message: str) -> Response:
    """Return an error of the API as RFC 9457 problem details."""
    headers = {"Vary": "Accept"}
    if status == 503:
        headers["Retry-After"] = "5"
    return JSONResponse(
        {
            "type": "about:blank",
            "title": HTTPStatus(status).phrase,
            "status": status,
            "detail": message,
        },
        status_code=status,
        media_type="application/problem+json",
        headers=headers,
    )


def entry(query: CannedQuery, base: str) -> dict[str, object]:
    """Return a canned query as the catalogue lists it."""
    return {
        "name": query.name,
        "summary": query.summary,
        "description": query.description,
        "form": query_form(query.text),
        "url": f"{base}/api/queries/{query.name}",
        "page": f"{base}/queries/{query.name}",
        "params": [openapi.param_json(p) for p in query.params],
    }


def catalogue(request: Request) -> Response:
    """Answer ``GET /api/queries``: every canned query with its metadata."""
    site = site_of(request)
    base = base_url(request)
    return JSONResponse({"queries": [entry(q, base) for q in site.catalogue.values()]})


def values_of(
    query: CannedQuery, items: list[tuple[str, str]]
) -> tuple[dict[str, str], str | None]:
    """Return the parameter values of a query string and its format switch.

    A parameter given twice raises :class:`QueryError`.
    """
    switch = None
    values: dict[str, str] = {}
    for key, value in items:
        if key == "format" and query.param("format") is None:
            switch = value
            continue
        if key in values:
            raise QueryError(f"parameter '{key}' is given twice")
        values[key] = value
    return values, switch


async def run(request: Request) -> Response:
    """Answer ``GET /api/queries/{name}``: run the canned query with the request's parameters."""
    site = site_of(request)
    try:
        query = site.canned(request.path_params["name"])
    except QueryError as error:
        return problem(404, str(error))
    try:
        values, switch = values_of(query, list(request.query_params.multi_items()))
        text = query.bind(values)
    except QueryError as error:
        return problem(400, str(error))
    return await answer(
        request,
        text,
        dataset=(None, [GRAPH]),
        switch=switch,
        html=False,
        fail=problem,
        source=query.source,
    )


def description(request: Request) -> Response:
    """Answer ``GET /openapi.json``."""
    site = site_of(request)
    document = openapi.document(site.catalogue.values(), base_url(request))
    return JSONResponse(document)


def overview(request: Request) -> Response:
    """Answer ``GET /api``: a page about the API."""
    site = site_of(request)
    base = base_url(request)
    items = [(q, result_kind(query_form(q.text)), entry(q, base)) for q in site.catalogue.values()]
    return site.render(request, "api.html", {"title": "API", "items": items, "base": base})


def routes() -> list[Route]:
    """Return the routes of the API."""
    return [
        Route("/api", overview, name="api"),
        Route("/api/queries", catalogue, name="api_queries"),
        Route("/api/queries/{name}", run, name="api_query"),
        Route("/openapi.json", description, name="openapi"),
    ]
