"""The OpenAPI 3.1 description of the web API, generated from the catalogue of canned queries.

One path per canned query (``/api/queries/{name}``) with its parameters typed from the
query's header, then the SPARQL endpoint, the catalogue, the pages and the RDF of things.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from itukg.__about__ import __version__
from itukg.queries import CannedQuery, Param
from itukg.web.negotiation import GRAPH_FORMATS, RESULT_FORMATS
from itukg.web.protocol import query_form, result_kind

#: JSON Schemas of the parameter types of canned queries.
PARAM_SCHEMAS: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "iri": {"type": "string", "format": "iri"},
}

#: Errors of the API, as RFC 9457 problem details.
ERRORS = {
    "400": "The query cannot be run as asked: an unknown, missing or ill-typed parameter, "
    "a format that does not apply, or invalid SPARQL.",
    "403": "An update: the service is read-only.",
    "404": "No such query or thing.",
    "406": "No format the Accept header allows.",
    "413": "The answer has more rows than the service gives (--max-rows), or the query is "
    "too long.",
    "503": "Every query worker stayed busy; try again later.",
    "504": "The query ran longer than the time limit (--timeout) and was stopped.",
}

_RESULT_TYPES = tuple(dict.fromkeys(f.media_type for f in RESULT_FORMATS))
_GRAPH_TYPES = tuple(dict.fromkeys(f.media_type for f in GRAPH_FORMATS))


def json_value(value: object) -> Any:
    """Return a default value of a parameter as JSON."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def param_schema(param: Param) -> dict[str, Any]:
    """Return the JSON Schema of a canned query's parameter, with its default."""
    schema = dict(PARAM_SCHEMAS[param.type])
    if param.default is not None:
        schema["default"] = json_value(param.default)
    return schema


def param_json(param: Param) -> dict[str, Any]:
    """Return a parameter as the catalogue lists it."""
    return {
        "name": param.name,
        "type": param.type,
        "default": json_value(param.default),
        "required": param.required,
        "description": param.description,
    }


