"""The VoID and DCAT description of the graph: ``itukg.void``, ``itukg void`` and the web.

Every figure of the description is checked against a SPARQL query written here and run on the
graph itself; the links, the distributions and the URLs against exact answers for the shipped
graph and for a made-up one that adds a second mapping set (Wikidata) and a link to DBpedia.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rdflib
from conftest import kg_files, run_itukg
from pyoxigraph import DefaultGraph, Quad, QuerySolutions, Store, Triple, parse
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.util import guess_format

import itukg
from itukg import paths, void
from itukg.bridge import graph_of
from itukg.export import FORMATS, SSSOM_FORMAT
from itukg.loader import load_store

with warnings.catch_warnings():  # Starlette asks for httpx2, which is not needed here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from itukg.web import Settings, create_app

GRAPH = "https://w3id.org/itukg/graph"
ID = "https://w3id.org/itukg/id/"
DOC = "https://w3id.org/itukg/.well-known/void#"
IANA = "https://www.iana.org/assignments/media-types/"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
GEONAMES = "https://sws.geonames.org/"
WIKIDATA = "http://www.wikidata.org/entity/"
GEONAMES_SET = "https://w3id.org/itukg/mappings/geonames.sssom.tsv"
WIKIDATA_SET = "https://w3id.org/itukg/mappings/wikidata.sssom.tsv"
BASE_URL = "https://example.org/kg"

PREFIXES = """\
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX void: <http://rdfs.org/ns/void#>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

#: A second mapping set, in the form of data/mappings/geonames.sssom.tsv (and canonical, as
#: ``itukg export --format sssom`` writes it): two close matches and one exact match.
WIKIDATA_SSSOM = """\
#curie_map:
#  agent: https://w3id.org/itukg/agent/
#  place: https://w3id.org/itukg/id/place/
#  wd: http://www.wikidata.org/entity/
#mapping_set_id: https://w3id.org/itukg/mappings/wikidata.sssom.tsv
#mapping_set_title: Some cities of itukg in Wikidata
#creator_id:
#- agent:contributors
#license: https://creativecommons.org/publicdomain/zero/1.0/
#comment: Made up for the tests.
subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\t\
author_id\tmapping_date\tconfidence
place:dubai\tDubai\tskos:closeMatch\twd:Q612\tDubai\tsemapv:ManualMappingCuration\t\
agent:contributors\t2026-11-25\t0.8
place:minsk\tMinsk\tskos:closeMatch\twd:Q2280\tMinsk\tsemapv:ManualMappingCuration\t\
agent:contributors\t2026-11-25\t0.8
place:riyadh\tRiyadh\tskos:exactMatch\twd:Q3692\tRiyadh\tsemapv:ManualMappingCuration\t\
agent:contributors\t2026-11-25\t0.9
"""

#: Links outside the mapping sets: one to a dataset itukg does not know (DBpedia), and two
#: that are no links to another dataset (the object is itukg's, the subject is not a thing).
OTHER_LINKS = """\
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
<https://w3id.org/itukg/id/place/dubai> owl:sameAs <http://dbpedia.org/resource/Dubai> .
<https://w3id.org/itukg/id/place/wels> owl:sameAs <https://w3id.org/itukg/id/place/wels-at> .
<https://example.org/elsewhere> skos:exactMatch <http://www.wikidata.org/entity/Q1> .
"""


#: A set from elsewhere whose file name is the same as the shipped set's: geonames.sssom.tsv.
OTHER_SSSOM = """\
#curie_map:
#  geonames: https://sws.geonames.org/
#  place: https://w3id.org/itukg/id/place/
#mapping_set_id: https://example.org/other/geonames.sssom.tsv
#mapping_set_title: Someone else's links to GeoNames
#license: https://creativecommons.org/publicdomain/zero/1.0/
subject_id\tpredicate_id\tobject_id\tmapping_justification
place:wels\tskos:closeMatch\tgeonames:2761524/\tsemapv:ManualMappingCuration
"""
OTHER_SET = "https://example.org/other/geonames.sssom.tsv"

# --- Graphs and their descriptions ----------------------------------------------------------


