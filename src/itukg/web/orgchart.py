"""The organisation chart: the ITU and every unit under it, with the people who lead them.

Read from the graph with two SPARQL queries, one over ``org:subOrganizationOf`` (the units
and their parents) and one over ``org:Membership`` (who holds a leading role where), and laid
out as a tree from left to right: each unit a box with its name, its full name and its
leaders, a line from its parent, and a link to its page. A unit under several units of the
chart is drawn under the first by name; parents outside the chart are named in its box. The
units under a unit come in two runs, first those without units of their own, then the
others, each by name (numbers in names counted as numbers). The output depends only on the
graph.
"""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Store

from itukg.namespaces import ID
from itukg.queries import execute
from itukg.results import SelectResult

#: The unit at the top of the chart.
ROOT = ID + "org/itu"

#: The leading roles, in the order a box lists them.
LEADING_ROLES = tuple(
    ID + "role/" + slug for slug in ("chair", "co-chair", "vice-chair", "convener")
)

UNITS = """
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?unit ?name ?label ?parent ?parent_name ?inside WHERE {
  ?unit org:subOrganizationOf* <%(root)s> .
  OPTIONAL { ?unit skos:prefLabel ?pref_label }
  OPTIONAL { ?unit skos:notation ?notation }
  OPTIONAL { ?unit dcterms:title ?title }
  BIND (STR(COALESCE(?notation, ?pref_label, STR(?unit))) AS ?name)
  BIND (STR(IF(BOUND(?pref_label) && STR(?pref_label) != ?name, ?pref_label, ?title)) AS ?label)
  OPTIONAL {
    ?unit org:subOrganizationOf ?parent .
    OPTIONAL { ?parent skos:prefLabel ?parent_label }
    OPTIONAL { ?parent skos:notation ?parent_notation }
    BIND (STR(COALESCE(?parent_notation, ?parent_label, STR(?parent))) AS ?parent_name)
    BIND (EXISTS { ?parent org:subOrganizationOf* <%(root)s> } AS ?inside)
  }
}
ORDER BY ?unit ?parent_name ?parent ?name ?label
"""

LEADERS = """
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?unit ?person ?person_name ?role_name ?rank WHERE {
  VALUES (?role ?rank) { %(roles)s }
  ?unit org:subOrganizationOf* <%(root)s> .
  ?membership a org:Membership ;
              org:organization ?unit ;
              org:member ?person ;
              org:role ?role .
  OPTIONAL { ?person foaf:name ?foaf_name }
  OPTIONAL { ?person skos:prefLabel ?person_label }
  BIND (STR(COALESCE(?foaf_name, ?person_label, STR(?person))) AS ?person_name)
  OPTIONAL { ?role skos:prefLabel ?role_label }
  BIND (STR(COALESCE(?role_label, STR(?role))) AS ?role_name)
}
ORDER BY ?unit ?rank ?person_name ?person
"""


@dataclass(frozen=True)
class Leader:
    """A person who leads a unit, and the role."""

    person: str
    name: str
    role: str


@dataclass
class Unit:
    """A box of the chart."""

    iri: str
    name: str
    label: str | None
    leaders: list[Leader] = field(default_factory=list)
    children: list[Unit] = field(default_factory=list)
    also_under: list[str] = field(default_factory=list)
    """Names of the parents that are not in the chart."""

    def walk(self) -> list[Unit]:
        """Return this unit and every unit under it, depth first."""
        return [self, *(unit for child in self.children for unit in child.walk())]