def _content(media_types: Iterable[str], schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {t: {"schema": schema or {"type": "string"}} for t in media_types}


def _errors(*codes: str) -> dict[str, Any]:
    return {code: {"$ref": f"#/components/responses/{code}"} for code in codes}


def _results_response(kind: str, description: str) -> dict[str, Any]:
    if kind == "graph":
        return {"description": description, "content": _content(_GRAPH_TYPES)}
    content = _content(_RESULT_TYPES)
    ref = {"$ref": "#/components/schemas/SparqlResults"}
    content["application/sparql-results+json"] = {"schema": ref}
    content["application/json"] = {"schema": ref}
    return {"description": description, "content": content}


def operation_id(name: str) -> str:
    """Return the operation id of the canned query *name*: ``query_cross_group_people``."""
    return "query_" + re.sub(r"\W+", "_", name).strip("_")


def query_operation(query: CannedQuery) -> dict[str, Any]:
    """Return the OpenAPI operation of one canned query."""
    kind = "graph" if result_kind(query_form(query.text)) == "graph" else "results"
    parameters = [
        {
            "name": param.name,
            "in": "query",
            "required": param.required,
            "description": param.description or f"A {param.type}.",
            "schema": param_schema(param),
        }
        for param in query.params
    ]
    if query.param("format") is None:
        parameters.append({"$ref": f"#/components/parameters/{kind}Format"})
    operation: dict[str, Any] = {
        "tags": ["Canned queries"],
        "operationId": operation_id(query.name),
        "summary": query.summary,
        "parameters": parameters,
        "responses": {
            "200": _results_response(kind, "The answer, in the format Accept prefers."),
            **_errors("400", "406", "413", "503", "504"),
        },
    }
    if query.description:
        operation["description"] = query.description
    return operation


def _rdf_operation(summary: str, operation: str, parameters: list[Any]) -> dict[str, Any]:
    content = _content(("text/html", *_GRAPH_TYPES))
    return {
        "tags": ["Linked data"],
        "operationId": operation,
        "summary": summary,
        "description": "HTML for a browser, RDF for a program, by Accept (the response "
        "varies on it) or by the format switch.",
        "parameters": [*parameters, {"$ref": "#/components/parameters/thingFormat"}],
        "responses": {
            "200": {"description": "The description, in the format asked for.", "content": content},
            **_errors("400", "404", "406"),
        },
    }


def _page(summary: str, operation: str, media_type: str = "text/html") -> dict[str, Any]:
    return {
        "tags": ["Pages"],
        "operationId": operation,
        "summary": summary,
        "responses": {"200": {"description": summary, "content": _content((media_type,))}},
    }


def _format_parameter(values: Iterable[str], what: str) -> dict[str, Any]:
    return {
        "name": "format",
        "in": "query",
        "required": False,
        "description": f"Format of {what}, instead of the one Accept prefers.",
        "schema": {"type": "string", "enum": list(values)},
    }


def document(catalogue: Iterable[CannedQuery], server: str) -> dict[str, Any]:
    """Return the OpenAPI 3.1 description of the app served at *server*."""
    paths: dict[str, Any] = {}
    dataset = [
        {
            "name": key,
            "in": "query",
            "required": False,
            "description": f"{what} (SPARQL 1.1 Protocol); the graph is {graph}.",
            "schema": {"type": "array", "items": {"type": "string", "format": "iri"}},
            "style": "form",
            "explode": True,
        }
        for key, what, graph in (
            (
                "default-graph-uri",
                "IRI of a graph of the default graph",
                "https://w3id.org/itukg/graph",
            ),
            ("named-graph-uri", "IRI of a named graph", "https://w3id.org/itukg/graph"),
        )
    ]
    sparql_content = _content((*_RESULT_TYPES, *_GRAPH_TYPES, "text/html"))
    sparql_content["application/sparql-results+json"] = {
        "schema": {"$ref": "#/components/schemas/SparqlResults"}
    }
    sparql_responses = {
        "200": {
            "description": "The answer: SELECT and ASK results, or a graph for CONSTRUCT and "
            "DESCRIBE, in the format Accept prefers. Without a query, the service description.",
            "content": sparql_content,
        },
        **_errors("400", "403", "406", "413", "503", "504"),
        "415": {"description": "A POST body of another media type."},
    }
    paths["/sparql"] = {
        "get": {
            "tags": ["SPARQL"],
            "operationId": "sparql_get",
            "summary": "Run a SPARQL query; without one, describe the service.",
            "parameters": [
                {
                    "name": "query",
                    "in": "query",
                    "required": False,
                    "description": "A SPARQL 1.1 query; itukg's prefixes are predeclared.",
                    "schema": {"type": "string"},
                },
                *dataset,
                _format_parameter(
                    ("json", "xml", "csv", "tsv", "ttl", "jsonld", "nt", "rdf", "html"),
                    "the answer",
                ),
            ],
            "responses": sparql_responses,
        },
        "post": {
            "tags": ["SPARQL"],
            "operationId": "sparql_post",
            "summary": "Run a SPARQL query sent in a form or as the body.",
            "parameters": dataset,
            "requestBody": {
                "required": True,
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "query": {"type": "string"},
                                "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                                "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                            },
                            "required": ["query"],
                        }
                    },
                    "application/sparql-query": {"schema": {"type": "string"}},
                },
            },
            "responses": sparql_responses,
        },
    }
    catalogue = list(catalogue)
    paths["/api/queries"] = {
        "get": {
            "tags": ["Canned queries"],
            "operationId": "list_queries",
            "summary": "The canned queries, with their parameters.",
            "responses": {
                "200": {
                    "description": "The catalogue.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Catalogue"}}
                    },
                }
            },
        }
    }
    for query in catalogue:
        paths[f"/api/queries/{query.name}"] = {"get": query_operation(query)}
    slug = {"in": "path", "required": True, "schema": {"type": "string"}}
    paths["/id/{kind}/{slug}"] = {
        "get": _rdf_operation(
            "A thing of the graph: https://w3id.org/itukg/id/{kind}/{slug} (the parts of a "
            "source document are one level deeper: /id/source/{document}/{part}).",
            "thing",
            [
                {"name": "kind", "description": "person, org, membership, ...", **slug},
                {"name": "slug", "description": "The thing's name in its kind.", **slug},
            ],
        )
    }
    paths["/ontology"] = {"get": _rdf_operation("The ontology and its terms.", "ontology", [])}
    paths["/graph"] = {
        "get": {
            "tags": ["Linked data"],
            "operationId": "graph",
            "summary": "The whole graph (https://w3id.org/itukg/graph), ontology and data.",
            "parameters": [{"$ref": "#/components/parameters/graphFormat"}],
            "responses": {
                "200": {"description": "The graph.", "content": _content(_GRAPH_TYPES)},
                **_errors("400", "406"),
            },
        }
    }
    paths["/search"] = {
        "get": {
            **_page("Things whose names contain a text.", "search"),
            "parameters": [
                {
                    "name": "q",
                    "in": "query",
                    "required": False,
                    "description": "Text to find, without regard to case or accents.",
                    "schema": {"type": "string"},
                }
            ],
        }
    }
    paths["/orgchart.svg"] = {
        "get": _page("The organisation chart, as SVG.", "orgchart_svg", "image/svg+xml")
    }
    paths["/openapi.json"] = {"get": _page("This description.", "openapi", "application/json")}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "itukg",
            "version": __version__,
            "summary": "The linked-data knowledge graph of ITU-T Study Group 20.",
            "description": "SPARQL, canned queries and linked data about ITU-T Study Group 20 "
            "(IoT and smart sustainable cities): who leads what, who sits where, which text "
            "instructs whom.",
            "license": {"name": "CC-BY-4.0 AND MIT", "identifier": "CC-BY-4.0 AND MIT"},
        },
        "servers": [{"url": server}],
        "tags": [
            {"name": "SPARQL", "description": "The SPARQL 1.1 Protocol."},
            {"name": "Canned queries", "description": "Questions with parameters."},
            {"name": "Linked data", "description": "Every IRI of the graph, dereferenced."},
            {"name": "Pages", "description": "Pages for people."},
        ],
        "paths": paths,
        "components": {
            "parameters": {
                "resultsFormat": _format_parameter(("json", "xml", "csv", "tsv"), "the answer"),
                "graphFormat": _format_parameter(("ttl", "jsonld", "nt", "rdf"), "the graph"),
                "thingFormat": _format_parameter(
                    ("html", "ttl", "jsonld", "nt", "rdf"), "the description"
                ),
            },
            "schemas": {
                "SparqlResults": {
                    "description": "W3C SPARQL 1.1 Query Results JSON.",
                    "type": "object",
                    "properties": {
                        "head": {
                            "type": "object",
                            "properties": {"vars": {"type": "array", "items": {"type": "string"}}},
                        },
                        "results": {
                            "type": "object",
                            "properties": {
                                "bindings": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "additionalProperties": {
                                            "$ref": "#/components/schemas/RdfTerm"
                                        },
                                    },
                                }
                            },
                        },
                        "boolean": {"type": "boolean"},
                    },
                    "required": ["head"],
                },
                "RdfTerm": {
                    "type": "object",
                    "properties": {
                        "type": {"enum": ["uri", "literal", "bnode", "triple"]},
                        "value": {},
                        "xml:lang": {"type": "string"},
                        "datatype": {"type": "string"},
                    },
                    "required": ["type", "value"],
                },
                "Catalogue": {
                    "type": "object",
                    "properties": {
                        "queries": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/CannedQuery"},
                        }
                    },
                    "required": ["queries"],
                },
                "CannedQuery": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "summary": {"type": "string"},
                        "description": {"type": "string"},
                        "url": {"type": "string", "format": "uri"},
                        "page": {"type": "string", "format": "uri"},
                        "params": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "name": {"type": "string"},
                                    "type": {"enum": list(PARAM_SCHEMAS)},
                                    "default": {},
                                    "required": {"type": "boolean"},
                                    "description": {"type": "string"},
                                },
                                "required": ["name", "type", "required"],
                            },
                        },
                    },
                    "required": ["name", "summary", "params"],
                },
                "Problem": {
                    "description": "RFC 9457 problem details.",
                    "type": "object",
                    "properties": {
                        "type": {"type": "string"},
                        "title": {"type": "string"},
                        "status": {"type": "integer"},
                        "detail": {"type": "string"},
                    },
                    "required": ["status", "detail"],
                },
            },
            "responses": {
                code: {
                    "description": description,
                    "content": {
                        "application/problem+json": {
                            "schema": {"$ref": "#/components/schemas/Problem"}
                        },
                        "text/plain": {"schema": {"type": "string"}},
                    },
                }
                for code, description in ERRORS.items()
            },
        },
    }
