"""What every route shares, and the helpers that answer with a page or an error.

The :class:`Site` holds the settings, the graph, the catalogue, the query pool and the
templates.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import anyio.to_thread
import jinja2
from pyoxigraph import DefaultGraph, RdfFormat
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.templating import Jinja2Templates

from itukg import queries
from itukg.__about__ import __version__
from itukg.graph import KnowledgeGraph
from itukg.namespaces import GRAPH
from itukg.queries import CannedQuery
from itukg.stats import Stats, stats
from itukg.web.links import href
from itukg.web.negotiation import HTML, Format, choose
from itukg.web.sandbox import Answer, Job, Pool
from itukg.web.settings import Settings

#: The navigation bar: label, path.
NAVIGATION = (
    ("Home", "/"),
    ("Queries", "/queries"),
    ("Org chart", "/orgchart"),
    ("SPARQL", "/sparql"),
    ("API", "/api"),
)


class Site:
    """What every route shares: the settings, the graph, the canned queries, the query pool."""

    def __init__(self, settings: Settings) -> None:
        """Load the graph and the catalogue of *settings*; the workers start on first use."""
        self.settings = settings
        self.graph = settings.graph or KnowledgeGraph.load(settings.files)
        self.store = self.graph.store
        self.catalogue: dict[str, CannedQuery] = {
            query.name: query for query in queries.catalog(settings.queries)
        }
        self.pool = Pool(
            self._opening(),
            size=settings.workers,
            timeout=settings.timeout,
            queue_timeout=settings.queue_timeout,
            max_rows=settings.max_rows,
        )
        weakref.finalize(self, self.pool.close)
        environment = jinja2.Environment(
            loader=jinja2.PackageLoader("itukg.web", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.templates = Jinja2Templates(env=environment)
        self.cache: dict[tuple[str, ...], bytes | str] = {}
        """Answers that depend only on the graph: exports, the organisation chart."""
        self._stats: Stats | None = None

    def _opening(self) -> dict[str, object]:
        """Return how workers load the graph: from its files, in order, else as N-Triples."""
        if self.graph.files:
            return {"files": [str(path.resolve()) for path in self.graph.files], "graph": GRAPH}
        data = self.store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()) or b""
        return {"data": data, "graph": GRAPH}

    def stats(self) -> Stats:
        """Return the statistics of the graph (counted once)."""
        if self._stats is None:
            self._stats = stats(self.store)
        return self._stats

    def canned(self, name: str) -> CannedQuery:
        """Return the canned query *name*; an unknown name raises :class:`QueryError`."""
        found = self.catalogue.get(name)
        return found if found is not None else queries.get(name, self.settings.queries)

    async def run(self, job: Job) -> Answer:
        """Run *job* in the query pool, in a thread so that the server goes on serving."""
        return await anyio.to_thread.run_sync(self.pool.run, job)

    def render(
        self,
        request: Request,
        template: str,
        context: Mapping[str, Any],
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
    ) -> HTMLResponse:
        """Return the page *template* with *context*, and what every page needs."""
        root = root_path(request)
        path = request.url.path[len(root) :] or "/"
        values = {
            "root": root,
            "href": lambda iri: href(iri, root),
            "navigation": NAVIGATION,
            "current": "/" + path.strip("/").split("/")[0] if path != "/" else "/",
            "version": __version__,
            "settings": self.settings,
            **context,
        }
        response = self.templates.TemplateResponse(
            request, template, values, status_code=status, headers=dict(headers or {})
        )
        assert isinstance(response, HTMLResponse)
        return response


def site_of(request: Request) -> Site:
    """Return the :class:`Site` of the app serving *request*."""
    site: Site = request.app.state.site
    return site


def root_path(request: Request) -> str:
    """Return the path the app is mounted at (empty at the root of the server)."""
    return str(request.scope.get("root_path", "")).rstrip("/")


def base_url(request: Request) -> str:
    """Return the public URL of the app: the settings' base URL, else the request's."""
    configured = site_of(request).settings.base_url
    if configured:
        return configured.rstrip("/")
    return str(request.base_url).rstrip("/")


#: What an error page can be: plain text or HTML.
ERROR_FORMATS = (Format("text", "text/plain"), HTML)


def error_page(request: Request, status: int, message: str, vary: bool = True) -> Response:
    """Return an error as HTML for a browser, as plain text for a program (by ``Accept``)."""
    headers = {"Vary": "Accept"} if vary else {}
    chosen = choose(request.headers.get("accept"), ERROR_FORMATS)
    if chosen is HTML:
        return site_of(request).render(
            request,
            "error.html",
            {
                "title": f"{status} {HTTPStatus(status).phrase}",
                "status": status,
                "message": message,
            },
            status=status,
            headers=headers,
        )
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)
