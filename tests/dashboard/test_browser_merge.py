"""Merging and splitting entities in a real browser (Chromium via Playwright): two entities
merged on the Analyze page stay merged after a reload and in the Corpus counts; a mention
split off becomes an entity of its own; undoing the merge brings the entity back."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from dashboard.browser import launch

from .test_browser import chromium_path, pick, serve_app
from .test_browser_corrections import analyze_article, go_to, metric, reload_article, watched_page
from .test_browser_workspace import settle


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with serve_app(tmp_path_factory.mktemp("merge")) as url, sync_playwright() as pw:
        chromium = launch(pw, executable)
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        try:
            yield url, watched_page(context)
        finally:
            context.close()
            chromium.close()


def open_tab(page, name: str) -> None:
    """Show the corrections tab ``name``; a click that lands while the page is still being
    redrawn is lost, so it is repeated until the tab is selected."""
    tab = page.get_by_role("tab", name=name)
    for _ in range(5):
        tab.click()
        settle(page)
        if tab.get_attribute("aria-selected") == "true":
            return
        page.wait_for_timeout(500)
    raise AssertionError(f"the tab {name!r} did not open")


@pytest.mark.browser
def test_browser_merge_and_split_entities(page):
    url, page = page
    analyze_article(page, url)
    entities = metric(page, "Entities")

    # "CARACAS" in the dateline is Venezuela: merged, keeping Venezuela's name.
    open_tab(page, "Merge entities")
    pick(page, "Entities that are one (two or more)", "Venezuela (")
    pick(page, "Entities that are one (two or more)", "Caracas (")
    page.get_by_role("button", name="Merge the entities").click()
    page.get_by_text("Saved: merged Venezuela, Caracas into Venezuela").wait_for(
        timeout=30_000)
    settle(page)
    assert metric(page, "Entities") == entities - 1

    reload_article(page)
    assert metric(page, "Entities") == entities - 1
    go_to(page, "Corpus")
    assert metric(page, "Entities") == entities - 1
    go_to(page, "Analyze")

    # "Washington" split off the United States, as an entity of its own.
    open_tab(page, "Split an entity")
    pick(page, "Entity", "United States (")
    pick(page, "The mention that is someone else", re.compile(r"\[Washington\]"))
    page.get_by_role("button", name="Split the mention off").click()
    page.get_by_text("Saved: split 'Washington' off United States").wait_for(timeout=30_000)
    settle(page)
    assert metric(page, "Entities") == entities

    # The list shows the newest first: the last Undo is the merge's.
    page.get_by_role("button", name="Undo").last.click()
    page.get_by_text("undone").first.wait_for(timeout=30_000)
    settle(page)
    assert metric(page, "Entities") == entities + 1
    assert page.console == [], page.console
