"""The graph in a remote SPARQL store: push it there, and ask it there.

:func:`push` replaces a graph of a SPARQL 1.1 Graph Store Protocol server with the graph, in
one HTTP ``PUT`` to ``ENDPOINT?graph=IRI`` (``ENDPOINT?default`` for the default graph), so
that a server which applies a request as one transaction never shows half of it. The body is
N-Triples written by Oxigraph, sent in chunks of :data:`BATCH` triples as they are read:
memory stays flat however large the graph. Files are parsed while they are sent; if one turns
out to be invalid, the request is abandoned before its last chunk, and the server keeps what
it had.

:class:`RemoteGraph` asks canned queries and SPARQL of any SPARQL 1.1 query endpoint through
SPARQLWrapper. It asks for SPARQL JSON results (N-Triples or Turtle for graphs) and reads the
answer into the result objects of :mod:`itukg.results`, so the output formats are those of the
embedded store. ``graph`` is sent as ``default-graph-uri``: canned queries, which have no
``GRAPH`` clause, see the pushed named graph.

Failures are :class:`RemoteError`: one line naming the endpoint and, for an HTTP error, the
status and the server's own message.
"""

from __future__ import annotations

import ast
import html
import http.client
import itertools
import re
import socket
import time
import urllib.error
import urllib.parse
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    Store,
    parse,
    parse_query_results,
    serialize,
)

from itukg import loader, paths, queries
from itukg.__about__ import __version__
from itukg.errors import InputError, ItukgError, QueryError
from itukg.namespaces import GRAPH, PREFIXES
from itukg.results import GraphResult, QueryResult, from_pyoxigraph

if TYPE_CHECKING:
    from itukg.graph import KnowledgeGraph

DEFAULT_GRAPH = "default"
"""How the command line names the default graph of a store, in place of a graph IRI."""

QUERY_TIMEOUT = 60.0
"""Seconds a query waits for the endpoint to connect, read or answer, by default."""

PUSH_TIMEOUT = 600.0
"""Seconds a push waits for the server to connect, read or answer, by default.

The server answers a ``PUT`` once it has stored the whole graph, which takes a while for
millions of triples.
"""

BATCH = 10_000
"""Triples per chunk of a pushed body (about 1 MB of N-Triples)."""

USER_AGENT = f"itukg/{__version__}"

#: What a query asks the endpoint for: SPARQL JSON results, else N-Triples, else Turtle.
ACCEPT = (
    "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
    "application/sparql-results+xml;q=0.5, application/rdf+xml;q=0.4"
)

_LONGEST_MESSAGE = 300
_POSITION = re.compile(r"^error at (\d+):(\d+): (.*)$", re.DOTALL)


class RemoteError(ItukgError):
    """An endpoint could not be reached, did not answer in time, or refused a request.

    The exit status is 4, or 2 when the endpoint rejected the request as malformed (HTTP 400),
    as for any other invalid input.
    """

    exit_code = 4

    def __init__(self, endpoint: str, message: str, status: int | None = None) -> None:
        self.endpoint = endpoint
        self.status = status
        self.reason = message
        if status == HTTPStatus.BAD_REQUEST:
            self.exit_code = 2
        super().__init__(f"{endpoint}: {message}")


# --- Arguments ----------------------------------------------------------------------------


def check_endpoint(url: str) -> str:
    """Return *url* if it is an ``http://`` or ``https://`` URL with a host, else raise."""
    parts = urllib.parse.urlsplit(url)
    try:
        valid_port = parts.port is None or parts.port > 0
    except ValueError:
        valid_port = False
    if not valid_port:
        raise ItukgError(f"endpoint '{url}' has an invalid port")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ItukgError(f"endpoint '{url}' is not an http:// or https:// URL")
    return url


def check_graph(iri: str | None) -> str | None:
    """Return *iri* if it is an absolute IRI (or None, the default graph), else raise."""
    if iri is None:
        return None
    try:
        NamedNode(iri)
    except ValueError as error:
        raise ItukgError(f"graph '{iri}' is not an absolute IRI: {error}") from None
    return iri


def graph_url(endpoint: str, graph: str | None) -> str:
    """Return the Graph Store Protocol URL of *graph* (None: the default graph) at *endpoint*."""
    parts = urllib.parse.urlsplit(endpoint)
    name = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
    query = f"{parts.query}&{name}" if parts.query else name
    return urllib.parse.urlunsplit(parts._replace(query=query, fragment=""))


