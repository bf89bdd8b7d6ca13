"""``itukg synth``: a synthetic, ITU-wide graph in itukg's ontology, for benchmarks.

The graph is made up, but it is made as the shipped data is made: the same classes,
properties, IRI patterns (``https://w3id.org/itukg/id/<kind>/<slug>``) and modelling
conventions, so that it conforms to every shape of ``shapes/`` and every check of
``shapes/checks/`` (``itukg validate FILE``). It is deterministic: the same number of triples
and the same seed give the same bytes.

The model of the generated graph
--------------------------------

- **The ITU** (``org/itu``, a specialized agency of the UN), its three **sectors** (ITU-T,
  ITU-R, ITU-D) and their **bureaux** (TSB, BR, BDT) with the posts of their directors; ISO
  and IEC, with a joint smart-cities task force and two committees; U4SSC and its KPI cities;
  the ITU's figures, the Connect 2030 goals and targets, the ITU-T document types, a webinar
  series and a web portal.
- **Study periods** of four years per sector (ITU-T's current one is 2021-2024, ITU-R's
  2020-2023, ITU-D's 2022-2025), each a ``time:ProperInterval`` between two
  ``time:Instant`` years.
- **Study groups**, the real ones of each sector (ITU-T SG20, ITU-R SG5, ITU-D SG2, ... then
  historical ones), one node each for all study periods. In each study period a study group
  has a management team (Chairman, Vice-Chairmen, and a Counsellor and an Administrative
  Assistant from the bureau), **Questions** (``Q3/20``, one node per study period, each with
  its mailing list, a Rapporteur, Associate Rapporteurs and Editors), **working parties**
  (``itukg:WorkingGroup``, a Chairman and a Vice-Chairman), sometimes a **correspondence
  group** (a Convener, mandated at the first meeting of the period) and two to four
  **meetings** (Geneva mostly, a host capital sometimes, virtual in 2020-2021, hybrid since
  2022). An ITU-T study group may have **regional groups** (``SG20RG-AFR``), one node each,
  with a Chairman and Vice-Chairmen from the region in each period and one meeting a period.
  ITU-T has **focus groups** (with working and topic groups, co-chairmen, meetings and a
  report) and **joint coordination activities**.
- **People** (``foaf:Person``, with ``foaf:name`` and ``skos:prefLabel``; one in six is
  written with the family name in capitals, as the ITU writes it, kept as ``skos:altLabel``
  with ``foaf:givenName`` and ``foaf:familyName``; one in four has a title) hold their roles
  as ``org:Membership`` (``org:member``, ``org:organization``, ``org:role``,
  ``org:memberDuring`` the study period, ``itukg:affiliation`` an organisation or a country).
  Every organisation given as an affiliation is on the person as ``org:memberOf``. Three
  roles in eight go to someone who already holds another (of the same study group seven
  times in ten), so many people sit in several groups; every person holds at least one role.
- **Organisations** (ministries, regulators, operators, universities and made-up companies,
  each located in a **country**), **countries** with their ISO 3166-1 codes and **capitals**,
  both linked to GeoNames through an SSSOM mapping set, as the shipped graph is.
- **Resolutions** with clauses that instruct study groups (or a bureau director's post) and
  clauses that resolve; **Recommendations** of the ITU-T study groups, by series (``Y``,
  ``Y.4500`` for sub-numbered ones) and key topic (a ``skos:Concept`` of the study group).
- **Provenance** as the shipped data has it: every thing has ``dcterms:source`` the source
  document (its IRI is the shipped one, ``source/sg20-overview``, which the shapes require)
  and ``prov:wasDerivedFrom`` a part of it, an ``oa:SpecificResource`` whose
  ``oa:FragmentSelector`` gives its line range. Parts are few (one per study group, per
  kind of thing): the checks compare the parts of a document pairwise.

How the graph grows with N
--------------------------

N (``--triples``, at least :data:`MIN_TRIPLES`) sets the structure, not one relation: with
``s = N / 10,000``, the graph takes ``round(3 * sqrt(s))`` study groups (3 to 31, in the order
of :data:`itukg.synth_tables.STUDY_GROUPS`), ``round(2 * sqrt(s))`` study periods per sector
(2 to 40, back to the ITU's founding), ``20 + 10 * log2(s)`` countries (up to 108),
``40 + 20 * s^0.85`` organisations and ``4 + 3 * sqrt(s)`` resolutions. The number of
Questions per study group and period (up to 30), and of Editors per Question (up to 12), is
scaled by a *richness* chosen so that the estimated size of this planned part is 93% of N
(less 1,600 triples for the faults of ``--violations``). Everything planned is fixed by N
alone, not by the seed: :func:`plan` gives the exact number of people, memberships, groups,
meetings and every other class it plans (:meth:`Plan.counts`). The rest is Recommendations:
3% of N planned, then as many more as bring the count of triples to N - 5 (each has 10 or 11
triples, 18 with a new sub-series, so the graph has N - 5 to N + 12 triples: within 2%).

====  =======  ============  =======  ===========  ======  =========
N     periods  study groups  people   memberships  groups  Questions
====  =======  ============  =======  ===========  ======  =========
10k   2        3             267      385          100     61
100k  6        9             3,284    5,258        973     787
1M    20       30            35,826   57,835       10,325  8,734
5M    40       31            194,875  312,910      36,829  33,555
====  =======  ============  =======  ===========  ======  =========

("groups" counts every study group, Question, working party, regional, correspondence, focus
and topic group and JCA.) The graph is written as it is made: only the people (their names,
affiliations and the parts that state them, written last) and the names already taken are
kept in memory.

With ``--violations``, :mod:`itukg.synth_faults` adds faults that break every shape and
check once or more, and writes the expected report beside the graph
(``FILE.violations.json``, as ``itukg validate --format json FILE`` writes it).
"""

from __future__ import annotations

import calendar
import dataclasses
import functools
import hashlib
import math
import random
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from itukg import synth_tables as tables
from itukg.atomic import atomic_write
from itukg.errors import ItukgError, OutputError
from itukg.namespaces import CURATORS, ID, ID_KINDS, MAPPINGS, PREFIXES

if TYPE_CHECKING:
    from itukg.synth_faults import Fault

#: The fewest triples the generator makes: the fixed part and two study periods need them.
MIN_TRIPLES = 10_000

#: Output syntaxes, by the extension of the output file.
EXTENSIONS = {".nt": "N-Triples", ".ttl": "Turtle"}

#: What the expected report of ``--violations`` is called: the output file's name and this.
VIOLATIONS_SUFFIX = ".violations.json"

#: The share of N that the planned part takes; Recommendations make up the rest.
PLANNED_SHARE = 0.93

#: Triples set aside for the faults of ``--violations``.
FAULT_BUDGET = 1_600

MAX_PERIODS = 40

# The rules of who holds a role: out of eight roles, these go to someone who holds another.
_REUSE = frozenset({2, 5, 7})
#: Roles held before anyone is asked a second time (more than any group has members).
_WARM_UP = 64
#: Staff (Counsellors, Administrative Assistants): one new in three.
_STAFF_WARM_UP = 8

_MONTHS = tuple(calendar.month_name)[1:]

# --- Plan -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodSpec:
    """What one study group does in one study period."""

    vice_chairs: int
    questions: tuple[tuple[int, int], ...]
    """(Associate Rapporteurs, Editors) of each Question."""
    working_parties: int
    correspondence_groups: int
    meetings: int
    regional_vice_chairs: tuple[int, ...]
    """Vice-Chairmen of each of its regional groups (empty: none)."""


@dataclass(frozen=True)
class StudyGroupSpec:
    """A study group and what it does in each study period of its sector, oldest first."""

    info: tables.StudyGroupInfo
    periods: tuple[PeriodSpec, ...]


@dataclass(frozen=True)
class FocusGroupSpec:
    """An ITU-T focus group of one study period."""

    period: int
    working_groups: int
    topic_groups: int


@dataclass(frozen=True)
class Plan:
    """What the graph of N triples holds: fixed by N (and ``--violations``), not the seed."""

    triples: int
    violations: bool
    periods: int
    richness: float
    countries: int
    organisations: int
    study_groups: tuple[StudyGroupSpec, ...]
    focus_groups: tuple[FocusGroupSpec, ...]
    jcas: tuple[int, ...]
    """The ITU-T study periods (indexes, oldest 0) that have a joint coordination activity."""
    resolutions: tuple[tuple[int, int], ...]
    """(instructs clauses, resolves clauses) of each resolution."""
    recommendations: int
    """Recommendations planned; more follow until the graph has N triples."""
    estimate: int
    """The estimated triples of the planned part."""

    @property
    def memberships(self) -> int:
        """Every membership (role) of the graph."""
        return self.roles + self.staff_roles

    @property
    def roles(self) -> int:
        """Memberships held by members (not staff)."""
        total = len(_FIXED_ROLES)
        for sg in self.study_groups:
            for p in sg.periods:
                total += 1 + p.vice_chairs + 2 * p.working_parties + p.correspondence_groups
                total += sum(1 + a + e for a, e in p.questions)
                total += sum(1 + v for v in p.regional_vice_chairs)
        total += sum(2 + fg.working_groups + fg.topic_groups for fg in self.focus_groups)
        return total + len(self.jcas)

    @property
    def staff_roles(self) -> int:
        """Memberships held by bureau staff: a Counsellor and an Assistant a group a period."""
        return 2 * sum(len(sg.periods) for sg in self.study_groups)

    @property
    def people(self) -> int:
        """Every person of the graph: each holds at least one role."""
        return _new_people(self.roles, _WARM_UP, 8, _REUSE) + _new_people(
            self.staff_roles, _STAFF_WARM_UP, 3, frozenset({1, 2})
        )

    def counts(self) -> dict[str, int]:
        """Return the number of instances of each planned class (CURIE), exactly."""
        sgp = [(sg, p) for sg in self.study_groups for p in sg.periods]
        regional = sum(len(sg.info.regions) for sg in self.study_groups)
        study_periods = 3 * self.periods
        questions = sum(len(p.questions) for _, p in sgp)
        cgs = sum(p.correspondence_groups for _, p in sgp)
        meetings = sum(p.meetings + len(p.regional_vice_chairs) for _, p in sgp)
        meetings += 2 * len(self.focus_groups)
        lists = sum(1 + len(p.questions) + p.correspondence_groups for _, p in sgp)
        lists += regional + len(self.focus_groups)
        years = {
            y
            for s in tables.SECTORS
            for start, end in _periods(s, self.periods)
            for y in (start, end)
        }
        itu_t = [sg for sg in self.study_groups if sg.info.sector == "t"]
        return {
            "foaf:Person": self.people,
            "org:Membership": self.memberships,
            "itukg:StudyGroup": len(self.study_groups),
            "itukg:Question": questions,
            "itukg:WorkingGroup": sum(p.working_parties for _, p in sgp)
            + sum(fg.working_groups for fg in self.focus_groups),
            "itukg:RegionalGroup": regional,
            "itukg:CorrespondenceGroup": cgs,
            "itukg:FocusGroup": len(self.focus_groups),
            "itukg:TopicGroup": sum(fg.topic_groups for fg in self.focus_groups),
            "itukg:JointCoordinationActivity": len(self.jcas),
            "itukg:Sector": 3,
            "itukg:Bureau": 3,
            "itukg:StudyPeriod": study_periods,
            "time:Instant": len(years),
            "itukg:Meeting": meetings,
            "itukg:MailingList": lists,
            "schema:ContactPoint": len(self.study_groups),
            "itukg:Resolution": len(self.resolutions),
            "itukg:InstructsClause": sum(i for i, _ in self.resolutions),
            "itukg:ResolvesClause": sum(r for _, r in self.resolutions),
            "schema:Country": self.countries,
            "schema:City": self.countries + 1,
            "org:FormalOrganization": self.organisations + len(_WORLD_BODIES),
            "skos:ConceptScheme": 5 + len(itu_t) + 1,
        }