def _natural(text: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", text))


def _select(store: Store, text: str) -> SelectResult:
    result = execute(store, text)
    assert isinstance(result, SelectResult)
    return result


def tree(store: Store, root: str = ROOT) -> Unit | None:
    """Return the chart's tree under the unit *root*, or None if the graph does not know it."""
    NamedNode(root)  # a valid IRI, or ValueError
    units: dict[str, Unit] = {}
    parents: dict[str, list[tuple[str, str]]] = {}
    for row in _select(store, UNITS % {"root": root}):
        unit, name, label = row["unit"], row["name"], row["label"]
        if not isinstance(unit, NamedNode) or not isinstance(name, Literal):
            continue
        if unit.value not in units:
            shown = label.value if isinstance(label, Literal) else None
            units[unit.value] = Unit(unit.value, name.value, shown if shown != name.value else None)
        parent, parent_name, inside = row["parent"], row["parent_name"], row["inside"]
        if isinstance(parent, NamedNode) and isinstance(parent_name, Literal):
            entry = (parent_name.value, parent.value)
            if isinstance(inside, Literal) and inside.value == "true":
                parents.setdefault(unit.value, []).append(entry)
            elif parent_name.value not in units[unit.value].also_under:
                units[unit.value].also_under.append(parent_name.value)
    if root not in units:
        return None
    roles = " ".join(f"(<{iri}> {rank})" for rank, iri in enumerate(LEADING_ROLES, 1))
    for row in _select(store, LEADERS % {"root": root, "roles": roles}):
        unit, person, name, role = row["unit"], row["person"], row["person_name"], row["role_name"]
        if (
            isinstance(unit, NamedNode)
            and unit.value in units
            and isinstance(person, NamedNode)
            and isinstance(name, Literal)
            and isinstance(role, Literal)
        ):
            units[unit.value].leaders.append(Leader(person.value, name.value, role.value))
    for iri, found in parents.items():
        if iri == root:
            continue
        _, chosen = min(
            ((name, parent) for name, parent in found if parent in units),
            key=lambda entry: (_natural(entry[0]), entry[1]),
        )
        units[chosen].children.append(units[iri])
        for other_name, other in sorted(found):
            if other != chosen and other_name not in units[iri].also_under:
                units[iri].also_under.append(other_name)
    for box in units.values():
        box.children.sort(key=lambda u: (bool(u.children), _natural(u.name), u.iri))
        box.also_under.sort(key=_natural)
    return _acyclic(units[root], set())


def _acyclic(unit: Unit, seen: set[str]) -> Unit:
    seen.add(unit.iri)
    unit.children = [_acyclic(child, seen) for child in unit.children if child.iri not in seen]
    return unit


# --- Layout ---------------------------------------------------------------------------------

SVG_NS = "http://www.w3.org/2000/svg"
BOX_WIDTH = 300
GAP_X = 56
GAP_Y = 14
MARGIN = 16
PAD = 10
NAME_LINE = 18
TEXT_LINE = 15
ROLE_COLUMN = 104
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
NAME_WRAP = 30
TEXT_WRAP = 44


@dataclass
class _Box:
    unit: Unit
    depth: int
    name: list[str]
    label: list[str]
    also: list[str]
    height: int
    x: int = 0
    y: int = 0


def _box(unit: Unit, depth: int) -> _Box:
    name = textwrap.wrap(unit.name, NAME_WRAP) or [unit.name]
    label = textwrap.wrap(unit.label, TEXT_WRAP) if unit.label else []
    also = (
        textwrap.wrap("also under " + ", ".join(unit.also_under), TEXT_WRAP)
        if unit.also_under
        else []
    )
    height = PAD + len(name) * NAME_LINE + (len(label) + len(also)) * TEXT_LINE
    if unit.leaders:
        height += 4 + len(unit.leaders) * TEXT_LINE
    return _Box(unit, depth, name, label, also, height + PAD - 2)


def _place(unit: Unit, depth: int, top: int, boxes: list[_Box]) -> int:
    """Place *unit* at *top* and its children beside it; return the bottom of its block."""
    box = _box(unit, depth)
    box.x = MARGIN + depth * (BOX_WIDTH + GAP_X)
    box.y = top
    boxes.append(box)
    bottom = top + box.height
    child_top = top
    for child in unit.children:
        child_top = _place(child, depth + 1, child_top, boxes) + GAP_Y
        bottom = max(bottom, child_top - GAP_Y)
    return bottom


def svg(root: Unit, link: Callable[[str], str]) -> str:
    """Return the chart of the tree under *root* as SVG; *link* gives each unit's URL."""
    boxes: list[_Box] = []
    bottom = _place(root, 0, MARGIN, boxes)
    depth = max(box.depth for box in boxes)
    width = 2 * MARGIN + (depth + 1) * BOX_WIDTH + depth * GAP_X
    height = bottom + MARGIN
    chart = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "width": str(width),
            "height": str(height),
            "viewBox": f"0 0 {width} {height}",
            "font-family": FONT,
            "aria-labelledby": "orgchart-title orgchart-desc",
            "class": "orgchart",
        },
    )
    title = ET.SubElement(chart, "title", {"id": "orgchart-title"})
    title.text = f"Organisation chart of the {root.label or root.name}"
    desc = ET.SubElement(chart, "desc", {"id": "orgchart-desc"})
    desc.text = (
        f"{len(boxes)} units, each with the people who lead it "
        "(chair, co-chairs, vice-chairs, convener) and a link to its page."
    )
    by_iri = {box.unit.iri: box for box in boxes}
    lines = ET.SubElement(
        chart, "g", {"class": "links", "fill": "none", "stroke": "#7b8794", "stroke-width": "1.5"}
    )
    for box in boxes:
        for child in box.unit.children:
            target = by_iri[child.iri]
            x1, y1 = box.x + BOX_WIDTH, box.y + PAD + NAME_LINE // 2 + 1
            x2, y2 = target.x, target.y + PAD + NAME_LINE // 2 + 1
            middle = x1 + GAP_X // 2
            ET.SubElement(lines, "path", {"d": f"M {x1} {y1} H {middle} V {y2} H {x2}"})
    units = ET.SubElement(chart, "g", {"class": "units"})
    for box in boxes:
        _draw(units, box, link(box.unit.iri))
    ET.indent(chart, space=" ")
    return ET.tostring(chart, encoding="unicode") + "\n"


