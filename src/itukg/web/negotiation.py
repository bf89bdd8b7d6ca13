"""Content negotiation: which format to answer in, from ``Accept`` or from ``?format=``.

A response format is chosen by the ``Accept`` header with its q-values (RFC 9110, section
12.5.1): each offered media type takes the q-value of the most specific range that matches
it, the highest q-value wins, and the server's order breaks ties, so ``*/*`` or no header
gives the first offer. A link can choose instead with the ``format`` switch, one short name
per format (``?format=ttl``), or media types as in ``Accept`` (``?format=text/turtle``), which
some SPARQL clients send there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    """A format a response can take."""

    name: str
    """The name :mod:`itukg.results` and :mod:`itukg.export` know it by, or ``html``."""
    media_type: str
    """The media type the response is labelled with."""


HTML = Format("html", "text/html")

#: Formats of SELECT and ASK results, default first, then ``application/json`` as an alias.
#: (``application/xml`` is no alias: browsers ask for it before ``*/*``.)
RESULT_FORMATS = (
    Format("json", "application/sparql-results+json"),
    Format("xml", "application/sparql-results+xml"),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values"),
    Format("json", "application/json"),
)

#: RDF formats of graphs (CONSTRUCT and DESCRIBE answers, descriptions of things), default first.
GRAPH_FORMATS = (
    Format("turtle", "text/turtle"),
    Format("json-ld", "application/ld+json"),
    Format("nt", "application/n-triples"),
    Format("xml", "application/rdf+xml"),
)

#: Values of the ``format`` switch, for results and for graphs.
RESULT_SWITCH: Mapping[str, Format] = {
    "json": RESULT_FORMATS[0],
    "xml": RESULT_FORMATS[1],
    "csv": RESULT_FORMATS[2],
    "tsv": RESULT_FORMATS[3],
    "html": HTML,
}
GRAPH_SWITCH: Mapping[str, Format] = {
    "ttl": GRAPH_FORMATS[0],
    "turtle": GRAPH_FORMATS[0],
    "jsonld": GRAPH_FORMATS[1],
    "json-ld": GRAPH_FORMATS[1],
    "nt": GRAPH_FORMATS[2],
    "rdf": GRAPH_FORMATS[3],
    "xml": GRAPH_FORMATS[3],
    "html": HTML,
}


class NotAcceptable(Exception):
    """No offered format is acceptable (406), or a ``format`` switch names none (400)."""

    def __init__(self, message: str, status: int = 406) -> None:
        self.status = status
        super().__init__(message)


@dataclass(frozen=True)
class MediaRange:
    """One media range of an ``Accept`` header."""

    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """Return how closely this range matches *media_type*: 3, 2, 1, or 0 for no match."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 1 if self.subtype == "*" else 0
        if self.type != kind:
            return 0
        if self.subtype == "*":
            return 2
        return 3 if self.subtype == sub else 0


def parse_accept(header: str) -> list[MediaRange]:
    """Return the media ranges of an ``Accept`` header; malformed ones are left out."""
    ranges: list[MediaRange] = []
    for item in header.split(","):
        media, *params = (part.strip() for part in item.split(";"))
        kind, slash, sub = media.lower().partition("/")
        if not slash or not kind or not sub or (kind == "*" and sub != "*"):
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = -1.0
        if 0.0 <= q <= 1.0:
            ranges.append(MediaRange(kind, sub, q))
    return ranges


def quality(ranges: Sequence[MediaRange], media_type: str) -> float:
    """Return the q-value *ranges* give *media_type*: that of the most specific match, or 0."""
    best = max(ranges, key=lambda r: r.specificity(media_type), default=None)
    if best is None or best.specificity(media_type) == 0:
        return 0.0
    return best.q


def choose(accept: str | None, offers: Sequence[Format]) -> Format | None:
    """Return the offer *accept* prefers (the first without a header), or None if none is."""
    if not offers:
        return None
    if accept is None or not accept.strip():
        return offers[0]
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]
    scored = [(quality(ranges, offer.media_type), -i, offer) for i, offer in enumerate(offers)]
    q, _, offer = max(scored, key=lambda item: (item[0], item[1]))
    return offer if q > 0 else None


def negotiate(
    accept: str | None,
    switch: str | None,
    offers: Sequence[Format],
    switches: Mapping[str, Format],
    what: str,
) -> Format:
    """Return the format of a response: by the *switch* value if given, else by *accept*.

    The switch is a short name of *switches*, or media types read as an ``Accept`` header.

    *what* names the kind of answer in messages. An unknown switch value raises
    :class:`NotAcceptable` with status 400; nothing acceptable, with status 406.
    """
    if switch is not None:
        found = switches.get(switch)
        if found is None and parse_accept(switch):
            found = choose(switch, offers)
        if found is None or found not in offers:
            known = ", ".join(k for k, f in switches.items() if f in offers)
            raise NotAcceptable(
                f"format '{switch}' does not apply to {what} (choose from {known})", 400
            )
        return found
    chosen = choose(accept, offers)
    if chosen is None:
        types = ", ".join(dict.fromkeys(offer.media_type for offer in offers))
        raise NotAcceptable(
            f"no acceptable format for {what} in Accept: {accept} (offered: {types})"
        )
    return chosen
