"""Canned SPARQL queries: their metadata headers, their parameters, and running them.

A query file starts with a YAML header in ``#+`` comment lines (the grlc convention)::

    #+ name: cross-group-people
    #+ summary: People who hold roles in two or more distinct groups.
    #+ params:
    #+   - name: min_groups
    #+     type: integer
    #+     default: 2
    #+     description: Least number of distinct groups.

and its body uses each parameter as a ``$name`` variable, so the file is valid SPARQL as it
stands. Binding replaces every ``$name`` token (never inside a string, an IRI or a comment)
by the SPARQL term of the value; the bound text runs on any SPARQL endpoint.

A federated query, one that calls ``SERVICE``, says so with ``federated: true`` in its
header, and names each remote endpoint by a parameter of type ``iri``
(``SERVICE $endpoint { ... }``), so that another endpoint can be given. Running it asks that
endpoint; a failing endpoint raises :class:`~itukg.errors.ServiceError`.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import os
import re
import stat
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, QueryTriples, Store

from itukg import paths, terms
from itukg.errors import InputError, QueryError, QueryHeaderError, ServiceError
from itukg.results import QueryResult, from_pyoxigraph

XSD = "http://www.w3.org/2001/XMLSchema#"

#: Keys a query header may have.
HEADER_KEYS = ("name", "summary", "description", "federated", "params")
#: Keys a parameter may have.
PARAM_KEYS = ("name", "type", "default", "description", "required")

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


# --- Parameter types ----------------------------------------------------------------------


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    return terms.string_literal(value)


def _integer(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and re.fullmatch(r"[+-]?[0-9]+", value.strip()):
        return str(int(value))
    raise ValueError(f"{value!r} is not an integer")


def _decimal(value: object) -> str:
    number: Decimal | None = None
    if isinstance(value, bool):
        pass
    elif isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str) and re.fullmatch(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)", value):
        number = Decimal(value)
    if number is None or not number.is_finite():
        raise ValueError(f"{value!r} is not a decimal number")
    text = f"{number:f}"
    return text if "." in text else text + ".0"


def _boolean(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return "true" if value.strip().lower() in ("true", "1") else "false"
    raise ValueError(f"{value!r} is not a boolean (true or false)")


def _date(value: object) -> str:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return f'"{value.isoformat()}"^^<{XSD}date>'
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return _date(datetime.date.fromisoformat(value))
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")


_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")


def _iri(value: object) -> str:
    if isinstance(value, str):
        text = value[1:-1] if value.startswith("<") and value.endswith(">") else value
        iri = terms.expand(text) or text
        if _IRI.fullmatch(iri):
            return f"<{iri}>"
    raise ValueError(f"{value!r} is not an IRI or a CURIE with a known prefix")


#: Parameter types: name -> function turning a value into its SPARQL term (ValueError if invalid).
PARAM_TYPES: dict[str, Callable[[object], str]] = {
    "string": _string,
    "integer": _integer,
    "decimal": _decimal,
    "boolean": _boolean,
    "date": _date,
    "iri": _iri,
}


# --- Scanning SPARQL ----------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                 |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
    | (?P<pname>(?:[^\W\d_][\w\-.]*)?:(?:[\w\-:%.]*[\w\-:%])?)
    | (?P<word>\w+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    """A token of a SPARQL text that matters for parameters."""

    kind: str
    text: str
    start: int
    end: int


def tokens(text: str) -> Iterator[Token]:
    """Yield the tokens of SPARQL *text*, skipping spaces, comments, strings and IRIs."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment", "string", "iri"):
            yield Token(kind, match.group(), match.start(), match.end())


@dataclass(frozen=True)
class Use:
    """Where a ``$name`` variable occurs in a query text."""

    name: str
    start: int
    end: int
    binds: bool
    """True when the variable is projected or bound there (SELECT, AS, VALUES)."""


def variable_uses(text: str) -> list[Use]:
    """Return every ``?name`` / ``$name`` variable of *text*, outside strings, IRIs, comments.

    Names keep their sigil, so ``$x`` and ``?x`` are told apart.
    """
    uses: list[Use] = []
    depth = 0
    select_depth: int | None = None
    in_values = False
    after_as = False
    for token in tokens(text):
        if token.kind == "var":
            binds = after_as or in_values or select_depth == depth
            uses.append(Use(token.text, token.start, token.end, binds))
        elif token.kind == "word":
            keyword = token.text.upper()
            if keyword == "SELECT":
                select_depth = depth
            elif keyword in ("WHERE", "FROM"):
                select_depth = None
            elif keyword == "VALUES":
                in_values = True
        elif token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
        elif token.text == "{":
            select_depth = None
            in_values = False
        after_as = token.kind == "word" and token.text.upper() == "AS"
    return uses


