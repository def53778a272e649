"""Time the Analyze page on a ~1,000-word article, the model already loaded.

    python -m dashboard.timing            # script run (AppTest): analyse, frames, charts
    python -m dashboard.timing --browser  # also click -> highlights and charts drawn in Chromium

The article is built from the sample articles (whole paragraphs, at least 1,000 words); each
run changes one word so that no analysis comes from the cache. A temporary store is used.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from dashboard import browser

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"


def thousand_words() -> str:
    """Whole paragraphs of the sample articles, in order, until there are 1,000 words."""
    from extraction.textio import read_path

    paragraphs: list[str] = []
    for path in sorted((ROOT / "sample_articles").glob("[0-9]*.txt")):
        for paragraph in read_path(path).text.split("\n\n"):
            paragraphs.append(paragraph)
            if sum(len(p.split()) for p in paragraphs) >= 1000:
                return "\n\n".join(paragraphs)
    return "\n\n".join(paragraphs)


def time_script(text: str, runs: int) -> tuple[list[float], list[float]]:
    """Script-run and analysis seconds per run, measured with AppTest."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=300)
    at.run()
    at.text_area(key="analyze_text").set_value("Warm-up. " + text)
    at.button(key="analyze_run").click()
    at.run()
    totals, analyses = [], []
    for run in range(runs):
        at.text_area(key="analyze_text").set_value(f"Run {run}. {text}")
        at.button(key="analyze_run").click()
        started = time.perf_counter()
        at.run()
        totals.append(time.perf_counter() - started)
        analyses.append(at.session_state["analyze_seconds"])
        if at.exception:
            raise SystemExit(f"the app raised: {at.exception[0].message}")
    return totals, analyses


def time_browser(text: str, runs: int) -> list[float]:
    """Seconds from the Analyze click to highlights and every chart drawn, in Chromium."""
    from playwright.sync_api import sync_playwright

    chromium = browser.chromium_executable()
    if chromium is None:
        raise SystemExit("--browser needs Debian's chromium (apt-get install chromium)")
    seconds = []
    with browser.serve(timeout=120) as url, sync_playwright() as pw:
        chrome = browser.launch(pw, chromium)
        try:
            page = chrome.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            for run in range(runs + 1):
                editor = page.get_by_role("textbox", name="Article text")
                editor.wait_for(timeout=120_000)
                editor.fill(f"Browser run {run}. {text}")
                editor.press("Control+Enter")
                title = page.get_by_role("textbox", name="Title")
                title.fill(f"Timing run {run}")
                title.press("Enter")
                page.wait_for_timeout(1000)
                started = time.perf_counter()
                page.get_by_role("button", name="Analyze", exact=True).click()
                page.get_by_role("heading", name=f"Timing run {run}").wait_for(timeout=120_000)
                page.locator("div.newslens-entities mark").first.wait_for(timeout=60_000)
                page.wait_for_function(
                    "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 8",
                    timeout=60_000,
                )
                if run:  # run 0 loads the model
                    seconds.append(time.perf_counter() - started)
        finally:
            chrome.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--browser", action="store_true", help="also time Chromium drawing")
    args = parser.parse_args()
    text = thousand_words()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSLENS_STORE"] = str(Path(tmp) / "store.sqlite")
        os.environ["NEWSLENS_SAMPLES"] = str(Path(tmp) / "no-samples")
        words = len(text.split())
        totals, analyses = time_script(text, args.runs)
        print(f"{words} words, model loaded, median of {args.runs}: analysis "
              f"{statistics.median(analyses):.2f} s; whole script run (analysis, frames, "
              f"charts) {statistics.median(totals):.2f} s")
        if args.browser:
            drawn = time_browser(text, max(1, args.runs // 2))
            print(f"{words} words in Chromium, median of {len(drawn)}: click -> highlights "
                  f"and charts drawn {statistics.median(drawn):.2f} s")
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
