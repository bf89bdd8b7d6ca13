"""The data, family by family, against the source document it states.

Each test reads the source text itself (its slides have regular layouts) and checks that the
graph says the same: people and their roles, affiliations, meetings, Questions,
Recommendations, resolutions, mailing lists, cities, addresses. The tests need the source
text; where it is absent they skip and say so. Set ``ITUKG_SOURCE`` to read it elsewhere.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, ORG, PROV, RDF, SKOS, XSD

from itukg import paths

DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "shared/seeds/000_d227dd784734eec3.txt"
SCHEMA = Namespace("http://schema.org/")
DCT = Namespace("http://purl.org/dc/terms/")
OA = Namespace("http://www.w3.org/ns/oa#")
ITUKG = Namespace("https://w3id.org/itukg/ontology#")
ID = Namespace("https://w3id.org/itukg/id/")
DOCUMENT = ID["source/sg20-overview"]

MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def source_lines() -> list[str]:
    path = Path(os.environ.get("ITUKG_SOURCE", DEFAULT_SOURCE))
    if not path.is_file():
        pytest.skip(f"the source document is not at {path} (set ITUKG_SOURCE to point at it)")
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    for path in [*paths.ontology_files(), *paths.data_files()]:
        g.parse(path, format="turtle")
    return g


@pytest.fixture(scope="module")
def parts(graph: Graph, source_lines: list[str]) -> dict[str, str]:
    """Map each source-part slug to its text (the lines its RFC 5147 selector names)."""
    texts = {}
    for part in graph.subjects(RDF.type, ITUKG.SourcePart):
        first, last = line_range(graph, part)
        texts[slug(part)] = " ".join(source_lines[first - 1 : last])
    return texts


# --------------------------------------------------------------------------- helpers


def norm(text: str) -> str:
    """Compare texts as the slides print them: case, quotes, hyphens and line breaks aside."""
    text = unicodedata.normalize("NFC", text).lower()
    text = text.translate(
        str.maketrans(
            {"\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "«": '"', "»": '"'}
        )
    )
    return re.sub(r"[\s\-]+", " ", text).strip()


def slug(iri: URIRef) -> str:
    return str(iri).rsplit("/", 1)[-1]


def line_range(graph: Graph, part: URIRef) -> tuple[int, int]:
    """Return the first and last line (counted from 1) that a part's selector names."""
    selector = graph.value(part, OA.hasSelector)
    match = re.fullmatch(r"line=(\d+),(\d+)", str(graph.value(selector, RDF.value)))
    assert match, f"{part}: its selector is not an RFC 5147 line range"
    return int(match[1]) + 1, int(match[2])


def labels(graph: Graph, node: URIRef) -> set[str]:
    """Every name of *node*: preferred, alternative and hidden labels, notation, foaf:name."""
    found: set[str] = set()
    for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, SKOS.notation, FOAF.name):
        found.update(str(value) for value in graph.objects(node, prop))
    return found


def named(graph: Graph, name: str, kind: URIRef) -> URIRef:
    """Find the one *kind* that has *name* among its labels (compared with :func:`norm`)."""
    hits = {
        node
        for node in graph.subjects(RDF.type, kind)
        if norm(name) in {norm(label) for label in labels(graph, node)}
    }
    assert len(hits) == 1, f"{name!r}: expected one {kind}, found {sorted(hits)}"
    return hits.pop()  # type: ignore[return-value]


def occurs(needle: str, text: str) -> bool:
    """Whether *needle* occurs in *text* as whole words (or their plural), read by :func:`norm`."""
    if re.match(r"(https?|mailto):", needle):  # the slides glue some addresses to their text
        return needle in text
    return re.search(rf"(?<!\w){re.escape(norm(needle))}s?(?!\w)", norm(text)) is not None


def names_in(graph: Graph, node: URIRef, text: str) -> bool:
    """Whether some label of *node* occurs in *text* as whole words."""
    return any(occurs(label, text) for label in labels(graph, node))