def _new_people(roles: int, warm_up: int, cycle: int, reused: frozenset[int]) -> int:
    """Count the people who hold *roles* roles.

    The first *warm_up* roles go to new people; after them, role *j* goes to someone who
    already holds one when ``j % cycle`` is in *reused*, else to someone new.
    """
    if roles <= warm_up:
        return roles

    def new_before(n: int) -> int:
        fresh = cycle - len(reused)
        return fresh * (n // cycle) + sum(1 for r in range(n % cycle) if r not in reused)

    return warm_up + new_before(roles) - new_before(warm_up)


def _mix(*values: int) -> int:
    """Return a well-spread number for *values* (a multiply-xorshift hash).

    It gives the structure its variety (how many Questions a study group has in a period)
    without the seed, so that the structure depends on N alone.
    """
    h = 0x9E3779B9
    for value in values:
        h = ((h ^ value) * 0x85EBCA6B) & 0xFFFFFFFF
        h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    return h ^ (h >> 16)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _periods(sector: tables.Sector, count: int) -> list[tuple[int, int]]:
    """Return the (first, last) years of the *count* latest study periods, oldest first."""
    return [(sector.last_year - 4 * k - 3, sector.last_year - 4 * k) for k in range(count)][::-1]


def plan(triples: int, *, violations: bool = False) -> Plan:
    """Return what a graph of *triples* triples holds (see the module's docstring)."""
    if triples < MIN_TRIPLES:
        raise ItukgError(f"--triples must be at least {MIN_TRIPLES}, got {triples}")
    s = triples / 10_000
    n_sg = _clamp(round(3 * math.sqrt(s)), 3, len(tables.STUDY_GROUPS))
    periods = _clamp(round(2 * math.sqrt(s)), 2, MAX_PERIODS)
    countries = min(len(tables.COUNTRIES), 20 + round(10 * math.log2(s)))
    organisations = round(40 + 20 * s**0.85)
    resolutions = tuple(
        (1 + _mix(i, 9) % 3, _mix(i, 10) % 3) for i in range(min(300, round(4 + 3 * math.sqrt(s))))
    )
    recommendations = round(0.03 * triples / _COST["recommendation"])
    focus_groups = tuple(
        FocusGroupSpec(j, 2 + _mix(j, k, 11) % 3, _mix(j, k, 12) % 3)
        for j in range(periods)
        for k in range(1 + _mix(j, 7) % 2)
    )
    jcas = tuple(j for j in range(periods) if _mix(j, 8) % 2 == 0)
    target = PLANNED_SHARE * triples - (FAULT_BUDGET if violations else 0)

    def make(richness: float) -> Plan:
        sgs = tuple(
            _study_group_spec(index, info, periods, richness)
            for index, info in enumerate(tables.STUDY_GROUPS[:n_sg])
        )
        draft = Plan(
            triples,
            violations,
            periods,
            richness,
            countries,
            organisations,
            sgs,
            focus_groups,
            jcas,
            resolutions,
            recommendations,
            0,
        )
        return dataclasses.replace(draft, estimate=_estimate(draft))

    low, high = 0.2, 12.0
    for _ in range(18):
        middle = (low + high) / 2
        if make(middle).estimate > target:
            high = middle
        else:
            low = middle
    return make(low)


#: The most Questions a study group has in a period, and Editors a Question has.
MAX_QUESTIONS = 30
MAX_EDITORS = 12


@functools.cache
def _period_pattern(
    index: int, sector: str, regions: int, j: int
) -> tuple[int, int, tuple[tuple[int, int], ...], int, int, int, tuple[int, ...]]:
    """Return what study group *index* does in period *j*, before it is scaled by richness.

    (vice-chairs, base number of Questions, (associates, base editors) of each possible
    Question, working parties, correspondence groups, meetings, regional vice-chairs.)
    """
    m = _mix(index, j)
    vice = {"t": 3 + m % 5, "r": 2 + m % 4, "d": 4 + m % 5}[sector]
    questions = tuple(
        (_mix(index, j, k, 3) % 3, _mix(index, j, k, 4) % 4) for k in range(MAX_QUESTIONS)
    )
    return (
        vice,
        4 + _mix(index, j, 2) % 5,
        questions,
        1 + _mix(index, j, 5) % 3,
        1 if _mix(index, j, 6) % 3 == 0 else 0,
        2 + _mix(index, j, 13) % 3,
        tuple(2 + _mix(index, j, r, 14) % 4 for r in range(regions)),
    )


def _study_group_spec(
    index: int, info: tables.StudyGroupInfo, periods: int, richness: float
) -> StudyGroupSpec:
    specs = []
    for j in range(periods):
        vice, base, patterns, wps, cgs, meetings, regional = _period_pattern(
            index, info.sector, len(info.regions), j
        )
        n_questions = min(MAX_QUESTIONS, max(2, round(base * richness)))
        questions = tuple(
            (associates, min(MAX_EDITORS, round(editors * richness)))
            for associates, editors in patterns[:n_questions]
        )
        specs.append(PeriodSpec(vice, questions, min(n_questions, wps), cgs, meetings, regional))
    return StudyGroupSpec(info, tuple(specs))


#: Triples of one thing of each kind, as the generator writes it (people on average).
_COST = {
    "part": 9,
    "recommendation": 10.02,
    "membership": 8,
    "person": 7.0,
    "question": 9,
    "list": 6,
    "working party": 6,
    "correspondence group": 9,
    "meeting": 9,
    "regional group": 9,
    "study group": 14,
    "study period": 6,
    "instant": 5,
    "focus group": 10,
    "fg working group": 6,
    "topic group": 6,
    "jca": 9,
    "publication": 7,
    "country": 21,
    "city": 19,
    "organisation": 5,
    "resolution": 12,
    "clause": 7,
    "addressee": 1.6,
    "key topic": 6,
    "fixed": 560,
}


def _estimate(p: Plan) -> int:
    c = _COST
    counts = p.counts()
    itu_t = [sg for sg in p.study_groups if sg.info.sector == "t"]
    total = c["fixed"] + c["part"] * (len(p.study_groups) + len(itu_t) + 12)
    total += c["membership"] * counts["org:Membership"] + c["person"] * counts["foaf:Person"]
    total += c["question"] * counts["itukg:Question"] + c["list"] * counts["itukg:MailingList"]
    total += c["working party"] * counts["itukg:WorkingGroup"]
    total += c["correspondence group"] * counts["itukg:CorrespondenceGroup"]
    total += c["meeting"] * counts["itukg:Meeting"]
    total += c["regional group"] * counts["itukg:RegionalGroup"]
    total += (c["study group"] + p.periods) * len(p.study_groups)
    total += c["study period"] * counts["itukg:StudyPeriod"] + c["instant"] * counts["time:Instant"]
    total += (c["focus group"] + 2 * c["publication"]) * len(p.focus_groups)
    total += c["topic group"] * counts["itukg:TopicGroup"]
    total += (c["jca"] + c["publication"]) * len(p.jcas)
    total += c["country"] * p.countries + c["city"] * (p.countries + 1)
    total += c["organisation"] * p.organisations
    clauses = sum(i + r for i, r in p.resolutions)
    total += c["resolution"] * len(p.resolutions) + c["clause"] * clauses
    total += c["addressee"] * 2 * sum(i + 1 for i, _ in p.resolutions)
    total += c["key topic"] * sum(len(sg.info.topics) + 1 for sg in itu_t)
    total += c["recommendation"] * p.recommendations
    return round(total)


# --- Output ---------------------------------------------------------------------------------

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?")
_XSD = PREFIXES["xsd"]


class Terms:
    """Writes terms in N-Triples, or in Turtle with the project's prefixes."""

    def __init__(self, turtle: bool) -> None:
        self.turtle = turtle
        self._vocabulary: dict[str, str] = {}

    def v(self, curie: str) -> str:
        """Return a term of a vocabulary (``skos:prefLabel``), ``a`` for ``rdf:type`` in Turtle."""
        term = self._vocabulary.get(curie)
        if term is None:
            prefix, local = curie.split(":", 1)
            if self.turtle:
                term = "a" if curie == "rdf:type" else curie
            else:
                term = f"<{PREFIXES[prefix]}{local}>"
            self._vocabulary[curie] = term
        return term

    def id(self, prefix: str, slug: str) -> str:
        """Return the IRI of a thing of the graph: *prefix* is its kind (``person``, ``itorg``)."""
        if self.turtle:
            return f"{prefix}:{slug}"
        return f"<{ID}{ID_KINDS[prefix]}{slug}>"

    def iri(self, iri: str) -> str:
        """Return any IRI: a prefixed name in Turtle when it has a safe one."""
        if self.turtle:
            for prefix, namespace in _TURTLE_PREFIXES:
                if iri.startswith(namespace) and _PN_LOCAL.fullmatch(iri[len(namespace) :]):
                    return f"{prefix}:{iri[len(namespace) :]}"
        return f"<{iri}>"

    @staticmethod
    def lit(text: str) -> str:
        """Return a plain string literal."""
        return '"' + text.translate(_ESCAPES) + '"'

    @staticmethod
    def en(text: str) -> str:
        """Return an English string literal."""
        return '"' + text.translate(_ESCAPES) + '"@en'

    @staticmethod
    def lang(text: str, language: str) -> str:
        """Return a string literal in *language*."""
        return '"' + text.translate(_ESCAPES) + '"@' + language

    def typed(self, text: str, datatype: str) -> str:
        """Return a literal of *datatype* (a CURIE such as ``xsd:date``)."""
        return '"' + text.translate(_ESCAPES) + '"^^' + self.v(datatype)

    def integer(self, number: int) -> str:
        """Return an ``xsd:integer``."""
        return self.typed(str(number), "xsd:integer")


_TURTLE_PREFIXES = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))

