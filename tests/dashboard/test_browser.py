"""One real browser run: Debian's Chromium, driven by Playwright, against ``streamlit run``.

The app is started headless on a free port with a temporary store and no samples; an
article carrying a ``<script>`` and an ``<img onerror>`` that would set ``window.__pwned``
is pasted and analysed; the highlights and charts must be visible and the script must not
have run. In CI (``CI`` set) a missing ``chromium`` is a failure, not a skip.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import browser as chromium

ARTICLE = (
    "CARACAS - The United States said on Thursday that it backed Juan Guaido as the interim "
    "president of Venezuela, and Nicolas Maduro blamed Washington for the blackout that began "
    "last week. Bolivia's president Evo Morales said he supported Maduro.\n\n"
    '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> '
    "[click here](javascript:window.__pwned=3) is how the comment section looked."
)


def chromium_path() -> str:
    """Debian's chromium; skipped locally without it, a failure in CI."""
    path = chromium.chromium_executable()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser test: install Debian's chromium (apt).")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


def pick(page, label: str, option: str | re.Pattern[str]) -> None:
    """Choose ``option`` (the start of its text, or a pattern) in the select box or
    multiselect named ``label``."""
    # The tabs not shown hold widgets of the same names ("Entity"): the visible one.
    widget = page.locator('[data-testid="stMultiSelect"], [data-testid="stSelectbox"]') \
        .filter(has=page.get_by_text(label, exact=True)).filter(visible=True).first
    widget.scroll_into_view_if_needed()
    widget.get_by_role("combobox").click()
    if isinstance(option, str):
        option = re.compile("^" + re.escape(option))
    page.get_by_role("option").filter(has_text=option).first.click()
    page.keyboard.press("Escape")
    chromium.settle(page)


@contextlib.contextmanager
def serve_app(folder: Path) -> Iterator[str]:
    """Run ``streamlit run dashboard/app.py`` on a free port with a store and an empty
    samples folder under ``folder``; yield its URL and stop it afterwards."""
    (folder / "samples").mkdir(exist_ok=True)
    env = {"NEWSLENS_STORE": str(folder / "store.sqlite"),
           "NEWSLENS_SAMPLES": str(folder / "samples")}
    with (folder / "streamlit.log").open("w") as log, chromium.serve(env, log=log) as url:
        yield url


@pytest.fixture()
def served_app(tmp_path: Path) -> Iterator[str]:
    """The dashboard for one test; yields its URL."""
    with serve_app(tmp_path) as url:
        yield url


@pytest.mark.browser
def test_browser_hostile_article_is_shown_inert(served_app: str, tmp_path: Path):
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = chromium.launch(pw, executable)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(served_app, wait_until="domcontentloaded")
            editor = page.get_by_role("textbox", name="Article text")
            editor.wait_for(timeout=60_000)
            editor.fill(ARTICLE)
            editor.press("Control+Enter")
            page.get_by_role("button", name="Analyze", exact=True).click()

            marks = page.locator("div.newslens-entities mark.entity")
            marks.first.wait_for(state="visible", timeout=90_000)
            assert marks.count() >= 5
            # Hovering shows the canonical name and the country (the title attribute).
            titles = marks.evaluate_all("els => els.map(e => e.getAttribute('title'))")
            assert any("United States (USA)" in t for t in titles), titles
            shown = page.locator("div.newslens-entities").inner_text()
            assert "<script>window.__pwned=1</script>" in shown
            assert '<img src=x onerror="window.__pwned=2">' in shown
            assert page.locator("div.newslens-entities img, div.newslens-entities a").count() == 0

            plots = page.locator(".js-plotly-plot")
            plots.first.wait_for(state="visible", timeout=30_000)
            assert plots.count() >= 3
            page.locator(".js-plotly-plot .heatmaplayer, .js-plotly-plot .heatmap").first \
                .wait_for(state="attached", timeout=30_000)

            page.wait_for_timeout(500)
            assert page.evaluate("typeof window.__pwned") == "undefined"
            # The screenshot shows the highlighted text, hostile markup and all, as text.
            page.locator("div.newslens-entities").scroll_into_view_if_needed()
            shot = tmp_path / "analyze.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
