"""The canned queries: every header is valid, every body parses, every answer is the known one.

The expected answers below are read off the source document (the SG20 overview) and the data
files, not copied from what the queries return. Lists joined by GROUP_CONCAT come in no order
SPARQL guarantees, so those cells are compared as sorted lists (see ``UNORDERED``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from pyoxigraph import Literal, NamedNode, Store
from rdflib import RDF, SKOS, Graph, URIRef

import itukg
from itukg.queries import parse_query_file

ROOT = Path(__file__).resolve().parents[1]
QUERY_DIR = ROOT / "queries"
QUERY_FILES = sorted(QUERY_DIR.glob("*.rq"))
#: Queries that join the graph with a remote endpoint (SERVICE): their answers depend on that
#: endpoint, so they are checked against a local one in test_federated.py, not here.
FEDERATED = {query.name for query in itukg.catalog() if query.federated}
GRAPH_FILES = sorted((ROOT / "ontology").glob("*.ttl")) + sorted((ROOT / "data").glob("**/*.ttl"))

HEADER_KEYS = {"name", "summary", "description", "federated", "params"}
PARAM_KEYS = {"name", "type", "default", "description", "required"}

#: Short forms of the IRIs in the expected rows.
PREFIXES = {
    "itorg": "https://w3id.org/itukg/id/org/",
    "person": "https://w3id.org/itukg/id/person/",
    "post": "https://w3id.org/itukg/id/post/",
    "res": "https://w3id.org/itukg/id/resolution/",
    "rec": "https://w3id.org/itukg/id/recommendation/",
    "place": "https://w3id.org/itukg/id/place/",
    "meeting": "https://w3id.org/itukg/id/meeting/",
    "src": "https://w3id.org/itukg/id/source/sg20-overview/",
}

#: Columns that join a list with "; " in no guaranteed order: compared as sorted lists.
UNORDERED = {
    "cross-group-people": {"group_names"},
    "shared-affiliations": {"group_names", "people_names"},
}


def full(text: str | None) -> str:
    """Return the IRI that a short form of the expected rows stands for."""
    if text is None:
        return ""
    prefix, _, local = text.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES else text


def shorten(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


# --- Reading query files, independently of the package -------------------------------------

_SKIPPED = re.compile(
    r"""\#[^\n]*
      | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
      | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'
      | <[^<>"{}|^`\\\x00-\x20]*>""",
    re.VERBOSE,
)
_VARIABLE = re.compile(r"([?$])([A-Za-z_][A-Za-z0-9_]*)")


def code_of(body: str, *, iris: bool = False) -> str:
    """Return the SPARQL *body* with comments, strings and (unless *iris*) IRIs blanked out."""

    def blank(match: re.Match[str]) -> str:
        text = match.group()
        return text if iris and text.startswith("<") else " " * len(text)

    return _SKIPPED.sub(blank, body)


@dataclass
class QueryFile:
    path: Path
    header: dict[str, Any]
    body: str

    @property
    def params(self) -> list[dict[str, Any]]:
        return list(self.header.get("params") or [])


def read_query(path: Path) -> QueryFile:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header_lines = []
    for line in lines:
        if not line.startswith("#+"):
            break
        header_lines.append(line[3:] if line.startswith("#+ ") else line[2:])
    header = yaml.safe_load("".join(header_lines))
    assert isinstance(header, dict), f"{path.name}: the header is not a YAML mapping"
    return QueryFile(path, header, "".join(lines[len(header_lines) :]))


# --- Header and body checks -----------------------------------------------------------------


@pytest.fixture(params=QUERY_FILES, ids=lambda path: path.stem)
def query_file(request: pytest.FixtureRequest) -> QueryFile:
    return read_query(request.param)


def test_there_are_canned_queries() -> None:
    assert len(QUERY_FILES) >= 12
    assert (QUERY_DIR / "cross-group-people.rq").is_file()
    assert [query.name for query in itukg.catalog()] == [path.stem for path in QUERY_FILES]


def test_header(query_file: QueryFile) -> None:
    header = query_file.header
    assert set(header) <= HEADER_KEYS
    assert header["name"] == query_file.path.stem
    assert isinstance(header["summary"], str) and header["summary"].strip()
    assert isinstance(header.get("description", "x"), str)
    assert isinstance(header.get("params", []), list)
    assert header.get("federated", False) is (query_file.path.stem in FEDERATED)
    names = [p.get("name") for p in query_file.params]
    assert len(names) == len(set(names)), "a parameter is declared twice"
    parsed = parse_query_file(query_file.path)
    for param in query_file.params:
        assert isinstance(param, dict) and set(param) <= PARAM_KEYS
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(param["name"]))
        assert param["type"] in ("string", "integer", "decimal", "boolean", "date", "iri")
        assert isinstance(param.get("description"), str) and param["description"].strip()
        declared = parsed.param(param["name"])
        assert declared is not None and declared.type == param["type"]
        if "default" in param:
            assert param["default"] is not None and param.get("required", False) is False
            declared.term(param["default"])
        else:
            assert param.get("required", True) is True


def test_parameters_are_the_dollar_variables(query_file: QueryFile) -> None:
    found = _VARIABLE.findall(code_of(query_file.body))
    declared = {p["name"] for p in query_file.params}
    assert {name for sigil, name in found if sigil == "$"} == declared
    # $x and ?x are one variable in SPARQL: a parameter's name is never written with "?".
    assert not {name for sigil, name in found if sigil == "?"} & declared


def test_parameters_are_never_projected_or_bound(query_file: QueryFile) -> None:
    code = code_of(query_file.body)
    for clause in re.findall(r"\bSELECT\b(.*?)\bWHERE\b", code, re.DOTALL | re.IGNORECASE):
        assert "$" not in clause
    assert not re.search(r"\bAS\s+\$", code, re.IGNORECASE)
    assert not re.search(r"\bVALUES\b[^{]*\{[^}]*\$", code, re.IGNORECASE)


