"""The exceptions itukg raises: one base class, one subclass per kind of failure.

Every message is one line that names what went wrong and where (file, line, column, node),
so the command line can print it as it is.
"""

from __future__ import annotations


class ItukgError(Exception):
    """Base class of every error itukg raises on purpose."""

    #: Exit status of the command line when this error stops a command.
    exit_code = 2


class InputError(ItukgError):
    """A file could not be read, or is not valid for its kind.

    The message starts with ``file:line:column:`` when the position is known.
    """

    def __init__(
        self, file: str, message: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.reason = message
        where = file
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


class QueryHeaderError(InputError):
    """The metadata header of a query file is invalid."""


class QueryError(ItukgError):
    """A query cannot be run: unknown name, bad parameters, or invalid SPARQL."""


class ServiceError(QueryError):
    """A federated query's remote endpoint (SPARQL ``SERVICE``) could not be reached or failed.

    The exit status is 4, as for any endpoint that fails.
    """

    exit_code = 4


class LimitError(QueryError):
    """A query's answer is larger than the number of rows (or triples) it may have."""

    def __init__(self, limit: int, unit: str) -> None:
        self.limit = limit
        self.unit = unit
        super().__init__(f"the answer has more than {limit} {unit}")


class ResolveError(ItukgError):
    """A name or IRI does not designate exactly one thing in the graph."""

    def __init__(self, message: str, candidates: tuple[tuple[str, str], ...] = ()) -> None:
        self.candidates = candidates
        super().__init__(message)


class FormatError(ItukgError):
    """An output format is unknown, or does not apply to the result at hand."""


class OutputError(ItukgError):
    """An output file could not be written."""