def service_calls(text: str) -> list[tuple[Token, Token | None]]:
    """Return each ``SERVICE`` keyword of *text* with the token naming its endpoint.

    The endpoint is the variable after ``SERVICE`` (and ``SILENT``); None when it is an IRI
    or a prefixed name (tokens skip IRIs, so the next token is then not a variable).
    """
    calls: list[tuple[Token, Token | None]] = []
    service: Token | None = None
    for token in tokens(text):
        if service is not None:
            if token.kind == "word" and token.text.upper() == "SILENT":
                continue
            calls.append((service, token if token.kind == "var" else None))
            service = None
        if token.kind == "word" and token.text.upper() == "SERVICE":
            service = token
    if service is not None:
        calls.append((service, None))
    return calls


def line_of(text: str, offset: int) -> int:
    """Return the 1-based line of *offset* in *text*."""
    return text.count("\n", 0, offset) + 1


# --- Headers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """A parameter of a canned query."""

    name: str
    type: str
    default: object = None
    description: str = ""

    @property
    def required(self) -> bool:
        """True when the parameter has no default, so every run must give it."""
        return self.default is None

    def term(self, value: object) -> str:
        """Return the SPARQL term for *value* (ValueError if it is not of this type)."""
        return PARAM_TYPES[self.type](value)


@dataclass(frozen=True)
class CannedQuery:
    """A query file: its header, its text, and where its parameters occur."""

    name: str
    summary: str
    path: Path
    text: str
    description: str = ""
    params: tuple[Param, ...] = ()
    federated: bool = False
    """True when the query calls ``SERVICE``: running it asks a remote endpoint."""
    uses: tuple[Use, ...] = field(default=(), repr=False)

    @functools.cached_property
    def source(self) -> str:
        """How messages name the file."""
        return paths.display(self.path)

    def param(self, name: str) -> Param | None:
        """Return the parameter called *name*, or None."""
        return next((p for p in self.params if p.name == name), None)

    def bind(self, values: Mapping[str, object] | None = None) -> str:
        """Return the query text with every ``$name`` replaced by the term of its value.

        Values may be Python values or the strings a command line gives; missing ones (or
        None) take their default. Unknown, missing and ill-typed parameters raise
        :class:`QueryError`.
        """
        if not values and not self.params:
            return self.text
        values = dict(values or {})
        unknown = sorted(set(values) - {p.name for p in self.params})
        if unknown:
            known = ", ".join(p.name for p in self.params) or "none"
            raise QueryError(
                f"unknown parameter '{unknown[0]}' for query '{self.name}' (parameters: {known})"
            )
        bound: dict[str, str] = {}
        for param in self.params:
            value = values.get(param.name)
            if value is None:
                value = param.default
            if value is None:
                raise QueryError(
                    f"missing parameter '{param.name}' for query '{self.name}' "
                    f"({param.type}: {param.description or 'no description'})"
                )
            try:
                bound["$" + param.name] = param.term(value)
            except ValueError as error:
                raise QueryError(
                    f"parameter '{param.name}' of query '{self.name}': {error}"
                ) from None
        parts: list[str] = []
        position = 0
        for use in self.uses:
            if use.name in bound:
                parts += [self.text[position : use.start], bound[use.name]]
                position = use.end
        parts.append(self.text[position:])
        return "".join(parts)


