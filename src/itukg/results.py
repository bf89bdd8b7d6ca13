"""Query results and their formats: an aligned table for people, W3C formats for programs.

Results are kept as W3C SPARQL 1.1 Query Results JSON (written by Oxigraph) so that they can be
read as rows and written in any standard format, exactly, as often as needed.
"""

from __future__ import annotations

import functools
import itertools
import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolution,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
)

from itukg import terms
from itukg.errors import FormatError, LimitError
from itukg.terms import Term

#: Formats of SELECT and ASK results: name -> W3C format (None: the aligned text table).
RESULT_FORMATS: dict[str, QueryResultsFormat | None] = {
    "table": None,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
}

Row = dict[str, Term | None]
"""One solution: every variable of the result, None where it is unbound."""


class Renderings(Protocol):
    """Where a result's renderings (by format name, and ``summary``) are kept between runs."""

    def get(self, name: str) -> bytes | None:
        """Return the rendering called *name*, or None if none is kept."""

    def __setitem__(self, name: str, data: bytes) -> None:
        """Keep *data* as the rendering called *name* (or not, if it cannot be kept)."""


class _Rendered:
    """What results share: a rendering is made, or read back if it was kept before.

    An ASK answer is rendered every time: it is one word.
    """

    renderings: Renderings | None = None
    """Set by :mod:`itukg.cache` on an answer it keeps: a rendering is then made once."""

    def _kept(self, name: str, render: Callable[[], bytes]) -> bytes:
        if self.renderings is None:
            return render()
        data = self.renderings.get(name)
        if data is None:
            data = render()
            self.renderings[name] = data
        return data


class SelectResult(_Rendered):
    """The solutions of a SELECT query: ``variables`` and ``rows``."""

    kind = "select"
    default_format = "table"
    formats: Sequence[str] = tuple(RESULT_FORMATS)

    def __init__(self, json: bytes) -> None:
        """Hold solutions given as SPARQL Query Results JSON (read when first needed)."""
        self.json = json
        self._count: int | None = None

    @functools.cached_property
    def variables(self) -> tuple[str, ...]:
        """The variables of the solutions, in the order of the query's projection."""
        return tuple(v.value for v in self._parse().variables)

    def _parse(self) -> QuerySolutions:
        parsed = parse_query_results(self.json, format=QueryResultsFormat.JSON)
        assert isinstance(parsed, QuerySolutions)
        return parsed

    @functools.cached_property
    def rows(self) -> list[Row]:
        """The solutions, in the order the query gave them."""
        return [dict(zip(self.variables, values, strict=True)) for values in self._values()]

    def _values(self) -> list[list[Term | None]]:
        """Return the values of each solution in the order of :attr:`variables` (None: unbound)."""
        if "rows" in self.__dict__:
            return [list(row.values()) for row in self.rows]
        values = [list(solution) for solution in self._parse()]
        self._count = len(values)
        return values

    def __len__(self) -> int:
        if self._count is not None:
            return self._count
        return len(self.rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def column(self, variable: str) -> list[Term | None]:
        """Return the values of one variable, row by row."""
        return [row[variable] for row in self.rows]

    def table(self) -> str:
        """Return the rows as aligned text columns under a header, IRIs as CURIEs."""
        return format_table(self.variables, self._values())

    def summary(self) -> str:
        """Return the row count, as a line for people."""

        def render() -> bytes:
            return (f"{len(self)} row" + ("" if len(self) == 1 else "s")).encode()

        return self._kept("summary", render).decode()

    def serialize(self, format: str | None = None) -> bytes:
        """Return the result in *format* (a key of :data:`RESULT_FORMATS`)."""
        name = _check_format(self, format)
        if name == "json":
            return self.json
        if name == "table":
            return self._kept(name, lambda: self.table().encode())
        target = RESULT_FORMATS[name]
        assert target is not None
        return self._kept(name, lambda: self._parse().serialize(format=target) or b"")


class AskResult(_Rendered):
    """The answer of an ASK query: ``value``."""

    kind = "ask"
    default_format = "table"
    formats: Sequence[str] = tuple(RESULT_FORMATS)

    def __init__(self, json: bytes) -> None:
        """Hold an answer given as SPARQL Query Results JSON."""
        self.json = json
        self.value = bool(parse_query_results(json, format=QueryResultsFormat.JSON))

    def __bool__(self) -> bool:
        return self.value

    def summary(self) -> str:
        """Return the answer, as a line for people."""
        return "true" if self.value else "false"

    def serialize(self, format: str | None = None) -> bytes:
        """Return the answer in *format*: ``true``/``false`` for the table, else W3C."""
        name = _check_format(self, format)
        if name == "table":
            return (self.summary() + "\n").encode()
        if name == "json":
            return self.json
        target = RESULT_FORMATS[name]
        assert target is not None
        answer = parse_query_results(self.json, format=QueryResultsFormat.JSON)
        return answer.serialize(format=target) or b""


class GraphResult(_Rendered):
    """The triples of a CONSTRUCT or DESCRIBE query: ``triples``."""

    kind = "graph"
    default_format = "turtle"

    def __init__(self, triples: Sequence[Triple] | None = None, *, ntriples: bytes = b"") -> None:
        """Hold the triples a query built, or the N-Triples of them (read when needed)."""
        if triples is not None:
            self.triples = list(triples)
        self._ntriples = ntriples

    @functools.cached_property
    def triples(self) -> list[Triple]:
        """The triples, in the order the query gave them."""
        return [quad.triple for quad in parse(self._ntriples, format=RdfFormat.N_TRIPLES)]

    @property
    def formats(self) -> Sequence[str]:
        """The RDF formats of :mod:`itukg.export`."""
        from itukg.export import FORMATS

        return tuple(FORMATS)

    def __len__(self) -> int:
        return len(self.triples)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self.triples)

    def summary(self) -> str:
        """Return the triple count, as a line for people."""
        return f"{len(self)} triple" + ("" if len(self) == 1 else "s")

    def serialize(self, format: str | None = None) -> bytes:
        """Return the triples in an RDF format of :data:`itukg.export.FORMATS`."""
        from itukg.export import serialize_triples

        name = _check_format(self, format)
        return self._kept(name, lambda: serialize_triples(self.triples, name))


