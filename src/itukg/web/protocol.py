"""What the SPARQL 1.1 Protocol layer needs to know of a query text before running it.

Every test is a scan of the text's tokens (:func:`itukg.queries.tokens`, which skips
strings, IRIs and comments), never a search for a substring: a ``SERVICE`` in a literal or a
comment is not a federated query, and a variable named ``?insert`` is not an update.
"""

from __future__ import annotations

from itukg.queries import tokens

#: The query forms, by their keyword.
QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
#: Keywords that start a SPARQL 1.1 Update operation.
UPDATE_KEYWORDS = frozenset(
    ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
)


def query_form(text: str) -> str | None:
    """Return ``select``, ``construct``, ``describe``, ``ask``, ``update``, or None.

    The form is the first keyword after the prologue (``BASE`` and ``PREFIX``
    declarations); ``update`` when it starts an update operation, None when it is neither.
    """
    expect_prefix_name = False
    for token in tokens(text):
        if expect_prefix_name:
            expect_prefix_name = False
            if token.kind == "pname":
                continue
        if token.kind != "word":
            return None
        keyword = token.text.upper()
        if keyword == "BASE":
            continue
        if keyword == "PREFIX":
            expect_prefix_name = True
            continue
        if keyword in QUERY_FORMS:
            return keyword.lower()
        if keyword in UPDATE_KEYWORDS:
            return "update"
        return None
    return None


def keywords(text: str) -> set[str]:
    """Return the keywords (bare words, upper-cased) of a SPARQL text."""
    return {token.text.upper() for token in tokens(text) if token.kind == "word"}


def uses_service(text: str) -> bool:
    """Tell whether a query calls ``SERVICE`` (a federated query)."""
    return "SERVICE" in keywords(text)


def has_dataset_clause(text: str) -> bool:
    """Tell whether a query gives its own RDF dataset with ``FROM`` or ``FROM NAMED``."""
    return "FROM" in keywords(text)


def result_kind(form: str | None) -> str:
    """Return ``graph`` for CONSTRUCT and DESCRIBE, else ``results`` (SELECT, ASK, unknown)."""
    return "graph" if form in ("construct", "describe") else "results"