def with_prefixes(text: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """Return SPARQL *text* with a first line declaring each of *prefixes* it does not declare.

    The text is unchanged when it declares them all. Only one line is added, so a position
    the endpoint reports is one line below where it is in *text*.
    """
    declared: set[str] = set()
    after_prefix = False
    for token in queries.tokens(text):
        if after_prefix and token.kind == "pname" and token.text.endswith(":"):
            declared.add(token.text[:-1])
        after_prefix = token.kind == "word" and token.text.upper() == "PREFIX"
    missing = [f"PREFIX {p}: <{iri}>" for p, iri in prefixes.items() if p not in declared]
    return " ".join(missing) + "\n" + text if missing else text


def without_comments(text: str) -> str:
    """Return SPARQL *text* without its comments; every other character stays where it was."""
    return "".join(
        "" if match.lastgroup == "comment" else match.group()
        for match in queries._TOKEN.finditer(text)
    )


# --- Push ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PushReport:
    """What :func:`push` sent, where, and how long it took."""

    endpoint: str
    graph: str | None
    triples: int
    seconds: float
    status: int

    def summary(self) -> str:
        """Return the push as a line for people."""
        where = "the default graph" if self.graph is None else f"<{self.graph}>"
        unit = "triple" if self.triples == 1 else "triples"
        return f"pushed {self.triples} {unit} to {where} at {self.endpoint} in {self.seconds:.2f} s"


def push(
    source: Store | KnowledgeGraph,
    endpoint: str,
    *,
    graph: str | None = GRAPH,
    timeout: float | None = PUSH_TIMEOUT,
) -> PushReport:
    """Replace *graph* (None: the default graph) at the Graph Store *endpoint* with *source*.

    *source* is a store or a :class:`~itukg.graph.KnowledgeGraph`; its default graph is sent.
    """
    store = source if isinstance(source, Store) else source.store
    quads = store.quads_for_pattern(None, None, None, DefaultGraph())
    return _put(_Body(quads), endpoint, graph, timeout)


def push_files(
    files: Iterable[str | Path] | None,
    endpoint: str,
    *,
    graph: str | None = GRAPH,
    timeout: float | None = PUSH_TIMEOUT,
) -> PushReport:
    """Replace *graph* at the Graph Store *endpoint* with the triples of Turtle *files*.

    *files* defaults to the shipped ontology and data. Files are read as they are sent; an
    unreadable or invalid file raises :class:`~itukg.errors.InputError` (naming the file, line
    and column) and the request is abandoned, so that the server keeps its graph.
    """
    chosen = loader.shipped_files() if files is None else list(files)
    for path in chosen:
        try:
            Path(path).open("rb").close()
        except OSError as error:
            raise InputError(paths.display(path), loader.os_reason(error)) from None
    return _put(_Body(_parsed(chosen)), endpoint, graph, timeout)


def _parsed(files: Iterable[str | Path]) -> Iterator[Quad]:
    for path in files:
        if loader.is_mapping_file(path):
            yield from (
                Quad(t.subject, t.predicate, t.object) for t in loader.mapping_triples(path)
            )
            continue
        form = RdfFormat.N_TRIPLES if Path(path).suffix == ".nt" else RdfFormat.TURTLE
        try:
            yield from parse(path=path, format=form, without_named_graphs=True)
        except SyntaxError as error:
            raise loader.syntax_error(path, error) from None
        except OSError as error:
            raise InputError(paths.display(path), loader.os_reason(error)) from None


class _Body:
    """The chunks of N-Triples of a pushed body, counting the triples as they go."""

    def __init__(self, quads: Iterable[Quad]) -> None:
        self.quads = quads
        self.triples = 0

    def __iter__(self) -> Iterator[bytes]:
        quads = iter(self.quads)
        while batch := list(itertools.islice(quads, BATCH)):
            self.triples += len(batch)
            yield serialize(batch, format=RdfFormat.N_TRIPLES) or b""


def _put(body: _Body, endpoint: str, graph: str | None, timeout: float | None) -> PushReport:
    check_endpoint(endpoint)
    check_graph(graph)
    parts = urllib.parse.urlsplit(graph_url(endpoint, graph))
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    assert parts.hostname is not None
    connection = connection_class(parts.hostname, parts.port, timeout=timeout)
    target = (parts.path or "/") + f"?{parts.query}"
    started = time.perf_counter()
    try:
        try:
            connection.putrequest("PUT", target, skip_accept_encoding=True)
            connection.putheader("Content-Type", "application/n-triples")
            connection.putheader("Transfer-Encoding", "chunked")
            connection.putheader("User-Agent", USER_AGENT)
            connection.endheaders()
            for chunk in body:
                if chunk:
                    connection.send(b"%X\r\n%b\r\n" % (len(chunk), chunk))
            connection.send(b"0\r\n\r\n")
        except OSError as error:
            # A server may refuse a request (read-only, unknown path, bad graph) without
            # reading its body, answer at once and close: its answer says why.
            answer = _early_answer(connection)
            if answer is None:
                raise _network_error(endpoint, error, timeout, connection.sock is None) from None
        else:
            answer = connection.getresponse()
        with answer:
            content = answer.read(64 * 1024)
            if not HTTPStatus.OK <= answer.status < HTTPStatus.MULTIPLE_CHOICES:
                raise _http_error(endpoint, answer.status, answer.reason, answer.headers, content)
        seconds = time.perf_counter() - started
        return PushReport(endpoint, graph, body.triples, seconds, answer.status)
    except (OSError, http.client.HTTPException) as error:
        raise _network_error(endpoint, error, timeout, False) from None
    finally:
        connection.close()


def _early_answer(connection: http.client.HTTPConnection) -> http.client.HTTPResponse | None:
    if connection.sock is None:
        return None
    try:
        return connection.getresponse()
    except (OSError, http.client.HTTPException):
        return None


# --- Queries ------------------------------------------------------------------------------


class RemoteGraph:
    """The graph behind a SPARQL 1.1 query endpoint, asked as a KnowledgeGraph is.

    *graph* (default: :data:`~itukg.namespaces.GRAPH`) is the endpoint's graph that queries
    read as their default graph; None leaves the endpoint's own default graph.
    """

    def __init__(
        self,
        endpoint: str,
        *,
        graph: str | None = GRAPH,
        timeout: float | None = QUERY_TIMEOUT,
    ) -> None:
        """Ask *endpoint*, waiting at most *timeout* seconds for each network step."""
        self.endpoint = check_endpoint(endpoint)
        self.graph = check_graph(graph)
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"RemoteGraph({self.endpoint!r}, graph={self.graph!r})"

    def query(self, name: str, /, **params: object) -> QueryResult:
        """Run the canned query *name* with *params* (default values for the others)."""
        return self.run(queries.get(name), params)

    def run(
        self, query: queries.CannedQuery, values: Mapping[str, object] | None = None
    ) -> QueryResult:
        """Bind *values* into a canned query and run it on the endpoint."""
        return self._ask(query.bind(values), query.source, 0)

    def sparql(self, text: str, *, prefixes: bool = True, source: str | None = None) -> QueryResult:
        """Run SPARQL *text*; with *prefixes*, itukg's prefixes need not be declared.

        *source* names where the text came from in error messages.
        """
        sent = with_prefixes(text) if prefixes else text
        return self._ask(sent, source, 0 if sent is text else 1)

    def _ask(self, text: str, source: str | None, added_lines: int) -> QueryResult:
        from SPARQLWrapper import (
            CONSTRUCT,
            DESCRIBE,
            JSON,
            POST,
            TURTLE,
            URLENCODED,
            SPARQLWrapper,
        )
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        wrapper = SPARQLWrapper(self.endpoint, agent=USER_AGENT)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setOnlyConneg(True)
        with warnings.catch_warnings():
            # SPARQLWrapper tells the query form by the first keyword it sees, in comments too
            # ("ADD" in "address"), and warns when it sees none: it is shown the text without
            # comments, and the endpoint judges what it cannot tell.
            warnings.simplefilter("ignore")
            wrapper.setQuery(without_comments(text))
        wrapper.queryString = text
        if wrapper.isSparqlUpdateRequest():
            raise QueryError(f"{source or 'query'}: this is a SPARQL update; only queries are sent")
        # The Accept header below asks for what itukg reads; a return format that fits the
        # query form keeps SPARQLWrapper from warning.
        wrapper.setReturnFormat(TURTLE if wrapper.queryType in (CONSTRUCT, DESCRIBE) else JSON)
        if self.graph is not None:
            wrapper.addDefaultGraph(self.graph)
        if self.timeout:
            # setTimeout() truncates to whole seconds (0.5 would mean no limit); urllib, which
            # SPARQLWrapper hands the attribute to, takes any number of seconds.
            wrapper.timeout = self.timeout  # type: ignore[assignment]
        wrapper.addCustomHttpHeader("Accept", ACCEPT)
        try:
            answer = wrapper.query().response
            with answer:
                content = answer.read()
                content_type = answer.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            with error:
                content = error.read(64 * 1024)
            raise _http_error(
                self.endpoint, error.code, error.reason, error.headers, content, added_lines
            ) from None
        except SPARQLWrapperException as error:
            raise _wrapper_error(self.endpoint, error, added_lines) from None
        except urllib.error.URLError as error:
            reason = error.reason if isinstance(error.reason, OSError) else OSError(error.reason)
            raise _network_error(self.endpoint, reason, self.timeout, True) from None
        except (OSError, http.client.HTTPException) as error:
            raise _network_error(self.endpoint, error, self.timeout, False) from None
        return _result(self.endpoint, content, content_type)


def _result(endpoint: str, content: bytes, content_type: str) -> QueryResult:
    """Return the result object for an endpoint's answer, by its media type."""
    media = content_type.partition(";")[0].strip().lower()
    results_format = QueryResultsFormat.from_media_type(media) if media else None
    rdf_format = RdfFormat.from_media_type(media) if media else None
    try:
        if results_format is not None:
            return from_pyoxigraph(parse_query_results(content, format=results_format))
        if rdf_format is not None and not rdf_format.supports_datasets:
            return GraphResult([quad.triple for quad in parse(content, format=rdf_format)])
    except SyntaxError as error:
        reason = " ".join((error.msg or str(error)).split())
        raise RemoteError(endpoint, f"the answer is not valid {media}: {reason}") from None
    raise RemoteError(
        endpoint,
        f"the answer is neither SPARQL results nor RDF (Content-Type: {content_type or 'none'})",
    )


# --- Errors -------------------------------------------------------------------------------


def _http_error(
    endpoint: str,
    status: int,
    reason: str,
    headers: Message | None,
    content: bytes,
    added_lines: int = 0,
) -> RemoteError:
    content_type = str(headers.get("Content-Type", "")) if headers is not None else ""
    message = server_message(content, content_type, added_lines)
    location = headers.get("Location") if headers is not None else None
    if location and not message:
        message = f"moved to {location}"
    line = f"HTTP {status} {reason or _phrase(status)}".rstrip()
    return RemoteError(endpoint, f"{line}: {message}" if message else line, status)


#: The HTTP status each SPARQLWrapper error stands for.
_WRAPPER_STATUS = {
    "QueryBadFormed": 400,
    "Unauthorized": 401,
    "EndPointNotFound": 404,
    "URITooLong": 414,
    "EndPointInternalError": 500,
}


def _wrapper_error(endpoint: str, error: Exception, added_lines: int) -> RemoteError:
    """Return the error for an HTTP error that SPARQLWrapper turned into its own exception.

    SPARQLWrapper raises these from the ``HTTPError`` it caught, and writes the server's body
    into the message as a bytes literal after ``Response:``.
    """
    cause = error.__context__
    status = _WRAPPER_STATUS.get(type(error).__name__, 0)
    reason, headers = _phrase(status), None
    if isinstance(cause, urllib.error.HTTPError):
        status, reason, headers = cause.code, cause.reason, cause.headers
    content = b""
    _, found, literal = str(error).partition("\n\nResponse:\n")
    if found:
        try:
            value = ast.literal_eval(literal)
        except (ValueError, SyntaxError):
            value = None
        if isinstance(value, bytes):
            content = value
    return _http_error(endpoint, status, reason, headers, content, added_lines)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def server_message(content: bytes, content_type: str = "", added_lines: int = 0) -> str:
    """Return the message of an HTTP error body as one short line.

    HTML is reduced to its text. A position ``error at LINE:COLUMN`` (Oxigraph's) is moved up
    by *added_lines*, the lines of prefixes added to the query, so it points into the query
    as written.
    """
    text = content.decode("utf-8", "replace")
    if "html" in content_type.lower() or text.lstrip().lower().startswith(("<!doctype", "<html")):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>|<[^>]*>", " ", text)
        text = html.unescape(text)
    text = " ".join(text.split())
    match = _POSITION.match(text)
    if match:
        line = max(int(match.group(1)) - added_lines, 1)
        detail = queries._readable(match.group(3))
        text = f"error at {line}:{match.group(2)}: {detail}"
    if len(text) > _LONGEST_MESSAGE:
        text = text[: _LONGEST_MESSAGE - 3].rstrip() + "..."
    return text


def _network_error(
    endpoint: str, error: BaseException, timeout: float | None, connecting: bool
) -> RemoteError:
    if isinstance(error, TimeoutError):
        waited = f" after {timeout:g} s" if timeout else ""
        return RemoteError(endpoint, f"no answer{waited} (timed out)")
    if isinstance(error, http.client.RemoteDisconnected):
        return RemoteError(endpoint, "the server closed the connection without answering")
    if isinstance(error, http.client.HTTPException):
        return RemoteError(endpoint, f"not an HTTP answer: {type(error).__name__}")
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    if isinstance(error, ConnectionRefusedError | socket.gaierror) or connecting:
        return RemoteError(endpoint, f"cannot connect: {reason}")
    return RemoteError(endpoint, f"connection lost: {reason}")