_CALLS = """
    str lang langmatches datatype bound iri uri bnode rand abs ceil floor round concat strlen
    ucase lcase encode_for_uri contains strstarts strends strbefore strafter year month day hours
    minutes seconds timezone tz now uuid struuid md5 sha1 sha256 sha384 sha512 coalesce if
    strlang strdt sameterm isiri isuri isblank isliteral isnumeric regex substr replace exists
    count sum min max avg sample group_concat select filter bind having asc desc values by as in
"""
#: What a portable query may call: SPARQL 1.1 functions, aggregates and keywords taking "(".
SPARQL_CALLS = set(_CALLS.split())
#: XSD types SPARQL 1.1 can cast to (``xsd:integer(?x)``).
XSD_CASTS = {"boolean", "double", "float", "decimal", "integer", "dateTime", "string"}


def test_body_is_portable_sparql(query_file: QueryFile) -> None:
    code = code_of(query_file.body)
    used = set(re.findall(r"(?<![\w?$])([A-Za-z][\w.-]*)?:(?=[A-Za-z_])", code))
    declared = set(re.findall(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", code, re.IGNORECASE))
    assert used <= declared, "every prefix is declared in the file"
    assert re.match(r"\s*(PREFIX\s+[\w.-]*:\s*)*SELECT\b", code, re.IGNORECASE)
    assert re.search(r"\bORDER\s+BY\b", code.rsplit("}", 1)[-1], re.IGNORECASE), (
        "the outer SELECT has an ORDER BY"
    )
    for arguments in re.findall(r"GROUP_CONCAT\s*\(([^)]*)\)", query_file.body, re.IGNORECASE):
        assert "separator" in arguments.lower()
    calls = re.findall(r"(?<![\w:?$])([A-Za-z_]\w*)\s*\(", code)
    assert {call.lower() for call in calls} <= SPARQL_CALLS
    for prefix, local in re.findall(r"(?<![\w?$])([A-Za-z][\w.-]*)?:([\w.-]+)\s*\(", code):
        assert prefix == "xsd" and local in XSD_CASTS, f"{prefix}:{local}( is not a SPARQL cast"
    iri_call = re.search(r"<[^<>\s]*>\s*\(", code_of(query_file.body, iris=True))
    assert iri_call is None, "no function called by IRI"


def test_body_parses_as_written_and_bound(query_file: QueryFile) -> None:
    empty = Store()
    empty.query(query_file.body)
    query = parse_query_file(query_file.path)
    # A required parameter is given a value of its type; the store is empty, so a SERVICE
    # is never called.
    samples = {"iri": "http://127.0.0.1/sparql", "string": "x", "integer": 1}
    empty.query(query.bind({p.name: samples[p.type] for p in query.params if p.required}))


# --- Running queries on the shipped graph ---------------------------------------------------


@pytest.fixture(scope="module")
def kg() -> itukg.KnowledgeGraph:
    return itukg.load()


def cell(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return shorten(term.value)
    assert isinstance(term, Literal), term
    return term.value


def canonical(name: str, columns: tuple[str, ...], row: tuple[str | None, ...]) -> tuple:
    lists = UNORDERED.get(name, set())
    return tuple(
        "; ".join(sorted(value.split("; "))) if column in lists and value else value
        for column, value in zip(columns, row, strict=True)
    )


def select(kg: itukg.KnowledgeGraph, name: str, params: dict[str, object]) -> tuple[tuple, list]:
    result = kg.query(name, **params)
    assert isinstance(result, itukg.SelectResult)
    columns = result.variables
    rows = [canonical(name, columns, tuple(cell(row[c]) for c in columns)) for row in result]
    return columns, rows


@dataclass
class Case:
    query: str
    params: dict[str, object]
    columns: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)

    @property
    def id(self) -> str:
        given = ",".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.query}[{given}]" if given else self.query


V, C, CH = "Vice-Chairman", "Co-Chairman", "Chairman"
ITU = "International Telecommunication Union"
NTRA = "National Telecom Regulatory Authority"
MPT = "Ministère de la Poste et des Télécommunications"
MPTTN = "Ministère de la Poste, des Télécommunications, des Technologies et du Numérique"
MTCEN = "Ministère Des Technologies De La Communication Et De L économie Numérique"
MENT = "Ministère de l\u2019Économie Numérique et des Télécommunications"
MDPT = "Ministere Des Postes Et Des Telecommunications"
TCRA = "Tanzania Communications Regulatory Authority"
ETRI = "Electronics and Telecommunications Research Institute"
JSCTF = "Joint IEC-ISO-ITU Smart Cities Task Force"
TSEC = "ITU Telecommunication Standardization Sector"

CROSS = ("person", "name", "groups", "group_names")
CROSS_ROWS = [
    ("person:ramy-ahmed-fathy", "Ramy Ahmed Fathy", "4", "FG-AI4A; SG20; SG20RG-AFR; SG20RG-ARB"),
    ("person:ali-abbassene", "Ali Abbassene", "3", "SG20; SG20RG-AFR; SG20RG-ARB"),
    ("person:achime-malick-ndiaye", "Achime Malick Ndiaye", "2", "SG20; SG20RG-AFR"),
    ("person:bernard-gindroz", "Bernard Gindroz", "2", f"ISO/TC 268; {JSCTF}"),
    ("person:bilel-chabou", "Bilel Chabou", "2", "SG20RG-AFR; SG20RG-ARB"),
    ("person:emmanuel-manasseh", "Emmanuel Manasseh", "2", "SG20; SG20RG-AFR"),
    ("person:hyoung-jun-kim", "Hyoung Jun Kim", "2", f"{JSCTF}; SG20"),
    ("person:michael-mulquin", "Michael Mulquin", "2", f"IEC SyC Smart Cities; {JSCTF}"),
]

LEAD = ("person", "name", "role", "affiliation_name", "represents_name")
SG20_LEADERSHIP = [
    ("person:hyoung-jun-kim", "Hyoung Jun Kim", CH, ETRI, None),
    ("person:achime-malick-ndiaye", "Achime Malick Ndiaye", V, MENT, None),
    ("person:ali-abbassene", "Ali Abbassene", V, MPT, None),
    ("person:emmanuel-manasseh", "Emmanuel Manasseh", V, TCRA, None),
    ("person:fabio-bigi", "Fabio Bigi", V, "Dipartimento Comunicazioni", None),
    (
        "person:harinderpal-singh-grewal",
        "Harinderpal Singh Grewal",
        V,
        "Infocomm Media Development Authority",
        None,
    ),
    ("person:hector-mario-carril", "Héctor Mario Carril", V, "CeSPI", None),
    (
        "person:muath-alrumayh",
        "Muath Alrumayh",
        V,
        "Communication and Information Technology Commission",
        None,
    ),
    ("person:ramy-ahmed-fathy", "Ramy Ahmed Fathy", V, NTRA, None),
    ("person:shane-he", "Shane He", V, "Nokia Corporation", None),
    ("person:toru-yamada", "Toru Yamada", V, "NEC Corporation", None),
    (
        "person:ziqin-sang",
        "Ziqin Sang",
        V,
        "China Information Communication Technologies Group",
        None,
    ),
    ("person:cristina-bueti", "Cristina Bueti", "Counsellor", ITU, None),
    ("person:chiara-co", "Chiara Co", "Administrative Assistant", ITU, None),
]

ORG = ("person", "name", "group", "group_name", "role", "affiliation_name")
SUB = ("depth", "unit", "name", "type", "parent", "parent_name")
SG20_UNITS = [
    ("itorg:cg-aiot", "CG-AIoT", "Correspondence group"),
    *((f"itorg:sg20-q{n}", f"Q{n}/20", "Question") for n in range(1, 8)),
    ("itorg:sg20rg-afr", "SG20RG-AFR", "Regional group"),
    ("itorg:sg20rg-arb", "SG20RG-ARB", "Regional group"),
    ("itorg:sg20rg-eecat", "SG20RG-EECAT", "Regional group"),
    ("itorg:sg20rg-latam", "SG20RG-LATAM", "Regional group"),
]
FG_AI4A_UNITS = [
    (
        "itorg:fg-ai4a-tg-water-monitoring",
        "TG-Data Science for surface and underground water monitoring",
        "Topic group",
    ),
    ("itorg:fg-ai4a-tg-georeferenced-data", "TG-Georeferenced Data Management", "Topic group"),
    (
        "itorg:fg-ai4a-tg-irrigation",
        "TG-Irrigation strategy and smart water management",
        "Topic group",
    ),
    ("itorg:fg-ai4a-tg-weather", "TG-Weather modelling and forecasting", "Topic group"),
    ("itorg:fg-ai4a-wg-as", "WG-AS", "Working group"),
    ("itorg:fg-ai4a-wg-co", "WG-CO", "Working group"),
    ("itorg:fg-ai4a-wg-dam", "WG-DAM", "Working group"),
    ("itorg:fg-ai4a-wg-elr", "WG-ELR", "Working group"),
    ("itorg:fg-ai4a-wg-roadmap", "WG-Roadmap", "Working group"),
]
ITU_UNITS = [
    *(
        ("1", unit, name, kind, "itorg:itu", ITU)
        for unit, name, kind in [
            ("itorg:itu-r", "ITU Radiocommunication Sector", "Sector"),
            ("itorg:itu-t", TSEC, "Sector"),
            ("itorg:itu-d", "ITU-D", "Sector"),
            ("itorg:joint-smart-cities-task-force", JSCTF, "Task force"),
            ("itorg:radiocommunication-bureau", "Radiocommunication Bureau", "Bureau"),
            ("itorg:tsb", "TSB", "Bureau"),
        ]
    ),
    *(
        ("2", unit, name, kind, "itorg:itu-t", TSEC)
        for unit, name, kind in [
            ("itorg:fg-ai4a", "FG-AI4A", "Focus group"),
            ("itorg:fg-dpm", "FG-DPM", "Focus group"),
            (
                "itorg:itu-t-ssc-programme",
                "ITU-T Programme on Smart Sustainable Cities",
                "Initiative",
            ),
            ("itorg:sg16", "ITU-T Study Group 16", "Study group"),
            ("itorg:jca-iot-scc", "JCA-IoT and SC&C", "Joint coordination activity"),
            ("itorg:sg20", "SG20", "Study group"),
        ]
    ),
    *(("3", unit, name, kind, "itorg:fg-ai4a", "FG-AI4A") for unit, name, kind in FG_AI4A_UNITS),
    *(("3", unit, name, kind, "itorg:sg20", "SG20") for unit, name, kind in SG20_UNITS),
]

RES = ("resolution", "number", "title", "addressee", "addressee_name", "clauses")
RES_78 = (
    "res:78",
    "78",
    "Information and communication technology applications and standards for improved access "
    "to e-health services",
)
RES_98 = (
    "res:98",
    "98",
    "Enhancing the standardization of Internet of things and smart cities and communities for "
    "global development",
)
RES_197 = ("res:197", "197", "Facilitating the Internet of things and smart cities and communities")
REC = ("topic_name", "recommendation", "identifier", "title")
TOPICS = {
    "Data management and Processing": [
        ("Y.4461", "Framework of open data in smart cities"),
        ("Y.4464", "Framework of blockchain of things as decentralized service platform"),
        (
            "Y.4472",
            "Open data application programming interface (APIs) for IoT data in smart "
            "cities and communities",
        ),
    ],
    "Evaluation and Assessment": [
        (
            "Y.4903",
            "Key performance indicators for smart sustainable cities to assess the "
            "achievement of sustainable development goals",
        ),
        ("Y.4904", "Smart sustainable cities maturity model"),
        ("Y.4906", "Assessment framework for digital transformation of sectors in smart cities"),
    ],
    "Identification and security": [
        ("Y.4807", "Agility by design for ICT Systems security used in the Internet of Things"),
        ("Y.4808", "Digital entity architecture framework to combat counterfeiting in IoT"),
        ("Y.4809", "Unified IoT Identifiers for intelligent transport systems"),
    ],
    "Infrastructure and architecture": [
        (
            "Y.4470",
            "Reference architecture of artificial intelligence service exposure for "
            "smart sustainable cities",
        ),
        ("Y.4480", "Low power protocol for wide area wireless networks"),
        ("Y.4500.1", "oneM2M-Functional Architecture"),
    ],
    "Interoperability": [
        ("Y.4200", "Requirements for interoperability of smart city platforms"),
        ("Y.4201", "High-level requirements and reference framework of smart city platform"),
        (
            "Y.4805",
            "Identifier service requirements for the interoperability of smart city applications",
        ),
    ],
    "Requirements and use cases": [
        ("Y.4208", "IoT requirements for support of edge computing"),
        ("Y.4211", "Accessibility requirements for smart public transportation services"),
        (
            "Y.4214",
            "Requirements of IoT-based civil engineering infrastructure health monitoring system",
        ),
    ],
}


def recommendations(*topics: str) -> list[tuple]:
    return [
        (topic, f"rec:{number}", f"ITU-T {number}", title)
        for topic in topics
        for number, title in TOPICS[topic]
    ]


MEET = ("start", "end", "group", "group_name", "place", "meeting")
COUNTRY = ("country_name", "person", "name", "role", "group", "group_name", "organisation_name")
COUNTRY_ROWS = [
    (
        "Argentina",
        "person:juan-pablo-martin",
        "Juan Pablo Martín",
        CH,
        "itorg:sg20rg-latam",
        "SG20RG-LATAM",
        "Universidad Tecnológica Nacional",
    ),
    ("Egypt", "person:ramy-ahmed-fathy", "Ramy Ahmed Fathy", C, "itorg:fg-ai4a", "FG-AI4A", None),
    (
        "Germany",
        "person:sebastian-bosse",
        "Sebastian Bosse",
        C,
        "itorg:fg-ai4a",
        "FG-AI4A",
        "Fraunhofer HHI",
    ),
    (
        "Sierra Leone",
        "person:melvin-king",
        "Melvin King",
        V,
        "itorg:sg20rg-afr",
        "SG20RG-AFR",
        None,
    ),
    (
        "Uruguay",
        "person:hector-bude",
        "Héctor Budé",
        V,
        "itorg:sg20rg-latam",
        "SG20RG-LATAM",
        "URSEC",
    ),
    (
        "Uzbekistan",
        "person:umida-musaeva",
        "Umida Musaeva",
        V,
        "itorg:sg20rg-eecat",
        "SG20RG-EECAT",
        None,
    ),
]

ROLE = ("person", "name", "role_name", "group", "group_name", "affiliation_name")


def holders(role: str, *rows: tuple[str, str, str, str | None]) -> list[tuple]:
    """Rows of people-with-role from (slug, name, group slug, affiliation)."""
    names = {
        "sg20": "SG20",
        "sg20rg-afr": "SG20RG-AFR",
        "sg20rg-arb": "SG20RG-ARB",
        "sg20rg-eecat": "SG20RG-EECAT",
        "sg20rg-latam": "SG20RG-LATAM",
        "fg-ai4a": "FG-AI4A",
        "iso-tc-268": "ISO/TC 268",
        "iec-syc-smart-cities": "IEC SyC Smart Cities",
        "joint-smart-cities-task-force": JSCTF,
    }
    return [
        (f"person:{slug}", name, role, f"itorg:{group}", names[group], affiliation)
        for slug, name, group, affiliation in rows
    ]


VICE_CHAIRS = holders(
    V,
    ("abdulhadi-aboualmal", "Abdulhadi Aboualmal", "sg20rg-arb", "Etisalat"),
    ("achime-malick-ndiaye", "Achime Malick Ndiaye", "sg20", MENT),
    ("achime-malick-ndiaye", "Achime Malick Ndiaye", "sg20rg-afr", MDPT),
    ("ali-abbassene", "Ali Abbassene", "sg20", MPT),
    ("ali-abbassene", "Ali Abbassene", "sg20rg-afr", MPTTN),
    ("ali-abbassene", "Ali Abbassene", "sg20rg-arb", MPTTN),
    ("bilel-chabou", "Bilel Chabou", "sg20rg-afr", MTCEN),
    ("bilel-chabou", "Bilel Chabou", "sg20rg-arb", MTCEN),
    ("emmanuel-manasseh", "Emmanuel Manasseh", "sg20", TCRA),
    ("emmanuel-manasseh", "Emmanuel Manasseh", "sg20rg-afr", TCRA),
    ("fabio-bigi", "Fabio Bigi", "sg20", "Dipartimento Comunicazioni"),
    ("guy-michel-kouakou", "Guy-Michel Kouakou", "sg20rg-afr", "ARTCI"),
    (
        "harinderpal-singh-grewal",
        "Harinderpal Singh Grewal",
        "sg20",
        "Infocomm Media Development Authority",
    ),
    ("hector-bude", "Héctor Budé", "sg20rg-latam", "URSEC"),
    ("hector-mario-carril", "Héctor Mario Carril", "sg20", "CeSPI"),
    ("khaled-al-azemi", "Khaled Al-Azemi", "sg20rg-arb", "CITRA"),
    ("melvin-king", "Melvin King", "sg20rg-afr", "Sierra Leone"),
    (
        "muath-alrumayh",
        "Muath Alrumayh",
        "sg20",
        "Communication and Information Technology Commission",
    ),
    ("neil-checo", "Neil Checo", "sg20rg-latam", "Instituto Dominicano de las Telecomunicaciones"),
    ("ramy-ahmed-fathy", "Ramy Ahmed Fathy", "sg20", NTRA),
    ("ramy-ahmed-fathy", "Ramy Ahmed Fathy", "sg20rg-afr", NTRA),
    ("ramy-ahmed-fathy", "Ramy Ahmed Fathy", "sg20rg-arb", NTRA),
    ("shane-he", "Shane He", "sg20", "Nokia Corporation"),
    ("toru-yamada", "Toru Yamada", "sg20", "NEC Corporation"),
    ("umida-musaeva", "Umida Musaeva", "sg20rg-eecat", "Uzbekistan"),
    ("ziqin-sang", "Ziqin Sang", "sg20", "China Information Communication Technologies Group"),
)

PERSON = ("who", "name", "role", "group", "group_name", "affiliation_name", "represents_name")
LISTS = ("group", "group_name", "email", "subscription_page")
QUESTIONS = ("question", "notation", "title", "alternative_title", "study_period", "email")
QUESTION_TITLES = [
    ("Interoperability and interworking of IoT and SC&C applications and services", None),
    (
        "Requirements, capabilities and architectural frameworks across verticals enhanced by "
        "emerging digital technologies",
        "Requirements, capabilities and architectural frameworks across verticals enhanced by "
        "emerging DT",
    ),
    ("IoT and SC&C architectures, protocols and QoS/QoE", None),
    (
        "Data analytics, sharing, processing and management, including big data aspects, of IoT "
        "and SC&C",
        None,
    ),
    ("Study of emerging digital technologies, terminology and definitions", None),
    ("Security, privacy, trust and identification for IoT and SC&C", None),
    (
        "Evaluation and assessment of Smart Cities and Communities",
        "Evaluation and assessment of Smart Sustainable Cities and Communities",
    ),
]
SHARED = ("organisation", "name", "groups", "people", "group_names", "people_names")
NTRA_SHARED = (
    "itorg:national-telecom-regulatory-authority",
    NTRA,
    "3",
    "1",
    "SG20; SG20RG-AFR; SG20RG-ARB",
    "Ramy Ahmed Fathy",
)
MULTI = ("person", "name", "affiliations", "group", "group_name", "role", "affiliation_name")
TASK = (
    "task_force_name",
    "person",
    "name",
    "role",
    "represents",
    "represents_name",
    "other_group",
    "other_group_name",
    "other_role",
)
PROV = ("subject", "label", "position", "part", "part_label", "lines")
NOTES = ("subject", "label", "type", "note")

CASES = [
    Case("cross-group-people", {}, CROSS, CROSS_ROWS),
    Case("cross-group-people", {"min_groups": 3}, CROSS, CROSS_ROWS[:2]),
    Case("cross-group-people", {"min_groups": 5}, CROSS, []),
    Case("group-leadership", {}, LEAD, SG20_LEADERSHIP),
    Case("group-leadership", {"group": "ITU-T Study Group 20"}, LEAD, SG20_LEADERSHIP),
    Case(
        "group-leadership",
        {"group": "sg20rg-arb"},
        LEAD,
        [
            (
                "person:abdurahman-m-al-hassan",
                "Abdurahman M. Al Hassan",
                CH,
                "National Cyber Security Authority",
                None,
            ),
            ("person:abdulhadi-aboualmal", "Abdulhadi Aboualmal", V, "Etisalat", None),
            ("person:ali-abbassene", "Ali Abbassene", V, MPTTN, None),
            ("person:bilel-chabou", "Bilel Chabou", V, MTCEN, None),
            ("person:khaled-al-azemi", "Khaled Al-Azemi", V, "CITRA", None),
            ("person:ramy-ahmed-fathy", "Ramy Ahmed Fathy", V, NTRA, None),
        ],
    ),
    Case(
        "group-leadership",
        {"group": "Joint Smart Cities Task Force"},
        LEAD,
        [
            ("person:bernard-gindroz", "Bernard Gindroz", C, None, "ISO"),
            ("person:hyoung-jun-kim", "Hyoung Jun Kim", C, None, ITU),
            ("person:michael-mulquin", "Michael Mulquin", C, None, "IEC"),
        ],
    ),
    Case(
        "group-leadership",
        {"group": "CG-AIoT"},
        LEAD,
        [
            ("person:gyu-myoung-lee", "Gyu Myoung Lee", "Convener", None, None),
        ],
    ),
    Case("group-leadership", {"group": "SG99"}, LEAD, []),
    Case(
        "organisation-people",
        {},
        ORG,
        [
            ("person:ramy-ahmed-fathy", "Ramy Ahmed Fathy", "itorg:fg-ai4a", "FG-AI4A", C, "Egypt"),
            ("person:ramy-ahmed-fathy", "Ramy Ahmed Fathy", "itorg:sg20", "SG20", V, NTRA),
            (
                "person:ramy-ahmed-fathy",
                "Ramy Ahmed Fathy",
                "itorg:sg20rg-afr",
                "SG20RG-AFR",
                V,
                NTRA,
            ),
            (
                "person:ramy-ahmed-fathy",
                "Ramy Ahmed Fathy",
                "itorg:sg20rg-arb",
                "SG20RG-ARB",
                V,
                NTRA,
            ),
        ],
    ),
    Case(
        "organisation-people",
        {"organisation": "itu"},
        ORG,
        [
            (
                "person:chiara-co",
                "Chiara Co",
                "itorg:sg20",
                "SG20",
                "Administrative Assistant",
                ITU,
            ),
            ("person:cristina-bueti", "Cristina Bueti", "itorg:sg20", "SG20", "Counsellor", ITU),
        ],
    ),
    Case(
        "organisation-people",
        {"organisation": "MPTTN"},
        ORG,
        [
            ("person:ali-abbassene", "Ali Abbassene", "itorg:sg20", "SG20", V, MPT),
            ("person:ali-abbassene", "Ali Abbassene", "itorg:sg20rg-afr", "SG20RG-AFR", V, MPTTN),
            ("person:ali-abbassene", "Ali Abbassene", "itorg:sg20rg-arb", "SG20RG-ARB", V, MPTTN),
        ],
    ),
    Case(
        "organisation-people",
        {"organisation": "Universidad Nacional de la Plata"},
        ORG,
        [
            ("person:hector-mario-carril", "Héctor Mario Carril", "itorg:sg20", "SG20", V, "CeSPI"),
        ],
    ),
    Case("organisation-people", {"organisation": "ACME"}, ORG, []),
    Case("sub-units", {}, SUB, ITU_UNITS),
    Case(
        "sub-units",
        {"group": "sg20"},
        SUB,
        [("1", unit, name, kind, "itorg:sg20", "SG20") for unit, name, kind in SG20_UNITS],
    ),
    Case(
        "sub-units",
        {"group": "Universidad Nacional de la Plata"},
        SUB,
        [
            (
                "1",
                "itorg:cespi",
                "CeSPI",
                None,
                "itorg:universidad-nacional-de-la-plata",
                "Universidad Nacional de la Plata",
            ),
        ],
    ),
    Case("sub-units", {"group": "Q1/20"}, SUB, []),
    Case("sub-units", {"group": "no such group"}, SUB, []),
    Case(
        "resolution-instructions",
        {},
        RES,
        [
            (*RES_78, "itorg:sg16", "ITU-T Study Group 16", "4"),
            (*RES_78, "itorg:sg20", "ITU-T Study Group 20", "4"),
            (*RES_98, "itorg:sg20", "ITU-T Study Group 20", "4"),
            (*RES_197, "post:tsb-director", "Director of TSB", "3"),
            (
                *RES_197,
                "post:radiocommunication-bureau-director",
                "Director of the Radiocommunication Bureau",
                "3",
            ),
        ],
    ),
    Case("recommendations-by-topic", {}, REC, recommendations(*TOPICS)),
    Case(
        "recommendations-by-topic",
        {"topic": "SECURITY"},
        REC,
        recommendations("Identification and security"),
    ),
    Case(
        "recommendations-by-topic", {"topic": "interop"}, REC, recommendations("Interoperability")
    ),
    Case("recommendations-by-topic", {"topic": "quantum"}, REC, []),
    Case(
        "meetings-timeline",
        {},
        MEET,
        [
            (
                "2019-10-07",
                "2019-10-07",
                "itorg:sg20rg-arb",
                "SG20RG-ARB",
                "Riyadh, Saudi Arabia",
                "meeting:sg20rg-arb-2019-10-07",
            ),
            (
                "2020-10-13",
                "2020-10-14",
                "itorg:sg20rg-latam",
                "SG20RG-LATAM",
                "virtual",
                "meeting:sg20rg-latam-2020-10-13",
            ),
            (
                "2021-03-16",
                "2021-03-18",
                "itorg:sg20rg-eecat",
                "SG20RG-EECAT",
                "Minsk, Belarus",
                "meeting:sg20rg-eecat-2021-03-16",
            ),
            (
                "2021-06-03",
                "2021-06-03",
                "itorg:sg20rg-afr",
                "SG20RG-AFR",
                "virtual",
                "meeting:sg20rg-afr-2021-06-03",
            ),
            ("2021-10", None, "itorg:sg20", "SG20", None, "meeting:sg20-2021-10"),
        ],
    ),
    Case("roles-by-country", {}, COUNTRY, COUNTRY_ROWS),
    Case("roles-by-country", {"country": "egypt"}, COUNTRY, COUNTRY_ROWS[1:2]),
    Case("roles-by-country", {"country": "Uruguay"}, COUNTRY, COUNTRY_ROWS[4:5]),
    Case("roles-by-country", {"country": "France"}, COUNTRY, []),
    Case("people-with-role", {}, ROLE, VICE_CHAIRS),
    Case("people-with-role", {"role": "vice-chairmen"}, ROLE, VICE_CHAIRS),
    Case(
        "people-with-role",
        {"role": "chair"},
        ROLE,
        holders(
            CH,
            (
                "abdurahman-m-al-hassan",
                "Abdurahman M. Al Hassan",
                "sg20rg-arb",
                "National Cyber Security Authority",
            ),
            ("alexey-borodin", "Alexey Borodin", "sg20rg-eecat", "PJSC «Rostelecom»"),
            ("bako-wakil", "Bako Wakil", "sg20rg-afr", "Nigerian Communications Commission"),
            ("bernard-gindroz", "Bernard Gindroz", "iso-tc-268", None),
            ("hyoung-jun-kim", "Hyoung Jun Kim", "sg20", ETRI),
            (
                "juan-pablo-martin",
                "Juan Pablo Martín",
                "sg20rg-latam",
                "Universidad Tecnológica Nacional",
            ),
            ("michael-mulquin", "Michael Mulquin", "iec-syc-smart-cities", None),
        ),
    ),
    Case(
        "people-with-role",
        {"role": "Co-Chair"},
        ROLE,
        holders(
            C,
            ("bernard-gindroz", "Bernard Gindroz", "joint-smart-cities-task-force", None),
            ("hyoung-jun-kim", "Hyoung Jun Kim", "joint-smart-cities-task-force", None),
            ("michael-mulquin", "Michael Mulquin", "joint-smart-cities-task-force", None),
            ("ramy-ahmed-fathy", "Ramy Ahmed Fathy", "fg-ai4a", "Egypt"),
            ("sebastian-bosse", "Sebastian Bosse", "fg-ai4a", "Fraunhofer HHI"),
        ),
    ),
    Case("people-with-role", {"role": "Rapporteur"}, ROLE, []),
    Case(
        "person-roles",
        {},
        PERSON,
        [
            ("person:ali-abbassene", "Ali Abbassene", V, "itorg:sg20", "SG20", MPT, None),
            (
                "person:ali-abbassene",
                "Ali Abbassene",
                V,
                "itorg:sg20rg-afr",
                "SG20RG-AFR",
                MPTTN,
                None,
            ),
            (
                "person:ali-abbassene",
                "Ali Abbassene",
                V,
                "itorg:sg20rg-arb",
                "SG20RG-ARB",
                MPTTN,
                None,
            ),
        ],
    ),
    Case(
        "person-roles",
        {"person": "HYOUNG JUN KIM"},
        PERSON,
        [
            (
                "person:hyoung-jun-kim",
                "Hyoung Jun Kim",
                C,
                "itorg:joint-smart-cities-task-force",
                JSCTF,
                None,
                ITU,
            ),
            ("person:hyoung-jun-kim", "Hyoung Jun Kim", CH, "itorg:sg20", "SG20", ETRI, None),
        ],
    ),
    Case(
        "person-roles",
        {"person": "Umida Musaeva"},
        PERSON,
        [
            (
                "person:umida-musaeva",
                "Umida Musaeva",
                V,
                "itorg:sg20rg-eecat",
                "SG20RG-EECAT",
                "Uzbekistan",
                None,
            ),
        ],
    ),
    Case("person-roles", {"person": "Nobody"}, PERSON, []),
    Case(
        "mailing-lists",
        {},
        LISTS,
        [
            (
                "itorg:cg-aiot",
                "CG-AIoT",
                "cg-aiot@lists.itu.int",
                "http://www.itu.int/ITU-T/services/",
            ),
            *(
                (f"itorg:sg20-q{n}", f"Q{n}/20", f"t22sg20q{n}@lists.itu.int", None)
                for n in range(1, 8)
            ),
            ("itorg:sg20", "SG20", "t22sg20all@lists.itu.int", None),
            *(
                (
                    f"itorg:sg20rg-{region}",
                    f"SG20RG-{region.upper()}",
                    f"tsg20rg{region}@lists.itu.int",
                    None,
                )
                for region in ("afr", "arb", "eecat", "latam")
            ),
        ],
    ),
    Case(
        "sg20-questions",
        {},
        QUESTIONS,
        [
            (
                f"itorg:sg20-q{n}",
                f"Q{n}/20",
                title,
                alternative,
                "Study Period 2022-2024",
                f"t22sg20q{n}@lists.itu.int",
            )
            for n, (title, alternative) in enumerate(QUESTION_TITLES, start=1)
        ],
    ),
    Case(
        "u4ssc-cities",
        {},
        ("city", "name", "country_name"),
        [
            (f"place:{slug}", name, "Saudi Arabia" if name == "Riyadh" else None)
            for slug, name in [
                ("bizerte", "Bizerte"),
                ("daegu", "Daegu"),
                ("dubai", "Dubai"),
                ("krimpen-aan-den-ijssel", "Krimpen aan den Ijssel"),
                ("pully", "Pully"),
                ("riyadh", "Riyadh"),
                ("santa-fe", "Santa Fe"),
                ("singapore", "Singapore"),
                ("valencia", "Valencia"),
                ("wels", "Wels"),
            ]
        ],
    ),
    Case(
        "shared-affiliations",
        {},
        SHARED,
        [
            NTRA_SHARED,
            (
                "itorg:ministere-des-technologies-de-la-communication-et-de-l-economie-numerique",
                MTCEN,
                "2",
                "1",
                "SG20RG-AFR; SG20RG-ARB",
                "Bilel Chabou",
            ),
            (
                "itorg:ministere-de-la-poste-des-telecommunications-des-technologies-et-du-numerique",
                MPTTN,
                "2",
                "1",
                "SG20RG-AFR; SG20RG-ARB",
                "Ali Abbassene",
            ),
            (
                "itorg:tanzania-communications-regulatory-authority",
                TCRA,
                "2",
                "1",
                "SG20; SG20RG-AFR",
                "Emmanuel Manasseh",
            ),
        ],
    ),
    Case("shared-affiliations", {"min_groups": 3}, SHARED, [NTRA_SHARED]),
    Case("shared-affiliations", {"min_groups": 4}, SHARED, []),
    Case(
        "multi-affiliation-people",
        {},
        MULTI,
        [
            (
                "person:achime-malick-ndiaye",
                "Achime Malick Ndiaye",
                "2",
                "itorg:sg20",
                "SG20",
                V,
                MENT,
            ),
            (
                "person:achime-malick-ndiaye",
                "Achime Malick Ndiaye",
                "2",
                "itorg:sg20rg-afr",
                "SG20RG-AFR",
                V,
                MDPT,
            ),
            ("person:ali-abbassene", "Ali Abbassene", "2", "itorg:sg20", "SG20", V, MPT),
            (
                "person:ali-abbassene",
                "Ali Abbassene",
                "2",
                "itorg:sg20rg-afr",
                "SG20RG-AFR",
                V,
                MPTTN,
            ),
            (
                "person:ali-abbassene",
                "Ali Abbassene",
                "2",
                "itorg:sg20rg-arb",
                "SG20RG-ARB",
                V,
                MPTTN,
            ),
            (
                "person:ramy-ahmed-fathy",
                "Ramy Ahmed Fathy",
                "2",
                "itorg:fg-ai4a",
                "FG-AI4A",
                C,
                "Egypt",
            ),
            ("person:ramy-ahmed-fathy", "Ramy Ahmed Fathy", "2", "itorg:sg20", "SG20", V, NTRA),
            (
                "person:ramy-ahmed-fathy",
                "Ramy Ahmed Fathy",
                "2",
                "itorg:sg20rg-afr",
                "SG20RG-AFR",
                V,
                NTRA,
            ),
            (
                "person:ramy-ahmed-fathy",
                "Ramy Ahmed Fathy",
                "2",
                "itorg:sg20rg-arb",
                "SG20RG-ARB",
                V,
                NTRA,
            ),
        ],
    ),
    Case(
        "task-force-representatives",
        {},
        TASK,
        [
            (
                JSCTF,
                "person:bernard-gindroz",
                "Bernard Gindroz",
                C,
                "itorg:iso",
                "ISO",
                "itorg:iso-tc-268",
                "ISO/TC 268",
                CH,
            ),
            (
                JSCTF,
                "person:hyoung-jun-kim",
                "Hyoung Jun Kim",
                C,
                "itorg:itu",
                ITU,
                "itorg:sg20",
                "SG20",
                CH,
            ),
            (
                JSCTF,
                "person:michael-mulquin",
                "Michael Mulquin",
                C,
                "itorg:iec",
                "IEC",
                "itorg:iec-syc-smart-cities",
                "IEC SyC Smart Cities",
                CH,
            ),
        ],
    ),
    Case(
        "curation-decisions",
        {"text": "RIYADH"},
        NOTES,
        [
            (
                "place:riyadh",
                "Riyadh",
                "http://schema.org/City",
                "Riyadh is named as a U4SSC KPI city, in the address of the U4SSC factsheet on "
                "'Riyadh, Saudi Arabia' and as the place of the last SG20RG-ARB meeting ('Riyadh, "
                "Saudi Arabia'): one city. The country is the one the source gives with it.",
            ),
        ],
    ),
    Case("curation-decisions", {"text": "no such decision"}, NOTES, []),
    Case(
        "provenance-of",
        {},
        PROV,
        [
            (
                "person:ramy-ahmed-fathy",
                "Ramy Ahmed Fathy",
                "10",
                "src:sg20-management-team",
                "ITU-T SG20 - Management Team",
                "line=263,334",
            ),
            (
                "person:ramy-ahmed-fathy",
                "Ramy Ahmed Fathy",
                "16",
                "src:sg20rg-arb",
                "ITU-T SG20 Regional Group for the Arab Region (SG20RG-ARB)",
                "line=669,706",
            ),
            (
                "person:ramy-ahmed-fathy",
                "Ramy Ahmed Fathy",
                "17",
                "src:sg20rg-afr",
                "ITU-T SG20 Regional Group for Africa (SG20RG-AFR)",
                "line=708,746",
            ),
            (
                "person:ramy-ahmed-fathy",
                "Ramy Ahmed Fathy",
                "18",
                "src:fg-ai4a",
                "Working Groups and Topic Groups (FG-AI4A)",
                "line=748,809",
            ),
        ],
    ),
    Case(
        "provenance-of",
        {"thing": "y.4470"},
        PROV,
        [
            (
                "rec:Y.4470",
                "ITU-T Y.4470",
                "12",
                "src:key-topics",
                "KEY TOPICS & ITU-T Recommendations",
                "line=391,579",
            ),
        ],
    ),
    Case(
        "provenance-of",
        {"thing": PREFIXES["itorg"] + "sg16"},
        PROV,
        [
            (
                "itorg:sg16",
                "ITU-T Study Group 16",
                "5",
                "src:resolution-78",
                "ITU Resolutions on IoT and Smart Cities and Communities (3): Resolution 78",
                "line=135,178",
            ),
        ],
    ),
    Case("provenance-of", {"thing": "nothing by this name"}, PROV, []),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_answer(kg: itukg.KnowledgeGraph, case: Case) -> None:
    columns, rows = select(kg, case.query, case.params)
    assert columns == case.columns
    assert rows == [canonical(case.query, columns, tuple(row)) for row in case.rows]


#: Queries whose answer with the defaults is checked by a test of their own.
CHECKED_APART = {"curation-decisions": "test_curation_decisions_default"}


def test_every_query_has_answers(query_file: QueryFile) -> None:
    """Each query has a case with its defaults; with parameters, another value and no match.

    Federated queries have theirs in test_federated.py, against a local endpoint.
    """
    name = query_file.path.stem
    if name in FEDERATED:
        assert not [case for case in CASES if case.query == name]
        return
    cases = [case for case in CASES if case.query == name]
    assert name in CHECKED_APART or any(not case.params for case in cases), (
        f"{name} has no case with its defaults"
    )
    if query_file.params:
        assert any(case.params and case.rows for case in cases), f"{name}: no other value"
        assert any(case.params and not case.rows for case in cases), f"{name}: no empty answer"


@pytest.fixture(scope="module")
def rdflib_graph() -> Graph:
    """The shipped files read by rdflib: a second SPARQL engine, and an independent reader."""
    graph = Graph()
    for path in GRAPH_FILES:
        graph.parse(path, format="turtle")
    return graph


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_same_answer_on_a_second_engine(rdflib_graph: Graph, case: Case) -> None:
    """The bound text, run by rdflib's SPARQL 1.1 engine, gives the same answer."""
    text = parse_query_file(QUERY_DIR / f"{case.query}.rq").bind(case.params)
    solutions = rdflib_graph.query(text)
    columns = tuple(str(variable) for variable in solutions.vars or ())
    rows = [
        canonical(
            case.query,
            columns,
            tuple(
                None if v is None else shorten(str(v)) if isinstance(v, URIRef) else str(v)
                for v in solution
            ),
        )
        for solution in solutions
    ]
    assert columns == case.columns
    assert rows == [canonical(case.query, columns, tuple(row)) for row in case.rows]


def test_curation_decisions_default(kg: itukg.KnowledgeGraph, rdflib_graph: Graph) -> None:
    """Every editorial note in the data files, read by rdflib, sorted by IRI."""
    graph = rdflib_graph
    expected = []
    for subject, note in graph.subject_objects(SKOS.editorialNote):
        assert isinstance(subject, URIRef)
        labels = [str(label) for label in graph.objects(subject, SKOS.prefLabel)] or [None]
        types = [shorten(str(kind)) for kind in graph.objects(subject, RDF.type)] or [None]
        expected += [
            (shorten(str(subject)), label, kind, str(note)) for label in labels for kind in types
        ]
    expected.sort(key=lambda row: (full(row[0]), row[3], full(row[2]), row[1] or ""))
    text = "".join(path.read_text(encoding="utf-8") for path in GRAPH_FILES)
    assert len(expected) == text.count("skos:editorialNote") == 63
    columns, rows = select(kg, "curation-decisions", {})
    assert columns == NOTES
    assert rows == expected


# --- Through the command line ---------------------------------------------------------------


def itukg_command(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m itukg ARGS`` on the shipped graph; output kept as bytes."""
    env = {k: v for k, v in os.environ.items() if k not in ("ITUKG_ROOT", "ITUKG_DEBUG")}
    env["PYTHONPATH"] = str(ROOT / "src")
    return subprocess.run(
        [sys.executable, "-m", "itukg", *args], capture_output=True, cwd=ROOT, env=env, check=False
    )


def csv_text(columns: tuple[str, ...], rows: list[tuple]) -> str:
    """Return the W3C SPARQL 1.1 CSV of expected rows (none of whose cells needs quotes)."""
    lines = [",".join(columns)]
    lines += [",".join(full(v) if i == 0 else (v or "") for i, v in enumerate(row)) for row in rows]
    return "".join(line + "\r\n" for line in lines)


def sort_last_cell(text: str) -> str:
    """Return CSV *text* with the list in the last cell of each row sorted."""
    lines = text.split("\r\n")
    for i, line in enumerate(lines[1:], start=1):
        head, _, cell = line.rpartition(",")
        if head:
            lines[i] = head + "," + "; ".join(sorted(cell.split("; ")))
    return "\r\n".join(lines)


@pytest.mark.parametrize(
    ("args", "rows"),
    [((), CROSS_ROWS), (("--param", "min_groups=3"), CROSS_ROWS[:2]), (("-p", "min_groups=9"), [])],
    ids=["default", "min_groups=3", "min_groups=9"],
)
def test_cross_group_people_as_csv(args: tuple[str, ...], rows: list[tuple]) -> None:
    done = itukg_command("query", "cross-group-people", *args, "--format", "csv")
    assert (done.returncode, done.stderr) == (0, b"")
    text = done.stdout.decode("utf-8")
    assert '"' not in text
    assert sort_last_cell(text) == csv_text(CROSS, rows)


def test_person_roles_as_csv_quotes_cells_with_commas() -> None:
    done = itukg_command("query", "person-roles", "-p", "person=ali abbassene", "-f", "csv")
    assert (done.returncode, done.stderr) == (0, b"")
    row = f"{PREFIXES['person']}ali-abbassene,Ali Abbassene,Vice-Chairman,{PREFIXES['itorg']}"
    assert done.stdout.decode("utf-8") == (
        "who,name,role,group,group_name,affiliation_name,represents_name\r\n"
        f"{row}sg20,SG20,{MPT},\r\n"
        f'{row}sg20rg-afr,SG20RG-AFR,"{MPTTN}",\r\n'
        f'{row}sg20rg-arb,SG20RG-ARB,"{MPTTN}",\r\n'
    )


def test_optional_parameter_given_empty_on_the_command_line() -> None:
    every = itukg_command("query", "recommendations-by-topic", "-f", "csv")
    empty = itukg_command("query", "recommendations-by-topic", "-p", "topic=", "-f", "csv")
    assert every.returncode == empty.returncode == 0
    assert every.stdout == empty.stdout
    assert every.stdout.count(b"\r\n") == 1 + 18
