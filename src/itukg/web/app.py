"""The web app: :func:`create_app` builds it from :class:`~itukg.web.settings.Settings`.

The app is self-contained and embeddable (mount it under any path); tests drive it in-process
with ``starlette.testclient.TestClient``, and ``itukg serve`` runs it with uvicorn.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from itukg.web import api, pages, sparql
from itukg.web.settings import Settings
from itukg.web.site import Site, error_page

#: Headers of every response.
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
)
#: The content security policy of HTML pages: nothing but this server's style sheet.
CONTENT_SECURITY_POLICY = (
    b"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    b"base-uri 'none'; frame-ancestors 'self'"
)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    messages = {404: f"no page at {request.url.path}", 405: f"{request.method} is not allowed here"}
    message = messages.get(error.status_code, str(error.detail))
    response = error_page(request, error.status_code, message)
    if error.headers:
        response.headers.update(error.headers)
    return response


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` to every response, and a content security policy to pages."""

    def __init__(self, app: ASGIApp) -> None:
        """Wrap *app*."""
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add the headers to the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                content_type = dict(headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html"):
                    headers.append((b"content-security-policy", CONTENT_SECURITY_POLICY))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, sending)


def create_app(settings: Settings | None = None) -> Starlette:
    """Return the web app publishing the graph of *settings* (default: the shipped graph).

    Routes: the SPARQL 1.1 Protocol at ``/sparql``; the canned queries at ``/api/queries``
    and ``/queries``; the OpenAPI description at ``/openapi.json``; a page (and RDF) for
    every thing at ``/id/...``, the ontology at ``/ontology``, the whole graph at ``/graph``;
    search, the organisation chart (``/orgchart``, ``/orgchart.svg``) and the home page.
    """
    site = Site(settings or Settings())

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(site.pool.start)
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(site.pool.close)

    routes = [
        *pages.routes(),
        *sparql.routes(),
        *api.routes(),
        Mount("/static", StaticFiles(packages=[("itukg.web", "static")]), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={HTTPException: _http_error},
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(
                CORSMiddleware,
                allow_origins=["*"],
                allow_methods=["GET", "POST"],
                allow_headers=["Accept", "Content-Type"],
                expose_headers=["Content-Type", "Vary", "Link"],
            ),
        ],
    )
    app.state.site = site
    return app