def read_text(path: Path) -> str:
    """Return the text of a UTF-8 file, or raise :class:`InputError` naming it."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = line_of(error.object.decode("utf-8", "replace"), error.start)
        raise InputError(paths.display(path), "not valid UTF-8", line) from None
    except OSError as error:
        raise InputError(paths.display(path), error.strerror or str(error)) from None


def parse_query_file(path: str | Path, *, check: bool = False) -> CannedQuery:
    """Read and validate a query file; a check query (*check*) may have no parameters.

    An unreadable file raises :class:`InputError`; a header or parameter problem raises
    :class:`QueryHeaderError` naming the file and line.
    """
    path = Path(path)
    return _parsed(str(path), read_text(path), check, paths.display(path))


@functools.lru_cache(maxsize=256)
def _parsed(path: str, text: str, check: bool, shown: str) -> CannedQuery:
    """Parse once per text: a canned query is run far more often than it changes.

    The key holds the text read, so an edited file is parsed again, and the name error
    messages give the file (*shown*), which depends on the working folder and the root.
    """
    return parse_query(text, Path(path), check=check)


def parse_query(text: str, path: Path, *, check: bool = False) -> CannedQuery:
    """Validate the header and parameter uses of a query *text* read from *path*."""
    source = paths.display(path)

    def fail(line: int, message: str) -> QueryHeaderError:
        return QueryHeaderError(source, message, line)

    header = _header_lines(text)
    if not header:
        raise fail(1, "missing query header: the file must start with '#+ name: ...' lines")
    node = _compose(header, fail)
    if node is None or node.tag != "tag:yaml.org,2002:map":
        raise fail(1, "the query header must be a YAML mapping")
    fields = _mapping(node, HEADER_KEYS, "header key", fail)

    def text_field(key: str, required: bool) -> str:
        if key not in fields:
            if required:
                raise fail(1, f"the query header has no '{key}'")
            return ""
        key_node, value_node = fields[key]
        value = _construct(value_node)
        if not isinstance(value, str) or not value.strip():
            raise fail(_line(key_node), f"'{key}' must be a non-empty string")
        return value.strip()

    name = text_field("name", True)
    if name != path.stem:
        raise fail(
            _line(fields["name"][0]), f"name '{name}' does not match the file name '{path.stem}'"
        )
    summary = text_field("summary", True)
    description = text_field("description", False)
    params: list[Param] = []
    param_lines: list[int] = []
    if "params" in fields:
        key_node, value_node = fields["params"]
        if check:
            raise fail(_line(key_node), "a check query takes no parameters")
        if value_node.tag != "tag:yaml.org,2002:seq":
            raise fail(_line(key_node), "'params' must be a list of parameters")
        for item in value_node.value:
            params.append(_param(item, params, fail))
            param_lines.append(_line(item))
    uses = variable_uses(text)
    declared = {p.name for p in params}
    for use in uses:
        sigil, var = use.name[0], use.name[1:]
        line = line_of(text, use.start)
        if sigil == "?" and var in declared:
            raise fail(line, f"parameter '{var}' is written ?{var}; write ${var}")
        if sigil == "$" and var not in declared:
            raise fail(line, f"${var} is not a declared parameter")
        if sigil == "$" and use.binds:
            raise fail(
                line,
                f"parameter ${var} cannot be projected or bound (SELECT, AS, VALUES); "
                "use it in the pattern",
            )
    federated = _federated(fields, text, params, fail)
    used = {use.name[1:] for use in uses if use.name[0] == "$"}
    for param, line in zip(params, param_lines, strict=True):
        if param.name not in used:
            raise fail(
                line,
                f"parameter '{param.name}' is declared but ${param.name} does not appear "
                "in the query",
            )
    return CannedQuery(
        name=name,
        summary=summary,
        path=path,
        text=text,
        description=description,
        params=tuple(params),
        federated=federated,
        uses=tuple(use for use in uses if use.name[0] == "$"),
    )


Fail = Callable[[int, str], QueryHeaderError]


def _federated(fields: Mapping[str, Any], text: str, params: Sequence[Param], fail: Fail) -> bool:
    """Return the header's ``federated``, checked against the ``SERVICE`` calls of *text*."""
    federated = False
    line = 1
    if "federated" in fields:
        key_node, value_node = fields["federated"]
        line = _line(key_node)
        value = _construct(value_node)
        if not isinstance(value, bool):
            raise fail(line, "'federated' must be true or false")
        federated = value
    calls = service_calls(text)
    if calls and not federated:
        raise fail(
            line_of(text, calls[0][0].start),
            "the query calls SERVICE: say 'federated: true' in the header",
        )
    if federated and not calls:
        raise fail(line, "the header says 'federated: true' but the query calls no SERVICE")
    for service, endpoint in calls:
        where = line_of(text, service.start)
        param = None
        if endpoint is not None and endpoint.text.startswith("$"):
            param = next((p for p in params if p.name == endpoint.text[1:]), None)
        if param is None:
            raise fail(
                where,
                "SERVICE must name its endpoint by a parameter ($endpoint) of type iri, "
                "so that another endpoint can be given",
            )
        if param.type != "iri":
            raise fail(
                where, f"the endpoint of SERVICE, ${param.name}, must be a parameter of type iri"
            )
    return federated


