"""Corrections, search and uploads in a real browser (Chromium via Playwright): a rejected
event survives a reload and lowers the Corpus count; a search finds the article and a ticked
row opens it in Analyze; a file of another type gets a message in words; a ticked and
confirmed article is deleted with its corrections. One server and one browser serve the
module, its tests in order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.browser import launch

from .test_browser import ARTICLE, chromium_path, serve_app
from .test_browser_workspace import paste, settle


def watched_page(context):
    """A new page of ``context`` whose console warnings, errors and page errors are kept in
    its ``console`` list."""
    tab = context.new_page()
    tab.console = []
    tab.on("console", lambda m: tab.console.append(f"{m.type}: {m.text} {m.location}")
           if m.type in ("warning", "error") else None)
    tab.on("pageerror", lambda e: tab.console.append(f"pageerror: {e}"))
    return tab


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("corrections")
    with serve_app(folder) as url:
        yield url, folder / "store.sqlite"


@pytest.fixture(scope="module")
def page(served: tuple[str, Path]):
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch(pw, executable)
        context = chromium.new_context(viewport={"width": 1024, "height": 768})
        try:
            yield watched_page(context)
        finally:
            context.close()
            chromium.close()


def metric(page, label: str) -> int:
    box = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return int(box.locator('[data-testid="stMetricValue"]').inner_text().strip())


def analyze_article(page, url: str) -> None:
    """Paste the sample article on the Analyze page, analyse it and wait for its results."""
    paste(page, url, ARTICLE)
    page.get_by_role("button", name="Analyze", exact=True).click()
    page.get_by_role("heading", name="Corrections").wait_for(timeout=90_000)
    settle(page)


def reload_article(page) -> None:
    """Reload the Analyze page once its URL names the article; wait until it is drawn again."""
    page.wait_for_function("() => location.search.includes('article=')", timeout=10_000)
    page.reload(wait_until="domcontentloaded")
    page.get_by_role("heading", name="Corrections").wait_for(timeout=60_000)
    settle(page)


def go_to(page, name: str) -> None:
    page.get_by_role("link", name=name).click()
    page.get_by_role("heading", name=name if name == "Corpus" else "Analyze an article"
                     ).wait_for(timeout=30_000)
    settle(page)


def tick_first_row(page, button: str) -> None:
    """Tick the first row of the Corpus page's article list; wait for ``button`` to be
    enabled by it.

    The row marker column sits at the grid's left edge. The grid is a canvas; a click that
    lands while it is still being laid out is lost, so it is repeated (a second click on a
    ticked row would untick it, hence the check in between).
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=30_000)
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    enabled = ("b => [...document.querySelectorAll('button')].some("
               "e => e.innerText.includes(b) && !e.disabled)")
    for _ in range(3):
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)
        settle(page)
        try:
            page.wait_for_function(enabled, arg=button, timeout=10_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"ticking the first row did not enable {button!r}")


@pytest.mark.browser
def test_browser_correction_survives_reload_and_changes_the_corpus(served, page):
    url, _ = served
    analyze_article(page, url)
    events = metric(page, "Events")
    assert events >= 2
    # At 1024 x 768 the result starts below the inputs; the page scrolled it to the top.
    page.wait_for_function(
        "() => { const r = document.getElementById('analysis-result').getBoundingClientRect();"
        " return r.top > -100 && r.top < 250; }", timeout=20_000)

    go_to(page, "Corpus")
    assert metric(page, "Events") == events
    go_to(page, "Analyze")

    page.get_by_role("tab", name="Event", exact=True).click()
    page.get_by_role("radiogroup", name="The event is").get_by_text("wrong: reject it").click()
    settle(page)
    page.get_by_role("button", name="Save the event check").click()
    page.get_by_text("Saved: rejected event").wait_for(timeout=30_000)
    settle(page)
    assert metric(page, "Events") == events - 1

    reload_article(page)
    assert metric(page, "Events") == events - 1
    assert page.get_by_text("rejected event").count() >= 1

    go_to(page, "Corpus")
    assert metric(page, "Events") == events - 1
    assert page.console == [], page.console


# Browser tests start alike (go to the URL, wait for a landmark); each waits for its own.
@pytest.mark.browser
def test_browser_search_finds_the_article_and_opens_it(served, page):
    url, _ = served
    # From the start page: a deep link's first load probes /corpus/_stcore/ (a Streamlit
    # habit) and logs two 404s that are not the app's.
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("link", name="Corpus").wait_for(timeout=60_000)
    go_to(page, "Corpus")
    search = page.get_by_role("textbox", name="Search the texts")
    search.wait_for(timeout=60_000)
    search.fill("nobody-writes-this")
    search.press("Enter")
    page.get_by_text("No stored article matches these filters.").wait_for(timeout=30_000)
    search.fill("Morales blackout")
    search.press("Enter")
    settle(page)
    page.get_by_role("heading", name="Articles").wait_for(timeout=30_000)
    assert metric(page, "Articles") == 1
    assert "q=Morales" in page.url

    tick_first_row(page, "Open in Analyze")
    opener = page.get_by_role("button", name="Open in Analyze")
    opener.click()
    page.get_by_role("heading", name="Analyze an article").wait_for(timeout=30_000)
    page.get_by_role("heading", name="Corrections").wait_for(timeout=60_000)
    # The text box can still be empty when the Corrections heading has drawn (seen once in a
    # CI run on a loaded machine), so wait for the text to arrive; it must arrive.
    page.wait_for_function(
        "() => [...document.querySelectorAll('textarea')].some("
        "t => t.value.includes(\"Bolivia's president Evo Morales\"))", timeout=30_000)
    text = page.get_by_role("textbox", name="Article text").input_value()
    assert "Bolivia's president Evo Morales" in text
    page.wait_for_function("() => location.search.includes('article=')", timeout=10_000)
    assert page.console == [], page.console


# Starts like the test above (URL, landmark) but waits for another landmark: no shared helper.
@pytest.mark.browser
def test_browser_wrong_file_type_gets_a_message_in_words(served, page):
    url, _ = served
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("textbox", name="Article text").wait_for(timeout=60_000)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        {"name": "minutes.docx", "mimeType": "application/octet-stream",
         "buffer": b"PK\x03\x04 not an article"})
    message = page.locator('[data-testid="stAlertContentError"]').filter(
        has_text="minutes")
    message.wait_for(timeout=30_000)
    assert "is a .docx file; newslens reads" in message.inner_text()
    assert page.console == [], page.console


@pytest.mark.browser
def test_browser_delete_from_the_corpus(served, page):
    from extraction.store import Store

    url, store_path = served
    with Store(store_path) as store:
        assert store.count() == 1 and store.corrections()
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("link", name="Corpus").wait_for(timeout=60_000)
    go_to(page, "Corpus")
    tick_first_row(page, "Open in Analyze")
    # Nothing goes before the confirmation is ticked.
    assert page.get_by_role("button", name="Delete 1 selected").is_disabled()
    page.get_by_text("Yes, delete 1 article(s)").click()
    settle(page)
    page.get_by_role("button", name="Delete 1 selected").click()
    page.get_by_text("The corpus is empty").wait_for(timeout=30_000)
    assert page.get_by_text("Deleted 1 article(s).").is_visible()
    with Store(store_path) as store:
        assert store.count() == 0 and store.corrections() == []
    assert page.console == [], page.console
