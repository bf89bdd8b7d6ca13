"""A real browser against a real ``itukg serve``: headless Chromium, driven by Playwright.

What a person does and sees: search a name from the home page, follow the result to the
person's page, on to a role and to a group; run a canned query from its form; read the
organisation chart and click a box of it. Every page loads without an error of the browser
(a failed request, an HTTP error, a script error, a content security policy violation).

The browser is Debian's Chromium (``chromium`` on the PATH, else ``/usr/bin/chromium``;
``ITUKG_CHROMIUM`` names another). Without it, or without the ``playwright`` package, the
tests skip; with ``ITUKG_REQUIRE_BROWSER`` set, as in CI, they fail instead. The
screenshots of a person page and of the org chart are checked as PNG files; with
``ITUKG_SCREENSHOTS=DIR`` they are also written to DIR (``docs/`` holds those of the README).
"""

from __future__ import annotations

import math
import os
import shutil
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from itukg_server import ItukgServer

try:
    from playwright.sync_api import (
        BrowserContext,
        ConsoleMessage,
        Page,
        Request,
        Response,
        expect,
        sync_playwright,
    )
except ImportError:  # the fixture below skips, or fails where a browser is required
    sync_playwright = None

#: Chromium's options here: no sandbox (root in a container), no GPU, and no connection of
#: its own to the network (which a closed network refuses, failing the launch).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
#: Tall enough for the org chart's frame (80% of the height) to show SG20 and every unit under it.
CHART_VIEWPORT = {"width": 1280, "height": 1650}

ID = "https://w3id.org/itukg/id/"
#: Who leads SG20 in the chart: the chair, then the vice-chairs by name.
SG20_LEADERS = [
    ("Chairman", "Hyoung Jun Kim"),
    *(
        ("Vice-Chairman", name)
        for name in (
            "Achime Malick Ndiaye",
            "Ali Abbassene",
            "Emmanuel Manasseh",
            "Fabio Bigi",
            "Harinderpal Singh Grewal",
            "Héctor Mario Carril",
            "Muath Alrumayh",
            "Ramy Ahmed Fathy",
            "Shane He",
            "Toru Yamada",
            "Ziqin Sang",
        )
    ),
]
EECAT_LEADERS = [("Chairman", "Alexey Borodin"), ("Vice-Chairman", "Umida Musaeva")]
EECAT = "ITU-T SG20 Regional Group for Eastern Europe, Central Asia and Transcaucasia"


def chromium() -> str:
    """The Chromium executable to drive."""
    return os.environ.get("ITUKG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def require_browser() -> str:
    """Return the Chromium to drive; skip the test without one, or fail where one is required."""
    executable = chromium()
    reason = None
    if sync_playwright is None:
        reason = "the playwright package is not installed (pip install -e '.[test]')"
    elif not Path(executable).is_file():
        reason = f"Chromium is not installed at {executable} (apt-get install chromium)"
    if reason is not None:
        if os.environ.get("ITUKG_REQUIRE_BROWSER"):
            pytest.fail(f"{reason}, and ITUKG_REQUIRE_BROWSER is set")
        pytest.skip(reason)
    return executable


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """Headless Chromium with a fresh profile, for the tests of this module."""
    executable = require_browser()
    assert sync_playwright is not None
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=VIEWPORT,
            device_scale_factor=1,
            locale="en-GB",
            timezone_id="UTC",
            color_scheme="light",
        )
        context.set_default_timeout(15_000)
        try:
            yield context
        finally:
            context.close()


@dataclass
class Visit:
    """A browser tab on the server, and what went wrong in it."""

    page: Page
    base: str
    problems: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def assert_no_problems(self) -> None:
        assert self.problems == []


@pytest.fixture
def visit(browser: BrowserContext, live_server: ItukgServer) -> Iterator[Visit]:
    page = browser.new_page()
    found = Visit(page, live_server.base)

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            found.problems.append(f"console: {message.text}")

    def response(answer: Response) -> None:
        if answer.status >= 400:
            found.problems.append(f"HTTP {answer.status}: {answer.url}")

    def failed(request: Request) -> None:
        found.problems.append(f"failed: {request.url} ({request.failure})")

    page.on("console", console)
    page.on("pageerror", lambda error: found.problems.append(f"script: {error}"))
    page.on("requestfailed", failed)
    page.on("response", response)
    try:
        yield found
    finally:
        page.close()


def cells(page: Page, rows: str) -> list[list[str]]:
    """The text of the cells of the table rows *rows* (a CSS selector), as a person reads it."""
    return [row.locator("th, td").all_inner_texts() for row in page.locator(rows).all()]