def _header_lines(text: str) -> str:
    lines: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#+"):
            break
        body = line[2:]
        lines.append(body[1:] if body.startswith(" ") else body)
    return "\n".join(lines) + "\n" if lines else ""


def _loader(text: str) -> Any:
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader_class(text)


def _compose(header: str, fail: Fail) -> Any:
    import yaml

    loader = _loader(header)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        last = header.count("\n")
        line = min(mark.line + 1, last) if mark is not None else 1
        raise fail(line, f"invalid YAML in the query header: {error.problem}") from None
    except yaml.YAMLError as error:
        raise fail(1, f"invalid YAML in the query header: {error}") from None
    finally:
        loader.dispose()


def _construct(node: Any) -> object:
    loader = _loader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _line(node: Any) -> int:
    return int(node.start_mark.line) + 1


def _mapping(node: Any, allowed: Sequence[str], what: str, fail: Fail) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = _construct(key_node)
        if key not in allowed:
            raise fail(_line(key_node), f"unknown {what} {key!r} (allowed: {', '.join(allowed)})")
        if key in fields:
            raise fail(_line(key_node), f"duplicate {what} {key!r}")
        fields[str(key)] = (key_node, value_node)
    return fields


def _param(node: Any, earlier: Sequence[Param], fail: Fail) -> Param:
    if node.tag != "tag:yaml.org,2002:map":
        raise fail(_line(node), "each parameter must be a mapping with a name and a type")
    fields = _mapping(node, PARAM_KEYS, "parameter key", fail)
    if "name" not in fields:
        raise fail(_line(node), "a parameter has no 'name'")
    name = _construct(fields["name"][1])
    if not isinstance(name, str) or not _VARNAME.fullmatch(name):
        raise fail(
            _line(fields["name"][0]), f"parameter name {name!r} is not a SPARQL variable name"
        )
    if any(p.name == name for p in earlier):
        raise fail(_line(fields["name"][0]), f"parameter '{name}' is declared twice")
    if "type" not in fields:
        raise fail(_line(node), f"parameter '{name}' has no 'type'")
    kind = _construct(fields["type"][1])
    if kind not in PARAM_TYPES:
        raise fail(
            _line(fields["type"][0]),
            f"parameter '{name}' has unknown type {kind!r} (types: {', '.join(PARAM_TYPES)})",
        )
    description = ""
    if "description" in fields:
        value = _construct(fields["description"][1])
        if not isinstance(value, str):
            raise fail(
                _line(fields["description"][0]), f"the description of '{name}' must be a string"
            )
        description = value.strip()
    default = _construct(fields["default"][1]) if "default" in fields else None
    if "default" in fields:
        if default is None:
            raise fail(_line(fields["default"][0]), f"parameter '{name}' has an empty default")
        try:
            PARAM_TYPES[str(kind)](default)
        except ValueError as error:
            raise fail(
                _line(fields["default"][0]), f"default of parameter '{name}': {error}"
            ) from None
    if "required" in fields:
        required = _construct(fields["required"][1])
        line = _line(fields["required"][0])
        if not isinstance(required, bool):
            raise fail(line, f"'required' of parameter '{name}' must be true or false")
        if required and default is not None:
            raise fail(line, f"parameter '{name}' is required but has a default")
        if not required and default is None:
            raise fail(line, f"parameter '{name}' is not required but has no default")
    return Param(name=name, type=str(kind), default=default, description=description)


# --- The catalogue ------------------------------------------------------------------------


def catalog(directory: str | Path | None = None) -> list[CannedQuery]:
    """Return every canned query of *directory* (default: the shipped ones), sorted by name."""
    files = paths.query_files() if directory is None else sorted(Path(directory).glob("*.rq"))
    return [parse_query_file(path) for path in files]


def names(directory: str | Path | None = None) -> list[str]:
    """Return the names of the canned queries of *directory*, without reading them."""
    files = paths.query_files() if directory is None else sorted(Path(directory).glob("*.rq"))
    return [path.stem for path in files]


@dataclass
class _Read:
    """A query file read by :func:`get`: its status then, and when that was last checked."""

    file: str
    status: tuple[int, int, int, int]
    query: CannedQuery
    checked: int


#: Query files read by :func:`get`, by (name, shipped?, the root or the folder given).
_READ: dict[tuple[str, bool, str], _Read] = {}
#: How long a file read is trusted before its status is looked at again.
RECHECK_NS = 1_000_000_000