@pytest.fixture(scope="module")
def kg() -> itukg.KnowledgeGraph:
    return itukg.load()


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> itukg.KnowledgeGraph:
    """The shipped graph with a second mapping set (Wikidata) and a few other links."""
    folder = tmp_path_factory.mktemp("linked")
    (folder / "wikidata.sssom.tsv").write_text(WIKIDATA_SSSOM, encoding="utf-8")
    (folder / "links.ttl").write_text(OTHER_LINKS, encoding="utf-8")
    return itukg.load(
        [
            *paths.ontology_files(),
            *paths.data_files(),
            *paths.mapping_files(),
            folder / "wikidata.sssom.tsv",
            folder / "links.ttl",
        ]
    )


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> itukg.KnowledgeGraph:
    """The shipped graph with another set of the same file name (another id)."""
    path = tmp_path_factory.mktemp("twins") / "other.sssom.tsv"
    path.write_text(OTHER_SSSOM, encoding="utf-8")
    return itukg.load([*paths.ontology_files(), *paths.data_files(), *paths.mapping_files(), path])


@pytest.fixture(scope="module")
def small() -> Store:
    """The tiny fixture graph: no mapping set, no link."""
    return load_store(kg_files())


@pytest.fixture(scope="module")
def client(kg: itukg.KnowledgeGraph) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(graph=kg, workers=1))) as test_client:
        yield test_client


def store_of(triples: list[Triple]) -> Store:
    store = Store()
    store.extend(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples)
    return store


def rows(store: Store, query: str) -> list[tuple[str | None, ...]]:
    """Return the solutions of a SELECT query as tuples of term values (None: unbound)."""
    solutions = store.query(PREFIXES + query)
    assert isinstance(solutions, QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [tuple(None if s[n] is None else s[n].value for n in names) for s in solutions]


def count(store: Store, query: str) -> int:
    ((value,),) = rows(store, query)
    assert value is not None
    return int(value)


def assert_isomorphic(got: rdflib.Graph, expected: rdflib.Graph) -> None:
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        raise AssertionError(
            f"only in the answer: {sorted(only_got)[:5]}; "
            f"only in the description: {sorted(only_expected)[:5]}"
        )


def rdflib_graph(data: bytes, extension: str) -> rdflib.Graph:
    """Parse *data* (named by a file *extension*) and return its default graph."""
    fmt = guess_format("x" + extension)
    assert fmt is not None, extension
    graph = rdflib.Graph()
    with warnings.catch_warnings():  # rdflib's own parsers use its deprecated names
        warnings.simplefilter("ignore", DeprecationWarning)
        if fmt not in ("nquads", "trig"):
            return graph.parse(data=data, format=fmt)
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=fmt)
        for s, p, o, g in dataset.quads((None, None, None, None)):
            assert g is None or g == dataset.default_graph.identifier, f"a named graph {g}"
            graph.add((s, p, o))
    return graph


# --- The figures ----------------------------------------------------------------------------

#: Each figure of the dataset and how to count it, written here without the code's help.
FIGURES = {
    "triples": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
    "distinctSubjects": "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }",
    "distinctObjects": "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }",
    "properties": "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }",
    "classes": "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }",
    "entities": "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o "
    f'FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{ID}")) }}',
}


def described_figures(description: Store) -> dict[str, int]:
    found = rows(
        description,
        f"SELECT ?p ?n {{ <{GRAPH}> ?p ?n "
        "FILTER(STRSTARTS(STR(?p), STR(void:)) && DATATYPE(?n) = xsd:integer) }",
    )
    figures = {str(p).rpartition("#")[2]: int(str(n)) for p, n in found}
    assert len(figures) == len(found), f"a figure is given twice: {sorted(found)}"
    return figures


def described_partitions(description: Store) -> dict[str, int]:
    found = rows(
        description,
        f"SELECT ?part ?class ?n {{ <{GRAPH}> void:classPartition ?part . "
        "?part void:class ?class ; void:entities ?n }",
    )
    partitions = {str(cls): int(str(n)) for _, cls, n in found}
    assert len(partitions) == len(found) == len({part for part, _, _ in found})
    return partitions


