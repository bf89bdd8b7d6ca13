"""Content negotiation, the SPARQL token tests, and where IRIs link to."""

from __future__ import annotations

import pytest

from itukg.web.links import href, local_path
from itukg.web.negotiation import (
    GRAPH_FORMATS,
    HTML,
    RESULT_FORMATS,
    RESULT_SWITCH,
    Format,
    MediaRange,
    NotAcceptable,
    choose,
    negotiate,
    parse_accept,
)
from itukg.web.protocol import has_dataset_clause, query_form, uses_service

PAGE_OR_RDF = (*GRAPH_FORMATS, HTML)


def chosen(accept: str | None, offers: tuple[Format, ...] = PAGE_OR_RDF) -> str | None:
    found = choose(accept, offers)
    return None if found is None else found.media_type


def test_parse_accept() -> None:
    assert parse_accept("text/html;level=1;q=0.5, */*;q=0.1, application/json, bad, x/y;q=2") == [
        MediaRange("text", "html", 0.5),
        MediaRange("*", "*", 0.1),
        MediaRange("application", "json", 1.0),
    ]
    assert parse_accept("*/html, text/*;q=abc") == []


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (None, "text/turtle"),
        ("", "text/turtle"),
        ("*/*", "text/turtle"),
        ("text/html", "text/html"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
        ("application/ld+json, text/turtle;q=0.9", "application/ld+json"),
        ("text/*", "text/turtle"),
        ("text/*;q=0.5, text/html", "text/html"),
        ("application/*", "application/ld+json"),
        ("*/*;q=0.1, application/n-triples;q=0.5", "application/n-triples"),
        ("text/turtle;q=0, */*", "application/ld+json"),
        ("TEXT/HTML", "text/html"),
        ("image/png", None),
    ],
)
def test_choose(accept: str | None, media_type: str | None) -> None:
    assert chosen(accept) == media_type
    assert chosen("text/turtle;q=0, text/html;q=0", (GRAPH_FORMATS[0], HTML)) is None


def test_negotiate() -> None:
    offers = (*RESULT_FORMATS, HTML)
    assert negotiate("text/csv", None, offers, RESULT_SWITCH, "x").name == "csv"
    assert negotiate("text/csv", "json", offers, RESULT_SWITCH, "x").name == "json"
    with pytest.raises(NotAcceptable) as raised:
        negotiate(None, "ttl", offers, RESULT_SWITCH, "answers")
    assert (raised.value.status, str(raised.value)) == (
        400,
        "format 'ttl' does not apply to answers (choose from json, xml, csv, tsv, html)",
    )
    with pytest.raises(NotAcceptable) as raised:
        negotiate(None, "html", RESULT_FORMATS, RESULT_SWITCH, "answers")
    assert (
        str(raised.value)
        == "format 'html' does not apply to answers (choose from json, xml, csv, tsv)"
    )
    with pytest.raises(NotAcceptable) as raised:
        negotiate("image/*", None, RESULT_FORMATS[:2], RESULT_SWITCH, "answers")
    assert (raised.value.status, str(raised.value)) == (
        406,
        "no acceptable format for answers in Accept: image/* (offered: "
        "application/sparql-results+json, application/sparql-results+xml)",
    )


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "select"),
        ("PREFIX : <http://example.org/> PREFIX ex: <http://example.org/x#> ask {}", "ask"),
        ("BASE <http://example.org/> CONSTRUCT WHERE { ?s ?p ?o }", "construct"),
        ("# SELECT\nDESCRIBE <http://example.org/a>", "describe"),
        ("INSERT DATA { <a:b> <a:c> <a:d> }", "update"),
        ("PREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ?p ?o }", "update"),
        ("with <http://example.org/g> delete { ?s ?p ?o } where { ?s ?p ?o }", "update"),
        ("LOAD <http://example.org/data.ttl>", "update"),
        ("CLEAR ALL", "update"),
        ('"SELECT"', None),
        ("PREFIX ex <http://example.org/> SELECT", None),
        ("", None),
    ],
)
def test_query_form(text: str, form: str | None) -> None:
    assert query_form(text) == form


def test_service_and_dataset_are_found_by_tokens_not_substrings() -> None:
    assert uses_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert uses_service("select * { service silent ?endpoint { ?s ?p ?o } }")
    assert not uses_service('SELECT * { ?s ?p "SERVICE" } # SERVICE')
    assert not uses_service("SELECT ?service { ?service a <http://example.org/SERVICE> }")
    assert not uses_service("PREFIX service: <http://example.org/> SELECT * { ?s service:x ?o }")
    assert has_dataset_clause("SELECT * FROM <http://example.org/g> { ?s ?p ?o }")
    assert has_dataset_clause(
        "SELECT * FROM NAMED <http://example.org/g> { GRAPH ?g { ?s ?p ?o } }"
    )
    assert not has_dataset_clause('SELECT ?from { BIND("FROM" AS ?from) }')


# --- Links ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iri", "path"),
    [
        ("https://w3id.org/itukg/id/person/ali-abbassene", "/id/person/ali-abbassene"),
        (
            "https://w3id.org/itukg/id/source/sg20-overview/cg-aiot",
            "/id/source/sg20-overview/cg-aiot",
        ),
        ("https://w3id.org/itukg/ontology", "/ontology"),
        ("https://w3id.org/itukg/ontology/0.1.0", "/ontology/0.1.0"),
        ("https://w3id.org/itukg/ontology#Bureau", "/ontology#Bureau"),
        ("https://w3id.org/itukg/graph", "/graph"),
        ("https://w3id.org/itukg/id/", None),
        ("http://www.w3.org/ns/org#Membership", None),
    ],
)
def test_local_paths(iri: str, path: str | None) -> None:
    assert local_path(iri) == path
    assert href(iri, "/kg") == (f"/kg{path}" if path else iri)