Pairs = list[tuple[str, str]]


class Sink:
    """Streams descriptions of subjects to a binary file, and counts the triples."""

    def __init__(self, stream: IO[bytes], terms: Terms) -> None:
        self.stream = stream
        self.terms = terms
        self.count = 0
        self._chunks: list[str] = []
        self._size = 0
        if terms.turtle:
            self._chunks.append("".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()))

    def emit(self, subject: str, pairs: Pairs) -> None:
        """Write the triples of *subject*: one predicate and object per pair."""
        if self.terms.turtle:
            body = " ;\n    ".join([f"{p} {o}" for p, o in pairs])
            text = f"\n{subject}\n    {body} .\n"
        else:
            text = "".join([f"{subject} {p} {o} .\n" for p, o in pairs])
        self.count += len(pairs)
        self._chunks.append(text)
        self._size += len(text)
        if self._size > 1 << 20:
            self.flush()

    def flush(self) -> None:
        """Write what is buffered."""
        self.stream.write("".join(self._chunks).encode("utf-8"))
        self._chunks = []
        self._size = 0


# --- Names ----------------------------------------------------------------------------------

_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "\u0131": "i",  # dotless i
        "ŧ": "t",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
    }
)


def slug(text: str) -> str:
    """Return *text* as a slug: lower-case ASCII letters and digits joined by hyphens.

    Two names that the check duplicate-name-violation takes for one (case, accents and
    punctuation aside) have the same slug.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "-", folded.decode().lower()).strip("-")


@functools.cache
def _name_slug(name: str) -> str:
    return slug(name)


_NAME_POOLS = tuple(sorted(tables.GIVEN_NAMES))

# --- The generator --------------------------------------------------------------------------

#: Roles: slug, label.
ROLES = (
    ("chair", "Chairman"),
    ("vice-chair", "Vice-Chairman"),
    ("co-chair", "Co-Chairman"),
    ("convener", "Convener"),
    ("counsellor", "Counsellor"),
    ("administrative-assistant", "Administrative Assistant"),
    ("director", "Director"),
    ("secretary-general", "Secretary-General"),
    ("rapporteur", "Rapporteur"),
    ("associate-rapporteur", "Associate Rapporteur"),
    ("editor", "Editor"),
)

#: World bodies: slug, name, short name.
_WORLD_BODIES = (
    ("itu", "International Telecommunication Union", "ITU"),
    ("un", "United Nations", "UN"),
    ("iso", "International Organization for Standardization", "ISO"),
    ("iec", "International Electrotechnical Commission", "IEC"),
)

#: Roles outside the study groups: (group slug, role, body represented).
_FIXED_ROLES = (
    ("joint-smart-cities-task-force", "co-chair", "iso"),
    ("joint-smart-cities-task-force", "co-chair", "itu"),
    ("joint-smart-cities-task-force", "co-chair", "iec"),
    ("iso-tc-268", "chair", ""),
    ("iec-syc-smart-cities", "chair", ""),
)


@dataclass
class _People:
    """Everyone the generator has made, kept until their descriptions are written."""

    names: list[str] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)
    given: list[str] = field(default_factory=list)
    family: list[str] = field(default_factory=list)
    home: list[str] = field(default_factory=list)
    second: list[str] = field(default_factory=list)
    parts: list[set[str]] = field(default_factory=list)
    member_of: list[set[str]] = field(default_factory=list)
    roles: list[int] = field(default_factory=list)
    members: list[int] = field(default_factory=list)
    staff: list[int] = field(default_factory=list)
    by_group: dict[str, list[int]] = field(default_factory=dict)
    by_region: dict[str, list[int]] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    drawn: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Summary:
    """What was written: the file, its triples, and the instances of each class."""

    path: Path
    triples: int
    counts: dict[str, int]
    seconds: float
    violations: int | None = None
    """The number of expected validation results, with ``--violations``."""

    def text(self) -> str:
        """Return one line for people."""
        c = self.counts
        groups = sum(c.get(k, 0) for k in _GROUP_CLASSES)
        line = (
            f"wrote {self.triples:,} triples to {self.path} in {self.seconds:.1f} s: "
            f"{c['foaf:Person']:,} people, {c['org:Membership']:,} memberships, "
            f"{groups:,} groups, {c['itukg:Recommendation']:,} Recommendations"
        )
        if self.violations is not None:
            line += f"; {self.violations} expected results in {self.path}{VIOLATIONS_SUFFIX}"
        return line


_GROUP_CLASSES = (
    "itukg:StudyGroup",
    "itukg:Question",
    "itukg:WorkingGroup",
    "itukg:RegionalGroup",
    "itukg:CorrespondenceGroup",
    "itukg:FocusGroup",
    "itukg:TopicGroup",
    "itukg:JointCoordinationActivity",
)


class Generator:
    """Writes the graph of a :class:`Plan` to a :class:`Sink`, drawing choices from a seed."""

    def __init__(self, sink: Sink, the_plan: Plan, seed: int) -> None:
        self.sink = sink
        self.t = sink.terms
        self.plan = the_plan
        self.seed = seed
        self.rng = random.Random(seed)
        self.counts: dict[str, int] = {}
        self.people = _People()
        self.role_slots = 0
        self.staff_slots = 0
        self.org_names: set[str] = set()
        self.position = 0
        self.line = 0
        self.doc = self.t.id("source", "sg20-overview")
        self.faults: list[Fault] = []
        # Filled as the graph is made, for the parts that come later.
        self.cities: dict[str, str] = {}
        self.countries: list[tables.Country] = []
        self.country_terms: dict[str, str] = {}
        self.country_set: set[str] = set()
        self.orgs_by_country: dict[str, list[str]] = {}
        self.all_orgs: list[str] = []
        self.sector_periods: dict[str, list[tuple[int, int]]] = {}
        self.sg_terms: dict[tuple[str, int], str] = {}
        self.sg_meetings: dict[tuple[str, int], list[str]] = {}
        self.key_topics: dict[tuple[str, int], list[str]] = {}
        self.series: dict[str, str] = {}
        self.sub_series: set[str] = set()
        self.rec_numbers: dict[tuple[str, int], int] = {}
        self.rec_parts: dict[tuple[str, int], str] = {}
        self.goals: list[str] = []
        self.rec_groups: list[tables.StudyGroupInfo] = []
        self.rec_turn = 0

    # --- Writing helpers ------------------------------------------------------------------

    def emit(self, subject: str, cls: str, pairs: Pairs) -> None:
        """Write a typed thing (*cls* a CURIE, counted) and its other triples."""
        self.counts[cls] = self.counts.get(cls, 0) + 1
        self.sink.emit(subject, [(self.t.v("rdf:type"), self.t.v(cls)), *pairs])

    def prov(self, *parts: str) -> Pairs:
        """Return the provenance of a thing: the source document and the parts that state it."""
        source = self.t.v("dcterms:source")
        derived = self.t.v("prov:wasDerivedFrom")
        return [(source, self.doc), *((derived, part) for part in sorted(set(parts)))]

    def part(self, slug_: str, label: str) -> str:
        """Write a part (slide) of the source document, after the last one; return it."""
        t = self.t
        term, selector = t.id("src", slug_), t.id("src", slug_ + "-lines")
        doc = self.doc
        self.position += 1
        start = self.line
        end = start + 8 + self.rng.randrange(80)
        self.line = end + self.rng.randrange(3)
        self.emit(
            term,
            "itukg:SourcePart",
            [
                (t.v("rdfs:label"), t.en(label)),
                (t.v("dcterms:isPartOf"), doc),
                (t.v("schema:position"), t.integer(self.position)),
                (t.v("oa:hasSelector"), selector),
                (t.v("oa:hasSource"), doc),
            ],
        )
        self.emit(
            selector,
            "oa:FragmentSelector",
            [
                (t.v("dcterms:conformsTo"), t.iri("http://tools.ietf.org/rfc/rfc5147")),
                (t.v("rdf:value"), t.lit(f"line={start},{end}")),
            ],
        )
        return term

    def org_name(self, *names: str) -> None:
        """Claim organisation names; two organisations never share one (duplicate-name)."""
        for name in names:
            key = slug(name)
            if key in self.org_names:
                raise AssertionError(f"two organisations are called {name!r}")
            self.org_names.add(key)

    # --- The whole graph ------------------------------------------------------------------

    def run(self, fault_builder: Callable[[Generator], list[Fault]] | None = None) -> None:
        """Write the whole graph; *fault_builder* adds faults before the people are written."""
        self.source_document()
        self.itu()
        self.places()
        self.organisations()
        self.study_periods()
        self.world_groups()
        self.schemes()
        for spec in self.plan.study_groups:
            self.study_group(spec)
        self.focus_groups()
        self.resolutions()
        self.recommendation_series()
        for _ in range(self.plan.recommendations):
            self.recommendation()
        if fault_builder is not None:
            self.faults = fault_builder(self)
        self.write_people()
        while self.sink.count < self.plan.triples - 5:
            self.recommendation()
        self.sink.flush()

    def source_document(self) -> None:
        """Write the source document that every thing is derived from."""
        t = self.t
        text = f"itukg synth: {self.plan.triples} triples, seed {self.seed}"
        digest = hashlib.sha256(text.encode()).hexdigest()
        self.emit(
            self.doc,
            "itukg:SourceDocument",
            [
                (t.v("rdfs:label"), t.en("Synthetic overview of the ITU, its sectors and groups")),
                (
                    t.v("dcterms:description"),
                    t.en(
                        "A made-up source document for a synthetic graph generated by "
                        f"'{text}'. The graph has the IRI of the shipped source document, "
                        "which the shapes require of every source."
                    ),
                ),
                (t.v("dcterms:format"), t.lit("text/plain")),
                (t.v("dcterms:identifier"), t.lit(f"sha256:{digest}")),
                (t.v("dcterms:language"), t.lit("en")),
            ],
        )

    def itu(self) -> None:
        """Write the ITU, the UN, ISO, IEC, the sectors, bureaux, posts, figures and roles."""
        t, v = self.t, self.t.v
        part = self.part("itu", "International Telecommunication Union (ITU): who we are")
        itu = t.id("itorg", "itu")
        for slug_, name, short in _WORLD_BODIES:
            self.org_name(name, short)
            pairs = [(v("skos:prefLabel"), t.en(name)), (v("skos:altLabel"), t.lit(short))]
            if slug_ == "itu":
                pairs += [
                    (v("itukg:specializedAgencyOf"), t.id("itorg", "un")),
                    (
                        v("org:purpose"),
                        t.en(
                            "To facilitate international cooperation and the development of "
                            "telecommunications and ICTs."
                        ),
                    ),
                    (v("schema:slogan"), t.en("Committed to connecting the world")),
                    (v("foaf:homepage"), t.iri("https://www.itu.int/")),
                    (v("itukg:figure"), t.id("figure", "itu-member-states")),
                    (v("itukg:figure"), t.id("figure", "itu-sector-members")),
                    (v("org:linkedTo"), t.id("itorg", "u4ssc")),
                ]
            self.emit(t.id("itorg", slug_), "org:FormalOrganization", pairs + self.prov(part))
        for slug_, name, value, minimum in (
            ("itu-member-states", "Member States", 193, False),
            ("itu-sector-members", "Sector Members, Associates and Academia", 900, True),
        ):
            count = (v("schema:minValue") if minimum else v("schema:value"), t.integer(value))
            self.emit(
                t.id("figure", slug_),
                "itukg:Figure",
                [
                    (v("skos:prefLabel"), t.en(f"{value}{'+' if minimum else ''} {name}")),
                    (v("schema:name"), t.en(name)),
                    count,
                    *self.prov(part),
                ],
            )
        for sector in tables.SECTORS:
            self.org_name(sector.name, sector.code, sector.bureau_name, sector.bureau_code)
            self.emit(
                t.id("itorg", f"itu-{sector.key}"),
                "itukg:Sector",
                [
                    (v("skos:prefLabel"), t.en(sector.name)),
                    (v("skos:altLabel"), t.lit(sector.code)),
                    (v("org:subOrganizationOf"), itu),
                    (v("foaf:homepage"), t.iri(f"https://www.itu.int/en/{sector.code}/")),
                    *self.prov(part),
                ],
            )
            self.emit(
                t.id("itorg", sector.bureau),
                "itukg:Bureau",
                [
                    (v("skos:prefLabel"), t.en(sector.bureau_name)),
                    (v("skos:altLabel"), t.lit(sector.bureau_code)),
                    (v("org:subOrganizationOf"), itu),
                    *self.prov(part),
                ],
            )
            self.emit(
                t.id("post", f"{sector.bureau}-director"),
                "org:Post",
                [
                    (v("skos:prefLabel"), t.en(f"Director of the {sector.bureau_name}")),
                    (v("org:postIn"), t.id("itorg", sector.bureau)),
                    (v("org:role"), t.id("role", "director")),
                    *self.prov(part),
                ],
            )
        self.emit(
            t.id("post", "itu-secretary-general"),
            "org:Post",
            [
                (v("skos:prefLabel"), t.en("Secretary-General of the ITU")),
                (v("org:postIn"), itu),
                (v("org:role"), t.id("role", "secretary-general")),
                *self.prov(part),
            ],
        )
        roles_part = self.part("roles", "Roles in groups")
        for slug_, label in ROLES:
            self.emit(
                t.id("role", slug_),
                "org:Role",
                [
                    (v("skos:prefLabel"), t.en(label)),
                    (v("skos:inScheme"), t.id("scheme", "roles")),
                    (v("skos:topConceptOf"), t.id("scheme", "roles")),
                    *self.prov(roles_part),
                ],
            )
        self.emit(
            t.id("scheme", "roles"),
            "skos:ConceptScheme",
            [
                (v("skos:prefLabel"), t.en("Roles in groups")),
                (
                    v("skos:definition"),
                    t.en("The roles that people hold in the groups of the ITU and beyond."),
                ),
                *((v("skos:hasTopConcept"), t.id("role", s)) for s, _ in ROLES),
                *self.prov(roles_part),
            ],
        )

    def places(self) -> None:
        """Write the countries and their capitals, MyMeetings, and their GeoNames mappings."""
        t, v = self.t, self.t.v
        part = self.part("places", "Member States and meeting places")
        mapping_set = t.iri(MAPPINGS + "geonames.sssom.tsv")
        mappings: list[str] = []
        self.countries = list(tables.COUNTRIES[: self.plan.countries])
        country_slugs = {slug(c.name) for c in self.countries}
        places: list[tuple[str, str, int, tables.Country, bool]] = []
        for country in self.countries:
            places.append((slug(country.name), country.name, country.geonames, country, True))
            city_slug = slug(country.capital)
            if city_slug in country_slugs:
                city_slug += "-city"
            places.append((city_slug, country.capital, country.capital_geonames, country, False))
            if country.alpha2 == "CH":
                places.append(("geneva", "Geneva", tables.GENEVA_GEONAMES, country, False))
        for slug_, name, geonames, country, is_country in places:
            term = t.id("place", slug_)
            target = t.iri(f"https://sws.geonames.org/{geonames}/")
            pairs = [(v("skos:prefLabel"), t.en(name)), (v("skos:exactMatch"), target)]
            if is_country:
                self.country_terms[country.alpha2] = term
                self.country_set.add(term)
                pairs += [
                    (v("skos:notation"), t.typed(country.alpha2, "itukg:iso3166Alpha2")),
                    (v("skos:notation"), t.typed(country.alpha3, "itukg:iso3166Alpha3")),
                    (v("skos:notation"), t.typed(country.numeric, "itukg:iso3166Numeric")),
                ]
            else:
                self.cities[name] = term
                pairs.append((v("schema:containedInPlace"), self.country_terms[country.alpha2]))
            self.emit(
                term, "schema:City" if not is_country else "schema:Country", pairs + self.prov(part)
            )
            axiom = f"_:m{len(mappings)}"
            mappings.append(axiom)
            kind = "country" if is_country else "city"
            self.sink.emit(
                axiom,
                [
                    (v("rdf:type"), v("owl:Axiom")),
                    (v("owl:annotatedSource"), term),
                    (v("owl:annotatedProperty"), v("skos:exactMatch")),
                    (v("owl:annotatedTarget"), target),
                    (v("sssom:subject_label"), t.lit(name)),
                    (v("sssom:object_label"), t.lit(name)),
                    (v("sssom:mapping_justification"), v("semapv:LexicalMatching")),
                    (v("pav:authoredBy"), t.iri(CURATORS)),
                    (v("sssom:mapping_tool"), t.lit("itukg synth")),
                    (v("dcterms:created"), t.typed("2026-11-25", "xsd:date")),
                    (v("sssom:confidence"), t.typed("0.95", "xsd:double")),
                    (v("rdfs:comment"), t.lit(f"The only GeoNames {kind} called '{name}'.")),
                ],
            )
        declarations = []
        for prefix in ("agent", "geonames", "place"):
            node = f"_:d{prefix}"
            declarations.append(node)
            self.sink.emit(
                node,
                [
                    (v("sh:prefix"), t.lit(prefix)),
                    (v("sh:namespace"), t.typed(PREFIXES[prefix], "xsd:anyURI")),
                ],
            )
        self.sink.emit(
            mapping_set,
            [
                (v("rdf:type"), v("sssom:MappingSet")),
                (
                    v("dcterms:title"),
                    t.lit("The cities and countries of the synthetic graph in GeoNames"),
                ),
                (v("dcterms:license"), t.iri("https://creativecommons.org/licenses/by/4.0/")),
                (v("dcterms:creator"), t.iri(CURATORS)),
                *((v("sh:declare"), d) for d in declarations),
                *((v("sssom:mappings"), m) for m in mappings),
            ],
        )
        self.emit(
            t.id("place", "mymeetings"),
            "schema:VirtualLocation",
            [
                (v("skos:prefLabel"), t.en("MyMeetings")),
                (v("schema:url"), t.iri("https://www.itu.int/myworkspace/")),
                *self.prov(part),
            ],
        )

    def organisations(self) -> None:
        """Write the organisations that people are listed with, each in a country."""
        t, v = self.t, self.t.v
        part = self.part("organisations", "Members: Member States, Sector Members, Academia")
        n_countries = len(self.countries)
        for i in range(self.plan.organisations):
            country = self.countries[i % n_countries]
            form = i // n_countries
            name, language = "", ""
            if form < len(tables.ORGANISATION_FORMS):
                text, language = tables.ORGANISATION_FORMS[form]
                name = text.format(country=country.name, capital=country.capital)
                if slug(name) in self.org_names:
                    name = ""
            while not name or slug(name) in self.org_names:
                syllables = self.rng.sample(tables.BRAND_SYLLABLES, 2 + self.rng.randrange(2))
                brand = "".join(syllables).capitalize()
                name = f"{brand} {self.rng.choice(tables.BRAND_SUFFIXES)}"
                language = ""
            self.org_name(name)
            term = t.id("itorg", slug(name))
            label = t.lang(name, language) if language else t.lit(name)
            self.emit(
                term,
                "org:FormalOrganization",
                [
                    (v("skos:prefLabel"), label),
                    (v("schema:location"), self.country_terms[country.alpha2]),
                    *self.prov(part),
                ],
            )
            self.orgs_by_country.setdefault(country.alpha2, []).append(term)
            self.all_orgs.append(term)

    def study_periods(self) -> None:
        """Write the study periods of each sector and the years that begin and end them."""
        t, v = self.t, self.t.v
        part = self.part("study-periods", "Study periods of the sectors")
        years: set[int] = set()
        for sector in tables.SECTORS:
            periods = _periods(sector, self.plan.periods)
            self.sector_periods[sector.key] = periods
            for start, end in periods:
                for year in (start, end):
                    if year not in years:
                        years.add(year)
                        self.emit(
                            t.id("period", str(year)),
                            "time:Instant",
                            [
                                (v("skos:prefLabel"), t.lit(str(year))),
                                (v("time:inXSDgYear"), t.typed(str(year), "xsd:gYear")),
                                *self.prov(part),
                            ],
                        )
                self.emit(
                    t.id("period", f"{start}-{end}"),
                    "itukg:StudyPeriod",
                    [
                        (v("skos:prefLabel"), t.en(f"{sector.code} Study Period {start}-{end}")),
                        (v("time:hasBeginning"), t.id("period", str(start))),
                        (v("time:hasEnd"), t.id("period", str(end))),
                        *self.prov(part),
                    ],
                )

    def world_groups(self) -> None:
        """Write the joint task force, two committees, U4SSC and its factsheets."""
        t, v = self.t, self.t.v
        part = self.part("joint-task-force", "Joint IEC-ISO-ITU Smart Cities Task Force")
        self.org_name(
            "Joint IEC-ISO-ITU Smart Cities Task Force", "ISO/TC 268", "IEC SyC Smart Cities"
        )
        self.emit(
            t.id("itorg", "joint-smart-cities-task-force"),
            "itukg:TaskForce",
            [
                (v("skos:prefLabel"), t.en("Joint IEC-ISO-ITU Smart Cities Task Force")),
                (v("schema:slogan"), t.en("Joint Collaboration is Key")),
                *((v("org:subOrganizationOf"), t.id("itorg", b)) for b in ("iec", "iso", "itu")),
                *self.prov(part),
            ],
        )
        for slug_, name, body in (
            ("iso-tc-268", "ISO/TC 268", "iso"),
            ("iec-syc-smart-cities", "IEC SyC Smart Cities", "iec"),
        ):
            self.emit(
                t.id("itorg", slug_),
                "itukg:Committee",
                [
                    (v("skos:prefLabel"), t.lit(name)),
                    (v("org:subOrganizationOf"), t.id("itorg", body)),
                    *self.prov(part),
                ],
            )
        members: dict[str, set[int]] = {}
        for group, role, represents in _FIXED_ROLES:
            self.membership(
                group,
                role,
                None,
                part,
                "world",
                members.setdefault(group, set()),
                represents=represents,
            )
        u4ssc_part = self.part("u4ssc", "United for Smart Sustainable Cities (U4SSC)")
        cities = [
            self.cities[c.capital] for c in self.countries[:: max(1, len(self.countries) // 8)]
        ]
        self.org_name("United for Smart Sustainable Cities", "U4SSC")
        u4ssc = t.id("itorg", "u4ssc")
        self.emit(
            u4ssc,
            "itukg:Initiative",
            [
                (v("skos:prefLabel"), t.en("United for Smart Sustainable Cities")),
                (v("skos:altLabel"), t.lit("U4SSC")),
                (v("foaf:homepage"), t.iri("https://u4ssc.itu.int/")),
                *((v("itukg:kpiCity"), city) for city in cities),
                *self.prov(u4ssc_part),
            ],
        )
        for country in self.countries[:: max(1, len(self.countries) // 8)]:
            name = f"U4SSC Factsheet {country.capital}, {country.name}"
            self.emit(
                t.id("pub", slug(name)),
                "itukg:Publication",
                [
                    (v("skos:prefLabel"), t.en(name)),
                    (v("dcterms:title"), t.en(name)),
                    (v("dcterms:creator"), u4ssc),
                    (v("dcterms:spatial"), self.cities[country.capital]),
                    (
                        v("foaf:page"),
                        t.iri(f"https://www.itu.int/en/publications/u4ssc/{slug(name)}"),
                    ),
                    *self.prov(u4ssc_part),
                ],
            )

    def schemes(self) -> None:
        """Write the Connect 2030 goals, document types, study-group areas and outreach."""
        t, v = self.t, self.t.v
        part = self.part("connect-2030", "Connect 2030 Agenda")
        agenda = t.id("scheme", "connect-2030-agenda")
        for n, goal in enumerate(tables.CONNECT_2030_GOALS, start=1):
            term = t.id("concept", f"connect-2030-goal-{n}")
            self.goals.append(term)
            self.emit(
                term,
                "itukg:StrategicGoal",
                [
                    (v("skos:prefLabel"), t.en(f"Goal {n}: {goal}")),
                    (v("skos:notation"), t.lit(str(n))),
                    (v("skos:inScheme"), agenda),
                    (v("skos:topConceptOf"), agenda),
                    *self.prov(part),
                ],
            )
            for k in (1, 2):
                self.emit(
                    t.id("concept", f"connect-2030-target-{n}-{k}"),
                    "itukg:StrategicTarget",
                    [
                        (v("skos:prefLabel"), t.en(f"Target {n}.{k}")),
                        (v("skos:notation"), t.lit(f"{n}.{k}")),
                        (v("skos:broader"), term),
                        (v("skos:inScheme"), agenda),
                        (
                            v("skos:definition"),
                            t.en(f"By 2030, a measurable step towards {goal.lower()}."),
                        ),
                        *self.prov(part),
                    ],
                )
        self.emit(
            agenda,
            "skos:ConceptScheme",
            [
                (v("skos:prefLabel"), t.en("Connect 2030 Agenda")),
                *((v("skos:hasTopConcept"), g) for g in self.goals),
                *self.prov(part),
            ],
        )
        part = self.part("itu-t-documents", "ITU-T documents")
        documents = t.id("scheme", "itu-t-documents")
        for slug_, label, broader in tables.DOCUMENT_TYPES:
            pairs = [
                (v("skos:prefLabel"), t.en(label)),
                (v("skos:inScheme"), documents),
                (v("skos:definition"), t.en(f"{label} of ITU-T study groups.")),
            ]
            if broader:
                pairs.append((v("skos:broader"), t.id("concept", f"doc-{broader}")))
            else:
                pairs.append((v("skos:topConceptOf"), documents))
            self.emit(
                t.id("concept", f"doc-{slug_}"), "itukg:DocumentType", pairs + self.prov(part)
            )
        self.emit(
            documents,
            "skos:ConceptScheme",
            [
                (v("skos:prefLabel"), t.en("ITU-T documents")),
                *(
                    (v("skos:hasTopConcept"), t.id("concept", f"doc-{s}"))
                    for s, _, b in tables.DOCUMENT_TYPES
                    if not b
                ),
                *self.prov(part),
            ],
        )
        part = self.part("outreach", "Webinars and the global portal")
        self.emit(
            t.id("event", "dt4cc-webinar-series"),
            "itukg:WebinarSeries",
            [
                (
                    v("skos:prefLabel"),
                    t.en("Digital Transformation for Cities and Communities Webinar Series"),
                ),
                (
                    v("dcterms:description"),
                    t.en("Webinars on the digital transformation of cities."),
                ),
                (v("foaf:homepage"), t.iri("https://itu.int/go/dt4cc")),
                *self.prov(part),
            ],
        )
        topics = t.id("scheme", "global-portal-topics")
        topic_terms = []
        for name in ("Climate actions", "Smart sustainable cities", "E-waste and circular economy"):
            term = t.id("concept", f"portal-{slug(name)}")
            topic_terms.append(term)
            self.emit(
                term,
                "skos:Concept",
                [
                    (v("skos:prefLabel"), t.en(name)),
                    (v("skos:inScheme"), topics),
                    (v("skos:topConceptOf"), topics),
                    (
                        v("foaf:page"),
                        t.iri(f"https://www.itu.int/en/ITU-T/climatechange/{slug(name)}"),
                    ),
                    *self.prov(part),
                ],
            )
        self.emit(
            topics,
            "skos:ConceptScheme",
            [
                (v("skos:prefLabel"), t.en("Topics of the global portal")),
                *((v("skos:hasTopConcept"), x) for x in topic_terms),
                *self.prov(part),
            ],
        )
        self.emit(
            t.id("site", "global-portal-environment-ssc"),
            "itukg:WebPortal",
            [
                (
                    v("skos:prefLabel"),
                    t.en("Global Portal on Environment and Smart Sustainable Cities"),
                ),
                (v("schema:url"), t.iri("https://www.itu.int/en/ITU-T/climatechange/")),
                (v("dcterms:publisher"), t.id("itorg", "itu")),
                *((v("dcterms:subject"), x) for x in topic_terms),
                *self.prov(part),
            ],
        )
        part = self.part("lead-study-groups", "Lead study group roles")
        areas = t.id("scheme", "lead-study-group-areas")
        leads = []
        for spec in self.plan.study_groups:
            info = spec.info
            if info.sector != "t":
                continue
            term = t.id("concept", f"lead-itu-t-sg{info.number}")
            leads.append(term)
            self.emit(
                term,
                "skos:Concept",
                [
                    (v("skos:prefLabel"), t.en(info.title[:1].upper() + info.title[1:])),
                    (v("skos:inScheme"), areas),
                    (v("skos:topConceptOf"), areas),
                    *self.prov(part),
                ],
            )
        self.emit(
            areas,
            "skos:ConceptScheme",
            [
                (v("skos:prefLabel"), t.en("Lead study group areas")),
                *((v("skos:hasTopConcept"), x) for x in leads),
                *self.prov(part),
            ],
        )

    # --- People ---------------------------------------------------------------------------

    def person(self, members: set[int], region: str | None, group: str, staff: bool) -> int:
        """Return who holds the next role in a group whose holders are *members*."""
        p = self.people
        if staff:
            j = self.staff_slots
            self.staff_slots += 1
            new = len(p.staff) < _STAFF_WARM_UP or j % 3 == 0
            pool = p.staff
        else:
            j = self.role_slots
            self.role_slots += 1
            new = len(p.members) < _WARM_UP or j % 8 not in _REUSE
            pool = p.members
        if new:
            pid = self.new_person(region, staff)
        elif staff:
            pid = self.reuse(pool, members, [])
        else:
            preferred = p.by_region.get(region, []) if region else p.by_group.get(group, [])
            pid = self.reuse(pool, members, preferred)
        members.add(pid)
        return pid

    def reuse(self, pool: list[int], members: set[int], preferred: list[int]) -> int:
        """Return someone of *pool* who is not one of *members*, of *preferred* if can be."""
        rng = self.rng
        for attempt in range(24):
            choices = preferred if preferred and attempt < 12 and rng.random() < 0.7 else pool
            pid = choices[rng.randrange(len(choices))]
            if pid not in members:
                return pid
        return next(pid for pid in pool if pid not in members)

    def new_person(self, region: str | None, staff: bool) -> int:
        """Make up a person (name, affiliations), from *region* if given."""
        rng, p = self.rng, self.people
        candidates = [c for c in self.countries if c.region == region] if region else []
        country = rng.choice(candidates or self.countries)
        pid = len(p.names)
        if staff:
            home, second = self.t.id("itorg", "itu"), ""
        else:
            orgs = self.orgs_by_country.get(country.alpha2) or self.all_orgs
            home = self.country_terms[country.alpha2] if rng.random() < 0.1 else rng.choice(orgs)
            second = rng.choice(self.all_orgs) if pid % 13 == 7 else ""
            if second == home:
                second = ""
        given, family, key = self.draw_name(country.names)
        name = f"{given} {family}"
        p.taken.add(key)
        p.names.append(name)
        p.slugs.append(key)
        p.given.append(given)
        p.family.append(family)
        p.home.append(home)
        p.second.append(second)
        p.parts.append(set())
        p.member_of.append(set())
        p.roles.append(0)
        if staff:
            p.staff.append(pid)
        else:
            p.members.append(pid)
            p.by_region.setdefault(country.region, []).append(pid)
        return pid

    def draw_name(self, pool: str) -> tuple[str, str, str]:
        """Return a free name from *pool*: given name and initials, family name, and slug.

        One name in seven has a middle initial; as a pool fills up, every name has one, then
        two, so that draws rarely collide. A name already taken is drawn again (after a while
        from any pool). Slugs are unique, so no two people share a name (case, accents and
        punctuation aside).
        """
        rng, taken, drawn = self.rng, self.people.taken, self.people.drawn
        for attempt in range(400):
            if attempt == 24:
                pool = rng.choice(_NAME_POOLS)
            given_names, family_names = tables.GIVEN_NAMES[pool], tables.FAMILY_NAMES[pool]
            fill = drawn.get(pool, 0) / (len(given_names) * len(family_names))
            initials = 2 if fill > 4 or attempt >= 12 else 1 if fill > 0.3 or attempt >= 2 else 0
            if initials == 0 and rng.random() < 0.15:
                initials = 1
            given, family = rng.choice(given_names), rng.choice(family_names)
            middle = [rng.choice(tables.INITIALS) for _ in range(initials)]
            key = "-".join([_name_slug(given), *(i.lower() for i in middle), _name_slug(family)])
            if key not in taken:
                drawn[pool] = drawn.get(pool, 0) + 1
                return " ".join([given, *(f"{i}." for i in middle)]), family, key
        raise AssertionError("no free name left")  # pragma: no cover - never in practice

    def membership(
        self,
        org_slug: str,
        role: str,
        period: tuple[int, int] | None,
        part: str,
        group: str,
        members: set[int],
        *,
        region: str | None = None,
        staff: bool = False,
        represents: str = "",
        dated_slug: bool = False,
    ) -> None:
        """Write a role in a group, held by a new person or one who holds others."""
        t, v, p = self.t, self.t.v, self.people
        pid = self.person(members, region, group, staff)
        if staff:
            affiliation = t.id("itorg", "itu")
        elif p.second[pid] and p.roles[pid] % 2 == 1:
            affiliation = p.second[pid]
        else:
            affiliation = p.home[pid]
        p.roles[pid] += 1
        p.parts[pid].add(part)
        if not represents and affiliation not in self.country_set:
            p.member_of[pid].add(affiliation)
        if not staff:
            p.by_group.setdefault(group, []).append(pid)
        name = f"{org_slug}-{role}-{p.slugs[pid]}"
        if dated_slug and period is not None:
            name += f"-{period[0]}-{period[1]}"
        pairs = [
            (v("org:member"), t.id("person", p.slugs[pid])),
            (v("org:organization"), t.id("itorg", org_slug)),
            (v("org:role"), t.id("role", role)),
        ]
        if period is not None:
            pairs.append((v("org:memberDuring"), t.id("period", f"{period[0]}-{period[1]}")))
        if represents:
            pairs.append((v("itukg:represents"), t.id("itorg", represents)))
        else:
            pairs.append((v("itukg:affiliation"), affiliation))
        self.emit(t.id("membership", name), "org:Membership", pairs + self.prov(part))

    def write_people(self) -> None:
        """Write every person, with the parts that state them and their organisations."""
        t, v, p = self.t, self.t.v, self.people
        type_pair = (v("rdf:type"), v("foaf:Person"))
        source = (v("dcterms:source"), self.doc)
        derived = v("prov:wasDerivedFrom")
        member_of = v("org:memberOf")
        for pid, name in enumerate(p.names):
            literal = t.lit(name)
            pairs = [type_pair, (v("foaf:name"), literal), (v("skos:prefLabel"), literal), source]
            pairs += [(derived, x) for x in sorted(p.parts[pid])]
            pairs += [(member_of, x) for x in sorted(p.member_of[pid])]
            if pid % 6 == 0:
                capitals = f"{p.given[pid]} {p.family[pid].upper()}"
                pairs += [
                    (v("skos:altLabel"), t.lit(capitals)),
                    (v("foaf:givenName"), t.lit(p.given[pid])),
                    (v("foaf:familyName"), t.lit(p.family[pid])),
                    (
                        v("skos:editorialNote"),
                        t.en(
                            f"Written '{capitals}' in one listing, '{name}' in another: one person."
                        ),
                    ),
                ]
            if pid % 4 == 1:
                pairs.append(
                    (v("foaf:title"), t.lit(tables.TITLES[_mix(pid) % len(tables.TITLES)]))
                )
            self.counts["foaf:Person"] = self.counts.get("foaf:Person", 0) + 1
            self.sink.emit(t.id("person", p.slugs[pid]), pairs)

    # --- Study groups ---------------------------------------------------------------------

    def mailing_list(self, slug_: str, label: str, part: str) -> str:
        """Write a mailing list at lists.itu.int; return it."""
        t, v = self.t, self.t.v
        term = t.id("list", slug_)
        address = f"{slug_.replace('-', '')}@lists.itu.int"
        self.emit(
            term,
            "itukg:MailingList",
            [
                (v("schema:email"), t.lit(address)),
                (v("schema:url"), t.iri(f"mailto:{address}")),
                (v("skos:prefLabel"), t.en(label)),
                *self.prov(part),
            ],
        )
        return term

    def meeting(
        self,
        org_slug: str,
        label: str,
        year: int,
        month: int,
        days: int,
        city: str,
        part: str,
    ) -> str:
        """Write a meeting of a group; virtual in 2020-2021, hybrid in Geneva since 2022."""
        t, v = self.t, self.t.v
        day = 1 + self.rng.randrange(28 - days)
        start = f"{year:04d}-{month:02d}-{day:02d}"
        end = f"{year:04d}-{month:02d}-{day + days - 1:02d}"
        term = t.id("meeting", f"{org_slug}-{start}")
        when = f"{day}-{day + days - 1}" if days > 1 else str(day)
        when += f" {_MONTHS[month - 1]} {year}"
        pairs = [
            (v("schema:startDate"), t.typed(start, "xsd:date")),
            (v("schema:endDate"), t.typed(end, "xsd:date")),
            (v("schema:organizer"), t.id("itorg", org_slug)),
        ]
        if year in (2020, 2021):
            place = "virtual"
            pairs += [
                (v("schema:location"), t.id("place", "mymeetings")),
                (v("schema:eventAttendanceMode"), v("schema:OnlineEventAttendanceMode")),
            ]
        else:
            place = city
            mode = "Mixed" if year >= 2022 else "Offline"
            pairs += [
                (v("schema:location"), self.cities[city]),
                (v("schema:eventAttendanceMode"), v(f"schema:{mode}EventAttendanceMode")),
            ]
        pairs.append((v("skos:prefLabel"), t.en(f"{label} meeting, {when}, {place}")))
        self.emit(term, "itukg:Meeting", pairs + self.prov(part))
        return term

    def study_group(self, spec: StudyGroupSpec) -> None:
        """Write a study group, and all it does in each study period."""
        t, v, rng = self.t, self.t.v, self.rng
        info = spec.info
        sector = next(s for s in tables.SECTORS if s.key == info.sector)
        code, n = sector.code, info.number
        sg_slug = f"itu-{info.sector}-sg{n}"
        sg = t.id("itorg", sg_slug)
        self.sg_terms[(info.sector, n)] = sg
        short = f"{code} SG{n}"
        part = self.part(sg_slug, f"{code} Study Group {n}: management, Questions and groups")
        group = sg_slug
        periods = self.sector_periods[info.sector]
        self.org_name(f"{code} Study Group {n}", short)
        topics = []
        if info.sector == "t":
            scheme = t.id("scheme", f"{sg_slug}-key-topics")
            for topic in info.topics:
                term = t.id("concept", f"{sg_slug}-key-topic-{slug(topic)}")
                topics.append(term)
                self.emit(
                    term,
                    "skos:Concept",
                    [
                        (v("skos:prefLabel"), t.en(topic)),
                        (v("skos:inScheme"), scheme),
                        (v("skos:topConceptOf"), scheme),
                        *self.prov(part),
                    ],
                )
            self.emit(
                scheme,
                "skos:ConceptScheme",
                [
                    (v("skos:prefLabel"), t.en(f"Key topics of {short}")),
                    *((v("skos:hasTopConcept"), x) for x in topics),
                    *self.prov(part),
                ],
            )
            self.key_topics[(info.sector, n)] = topics
        regions = info.regions
        rg_last_meetings: list[str] = []
        lists: list[str] = []
        last_meeting = ""
        meetings: list[str] = []
        for j, (period_spec, (start, end)) in enumerate(zip(spec.periods, periods, strict=True)):
            period = (start, end)
            years = f"{start}-{end}"
            yy = f"{start % 100:02d}" if start >= 2000 else str(start)
            list_stem = f"{sector.list_prefix}{yy}sg{n}"
            lists.append(
                self.mailing_list(
                    f"{list_stem}all", f"General mailing list of {short} ({years})", part
                )
            )
            team: set[int] = set()
            self.membership(sg_slug, "chair", period, part, group, team, dated_slug=True)
            for _ in range(period_spec.vice_chairs):
                self.membership(sg_slug, "vice-chair", period, part, group, team, dated_slug=True)
            staff: set[int] = set()
            for role in ("counsellor", "administrative-assistant"):
                self.membership(
                    sg_slug, role, period, part, group, staff, staff=True, dated_slug=True
                )
            # Meetings of the period: Geneva, or a host capital one time in four.
            period_meetings = []
            months = 12 * (end - start + 1)
            slot = months // period_spec.meetings
            for k in range(period_spec.meetings):
                month_index = k * slot + rng.randrange(slot)
                year, month = start + month_index // 12, 1 + month_index % 12
                host = "Geneva" if rng.random() < 0.75 else rng.choice(self.countries).capital
                period_meetings.append(
                    self.meeting(sg_slug, short, year, month, 8 + rng.randrange(3), host, part)
                )
            meetings += period_meetings
            self.sg_meetings[(info.sector, n)] = period_meetings
            last_meeting = period_meetings[-1]
            for k, (associates, editors) in enumerate(period_spec.questions, start=1):
                q_slug = f"{sg_slug}-q{k}-{years}"
                topic = info.topics[(k - 1) % len(info.topics)]
                form = tables.QUESTION_FORMS[_mix(j, k, n) % len(tables.QUESTION_FORMS)]
                label = f"{code} Q{k}/{n} ({years})"
                self.org_name(label)
                q_list = self.mailing_list(
                    f"{list_stem}q{k}", f"Mailing list of Q{k}/{n} ({years})", part
                )
                self.emit(
                    t.id("itorg", q_slug),
                    "itukg:Question",
                    [
                        (v("skos:prefLabel"), t.lit(label)),
                        (v("skos:notation"), t.lit(f"Q{k}/{n}")),
                        (
                            v("dcterms:title"),
                            t.en(form.format(topic=topic, topic_lower=topic.lower())),
                        ),
                        (v("itukg:studyPeriod"), t.id("period", years)),
                        (v("org:subOrganizationOf"), sg),
                        (v("itukg:mailingList"), q_list),
                        *self.prov(part),
                    ],
                )
                members: set[int] = set()
                self.membership(q_slug, "rapporteur", period, part, group, members)
                for _ in range(associates):
                    self.membership(q_slug, "associate-rapporteur", period, part, group, members)
                for _ in range(editors):
                    self.membership(q_slug, "editor", period, part, group, members)
            for k in range(1, period_spec.working_parties + 1):
                wp_slug = f"{sg_slug}-wp{k}-{years}"
                label = f"{code} Working Party {k}/{n} ({years})"
                self.org_name(label)
                self.emit(
                    t.id("itorg", wp_slug),
                    "itukg:WorkingGroup",
                    [
                        (v("skos:prefLabel"), t.en(label)),
                        (v("itukg:studyPeriod"), t.id("period", years)),
                        (v("org:subOrganizationOf"), sg),
                        *self.prov(part),
                    ],
                )
                members = set()
                self.membership(wp_slug, "chair", period, part, group, members)
                self.membership(wp_slug, "vice-chair", period, part, group, members)
            for k in range(period_spec.correspondence_groups):
                topic = info.topics[(j + k) % len(info.topics)]
                words = re.findall(r"[A-Za-z0-9]+", topic)
                acronym = "".join(w[0] for w in words).upper() if len(words) > 1 else words[0]
                cg_slug = f"{sg_slug}-cg-{slug(acronym)}-{years}"
                label = f"{short} Correspondence Group on {topic} ({years})"
                self.org_name(label)
                cg_list = self.mailing_list(
                    f"{list_stem}cg{slug(acronym)}", f"Mailing list of CG-{acronym} ({years})", part
                )
                self.emit(
                    t.id("itorg", cg_slug),
                    "itukg:CorrespondenceGroup",
                    [
                        (v("skos:prefLabel"), t.en(label)),
                        (v("skos:notation"), t.lit(f"CG-{acronym}")),
                        (v("org:subOrganizationOf"), sg),
                        (v("itukg:mandatedAt"), period_meetings[0]),
                        (v("itukg:mailingList"), cg_list),
                        (
                            v("itukg:termsOfReference"),
                            t.iri(
                                f"https://www.itu.int/en/{code}/studygroups/{years}/{n}/CG-{acronym}"
                            ),
                        ),
                        *self.prov(part),
                    ],
                )
                self.membership(cg_slug, "convener", period, part, group, set())
            for r, vice in zip(regions, period_spec.regional_vice_chairs, strict=True):
                rg_slug = f"{sg_slug}rg-{r.lower()}"
                members = set()
                self.membership(
                    rg_slug, "chair", period, part, group, members, region=r, dated_slug=True
                )
                for _ in range(vice):
                    self.membership(
                        rg_slug,
                        "vice-chair",
                        period,
                        part,
                        group,
                        members,
                        region=r,
                        dated_slug=True,
                    )
                region_countries = [c for c in self.countries if c.region == r] or self.countries
                month_index = rng.randrange(12 * (end - start + 1))
                rg_meeting = self.meeting(
                    rg_slug,
                    f"SG{n}RG-{r}",
                    start + month_index // 12,
                    1 + month_index % 12,
                    1 + rng.randrange(3),
                    rng.choice(region_countries).capital,
                    part,
                )
                if j == len(periods) - 1:
                    rg_last_meetings.append(rg_meeting)
        for r, rg_meeting in zip(regions, rg_last_meetings, strict=True):
            rg_slug = f"{sg_slug}rg-{r.lower()}"
            label = f"{short} Regional Group for {tables.REGIONS[r]}"
            self.org_name(label)
            rg_list = self.mailing_list(
                f"{sector.list_prefix}sg{n}rg{r.lower()}", f"Mailing list of SG{n}RG-{r}", part
            )
            self.emit(
                t.id("itorg", rg_slug),
                "itukg:RegionalGroup",
                [
                    (v("skos:prefLabel"), t.en(label)),
                    (v("skos:notation"), t.lit(f"SG{n}RG-{r}")),
                    (v("org:subOrganizationOf"), sg),
                    (v("itukg:lastMeeting"), rg_meeting),
                    (v("itukg:mailingList"), rg_list),
                    (
                        v("foaf:page"),
                        t.iri(f"https://www.itu.int/en/itu-t/regionalgroups/sg{n}-{r.lower()}"),
                    ),
                    *self.prov(part),
                ],
            )
        contact = t.id("contact", f"{sector.bureau}sg{n}")
        address = f"{sector.bureau}sg{n}@itu.int"
        self.emit(
            contact,
            "schema:ContactPoint",
            [
                (v("schema:email"), t.lit(address)),
                (v("schema:url"), t.iri(f"mailto:{address}")),
                (v("skos:prefLabel"), t.en(f"{short} contact e-mail")),
                *self.prov(part),
            ],
        )
        current = periods[-1]
        pairs = [
            (v("skos:prefLabel"), t.en(f"{code} Study Group {n}")),
            (v("skos:altLabel"), t.lit(short)),
            (v("skos:notation"), t.lit(f"SG{n}")),
            (v("dcterms:title"), t.en(info.title)),
            (v("org:subOrganizationOf"), t.id("itorg", f"itu-{info.sector}")),
            (v("itukg:studyPeriod"), t.id("period", f"{current[0]}-{current[1]}")),
            (v("foaf:homepage"), t.iri(f"https://www.itu.int/go/{code.lower()}sg{n}")),
            (v("schema:contactPoint"), contact),
            (v("itukg:lastMeeting"), last_meeting),
            *((v("itukg:mailingList"), x) for x in lists),
        ]
        if info.sector == "t":
            pairs.append((v("itukg:leadStudyGroupFor"), t.id("concept", f"lead-itu-t-sg{n}")))
        self.emit(sg, "itukg:StudyGroup", pairs + self.prov(part))

    def focus_groups(self) -> None:
        """Write the ITU-T focus groups (with working and topic groups) and the JCAs."""
        t, v, rng = self.t, self.t.v, self.rng
        part = self.part(
            "itu-t-focus-groups", "ITU-T focus groups and joint coordination activities"
        )
        periods = self.sector_periods["t"]
        itu_t = t.id("itorg", "itu-t")
        for index, spec in enumerate(self.plan.focus_groups):
            start, end = periods[spec.period]
            years = f"{start}-{end}"
            base, subject = tables.FOCUS_GROUPS[index % len(tables.FOCUS_GROUPS)]
            phase = index // len(tables.FOCUS_GROUPS)
            acronym = base + (str(phase + 1) if phase else "")
            name = f"Focus Group on {subject}" + (f" (phase {phase + 1})" if phase else "")
            fg_slug = f"fg-{slug(acronym)}"
            self.org_name(name)
            group = fg_slug
            members: set[int] = set()
            self.membership(fg_slug, "co-chair", (start, end), part, group, members)
            self.membership(fg_slug, "co-chair", (start, end), part, group, members)
            meetings = []
            for k in range(2):
                month_index = k * 6 * (end - start + 1) + rng.randrange(6 * (end - start + 1))
                host = rng.choice(self.countries).capital
                meetings.append(
                    self.meeting(
                        fg_slug,
                        f"FG-{acronym}",
                        start + month_index // 12,
                        1 + month_index % 12,
                        3,
                        host,
                        part,
                    )
                )
            fg_list = self.mailing_list(
                f"t{start % 100:02d}fg{slug(acronym)}", f"Mailing list of FG-{acronym}", part
            )
            fg = t.id("itorg", fg_slug)
            self.emit(
                fg,
                "itukg:FocusGroup",
                [
                    (v("skos:prefLabel"), t.en(name)),
                    (v("skos:notation"), t.lit(f"FG-{acronym}")),
                    (v("org:subOrganizationOf"), itu_t),
                    (v("itukg:studyPeriod"), t.id("period", years)),
                    (v("foaf:homepage"), t.iri(f"https://www.itu.int/go/fg{slug(acronym)}")),
                    (v("itukg:lastMeeting"), meetings[-1]),
                    (v("itukg:mailingList"), fg_list),
                    *self.prov(part),
                ],
            )
            for k in range(spec.working_groups):
                wg_code, wg_topic = tables.WORKING_GROUP_TOPICS[
                    (index + k) % len(tables.WORKING_GROUP_TOPICS)
                ]
                wg_slug = f"{fg_slug}-wg-{slug(wg_code)}"
                label = f"FG-{acronym} Working Group on {wg_topic}"
                self.org_name(label)
                self.emit(
                    t.id("itorg", wg_slug),
                    "itukg:WorkingGroup",
                    [
                        (v("skos:prefLabel"), t.en(label)),
                        (v("skos:notation"), t.lit(f"WG-{wg_code}")),
                        (v("org:subOrganizationOf"), fg),
                        *self.prov(part),
                    ],
                )
                self.membership(wg_slug, "chair", (start, end), part, group, set())
            for k in range(spec.topic_groups):
                topic = tables.TOPIC_GROUP_TOPICS[(index + k) % len(tables.TOPIC_GROUP_TOPICS)]
                tg_slug = f"{fg_slug}-tg-{slug(topic)}"
                label = f"FG-{acronym} TG-{topic}"
                self.org_name(label)
                self.emit(
                    t.id("itorg", tg_slug),
                    "itukg:TopicGroup",
                    [
                        (v("skos:prefLabel"), t.en(label)),
                        (v("skos:notation"), t.lit("TG-" + slug(topic))),
                        (v("org:subOrganizationOf"), fg),
                        *self.prov(part),
                    ],
                )
                self.membership(tg_slug, "convener", (start, end), part, group, set())
            for kind in ("technical report", "use cases"):
                title = f"FG-{acronym} {kind}: {subject}"
                self.emit(
                    t.id("pub", slug(title)),
                    "itukg:Publication",
                    [
                        (v("skos:prefLabel"), t.en(title)),
                        (v("dcterms:title"), t.en(title)),
                        (v("dcterms:creator"), fg),
                        (
                            v("foaf:page"),
                            t.iri(f"https://www.itu.int/pub/T-FG-{acronym}-{slug(kind)}"),
                        ),
                        *self.prov(part),
                    ],
                )
        for index, j in enumerate(self.plan.jcas):
            start, end = periods[j]
            base, subject = tables.JCAS[index % len(tables.JCAS)]
            phase = index // len(tables.JCAS)
            name = f"Joint Coordination Activity on {subject}" + (
                f" (phase {phase + 1})" if phase else ""
            )
            notation = f"JCA-{base}" + (f" {phase + 1}" if phase else "")
            jca_slug = slug(notation)
            self.org_name(name)
            jca = t.id("itorg", jca_slug)
            self.emit(
                jca,
                "itukg:JointCoordinationActivity",
                [
                    (v("skos:prefLabel"), t.en(name)),
                    (v("skos:notation"), t.lit(notation)),
                    (v("org:subOrganizationOf"), itu_t),
                    (v("itukg:studyPeriod"), t.id("period", f"{start}-{end}")),
                    (v("org:purpose"), t.en(f"Coordinating ITU-T work on {subject}.")),
                    *self.prov(part),
                ],
            )
            self.membership(jca_slug, "convener", (start, end), part, jca_slug, set())
            title = f"{notation} roadmap"
            self.emit(
                t.id("pub", slug(title)),
                "itukg:Publication",
                [
                    (v("skos:prefLabel"), t.en(title)),
                    (v("dcterms:title"), t.en(title)),
                    (v("dcterms:creator"), jca),
                    (v("foaf:page"), t.iri(f"https://www.itu.int/en/ITU-T/jca/{jca_slug}")),
                    *self.prov(part),
                ],
            )

    # --- Texts ----------------------------------------------------------------------------

    def resolutions(self) -> None:
        """Write the resolutions: clauses that instruct study groups or directors, and resolve."""
        t, v, rng = self.t, self.t.v, self.rng
        parts = {
            s.key: self.part(f"itu-{s.key}-resolutions", f"{s.code} resolutions")
            for s in tables.SECTORS
        }
        for i, (instructs, resolves) in enumerate(self.plan.resolutions):
            number = i + 1
            sector = tables.SECTORS[i % 3]
            part = parts[sector.key]
            sgs = [(k, term) for k, term in self.sg_terms.items() if k[0] == sector.key]
            topic_sg = next(s for s in self.plan.study_groups if s.info.sector == sector.key)
            topic = rng.choice(topic_sg.info.topics)
            if rng.random() < 0.3 or not sgs:
                addressees = [t.id("post", f"{sector.bureau}-director")]
                lead_in = f"Instructs the Director of the {sector.bureau_name}"
            else:
                chosen = sorted(rng.sample(sgs, min(len(sgs), 1 + rng.randrange(2))))
                addressees = [term for _, term in chosen]
                numbers = [str(k[1]) for k, _ in chosen]
                if len(numbers) == 1:
                    lead_in = f"Instructs {sector.code} Study Group {numbers[0]}"
                else:
                    lead_in = f"Instructs Study Groups {' and '.join(numbers)} of the {sector.name}"
            res = t.id("res", str(number))
            clauses = []
            for k in range(1, instructs + 1):
                clause = t.id("res", f"{number}-instructs-{k}")
                clauses.append(clause)
                self.emit(
                    clause,
                    "itukg:InstructsClause",
                    [
                        (v("schema:position"), t.integer(k)),
                        (
                            v("schema:text"),
                            t.en(f"to study {topic.lower()} and report on step {k};"),
                        ),
                        (v("itukg:leadIn"), t.en(lead_in)),
                        *((v("itukg:instructs"), a) for a in addressees),
                        *self.prov(part),
                    ],
                )
            for k in range(1, resolves + 1):
                clause = t.id("res", f"{number}-resolves-{k}")
                clauses.append(clause)
                self.emit(
                    clause,
                    "itukg:ResolvesClause",
                    [
                        (v("schema:position"), t.integer(k)),
                        (v("schema:text"), t.en(f"to promote {topic.lower()} ({k});")),
                        (v("itukg:leadIn"), t.en("Resolves")),
                        *self.prov(part),
                    ],
                )
            year = self.sector_periods[sector.key][-1][0] - (4 * rng.randrange(3))
            city = rng.choice(self.countries).capital
            self.emit(
                res,
                "itukg:Resolution",
                [
                    (v("skos:prefLabel"), t.en(f"Resolution {number}")),
                    (v("skos:altLabel"), t.en(f"Resolution {number} (Rev. {city}, {year})")),
                    (v("dcterms:title"), t.en(f"{topic} for sustainable development")),
                    (v("skos:notation"), t.lit(str(number))),
                    (v("dcterms:modified"), t.typed(str(year), "xsd:gYear")),
                    (v("schema:locationCreated"), self.cities[city]),
                    (v("foaf:page"), t.iri(f"https://www.itu.int/pub/{sector.code}-RES-{number}")),
                    (v("itukg:goal"), self.goals[number % len(self.goals)]),
                    *((v("itukg:clause"), c) for c in clauses),
                    *((v("itukg:instructs"), a) for a in addressees),
                    *self.prov(part),
                ],
            )

    def recommendation_series(self) -> None:
        """Write the letter series of the ITU-T study groups' Recommendations, and their scheme."""
        t, v = self.t, self.t.v
        part = self.part("recommendation-series", "ITU-T Recommendation series")
        scheme = t.id("scheme", "recommendation-series")
        letters = sorted({s.info.series for s in self.plan.study_groups if s.info.series})
        for letter in letters:
            term = t.id("rec", f"series-{letter}")
            self.series[letter] = term
            self.emit(
                term,
                "itukg:RecommendationSeries",
                [
                    (v("skos:prefLabel"), t.en(f"{letter} series")),
                    (v("skos:notation"), t.lit(letter)),
                    (v("skos:inScheme"), scheme),
                    (v("skos:topConceptOf"), scheme),
                    *self.prov(part),
                ],
            )
        self.emit(
            scheme,
            "skos:ConceptScheme",
            [
                (v("skos:prefLabel"), t.en("ITU-T Recommendation series")),
                *((v("skos:hasTopConcept"), self.series[x]) for x in letters),
                *self.prov(part),
            ],
        )
        self.rec_groups = [s.info for s in self.plan.study_groups if s.info.series]

    def recommendation(self) -> None:
        """Write the next Recommendation of the next ITU-T study group in turn."""
        t, v, rng = self.t, self.t.v, self.rng
        info = self.rec_groups[self.rec_turn % len(self.rec_groups)]
        self.rec_turn += 1
        key = (info.sector, info.number)
        k = self.rec_numbers.get(key, 0)
        self.rec_numbers[key] = k + 1
        part = self.rec_parts.get(key)
        if part is None:
            part = self.rec_parts[key] = self.part(
                f"itu-t-sg{info.number}-recommendations",
                f"ITU-T SG{info.number}: key topics and Recommendations",
            )
        main, sub = info.base + k % info.span, k // info.span
        notation = f"{info.series}.{main}" + (f".{sub}" if sub else "")
        identifier = t.lit(f"ITU-T {notation}")
        topics = self.key_topics[key]
        topic_index = rng.randrange(len(topics))
        topic = info.topics[topic_index]
        form = tables.REC_FORMS[rng.randrange(len(tables.REC_FORMS))]
        pairs = [
            (v("dcterms:identifier"), identifier),
            (v("skos:prefLabel"), identifier),
            (v("skos:notation"), t.lit(notation)),
            (v("dcterms:title"), t.en(form.format(topic_lower=topic.lower()))),
            (v("dcterms:publisher"), t.id("itorg", "itu-t")),
            (v("dcterms:subject"), topics[topic_index]),
            (v("itukg:series"), self.series[info.series]),
        ]
        if sub:
            series = f"{info.series}.{main}"
            term = t.id("rec", f"series-{series}")
            if series not in self.sub_series:
                self.sub_series.add(series)
                self.emit(
                    term,
                    "itukg:RecommendationSeries",
                    [
                        (v("skos:prefLabel"), t.en(f"{series} series")),
                        (v("skos:notation"), t.lit(series)),
                        (v("skos:broader"), self.series[info.series]),
                        (v("skos:inScheme"), t.id("scheme", "recommendation-series")),
                        *self.prov(part),
                    ],
                )
            pairs.append((v("itukg:series"), term))
        self.emit(t.id("rec", notation), "itukg:Recommendation", pairs + self.prov(part))