def png_size(path: Path) -> tuple[int, int]:
    """The width and height of a PNG file."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG file"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def keep_screenshot(path: Path) -> None:
    """Copy a screenshot to ``ITUKG_SCREENSHOTS``, when it names a folder."""
    folder = os.environ.get("ITUKG_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(folder) / path.name)


# --- The browser is there, or the tests say why not ------------------------------------------


def test_without_a_browser_the_tests_skip_or_fail_where_required(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "no-chromium"
    monkeypatch.setenv("ITUKG_CHROMIUM", str(missing))
    monkeypatch.delenv("ITUKG_REQUIRE_BROWSER", raising=False)
    reason = f"Chromium is not installed at {missing} (apt-get install chromium)"
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_browser()
    assert str(skipped.value) == reason
    monkeypatch.setenv("ITUKG_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception) as failed:
        require_browser()
    assert str(failed.value) == f"{reason}, and ITUKG_REQUIRE_BROWSER is set"


# --- A person, a role, a group --------------------------------------------------------------


def test_search_a_person_and_follow_the_links(visit: Visit, tmp_path: Path) -> None:
    page = visit.page
    page.goto(visit.url("/"))
    expect(page).to_have_title("itukg")
    expect(page.locator("h1")).to_have_text("itukg")

    page.get_by_label("Find a person, group, text or place by name").fill("abbassene")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    expect(page).to_have_url(visit.url("/search?q=abbassene"))
    expect(page.get_by_role("status")).to_have_text("1 thing found for “abbassene”.")
    expect(page.locator("ol.found > li")).to_have_text(
        ["Ali Abbassene person:ali-abbassene foaf:Person"]
    )

    page.locator("ol.found").get_by_role("link", name="Ali Abbassene").click()
    expect(page).to_have_url(visit.url("/id/person/ali-abbassene"))
    expect(page).to_have_title("Ali Abbassene · itukg")
    expect(page.locator("h1")).to_have_text("Ali Abbassene")
    expect(page.locator("p.iri")).to_have_text(f"{ID}person/ali-abbassene person:ali-abbassene")
    expect(page.locator("p.names")).to_have_text("Also written: Ali ABBASSENE")
    rows = cells(page, "table.properties tbody tr")
    assert ["foaf:name", "Ali Abbassene"] in rows
    assert [
        "org:memberOf",
        "Ministère de la Poste et des Télécommunications "
        "itorg:ministere-de-la-poste-et-des-telecommunications\n"
        "Ministère de la Poste, des Télécommunications, des Technologies et du Numérique "
        "itorg:ministere-de-la-poste-des-telecommunications-des-technologies-et-du-numerique",
    ] in rows
    # His three roles point at him.
    assert cells(page, "table.incoming tbody tr") == [
        [f"membership:{group}-vice-chair-ali-abbassene", "org:member"]
        for group in ("sg20", "sg20rg-afr", "sg20rg-arb")
    ]
    document = (
        " of Overview of ITU-T Study Group 20: IoT and smart cities and communities "
        "source:sg20-overview"
    )
    expect(page.locator("ol.sources > li")).to_have_text(
        [
            "ITU-T SG20 - Management Team src:sg20-management-team, lines 264 to 334 "
            "line=263,334" + document,
            "ITU-T SG20 Regional Group for the Arab Region (SG20RG-ARB) src:sg20rg-arb, "
            "lines 670 to 706 line=669,706" + document,
            "ITU-T SG20 Regional Group for Africa (SG20RG-AFR) src:sg20rg-afr, "
            "lines 709 to 746 line=708,746" + document,
        ]
    )

    shot = tmp_path / "person-page.png"
    page.screenshot(path=str(shot), full_page=True)
    width, height = png_size(shot)
    assert width == VIEWPORT["width"]
    assert height > VIEWPORT["height"]  # the whole page, down to the footer
    keep_screenshot(shot)

    # A role: the membership names the role and the group.
    page.get_by_role("link", name="membership:sg20rg-arb-vice-chair-ali-abbassene").click()
    expect(page).to_have_url(visit.url("/id/membership/sg20rg-arb-vice-chair-ali-abbassene"))
    rows = cells(page, "table.properties tbody tr")
    assert ["org:member", "Ali Abbassene person:ali-abbassene"] in rows
    assert ["org:role", "Vice-Chairman role:vice-chair"] in rows
    assert [
        "org:organization",
        "ITU-T SG20 Regional Group for the Arab Region itorg:sg20rg-arb",
    ] in rows

    # The group, and the role pointing back at it.
    group = "ITU-T SG20 Regional Group for the Arab Region"
    page.get_by_role("link", name=group, exact=True).click()
    expect(page).to_have_url(visit.url("/id/org/sg20rg-arb"))
    expect(page).to_have_title(f"{group} · itukg")
    expect(page.locator("h1")).to_have_text(group)
    rows = cells(page, "table.properties tbody tr")
    assert ["skos:notation", "SG20RG-ARB"] in rows
    assert ["org:subOrganizationOf", "ITU-T Study Group 20 itorg:sg20"] in rows
    incoming = cells(page, "table.incoming tbody tr")
    assert ["membership:sg20rg-arb-vice-chair-ali-abbassene", "org:organization"] in incoming
    assert len(incoming) == 7  # a chair, five vice-chairs and a meeting
    visit.assert_no_problems()


# --- A canned query from its form -----------------------------------------------------------


def test_a_canned_query_from_its_form(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.url("/"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Queries").click()
    expect(page).to_have_url(visit.url("/queries"))
    page.get_by_role("link", name="group-leadership", exact=True).click()
    expect(page).to_have_url(visit.url("/queries/group-leadership"))
    field = page.locator("#param-group")
    expect(field).to_have_value("SG20")  # the default
    expect(page.get_by_role("status")).to_have_text(
        "14 rows. Download: JSON · CSV · TSV · XML. API: /api/queries/group-leadership"
    )

    field.fill("SG20RG-EECAT")
    page.get_by_role("button", name="Run").click()
    expect(page).to_have_url(visit.url("/queries/group-leadership?group=SG20RG-EECAT"))
    expect(page.locator("#param-group")).to_have_value("SG20RG-EECAT")
    expect(page.get_by_role("status")).to_contain_text("2 rows.")
    assert cells(page, "table.results thead tr") == [
        ["person", "name", "role", "affiliation_name", "represents_name"]
    ]
    assert cells(page, "table.results tbody tr") == [
        ["person:alexey-borodin", "Alexey Borodin", "Chairman @en", "PJSC «Rostelecom»", ""],
        ["person:umida-musaeva", "Umida Musaeva", "Vice-Chairman @en", "Uzbekistan @en", ""],
    ]

    page.get_by_role("link", name="person:umida-musaeva").click()
    expect(page).to_have_url(visit.url("/id/person/umida-musaeva"))
    expect(page.locator("h1")).to_have_text("Umida Musaeva")
    visit.assert_no_problems()


# --- The organisation chart -----------------------------------------------------------------


def leaders(page: Page, iri: str) -> list[tuple[str, str]]:
    """The (role, person) lines of a box of the chart; a role is written once, then left empty."""
    found = []
    role = ""
    for line in page.locator(f'a.unit[data-iri="{iri}"] text.leader').all():
        role = line.locator("tspan.role").text_content() or role
        found.append((role, line.locator("tspan.person").text_content() or ""))
    return found


def painted_at_its_centre(page: Page, iri: str) -> str | None:
    """The unit whose box the browser finds at the centre of *iri*'s box (hit testing)."""
    box = page.locator(f'a.unit[data-iri="{iri}"] rect')
    box.scroll_into_view_if_needed()
    bounds = box.bounding_box()
    assert bounds is not None
    found: str | None = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y)?.closest('a.unit')?.dataset.iri ?? null",
        [bounds["x"] + bounds["width"] / 2, bounds["y"] + bounds["height"] / 2],
    )
    return found