@pytest.mark.parametrize("graph", ["kg", "linked", "small"])
def test_every_figure_is_a_sparql_count(graph: str, request: pytest.FixtureRequest) -> None:
    chosen = request.getfixturevalue(graph)
    store: Store = chosen if isinstance(chosen, Store) else chosen.store
    description = store_of(void.describe(store))
    expected = {name: count(store, query) for name, query in FIGURES.items()}
    assert described_figures(description) == expected
    assert rows(description, f"SELECT ?u {{ <{GRAPH}> void:uriSpace ?u }}") == [(ID,)]
    classes = rows(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c")
    assert described_partitions(description) == {str(c): int(str(n)) for c, n in classes}


def test_the_vocabularies_are_the_namespaces_of_every_class_and_property(
    kg: itukg.KnowledgeGraph,
) -> None:
    from itukg.namespaces import PREFIXES as NAMESPACES

    description = store_of(void.describe(kg.store))
    vocabularies = {
        v for (v,) in rows(description, f"SELECT ?v {{ <{GRAPH}> void:vocabulary ?v }}")
    }
    used = {
        str(term)
        for (term,) in rows(kg.store, "SELECT DISTINCT ?t { { ?s ?t ?o } UNION { ?s a ?t } }")
    }
    namespaces = {ns for ns in NAMESPACES.values() if any(iri.startswith(ns) for iri in used)}
    assert all(any(iri.startswith(ns) for ns in namespaces) for iri in used)
    assert vocabularies == namespaces
    short = {prefix for prefix, ns in NAMESPACES.items() if ns in vocabularies}
    assert short == {
        "rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "foaf", "org", "schema", "prov", "time",
        "oa", "vann", "sh", "sssom", "pav", "itukg",
    }  # fmt: skip


# --- Linksets -------------------------------------------------------------------------------


def described_linksets(description: Store) -> set[tuple[str, str, str, int]]:
    """Return (linkset, uriSpace of its objects' dataset, link predicate, triples)."""
    found = rows(
        description,
        f"SELECT ?set ?space ?p ?n {{ <{GRAPH}> void:subset ?set . ?set a void:Linkset ; "
        "void:objectsTarget ?other ; void:linkPredicate ?p ; void:triples ?n . "
        "?other void:uriSpace ?space }",
    )
    linksets = {(str(s), str(space), str(p), int(str(n))) for s, space, p, n in found}
    assert len(linksets) == len(found), f"a linkset is described twice: {found}"
    for linkset, *_ in linksets:
        assert set(rows(description, f"SELECT ?p ?o {{ <{linkset}> ?p ?o }}")) >= {
            ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://rdfs.org/ns/void#Linkset"),
            ("http://rdfs.org/ns/void#subjectsTarget", GRAPH),
            ("http://rdfs.org/ns/void#target", GRAPH),
        }
        targets = rows(description, f"SELECT ?t {{ <{linkset}> void:target ?t }}")
        objects = rows(description, f"SELECT ?t {{ <{linkset}> void:objectsTarget ?t }}")
        assert len(targets) == 2 and len(objects) == 1 and objects[0] in targets
    return linksets


def link_count(store: Store, namespace: str, predicate: str) -> int:
    return count(
        store,
        f"SELECT (COUNT(*) AS ?n) {{ ?s <{predicate}> ?o FILTER(isIRI(?s) && isIRI(?o) "
        f'&& STRSTARTS(STR(?s), "{ID}") && STRSTARTS(STR(?o), "{namespace}")) }}',
    )


def test_the_shipped_graph_has_one_linkset_to_geonames(kg: itukg.KnowledgeGraph) -> None:
    description = store_of(void.describe(kg.store))
    assert described_linksets(description) == {
        (DOC + "linkset-geonames-exactMatch", GEONAMES, SKOS + "exactMatch", 19)
    }
    assert link_count(kg.store, GEONAMES, SKOS + "exactMatch") == 19
    to_geonames = (
        "SELECT (COUNT(*) AS ?n) { ?s skos:exactMatch ?o "
        f'FILTER(STRSTARTS(STR(?o), "{GEONAMES}")) }}'
    )
    assert count(kg.store, to_geonames) == 19
    assert rows(
        description,
        f"SELECT ?source {{ <{DOC}linkset-geonames-exactMatch> prov:wasDerivedFrom ?source }}",
    ) == [(GEONAMES_SET,)]
    assert set(rows(description, f"SELECT ?p ?o {{ <{DOC}geonames> ?p ?o }}")) == {
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://rdfs.org/ns/void#Dataset"),
        ("http://purl.org/dc/terms/title", "GeoNames"),
        ("http://rdfs.org/ns/void#uriSpace", GEONAMES),
        ("http://xmlns.com/foaf/0.1/homepage", "https://www.geonames.org/"),
    }


def test_a_linkset_per_target_and_predicate(linked: itukg.KnowledgeGraph) -> None:
    description = store_of(void.describe(linked.store))
    linksets = described_linksets(description)
    assert linksets == {
        (DOC + "linkset-dbpedia-org-sameAs", "http://dbpedia.org/", OWL + "sameAs", 1),
        (DOC + "linkset-geonames-exactMatch", GEONAMES, SKOS + "exactMatch", 19),
        (DOC + "linkset-wikidata-closeMatch", WIKIDATA, SKOS + "closeMatch", 2),
        (DOC + "linkset-wikidata-exactMatch", WIKIDATA, SKOS + "exactMatch", 1),
    }
    for _, namespace, predicate, links in linksets:
        assert link_count(linked.store, namespace, predicate) == links
    # Every link from a thing of the graph to a thing outside it is in one linkset.
    every_link = count(
        linked.store,
        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o VALUES ?p { skos:exactMatch skos:closeMatch "
        f'owl:sameAs }} FILTER(isIRI(?o) && STRSTARTS(STR(?s), "{ID}") '
        '&& !STRSTARTS(STR(?o), "https://w3id.org/itukg/")) }',
    )
    assert every_link == sum(links for *_, links in linksets) == 23
    sources = rows(description, "SELECT ?set ?source { ?set prov:wasDerivedFrom ?source }")
    assert {(s, src) for s, src in sources if s is not None and "linkset" in s} == {
        (DOC + "linkset-geonames-exactMatch", GEONAMES_SET),
        (DOC + "linkset-wikidata-closeMatch", WIKIDATA_SET),
        (DOC + "linkset-wikidata-exactMatch", WIKIDATA_SET),
    }
    others = rows(
        description,
        "SELECT ?d ?title ?space ?home { ?set void:objectsTarget ?d . ?d a void:Dataset ; "
        "dcterms:title ?title ; void:uriSpace ?space OPTIONAL { ?d foaf:homepage ?home } }",
    )
    assert set(others) == {
        (DOC + "dbpedia-org", "dbpedia.org", "http://dbpedia.org/", None),
        (DOC + "geonames", "GeoNames", GEONAMES, "https://www.geonames.org/"),
        (DOC + "wikidata", "Wikidata", WIKIDATA, "https://www.wikidata.org/"),
    }


# --- Distributions and URLs -----------------------------------------------------------------

#: Where a server publishing the graph at BASE_URL serves each export format.
DOWNLOADS = {
    "text/turtle": f"{BASE_URL}/graph?format=ttl",
    "application/ld+json": f"{BASE_URL}/graph?format=jsonld",
    "application/n-triples": f"{BASE_URL}/graph?format=nt",
    "application/rdf+xml": f"{BASE_URL}/graph?format=rdf",
}


def described_distributions(
    description: Store,
) -> list[tuple[str | None, ...]]:
    """Return (media type, conformsTo, licence, source set) of every distribution, sorted."""
    found = rows(
        description,
        f"SELECT ?d ?media ?spec ?licence ?source {{ <{GRAPH}> dcat:distribution ?d . "
        "?d a dcat:Distribution ; dcat:mediaType ?media ; dcterms:conformsTo ?spec ; "
        "dcterms:license ?licence ; dcterms:title ?title "
        "OPTIONAL { ?d prov:wasDerivedFrom ?source } }",
    )
    assert len(found) == len({d for d, *_ in found}), f"a distribution is described twice: {found}"
    everything = rows(description, f"SELECT ?d {{ <{GRAPH}> dcat:distribution ?d }}")
    assert len(everything) == len(found)
    return sorted((row[1:] for row in found), key=lambda row: tuple(str(v) for v in row))


def expected_distributions(sets: dict[str, str]) -> list[tuple[str | None, ...]]:
    """The distributions of a graph whose mapping sets have these licences (id -> licence)."""
    rdf = [(IANA + f.media_type, f.conforms_to, CC_BY, None) for f in FORMATS.values()]
    mappings = [
        (IANA + "text/tab-separated-values", "https://w3id.org/sssom/", licence, set_id)
        for set_id, licence in sets.items()
    ]
    return sorted([*rdf, *mappings], key=lambda row: tuple(str(v) for v in row))


def test_one_distribution_per_format_and_per_mapping_set(
    kg: itukg.KnowledgeGraph, linked: itukg.KnowledgeGraph, small: Store
) -> None:
    assert SSSOM_FORMAT.media_type == "text/tab-separated-values"
    shipped = store_of(void.describe(kg.store))
    assert described_distributions(shipped) == expected_distributions({GEONAMES_SET: CC_BY})
    assert len(described_distributions(shipped)) == len(FORMATS) + 1
    both = store_of(void.describe(linked.store))
    assert described_distributions(both) == expected_distributions(
        {GEONAMES_SET: CC_BY, WIKIDATA_SET: CC0}
    )
    assert described_distributions(store_of(void.describe(small))) == expected_distributions({})
    titles = rows(
        shipped,
        f"SELECT ?title {{ ?d prov:wasDerivedFrom <{GEONAMES_SET}> ; dcterms:title ?title }}",
    )
    assert titles == [("The cities and countries of itukg in GeoNames (SSSOM/TSV)",)]
    assert rows(shipped, f"SELECT ?l {{ <{GRAPH}> dcterms:license ?l }}") == [(CC_BY,)]


def test_sets_with_the_same_file_name_are_two_distributions(
    twins: itukg.KnowledgeGraph,
) -> None:
    description = store_of(void.describe(twins.store, base_url=BASE_URL))
    assert described_distributions(description) == expected_distributions(
        {GEONAMES_SET: CC_BY, OTHER_SET: CC0}
    )
    titles = rows(
        description,
        "SELECT ?source ?title ?url { ?d prov:wasDerivedFrom ?source ; dcterms:title ?title "
        "OPTIONAL { ?d dcat:downloadURL ?url } FILTER(isIRI(?source)) "
        "FILTER NOT EXISTS { ?d a void:Linkset } }",
    )
    assert sorted(titles, key=str) == [
        (
            OTHER_SET,
            "Someone else's links to GeoNames (SSSOM/TSV)",
            None,  # not a set of itukg: its server does not serve it
        ),
        (
            GEONAMES_SET,
            "The cities and countries of itukg in GeoNames (SSSOM/TSV)",
            f"{BASE_URL}/mappings/geonames.sssom.tsv",
        ),
    ]


def test_without_a_base_url_nothing_says_where_the_graph_is_served(
    kg: itukg.KnowledgeGraph,
) -> None:
    description = store_of(void.describe(kg.store))
    served = rows(
        description,
        "SELECT ?s ?p ?o { { ?s ?p ?o VALUES ?p { void:sparqlEndpoint dcat:downloadURL "
        "dcat:accessURL void:dataDump dcat:landingPage } } "
        f"UNION {{ <{GRAPH}> foaf:homepage ?o }} }}",
    )
    assert served == []
    assert "example.org" not in void.serialize(kg.store, "nt").decode()


def test_with_a_base_url_the_endpoint_and_downloads(kg: itukg.KnowledgeGraph) -> None:
    description = store_of(void.describe(kg.store, base_url=BASE_URL))
    assert rows(description, f"SELECT ?e {{ <{GRAPH}> void:sparqlEndpoint ?e }}") == [
        (f"{BASE_URL}/sparql",)
    ]
    assert rows(description, f"SELECT ?h {{ <{GRAPH}> foaf:homepage ?h }}") == [(f"{BASE_URL}/",)]
    assert rows(description, f"SELECT ?h {{ <{GRAPH}> dcat:landingPage ?h }}") == [
        (f"{BASE_URL}/",)
    ]
    downloads = rows(
        description,
        "SELECT ?media ?download ?access { ?d dcat:mediaType ?media ; dcat:downloadURL ?download "
        "OPTIONAL { ?d dcat:accessURL ?access } }",
    )
    assert sorted(downloads) == sorted(
        [(IANA + media, url, url) for media, url in DOWNLOADS.items()]
        + [
            (
                IANA + "text/tab-separated-values",
                f"{BASE_URL}/mappings/geonames.sssom.tsv",
                f"{BASE_URL}/mappings/geonames.sssom.tsv",
            )
        ]
    )
    dumps = rows(description, f"SELECT ?url {{ <{GRAPH}> void:dataDump ?url }}")
    assert sorted(dumps) == sorted((url,) for url in DOWNLOADS.values())
    slash = store_of(void.describe(kg.store, base_url=BASE_URL + "/"))
    assert isomorphic(graph_of(slash), graph_of(description))


def test_the_download_urls_are_served(kg: itukg.KnowledgeGraph) -> None:
    """A server with that base URL (behind a proxy that strips /kg) serves every download."""
    description = store_of(void.describe(kg.store, base_url=BASE_URL))
    downloads = rows(
        description, "SELECT ?media ?url { ?d dcat:mediaType ?media ; dcat:downloadURL ?url }"
    )
    assert len(downloads) == len(DOWNLOADS) + 1
    by_media = {f.media_type: f for f in FORMATS.values()}
    shipped_mappings = (paths.mapping_dir() / "geonames.sssom.tsv").read_bytes()
    settings = Settings(graph=kg, workers=1, base_url=BASE_URL)
    with TestClient(create_app(settings)) as client:
        for media, url in downloads:
            assert media is not None and url is not None and url.startswith(BASE_URL + "/")
            response = client.get(url[len(BASE_URL) :])
            assert response.status_code == 200, url
            served = response.headers["content-type"].split(";")[0]
            assert IANA + served == media, url
            if served == SSSOM_FORMAT.media_type:
                assert response.content == shipped_mappings
            else:
                fmt = by_media[served].rdf_format
                assert fmt is not None
                assert len(list(parse(response.content, format=fmt))) == len(kg.store), url
        # and the server publishes the description `itukg void --base-url` writes
        answer = client.get("/.well-known/void", headers={"Accept": "application/n-triples"})
        assert answer.status_code == 200
        assert_isomorphic(
            rdflib.Graph().parse(data=answer.content, format="nt"),
            graph_of(void.describe(kg.store, base_url=BASE_URL)),
        )


# --- The command line -----------------------------------------------------------------------


def test_the_command_writes_the_description(kg: itukg.KnowledgeGraph) -> None:
    done = run_itukg("void", "-f", "nt", root=None)
    assert (done.returncode, done.stderr) == (0, "")
    expected = graph_of(void.describe(kg.store))
    assert_isomorphic(rdflib.Graph().parse(data=done.stdout, format="nt"), expected)
    done = run_itukg("void", "--format", "nt", "--base-url", BASE_URL, root=None)
    assert (done.returncode, done.stderr) == (0, "")
    assert_isomorphic(
        rdflib.Graph().parse(data=done.stdout, format="nt"),
        graph_of(void.describe(kg.store, base_url=BASE_URL)),
    )


def test_the_command_writes_a_file_whole_or_not_at_all(
    tmp_path: Path, kg: itukg.KnowledgeGraph
) -> None:
    target = tmp_path / "void.nt"
    done = run_itukg("void", "-f", "nt", "-o", str(target), root=None)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    expected = graph_of(void.describe(kg.store))
    assert_isomorphic(rdflib.Graph().parse(target, format="nt"), expected)
    missing = tmp_path / "no" / "void.ttl"
    done = run_itukg("void", "-o", str(missing), root=None)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"itukg: error: {missing}: cannot write: No such file or directory\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["void.nt"]


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_of_the_command_parses(name: str, kg: itukg.KnowledgeGraph) -> None:
    done = run_itukg("void", "-f", name, "--base-url", BASE_URL, root=None)
    assert (done.returncode, done.stderr) == (0, "")
    parsed = rdflib_graph(done.stdout.encode("utf-8"), FORMATS[name].extension)
    assert_isomorphic(parsed, graph_of(void.describe(kg.store, base_url=BASE_URL)))


@pytest.mark.parametrize("url", ["ftp://x", "example.org/kg", "https://exa mple.org"])
def test_a_bad_base_url_is_refused(url: str) -> None:
    done = run_itukg("void", "--base-url", url, root=None)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"itukg: error: argument --base-url: '{url}' is not an http(s) URL "
        "(see 'itukg void --help')\n"
    )


# --- The web --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "content_type", "extension"),
    [
        ("text/turtle", "text/turtle; charset=utf-8", ".ttl"),
        ("application/ld+json", "application/ld+json", ".jsonld"),
        ("application/n-triples", "application/n-triples", ".nt"),
        ("application/rdf+xml", "application/rdf+xml", ".rdf"),
    ],
)
def test_the_well_known_description(
    client: TestClient, kg: itukg.KnowledgeGraph, accept: str, content_type: str, extension: str
) -> None:
    response = client.get("/.well-known/void", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    assert "Accept" in response.headers["vary"].split(", ")
    parsed = rdflib_graph(response.content, extension)
    assert_isomorphic(parsed, graph_of(void.describe(kg.store, base_url="http://testserver")))
    endpoint = set(parsed.objects(rdflib.URIRef(GRAPH), rdflib.VOID.sparqlEndpoint))
    assert endpoint == {rdflib.URIRef("http://testserver/sparql")}


def test_the_description_by_format_switch_and_its_errors(client: TestClient) -> None:
    response = client.get("/.well-known/void?format=nt")
    assert (response.status_code, response.headers["content-type"]) == (
        200,
        "application/n-triples",
    )
    refused = client.get("/.well-known/void", headers={"Accept": "image/png"})
    assert (refused.status_code, refused.headers["content-type"]) == (
        406,
        "text/plain; charset=utf-8",
    )
    assert refused.text == (
        "no acceptable format for the dataset description in Accept: image/png "
        "(offered: text/turtle, application/ld+json, application/n-triples, application/rdf+xml)\n"
    )
    assert client.get("/.well-known/void", headers={"Accept": "text/html"}).status_code == 406
    assert client.get("/.well-known/void?format=html").status_code == 400


def test_the_service_description_points_to_the_description(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    service = rdflib.Graph().parse(data=response.content, format="turtle")
    see_also = set(service.objects(rdflib.URIRef("http://testserver/sparql"), rdflib.RDFS.seeAlso))
    assert see_also == {rdflib.URIRef("http://testserver/.well-known/void")}
    (url,) = see_also
    description = rdflib.Graph().parse(data=client.get(str(url)).content, format="turtle")
    (endpoint,) = description.objects(rdflib.URIRef(GRAPH), rdflib.VOID.sparqlEndpoint)
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (endpoint, rdflib.RDF.type, sd.Service) in service


class Links(HTMLParser):
    """The ``<link>`` elements of a page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":
            self.links.append({k: v or "" for k, v in attrs})


def test_the_home_page_links_to_the_description(client: TestClient) -> None:
    home = client.get("/", headers={"Accept": "text/html"})
    assert home.status_code == 200
    described = [
        (link["href"], link.get("type"))
        for link in Links(home.text).links
        if link.get("rel") == "describedby"
    ]
    assert described == [("/.well-known/void", "text/turtle")]
    answer = client.get(described[0][0], headers={"Accept": "text/turtle"})
    assert (answer.status_code, answer.headers["content-type"]) == (
        200,
        "text/turtle; charset=utf-8",
    )