# --- Entry point ----------------------------------------------------------------------------


def check_output(path: str | Path) -> Path:
    """Return *path* as the output file, or raise :class:`ItukgError` if it cannot be one."""
    target = Path(path)
    if target.suffix not in EXTENSIONS:
        known = " or ".join(EXTENSIONS)
        raise ItukgError(f"{path}: the output file must end with {known} (N-Triples or Turtle)")
    if target.is_dir():
        raise OutputError(f"{path}: cannot write: Is a directory")
    if not target.parent.is_dir():
        raise OutputError(f"{path}: cannot write: No such directory: {target.parent}")
    return target


def generate(path: str | Path, triples: int, seed: int = 0, *, violations: bool = False) -> Summary:
    """Write the synthetic graph of about *triples* triples for *seed* to *path*.

    The syntax is N-Triples for ``.nt`` and Turtle for ``.ttl``. The file is written
    atomically; with *violations*, the faults of :mod:`itukg.synth_faults` are added and the
    expected report is written to ``path + ".violations.json"`` (otherwise an old one is
    removed, since it would describe another graph).
    """
    started = time.perf_counter()
    if seed < 0:
        raise ItukgError(f"--seed must not be negative, got {seed}")
    target = check_output(path)
    the_plan = plan(triples, violations=violations)
    report_path = Path(str(target) + VIOLATIONS_SUFFIX)
    report = None
    with atomic_write(target) as stream:
        sink = Sink(stream, Terms(target.suffix == ".ttl"))
        generator = Generator(sink, the_plan, seed)
        if violations:
            from itukg import synth_faults

            generator.run(synth_faults.inject)
            report = synth_faults.report(generator.faults)
        else:
            generator.run()
    expected = None
    if report is not None:
        try:
            with atomic_write(report_path) as out:
                out.write(report.json().encode("utf-8"))
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        expected = len(report.results)
    elif report_path.exists():
        report_path.unlink()
    counts = dict(generator.counts)
    counts.setdefault("itukg:Recommendation", 0)
    return Summary(target, sink.count, counts, time.perf_counter() - started, expected)