def get(name: str, directory: str | Path | None = None) -> CannedQuery:
    """Return the canned query called *name*; an unknown name raises :class:`QueryError`.

    A file is read again when its size, modification time or inode change, which is looked at
    once a second at most (:data:`RECHECK_NS`), and always when it was modified within two
    seconds of its reading.
    """
    if directory is None:
        place = (name, True, str(paths.root()))
    else:
        place = (name, False, os.fspath(directory))
    now = time.monotonic_ns()
    read = _READ.get(place)
    if read is not None:
        if now - read.checked < RECHECK_NS:
            return read.query
        with contextlib.suppress(OSError):
            if paths.file_status(os.stat(read.file)) == read.status:
                read.checked = now
                return read.query
    folder = paths.queries_dir() if directory is None else Path(directory)
    path = folder / f"{name}.rq"
    status = None
    if _NAME.fullmatch(name):
        with contextlib.suppress(OSError):
            status = os.stat(path)
    if status is None or not stat.S_ISREG(status.st_mode):
        _READ.pop(place, None)
        known = ", ".join(names(directory)) or "none"
        raise QueryError(f"unknown query '{name}' (known queries: {known})")
    query = parse_query_file(path)
    if paths.settled(status):
        _READ[place] = _Read(str(path), paths.file_status(status), query, now)
    else:
        _READ.pop(place, None)
    return query


# --- Running ------------------------------------------------------------------------------

_QUERY_ERROR = re.compile(r"^error at (\d+):(\d+): (.*)$", re.DOTALL)
_LONGEST_MESSAGE = 160


def _readable(message: str) -> str:
    """Shorten an Oxigraph parser message: no character classes among the expected tokens."""
    if message.startswith("expected one of "):
        expected = message[len("expected one of ") :].split(", [", 1)[0]
        if " " in expected and "," not in expected:
            return expected
        message = "expected one of " + expected
    if len(message) > _LONGEST_MESSAGE:
        message = message[: _LONGEST_MESSAGE - 3].rstrip(" ,") + "..."
    return message


def evaluate(
    store: Store,
    text: str,
    *,
    source: str | None = None,
    prefixes: Mapping[str, str] | None = None,
    default_graph: Sequence[NamedNode] | None = None,
    named_graphs: Sequence[NamedNode] | None = None,
) -> QuerySolutions | QueryBoolean | QueryTriples:
    """Start SPARQL *text* on *store* and return Oxigraph's answer, which is read lazily.

    *default_graph* and *named_graphs*, when given, are the RDF dataset the query runs on
    (they override its ``FROM`` and ``FROM NAMED``). A syntax error raises
    :class:`QueryError`; *source* names where the text came from in its message.
    """
    options: dict[str, Any] = {}
    if default_graph is not None:
        options["default_graph"] = list(default_graph)
    if named_graphs is not None:
        options["named_graphs"] = list(named_graphs)
    try:
        return store.query(text, prefixes=dict(prefixes) if prefixes else None, **options)
    except SyntaxError as error:
        message = " ".join((error.msg or str(error)).split())
        match = _QUERY_ERROR.match(message)
        where = source or "query"
        if match:
            where += f":{match.group(1)}:{match.group(2)}"
            message = match.group(3)
        raise QueryError(f"{where}: invalid SPARQL: {_readable(message)}") from None
    except OSError as error:
        raise _failure(text, source, error) from None


def _failure(text: str, source: str | None, error: OSError) -> QueryError:
    """Return the error for an input or output failure while a query ran.

    In a federated query it is a remote endpoint's failure, :class:`ServiceError`.
    """
    if service_calls(text):
        from itukg.loader import os_reason

        return ServiceError(f"{source or 'query'}: a SERVICE call failed: {os_reason(error)}")
    return QueryError(f"{source or 'query'}: {error}")


def execute(
    store: Store,
    text: str,
    *,
    source: str | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> QueryResult:
    """Run SPARQL *text* on *store*; a syntax error raises :class:`QueryError`.

    *source* names where the text came from in error messages.
    """
    answer = evaluate(store, text, source=source, prefixes=prefixes)
    try:
        return from_pyoxigraph(answer)
    except OSError as error:
        raise _failure(text, source, error) from None


def run(
    store: Store, query: CannedQuery, values: Mapping[str, object] | None = None
) -> QueryResult:
    """Bind *values* into a canned query and run it on *store*."""
    text = query.bind(values)
    try:
        return execute(store, text, source=query.source)
    except ServiceError:
        raise
    except QueryError:
        execute(Store(), query.text, source=query.source)
        raise