def balanced_entries(text: str) -> Iterator[tuple[str, str]]:
    """Split ``Name (Affiliation) Name (Affiliation (ACR))`` into (name, affiliation) pairs."""
    position = 0
    while (opening := text.find("(", position)) >= 0:
        depth, end = 0, opening
        for end in range(opening, len(text)):
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            if depth == 0:
                break
        name = text[position:opening].strip(" •▪,")
        yield name, text[opening + 1 : end].strip()
        position = end + 1


def memberships(graph: Graph, group: URIRef) -> set[URIRef]:
    return set(graph.subjects(ORG.organization, group))


def check_listing(
    graph: Graph, group: URIRef, role: URIRef, entries: Iterable[tuple[str, str]]
) -> set[URIRef]:
    """Each (name, affiliation) listed for *role* in *group* is a membership with that affiliation.

    Returns the memberships matched.
    """
    matched = set()
    for name, affiliation in entries:
        person = named(graph, name, FOAF.Person)
        found = {
            m
            for m in graph.subjects(ORG.member, person)
            if graph.value(m, ORG.organization) == group and graph.value(m, ORG.role) == role
        }
        assert len(found) == 1, f"{name} as {role} of {group}: {sorted(found)}"
        membership = found.pop()
        given = graph.value(membership, ITUKG.affiliation)
        assert given is not None, f"{membership}: no affiliation, the source gives ({affiliation})"
        assert names_in(graph, given, affiliation), (
            f"{membership}: affiliation {given} is not what the source gives: ({affiliation})"
        )
        matched.add(membership)
    return matched


def role(name: str) -> URIRef:
    return ID[f"role/{name}"]


def org(name: str) -> URIRef:
    return ID[f"org/{name}"]


def between(text: str, start: str, *ends: str) -> str:
    """The text after *start* up to the first of *ends* that follows it (or the end)."""
    head = text.index(start) + len(start)
    stops = [text.find(end, head) for end in ends]
    stop = min((s for s in stops if s >= 0), default=len(text))
    return text[head:stop]


# --------------------------------------------------------------------------- the source itself