def test_the_org_chart(visit: Visit, tmp_path: Path) -> None:
    page = visit.page
    page.set_viewport_size(CHART_VIEWPORT)
    page.goto(visit.url("/"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Org chart").click()
    expect(page).to_have_url(visit.url("/orgchart"))
    expect(page.locator("h1")).to_have_text("Organisation chart")

    chart = page.locator("figure.orgchart svg")
    expect(chart).to_be_visible()
    bounds = chart.bounding_box()
    assert bounds is not None
    assert (bounds["width"], bounds["height"]) == (1400, 2628)  # drawn at its size, in a frame
    expect(chart.locator("title#orgchart-title")).to_have_text(
        "Organisation chart of the International Telecommunication Union"
    )
    expect(chart.locator("a.unit")).to_have_count(34)

    for slug, name, expected in (
        ("sg20", "SG20", SG20_LEADERS),
        ("sg20rg-eecat", "SG20RG-EECAT", EECAT_LEADERS),
    ):
        iri = ID + "org/" + slug
        unit = chart.locator(f'a.unit[data-iri="{iri}"]')
        expect(unit.locator("rect")).to_be_visible()
        expect(unit.locator("text.name")).to_have_text(name)
        assert leaders(page, iri) == expected
        assert painted_at_its_centre(page, iri) == iri
        expect(unit.locator("tspan.person").last).to_be_visible()

    # The screenshot: the chart around SG20, with the page's header above it.
    figure = page.locator("figure.orgchart")
    sg20 = chart.locator(f'a.unit[data-iri="{ID}org/sg20"] rect')
    top = float(sg20.get_attribute("y") or 0) - 12
    figure.evaluate("(frame, top) => frame.scrollTo(frame.scrollWidth, top)", top)
    page.evaluate("() => window.scrollTo(0, 0)")
    frame = figure.bounding_box()
    assert frame is not None
    height = math.ceil(frame["y"] + frame["height"]) + 24
    shot = tmp_path / "orgchart.png"
    page.screenshot(
        path=str(shot), clip={"x": 0, "y": 0, "width": CHART_VIEWPORT["width"], "height": height}
    )
    assert png_size(shot) == (CHART_VIEWPORT["width"], height)
    keep_screenshot(shot)

    # A box is a link to the unit's page.
    chart.locator(f'a.unit[data-iri="{ID}org/sg20rg-eecat"] rect').click()
    expect(page).to_have_url(visit.url("/id/org/sg20rg-eecat"))
    expect(page.locator("h1")).to_have_text(EECAT)
    visit.assert_no_problems()