def _draw(parent: ET.Element, box: _Box, url: str) -> None:
    unit = box.unit
    anchor = ET.SubElement(parent, "a", {"href": url, "class": "unit", "data-iri": unit.iri})
    tip = ET.SubElement(anchor, "title")
    tip.text = f"{unit.label} ({unit.name})" if unit.label else unit.name
    root_box = box.depth == 0
    ET.SubElement(
        anchor,
        "rect",
        {
            "x": str(box.x),
            "y": str(box.y),
            "width": str(BOX_WIDTH),
            "height": str(box.height),
            "rx": "6",
            "fill": "#eef3f9" if root_box else "#ffffff",
            "stroke": "#1f4e79",
            "stroke-width": "2" if root_box else "1.2",
        },
    )
    x = box.x + PAD
    y = box.y + PAD + NAME_LINE - 4
    name = ET.SubElement(
        anchor,
        "text",
        {
            "class": "name",
            "x": str(x),
            "y": str(y),
            "font-size": "14",
            "font-weight": "bold",
            "fill": "#10243e",
        },
    )
    for i, line in enumerate(box.name):
        span = ET.SubElement(name, "tspan", {"x": str(x), "dy": "0" if i == 0 else str(NAME_LINE)})
        span.text = line
    y += (len(box.name) - 1) * NAME_LINE
    for kind, lines, style in (
        ("label", box.label, {}),
        ("also", box.also, {"font-style": "italic"}),
    ):
        for line in lines:
            y += TEXT_LINE
            text = ET.SubElement(
                anchor,
                "text",
                {
                    "class": kind,
                    "x": str(x),
                    "y": str(y),
                    "font-size": "12",
                    "fill": "#3b4a5a",
                    **style,
                },
            )
            text.text = line
    if unit.leaders:
        y += 4
    previous = None
    for leader in unit.leaders:
        y += TEXT_LINE
        text = ET.SubElement(
            anchor, "text", {"class": "leader", "x": str(x), "y": str(y), "font-size": "12"}
        )
        role = ET.SubElement(text, "tspan", {"class": "role", "fill": "#4a5868"})
        role.text = leader.role if leader.role != previous else ""
        person = ET.SubElement(
            text, "tspan", {"class": "person", "x": str(x + ROLE_COLUMN), "fill": "#10243e"}
        )
        person.text = leader.name
        previous = leader.role
