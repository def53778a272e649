"""The analyst's workspace in a real browser (Debian's Chromium via Playwright): a hostile
CSV cell neutralised after download, a view restored from its URL, a console with no
warnings or errors, and a world map drawn with country shapes and no request leaving the
machine. One server and one browser serve the whole module."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.browser import is_local, launch
from dashboard.browser import settle as browser_settle

from .test_browser import (
    ARTICLE,
    chromium_path,
    pick,
    serve_app,
)

HOSTILE_TITLE = "=cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_app(tmp_path_factory.mktemp("workspace")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch(pw, executable)
        try:
            yield chromium
        finally:
            chromium.close()


def settle(page) -> None:
    """Wait until the app has finished the run the last input started."""
    browser_settle(page)


def paste(page, url: str, text: str) -> None:
    """Open the app's Analyze page and paste ``text`` into the editor (not yet analysed)."""
    page.goto(url, wait_until="domcontentloaded")
    editor = page.get_by_role("textbox", name="Article text")
    editor.wait_for(timeout=60_000)
    editor.fill(text)
    editor.press("Control+Enter")
    settle(page)


@pytest.mark.browser
def test_browser_download_is_neutralised_and_url_restores_the_view(server, browser,
                                                                   tmp_path: Path):
    context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                  accept_downloads=True)
    console: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: console.append(f"{m.type}: {m.text}")
                if m.type in ("warning", "error") else None)
        page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
        paste(page, server, ARTICLE)
        title = page.get_by_role("textbox", name="Title")
        title.fill(HOSTILE_TITLE)
        title.press("Enter")
        # A click while the title's rerun is in flight would send the old, empty title.
        settle(page)
        page.wait_for_function(
            "t => [...document.querySelectorAll('input')].some(e => e.value === t)",
            arg=HOSTILE_TITLE, timeout=30_000)
        page.get_by_role("button", name="Analyze", exact=True).click()
        button = page.get_by_role("button", name="Events (CSV)")
        button.wait_for(state="visible", timeout=90_000)

        with page.expect_download() as download:
            button.click()
        path = tmp_path / "events.csv"
        download.value.save_as(path)
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        assert rows and {r["article"] for r in rows} == {"'" + HOSTILE_TITLE}
        cells = [c for r in rows for c in r.values() if c]
        assert not any(c.startswith(("=", "+", "@", "\t", "\r")) for c in cells)
        # Scores stay numbers: a negative polarity is written bare.
        assert all(float(r["polarity"]) <= 1 for r in rows)

        # The view is in the URL: a new tab opening it shows the same article.
        page.wait_for_function("() => location.search.includes('article=')", timeout=10_000)
        shared = page.url
        other = context.new_page()
        other.on("console", lambda m: console.append(f"{m.type}: {m.text}")
                 if m.type in ("warning", "error") else None)
        other.goto(shared, wait_until="domcontentloaded")
        other.get_by_role("button", name="Events (CSV)").wait_for(state="visible",
                                                                   timeout=60_000)
        assert other.get_by_role("textbox", name="Title").input_value() == HOSTILE_TITLE

        # A page switch and back keeps the pasted text.
        other.get_by_role("link", name="Corpus").click()
        other.get_by_role("heading", name="Corpus").wait_for(timeout=30_000)
        other.get_by_role("link", name="Analyze").click()
        kept = other.get_by_role("textbox", name="Article text")
        kept.wait_for(timeout=30_000)
        assert "interim president of Venezuela" in kept.input_value()
        other.wait_for_timeout(500)
    finally:
        context.close()
    assert console == [], console


@pytest.mark.browser
def test_browser_world_map_has_shapes_and_requests_nothing_outside(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url))

    def outside() -> list[str]:
        return sorted({url for url in requested if not is_local(url)})

    try:
        page = context.new_page()
        paste(page, server, ARTICLE)
        page.get_by_role("button", name="Analyze", exact=True).click()
        shapes = page.locator(".js-plotly-plot path.choroplethlocation")
        try:
            shapes.first.wait_for(state="attached", timeout=90_000)
            page.wait_for_function(
                "document.querySelectorAll('.js-plotly-plot path.choroplethlocation')"
                ".length > 170", timeout=30_000)
        except Exception as error:
            # Offline, a map waiting for plotly's CDN is never drawn: say what it asked for.
            raise AssertionError(f"no country shapes drawn; requests that left the "
                                 f"machine: {outside()}") from error
        # The states holding a stance are filled with a colour, not the land's grey.
        fills = shapes.evaluate_all("els => els.map(e => getComputedStyle(e).fill)")
        assert len(set(fills)) >= 3, set(fills)
        # The map shows the stances towards one target; the one the United States holds a
        # stance towards is chosen by name (which target opens first depends on how much
        # evidence each has).
        settle(page)
        pick(page, "Target for the bars and the map", "Juan Guaido")
        page.locator(".js-plotly-plot path.choroplethlocation").first.wait_for(
            state="attached", timeout=30_000)
        # Clicking a coloured country shows the sentences behind its stance. The last USA
        # shape is the stance trace's, drawn over the grey one of every country.
        settle(page)
        usa = "els => els.filter(e => e.__data__ && e.__data__.loc === 'USA').at(-1)"
        shapes.evaluate_all(f"els => ({usa})(els).scrollIntoView({{block: 'center'}})")
        page.wait_for_timeout(500)
        x, y = shapes.evaluate_all(f"els => {{ const r = ({usa})(els).getBoundingClientRect();"
                                   " return [r.x + r.width / 2, r.y + r.height / 2]; }")
        page.mouse.click(x, y)
        evidence = page.locator("[data-testid=stText]").filter(has_text="piece(s) of evidence")
        evidence.filter(has_text="United States →").wait_for(timeout=30_000)
    finally:
        context.close()
    assert requested, "no request was recorded"
    assert outside() == []