QueryResult = SelectResult | AskResult | GraphResult
"""What running a query gives."""


def from_pyoxigraph(
    answer: QuerySolutions | QueryBoolean | QueryTriples, *, max_rows: int | None = None
) -> QueryResult:
    """Return the result object for what ``Store.query`` answered.

    With *max_rows*, an answer of more solutions (or triples) raises :class:`LimitError`
    as soon as one more is read, so that a huge answer is never held.
    """
    if isinstance(answer, QuerySolutions):
        if max_rows is None:
            return SelectResult(answer.serialize(format=QueryResultsFormat.JSON) or b"")
        variables = [v.value for v in answer.variables]
        rows = list(itertools.islice(answer, max_rows + 1))
        if len(rows) > max_rows:
            raise LimitError(max_rows, "rows")
        return SelectResult(solutions_json(variables, rows))
    if isinstance(answer, QueryBoolean):
        return AskResult(answer.serialize(format=QueryResultsFormat.JSON) or b"")
    triples = list(answer if max_rows is None else itertools.islice(answer, max_rows + 1))
    if max_rows is not None and len(triples) > max_rows:
        raise LimitError(max_rows, "triples")
    return GraphResult(triples)


def solutions_json(variables: Sequence[str], rows: Iterable[QuerySolution]) -> bytes:
    """Return *rows* as SPARQL 1.1 Query Results JSON, written as Oxigraph writes it."""
    bindings = [
        {v: _json_term(term) for v in variables if (term := row[v]) is not None} for row in rows
    ]
    data = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        found: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            found["xml:lang"] = term.language
        elif term.datatype.value != terms.XSD_STRING:
            found["datatype"] = term.datatype.value
        return found
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def all_formats() -> list[str]:
    """Return every format a query result can take: result formats, then RDF formats."""
    from itukg.export import FORMATS

    return [*RESULT_FORMATS, *(name for name in FORMATS if name not in RESULT_FORMATS)]


def _check_format(result: QueryResult, format: str | None) -> str:
    name = format or result.default_format
    if name not in result.formats:
        kind = {"select": "SELECT results", "ask": "ASK results", "graph": "graph results"}
        raise FormatError(
            f"format '{name}' does not apply to {kind[result.kind]} "
            f"(choose from {', '.join(result.formats)})"
        )
    return name


def format_table(header: Sequence[str], rows: Sequence[Sequence[Term | None]]) -> str:
    """Return *rows* of terms as columns aligned under *header*.

    Terms are shown by :func:`itukg.terms.show`; a column of numbers is aligned right.
    """
    shown: dict[Term | None, str] = {None: ""}  # a term repeated down a column is shown once

    def text(term: Term | None) -> str:
        found = shown.get(term)
        if found is None:
            found = shown[term] = _one_line(terms.show(term))
        return found

    cells = [[text(term) for term in row] for row in rows]
    right = [
        bool(rows) and all(row[i] is None or terms.is_numeric(row[i]) for row in rows)
        for i in range(len(header))
    ]
    return align(header, cells, right)


def align(header: Sequence[str], cells: Sequence[Sequence[str]], right: Sequence[bool]) -> str:
    """Return text *cells* in columns under *header*, with a rule below the header.

    Columns flagged in *right* are aligned right; trailing spaces are dropped. Widths are
    those of the text on a terminal: a wide character takes two columns, a combining one none.
    """
    columns = list(zip(*cells, strict=True)) or [()] * len(header)
    widths = [
        max([_width(name)] + [len(v) if v.isascii() else _width(v) for v in column])
        for name, column in zip(header, columns, strict=True)
    ]

    def line(values: Sequence[str]) -> str:
        padded = [
            (v.rjust(w) if r else v.ljust(w)) if v.isascii() else _pad(v, w, r)
            for v, w, r in zip(values, widths, right, strict=True)
        ]
        return "  ".join(padded).rstrip()

    lines = [line(header), line(["-" * w for w in widths]), *(line(row) for row in cells)]
    return "\n".join(lines) + "\n"


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space


def _one_line(text: str) -> str:
    return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


@functools.lru_cache(maxsize=1 << 16)
def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(
        0
        if unicodedata.combining(char)
        else 2
        if unicodedata.east_asian_width(char) in ("W", "F")
        else 1
        for char in text
    )
