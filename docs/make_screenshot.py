"""Take the README's screenshots in headless Chromium: Analyze, Corpus, a country page.

    python docs/make_screenshot.py [--out-dir docs] [--only analyze corpus country]

Starts the dashboard on a free port with a temporary store (the sample articles are
analysed into it on the first visit), then:

- ``screenshot_analyze.png``: the Analyze page with the seed sample analysed;
- ``screenshot_corpus.png``: the Corpus page over the samples;
- ``screenshot_country.png``: Venezuela's page, opened from the Corpus page's link.

Needs Debian's chromium; the browser options are ``dashboard.browser``'s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard import browser  # noqa: E402

SEED_TITLE = "Last remaining US diplomats leave Venezuela"
COUNTRY = "Venezuela (VEN)"
SHOTS = ("analyze", "corpus", "country")
WIDTH = 1400


def _save(page, out: Path, *, max_height: int) -> None:
    """Make the window as tall as the page (up to ``max_height``) and save a PNG."""
    # Streamlit scrolls inside its main section, so the window is made as tall as the page.
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('section, div')].map(e => e.scrollHeight))")
    page.set_viewport_size({"width": WIDTH, "height": min(int(height) + 40, max_height)})
    page.wait_for_timeout(3000)
    page.screenshot(path=str(out), full_page=True)


def _settle(page) -> None:
    browser.settle(page, timeout=300_000)


def shoot_analyze(page, url: str, out: Path) -> None:
    """Analyse the seed sample on the Analyze page and save a full-page screenshot."""
    page.goto(url, wait_until="domcontentloaded")
    page.locator("[data-testid=stSelectbox]").first.click(timeout=300_000)
    page.get_by_role("option", name=SEED_TITLE).click()
    page.get_by_role("textbox", name="Article text").filter(
        has_text="A convoy was seen").wait_for(timeout=30_000)
    # The title and date are drawn after the text: a click before they arrive would send
    # the old, empty values back with it.
    page.wait_for_function(
        "t => [...document.querySelectorAll('input')].some(e => e.value === t)",
        arg=SEED_TITLE, timeout=30_000)
    page.get_by_role("button", name="Analyze", exact=True).click()
    page.locator("div.newslens-entities mark.entity").first.wait_for(timeout=120_000)
    page.locator(".js-plotly-plot").nth(3).wait_for(timeout=60_000)
    _save(page, out, max_height=8000)


def _corpus(page, url: str, heading: str) -> None:
    """Open the Corpus page and wait for ``heading`` and the end of its run."""
    page.goto(f"{url}/corpus", wait_until="domcontentloaded")
    page.get_by_role("heading", name=heading).wait_for(timeout=300_000)
    _settle(page)


def shoot_corpus(page, url: str, out: Path) -> None:
    """The Corpus page over the stored samples, its charts drawn."""
    _corpus(page, url, "Stance over time")
    page.locator(".js-plotly-plot").nth(3).wait_for(timeout=60_000)
    _save(page, out, max_height=5000)


def shoot_country(page, url: str, out: Path) -> None:
    """Venezuela's page, reached as an analyst would: the Corpus page's chooser and link."""
    _corpus(page, url, "Entities")
    chooser = page.locator("[data-testid=stSelectbox]").filter(
        has_text="A country's or an entity's page")
    chooser.scroll_into_view_if_needed()
    chooser.click()
    # The list is long and drawn only in part: type to narrow it.
    page.keyboard.type(COUNTRY.split()[0])
    page.get_by_role("option", name=COUNTRY, exact=True).click()
    _settle(page)
    page.get_by_role("link", name=f"Open {COUNTRY}").click()
    page.get_by_role("heading", name=COUNTRY).wait_for(timeout=120_000)
    _settle(page)
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    _save(page, out, max_height=5000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=ROOT / "docs")
    parser.add_argument("--only", nargs="+", choices=SHOTS, default=list(SHOTS))
    args = parser.parse_args()
    chromium = browser.chromium_executable()
    if chromium is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    shooters: dict[str, Callable[..., None]] = {
        "analyze": shoot_analyze, "corpus": shoot_corpus, "country": shoot_country}
    tmp = Path(tempfile.mkdtemp())
    env = {"NEWSLENS_STORE": str(tmp / "store.sqlite")}
    with browser.serve(env, timeout=120) as url, sync_playwright() as pw:
        chrome = browser.launch(pw, chromium)
        try:
            for name in args.only:
                page = chrome.new_page(viewport={"width": WIDTH, "height": 1000})
                out = args.out_dir / f"screenshot_{name}.png"
                try:
                    shooters[name](page, url, out)
                except Exception:
                    failed = tmp / f"failed_{name}.png"
                    page.screenshot(path=str(failed), full_page=True)
                    print(f"{name} failed; the page as it was: {failed}", file=sys.stderr)
                    raise
                finally:
                    page.close()
                print(f"saved {out}")
        finally:
            chrome.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