def test_the_document_is_the_one_the_data_states(graph: Graph) -> None:
    path = Path(os.environ.get("ITUKG_SOURCE", DEFAULT_SOURCE))
    if not path.is_file():
        pytest.skip(f"the source document is not at {path}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert graph.value(DOCUMENT, DCT.identifier) == Literal(f"sha256:{digest}")


def test_parts_tile_every_written_line_once(graph: Graph, source_lines: list[str]) -> None:
    ordered = sorted(
        graph.subjects(RDF.type, ITUKG.SourcePart),
        key=lambda part: int(graph.value(part, SCHEMA.position)),  # type: ignore[arg-type]
    )
    covered: list[int] = []
    for part in ordered:
        first, last = line_range(graph, part)
        assert source_lines[first - 1].strip() and source_lines[last - 1].strip(), (
            f"{part}: its range {first}-{last} must start and end on a written line"
        )
        assert graph.value(part, OA.hasSource) == DOCUMENT
        covered.extend(range(first, last + 1))
    assert covered == sorted(set(covered)), "parts overlap or are out of order"
    written = {n for n, line in enumerate(source_lines, 1) if line.strip()}
    assert written - set(covered) == set(), "lines of the source that no part covers"


def evidence(graph: Graph, node: URIRef) -> set[str]:
    """The strings by which the source can be seen to state *node*."""
    strings = set(labels(graph, node))
    for prop in (
        DCT.title, DCT.alternative, SCHEMA.name, SCHEMA.email, SCHEMA.text,
        SKOS.definition, DCT.description, ORG.purpose,
    ):  # fmt: skip
        strings.update(str(v).rstrip(".;") for v in graph.objects(node, prop))
    for prop in (FOAF.page, FOAF.homepage, SCHEMA.url, ITUKG.termsOfReference):
        strings.update(str(v) for v in graph.objects(node, prop))
    for prop in (SCHEMA.value, SCHEMA.minValue):
        strings.update(str(v) for v in graph.objects(node, prop))
    # A structural node is stated by what it links: a membership by its member, a post by
    # its organisation, a concept scheme by its concepts, a meeting by its dates.
    for prop in (ORG.member, ORG.postIn):
        for linked in graph.objects(node, prop):
            strings |= labels(graph, linked)  # type: ignore[arg-type]
    for concept in graph.subjects(SKOS.inScheme, node):
        strings |= labels(graph, concept)  # type: ignore[arg-type]
    if (node, RDF.type, ITUKG.Meeting) in graph:
        strings.add(printed_dates(graph, node))
    # A decision note quotes the words of the source it rests on.
    for note in graph.objects(node, SKOS.editorialNote):
        strings.update(re.findall(r"'([^']{8,}?)'(?=[\s,.;:)]|$)", str(note)))
    return {s for s in strings if s.strip()}


def printed_dates(graph: Graph, meeting: URIRef) -> str:
    """A meeting's dates as the slides print them: '13-14 October 2020', 'October 2021'."""
    start = graph.value(meeting, SCHEMA.startDate)
    end = graph.value(meeting, SCHEMA.endDate)
    assert isinstance(start, Literal)
    if start.datatype == XSD.gYearMonth:
        year, month = map(int, str(start).split("-"))
        return f"{MONTHS[month - 1]} {year}"
    first: date = start.toPython()
    last: date = end.toPython() if isinstance(end, Literal) else first
    days = f"{first.day}" if first == last else f"{first.day}-{last.day}"
    return f"{days} {MONTHS[first.month - 1]} {first.year}"


def test_every_thing_is_stated_in_each_part_it_cites(graph: Graph, parts: dict[str, str]) -> None:
    unstated = []
    for node, part in graph.subject_objects(PROV.wasDerivedFrom):
        text = parts[slug(part)]  # type: ignore[index]
        if not any(occurs(s, text) for s in evidence(graph, node)):  # type: ignore[arg-type]
            unstated.append(f"{node} cites {slug(part)}")  # type: ignore[arg-type]
    assert unstated == []


def test_every_described_thing_names_the_document_and_a_part(graph: Graph) -> None:
    described = {s for s in graph.subjects(RDF.type, None) if str(s).startswith(str(ID))}
    sources = set(graph.subjects(RDF.type, ITUKG.SourcePart)) | {DOCUMENT}
    selectors = set(graph.subjects(RDF.type, OA.FragmentSelector))
    for node in sorted(described - sources - selectors):
        assert (node, DCT.source, DOCUMENT) in graph, f"{node}: no dcterms:source"
        assert any(
            (part, RDF.type, ITUKG.SourcePart) in graph
            for part in graph.objects(node, PROV.wasDerivedFrom)
        ), f"{node}: no prov:wasDerivedFrom naming a part of the source"


# --------------------------------------------------------------------------- addresses


URL = re.compile(r"(?:https?://|mailto:)[^\s•]+?(?=(?:ITU-T |Focus |Joint |United |SG20 )|\s|$)")
EMAIL = re.compile(r"[\w.-]+@[\w.-]+\.\w+")


def test_every_address_in_the_source_is_attached_and_no_other(
    graph: Graph, source_lines: list[str]
) -> None:
    in_source = set(URL.findall("\n".join(source_lines)))
    page_properties = (
        FOAF.page, FOAF.homepage, SCHEMA.url, ITUKG.termsOfReference, ITUKG.subscriptionPage,
    )  # fmt: skip
    in_graph = {str(o) for p in page_properties for o in graph.objects(None, p)}
    assert in_graph == in_source


def test_every_email_address_is_a_contact_point(graph: Graph, source_lines: list[str]) -> None:
    text = "\n".join(line for line in source_lines if "mailto:" not in line)
    in_source = set(EMAIL.findall(text))
    assert {str(e) for e in graph.objects(None, SCHEMA.email)} == in_source
    for point in graph.subjects(SCHEMA.email, None):
        email = graph.value(point, SCHEMA.email)
        assert graph.value(point, SCHEMA.url) == URIRef(f"mailto:{email}")


# --------------------------------------------------------------------------- people and roles


HEADINGS = {
    "Chairman": "chair",
    "Vice-Chairmen": "vice-chair",
    "Administrative Assistant": "administrative-assistant",
    "Counsellor": "counsellor",
}


def sg20_team(text_lines: list[str]) -> Iterator[tuple[str, str, str]]:
    """Parse the SG20 management-team slide into (role slug, name, affiliation)."""
    current = None
    block = " ".join(line.strip() for line in text_lines if line.strip())
    block = block.replace("ITU-T SG20 - Management Team", "")
    pattern = "|".join(re.escape(h) for h in HEADINGS)
    for chunk in re.split(rf"\b({pattern})\b", block):
        if chunk in HEADINGS:
            current = HEADINGS[chunk]
        elif chunk.strip():
            assert current is not None
            for name, affiliation in balanced_entries(chunk):
                yield current, name, affiliation


def test_sg20_management_team(graph: Graph, graph_part_lines: dict[str, list[str]]) -> None:
    team = list(sg20_team(graph_part_lines["sg20-management-team"]))
    assert len(team) == 14
    matched: set[URIRef] = set()
    for role_slug, name, affiliation in team:
        matched |= check_listing(graph, org("sg20"), role(role_slug), [(name, affiliation)])
    assert matched == memberships(graph, org("sg20"))


@pytest.fixture(scope="module")
def graph_part_lines(graph: Graph, source_lines: list[str]) -> dict[str, list[str]]:
    found = {}
    for part in graph.subjects(RDF.type, ITUKG.SourcePart):
        first, last = line_range(graph, part)
        found[slug(part)] = source_lines[first - 1 : last]
    return found


REGIONAL_STOPS = ("Last Meeting", "Virtual via", "ITU-T SG20 Regional Group", "http")


@pytest.mark.parametrize("group", ["sg20rg-latam", "sg20rg-eecat", "sg20rg-arb", "sg20rg-afr"])
def test_regional_group_management_team(graph: Graph, parts: dict[str, str], group: str) -> None:
    text = parts[group]
    acronym = group.upper().replace("SG20RG", "SG20RG")
    chair = list(balanced_entries(between(text, f"{acronym} Chairman:", f"{acronym} Vice-")))
    vice_text = re.split(r"Vice-\s*chairm[ae]n:", text, maxsplit=1)[1]
    vices = list(balanced_entries(between(vice_text, "", *REGIONAL_STOPS)))
    assert len(chair) == 1
    matched = check_listing(graph, org(group), role("chair"), chair)
    matched |= check_listing(graph, org(group), role("vice-chair"), vices)
    assert matched == memberships(graph, org(group))


def test_regional_group_sizes(graph: Graph) -> None:
    sizes = {
        g: len(memberships(graph, org(g)))
        for g in ("sg20rg-latam", "sg20rg-eecat", "sg20rg-arb", "sg20rg-afr")
    }
    assert sizes == {"sg20rg-latam": 3, "sg20rg-eecat": 2, "sg20rg-arb": 6, "sg20rg-afr": 8}


DATE = re.compile(r"(\d{1,2})(?:-(\d{1,2}))? (" + "|".join(MONTHS) + r") (\d{4})")


@pytest.mark.parametrize("group", ["sg20rg-latam", "sg20rg-eecat", "sg20rg-arb", "sg20rg-afr"])
def test_regional_group_last_meeting(graph: Graph, parts: dict[str, str], group: str) -> None:
    text = parts[group]
    meeting = graph.value(org(group), ITUKG.lastMeeting)
    assert meeting is not None and graph.value(meeting, SCHEMA.organizer) == org(group)
    day, last_day, month, year = DATE.search(text).groups()  # type: ignore[union-attr]
    start = date(int(year), MONTHS.index(month) + 1, int(day))
    end = date(int(year), MONTHS.index(month) + 1, int(last_day or day))
    assert graph.value(meeting, SCHEMA.startDate) == Literal(start)
    assert graph.value(meeting, SCHEMA.endDate) == Literal(end)
    place = graph.value(meeting, SCHEMA.location)
    if "Virtual via MyMeetings" in text:
        assert place == ID["place/mymeetings"]
        assert graph.value(meeting, SCHEMA.eventAttendanceMode) == SCHEMA.OnlineEventAttendanceMode
    else:
        country = graph.value(place, SCHEMA.containedInPlace)
        printed = f"{graph.value(place, SKOS.prefLabel)}, {graph.value(country, SKOS.prefLabel)}"
        assert printed in text
        assert (meeting, SCHEMA.eventAttendanceMode, None) not in graph


def test_every_person_is_listed_and_holds_a_role(graph: Graph) -> None:
    people = set(graph.subjects(RDF.type, FOAF.Person))
    members = set(graph.objects(None, ORG.member))
    assert people == members
    assert len(people) == 30


def test_every_spelling_of_a_name_is_kept(graph: Graph, source_lines: list[str]) -> None:
    text = " ".join(line.strip() for line in source_lines if line.strip())
    for person in graph.subjects(RDF.type, FOAF.Person):
        kept = {str(x) for x in graph.objects(person, SKOS.prefLabel)} | {
            str(x) for x in graph.objects(person, SKOS.altLabel)
        }
        for name in set(kept):
            for spelling in re.findall(re.escape(name), text, flags=re.IGNORECASE):
                assert spelling in kept, f"{person}: the source also writes {spelling!r}"


def test_affiliations_are_also_stated_on_the_person(graph: Graph) -> None:
    stated = {
        (graph.value(m, ORG.member), a)
        for m, a in graph.subject_objects(ITUKG.affiliation)
        if (a, RDF.type, SCHEMA.Country) not in graph
    }
    assert stated == set(graph.subject_objects(ORG.memberOf))


def test_people_with_two_affiliations(graph: Graph) -> None:
    two = {
        p
        for p in graph.subjects(RDF.type, FOAF.Person)
        if len(set(graph.objects(p, ORG.memberOf))) > 1
    }
    assert two == {ID["person/ali-abbassene"], ID["person/achime-malick-ndiaye"]}


def test_fg_ai4a(graph: Graph, parts: dict[str, str]) -> None:
    text = parts["fg-ai4a"]
    group = org("fg-ai4a")
    working = {re.sub(r"\s", "", w) for w in re.findall(r"\((WG-\s*[A-Za-z]+)\)", text)}
    topic = {
        norm(t) for t in re.findall(r"(TG-.+?)(?= TG-| Working Groups)", re.sub(r"\s+", " ", text))
    }
    units = set(graph.subjects(ORG.subOrganizationOf, group))
    assert {
        str(graph.value(u, SKOS.notation))
        for u in units
        if (u, RDF.type, ITUKG.WorkingGroup) in graph
    } == working
    assert {
        norm(str(graph.value(u, SKOS.prefLabel)))
        for u in units
        if (u, RDF.type, ITUKG.TopicGroup) in graph
    } == topic
    chairs = list(balanced_entries(between(text, "Co-Chair(s):", "TG-")))
    assert [" ".join(name.split()) for name, _ in chairs] == ["Ramy Ahmed Fathy", "Sebastian Bosse"]
    assert check_listing(graph, group, role("co-chair"), chairs) == memberships(graph, group)


def test_cg_aiot(graph: Graph, parts: dict[str, str]) -> None:
    text = parts["cg-aiot"]
    convener = re.search(r"Convener: (.+?) ▪", text)[1]  # type: ignore[index]
    group = org("cg-aiot")
    (membership,) = memberships(graph, group)
    assert graph.value(membership, ORG.member) == named(graph, convener, FOAF.Person)
    assert graph.value(membership, ORG.role) == role("convener")
    address = re.search(r"Mailing list: (\S+)", text)[1]  # type: ignore[index]
    assert str(graph.value(graph.value(group, ITUKG.mailingList), SCHEMA.email)) == address
    assert graph.value(group, ORG.subOrganizationOf) == org("sg20")
    meeting = graph.value(group, ITUKG.mandatedAt)
    assert printed_dates(graph, meeting) in text  # type: ignore[arg-type]


def test_joint_task_force(graph: Graph, parts: dict[str, str]) -> None:
    text = re.sub(r"\s+", " ", parts["joint-task-force"])
    force = org("joint-smart-cities-task-force")
    listed = re.findall(r"(ISO|ITU|IEC) co-Chairman Mr (.+?) \(Chair, (.+?)\)", text)
    assert len(listed) == 3
    matched = set()
    for body, name, chaired in listed:
        person = named(graph, name.strip(), FOAF.Person)
        (membership,) = {
            m
            for m in graph.subjects(ORG.member, person)
            if graph.value(m, ORG.organization) == force
        }
        assert graph.value(membership, ORG.role) == role("co-chair")
        assert body in labels(graph, graph.value(membership, ITUKG.represents))  # type: ignore[arg-type]
        assert graph.value(person, FOAF.title) == Literal("Mr")
        chairs = {
            graph.value(m, ORG.organization)
            for m in graph.subjects(ORG.member, person)
            if graph.value(m, ORG.role) == role("chair")
        }
        assert {norm(chaired)} & {norm(label) for c in chairs for label in labels(graph, c)}  # type: ignore[arg-type]
        matched.add(membership)
    assert matched == memberships(graph, force)
    assert set(graph.objects(force, ORG.subOrganizationOf)) == {org("itu"), org("iso"), org("iec")}


# --------------------------------------------------------------------------- SG20 and its Questions


def test_questions(graph: Graph, parts: dict[str, str]) -> None:
    structure = re.sub(r"\s+", " ", parts["sg20-structure"])
    titles = dict((int(n), t) for t, n in re.findall(r"• (.+?) Q(\d)/20", structure))
    listing = re.sub(r"\s+", " ", parts["mailing-lists"])
    listed = {int(n): (t, a) for n, t, a in re.findall(r"Q(\d)/20: (.+?) • ?(\S+@\S+)", listing)}
    assert sorted(titles) == sorted(listed) == list(range(1, 8))
    questions = set(graph.subjects(ORG.subOrganizationOf, org("sg20"))) & set(
        graph.subjects(RDF.type, ITUKG.Question)
    )
    assert len(questions) == 7
    for n in range(1, 8):
        question = named(graph, f"Q{n}/20", ITUKG.Question)
        titled = {
            norm(str(t)) for p in (DCT.title, DCT.alternative) for t in graph.objects(question, p)
        }
        assert (
            norm(str(graph.value(question, DCT.title))) == norm(titles[n])
            or norm(titles[n]) in titled
        )
        assert norm(listed[n][0]) in titled
        assert (
            str(graph.value(graph.value(question, ITUKG.mailingList), SCHEMA.email)) == listed[n][1]
        )
        assert graph.value(question, ITUKG.studyPeriod) == ID["period/2022-2024"]


def test_sg20_mandate_and_lead_roles(graph: Graph, parts: dict[str, str]) -> None:
    sg20 = org("sg20")
    mandate = norm(parts["itu-t-focus"])
    purposes = [str(p) for p in graph.objects(sg20, ORG.purpose)]
    assert len(purposes) == 2 and all(norm(p.rstrip(".")) in mandate for p in purposes)
    areas = [
        str(graph.value(c, SKOS.prefLabel)) for c in graph.objects(sg20, ITUKG.leadStudyGroupFor)
    ]
    lead = parts["sg20-lead-roles"]
    assert sorted(areas) == sorted(
        line
        for line in re.split(r"\s{2,}", lead)
        if line and line not in {"Lead Study Group 20 Roles"} and "Study Group 20:" not in line
    )


def test_mailing_lists_belong_to_the_groups_the_slide_names(
    graph: Graph, parts: dict[str, str]
) -> None:
    listing = re.sub(r"\s+", " ", between(parts["mailing-lists"], "Mailing lists", "mailto:"))
    pairs = re.findall(r"(.+?)\s*• ?(\S+@lists\.itu\.int)", listing)
    assert len(pairs) == 13
    for title, address in pairs:
        (mailing_list,) = set(graph.subjects(SCHEMA.email, Literal(address)))
        (owner,) = set(graph.subjects(ITUKG.mailingList, mailing_list))
        names = set()
        for label in labels(graph, owner) | labels(graph, mailing_list):
            names.add(norm(label))
            for notation in graph.objects(owner, SKOS.notation):
                names.add(norm(f"{label} ({notation})"))
        for t in graph.objects(owner, DCT.title):
            for notation in graph.objects(owner, SKOS.notation):
                names.add(norm(f"{notation}: {t}"))
        for t in graph.objects(owner, DCT.alternative):
            for notation in graph.objects(owner, SKOS.notation):
                names.add(norm(f"{notation}: {t}"))
        assert norm(title.strip()) in names, f"{address}: listed under {title!r}, owned by {owner}"


# --------------------------------------------------------------------------- texts


RECOMMENDATION = re.compile(r"Recommendation ITU-T Y\. ?(\d+(?:\.\d+)?): “(.+?)”")

TOPICS = {
    "requirements-and-use-cases": {"Y.4208", "Y.4211", "Y.4214"},
    "infrastructure-and-architecture": {"Y.4470", "Y.4480", "Y.4500.1"},
    "interoperability": {"Y.4200", "Y.4201", "Y.4805"},
    "data-management-and-processing": {"Y.4461", "Y.4464", "Y.4472"},
    "evaluation-and-assessment": {"Y.4903", "Y.4904", "Y.4906"},
    "identification-and-security": {"Y.4807", "Y.4808", "Y.4809"},
}


def test_recommendations(graph: Graph, parts: dict[str, str]) -> None:
    text = re.sub(r"\s+", " ", parts["key-topics"])
    in_source = {f"Y.{n}": norm(t) for n, t in RECOMMENDATION.findall(text)}
    recommendations = set(graph.subjects(RDF.type, ITUKG.Recommendation))
    in_graph = {
        str(graph.value(r, SKOS.notation)): norm(str(graph.value(r, DCT.title)))
        for r in recommendations
    }
    assert in_graph == in_source
    assert len(in_graph) == 18


def test_recommendation_topics(graph: Graph, parts: dict[str, str]) -> None:
    """The slide's layout splits its first column; the data records the decision."""
    for topic, expected in TOPICS.items():
        concept = ID[f"concept/key-topic-{topic}"]
        assert names_in(graph, concept, parts["key-topics"])
        assert {
            str(graph.value(r, SKOS.notation)) for r in graph.subjects(DCT.subject, concept)
        } == expected


def test_recommendation_series(graph: Graph) -> None:
    for rec in graph.subjects(RDF.type, ITUKG.Recommendation):
        series = set(graph.objects(rec, ITUKG.series))
        expected = {ID["recommendation/series-Y"]}
        if str(graph.value(rec, SKOS.notation)) == "Y.4500.1":
            expected.add(ID["recommendation/series-Y.4500"])
        assert series == expected


INSTRUCTED = {
    "197": {ID["post/tsb-director"], ID["post/radiocommunication-bureau-director"]},
    "98": {org("sg20")},
    "78": {org("sg16"), org("sg20")},
    "200": set(),
}
CLAUSES = {"197": 5, "98": 4, "78": 4, "200": 0}


@pytest.mark.parametrize("number", sorted(INSTRUCTED))
def test_resolutions(graph: Graph, parts: dict[str, str], number: str) -> None:
    resolution = ID[f"resolution/{number}"]
    text = norm(parts[f"resolution-{number}"])
    assert norm(str(graph.value(resolution, DCT.title))) in text
    assert set(graph.objects(resolution, ITUKG.instructs)) == INSTRUCTED[number]
    clauses = list(graph.objects(resolution, ITUKG.clause))
    assert len(clauses) == CLAUSES[number]
    for clause in clauses:
        assert norm(str(graph.value(clause, SCHEMA.text)).rstrip(";.")) in text
        assert norm(str(graph.value(clause, ITUKG.leadIn))) in text
        if (clause, RDF.type, ITUKG.InstructsClause) in graph:
            assert set(graph.objects(clause, ITUKG.instructs)) == INSTRUCTED[number]


def test_connect_2030_goal_and_target(graph: Graph, parts: dict[str, str]) -> None:
    text = norm(parts["resolution-200"])
    goal = graph.value(ID["resolution/200"], ITUKG.goal)
    (target,) = set(graph.subjects(SKOS.broader, goal))
    for concept in (goal, target):
        assert norm(str(graph.value(concept, SKOS.prefLabel))) in text
        assert norm(str(graph.value(concept, SKOS.definition)).rstrip(".")) in text
    assert graph.value(ID["resolution/200"], SCHEMA.locationCreated) == ID["place/dubai"]
    assert graph.value(ID["resolution/200"], DCT.modified) == Literal("2018", datatype=XSD.gYear)


# --------------------------------------------------------------------------- the ITU, U4SSC, places


def test_itu_members_and_sectors(graph: Graph, parts: dict[str, str]) -> None:
    itu = org("itu")
    figures = {
        (graph.value(f, SCHEMA.value), graph.value(f, SCHEMA.minValue))
        for f in graph.objects(itu, ITUKG.figure)
    }
    assert figures == {(Literal(193), None), (None, Literal(900))}
    assert "193 900+" in parts["itu-members"]
    sectors = set(graph.subjects(RDF.type, ITUKG.Sector))
    assert {s for s in sectors if graph.value(s, ORG.subOrganizationOf) == itu} == sectors
    printed = re.search(r"3 SECTORS: (.+)", parts["itu-members"])[1].split()[:3]  # type: ignore[index]
    assert {norm(p) for p in printed} <= {
        norm(label) for s in sectors for label in labels(graph, s)
    }
    assert len(sectors) == 3


def test_u4ssc_cities(graph: Graph, graph_part_lines: dict[str, list[str]]) -> None:
    lines = [line.strip() for line in graph_part_lines["u4ssc-kpi"] if line.strip()]
    names = " | ".join(lines[1 : lines.index("150+ more cities!")]).replace("den | ", "den ")
    cities = set(graph.objects(org("u4ssc"), ITUKG.kpiCity))
    assert {str(graph.value(c, SKOS.prefLabel)) for c in cities} == set(names.split(" | "))
    (more,) = set(graph.objects(org("u4ssc"), ITUKG.figure))
    assert graph.value(more, SCHEMA.minValue) == Literal(150)


def test_one_node_per_place(graph: Graph) -> None:
    places = list(graph.subjects(RDF.type, SCHEMA.City)) + list(
        graph.subjects(RDF.type, SCHEMA.Country)
    )
    names = [norm(str(graph.value(p, SKOS.prefLabel))) for p in places]
    assert len(names) == len(set(names))
    riyadh = ID["place/riyadh"]
    assert riyadh in set(graph.objects(org("u4ssc"), ITUKG.kpiCity))
    assert riyadh == graph.value(graph.value(org("sg20rg-arb"), ITUKG.lastMeeting), SCHEMA.location)


LANGUAGES = {
    "Ministère": "fr",
    "Ministere": "fr",
    "Ministero": "it",
    "Dipartimento": "it",
    "Universidad": "es",
    "Instituto": "es",
}


def test_names_carry_the_language_they_are_written_in(graph: Graph) -> None:
    checked = 0
    for node, label in graph.subject_objects(SKOS.prefLabel):
        first = str(label).split()[0]
        if first in LANGUAGES and (node, RDF.type, FOAF.Person) not in graph:
            assert label.language == LANGUAGES[first], f"{node}: {label!r}"  # type: ignore[union-attr]
            checked += 1
    assert checked == 10
