"""Take the README's screenshot: the Analyze page with the seed article, in headless Chromium.

    python docs/make_screenshot.py [--out docs/screenshot_analyze.png]

Starts the dashboard on a free port with a temporary store, picks the seed sample, clicks
Analyze and saves a full-page PNG. Needs Debian's chromium.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TITLE = "Last remaining US diplomats leave Venezuela"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def shoot(page, url: str, out: Path) -> None:
    """Analyse the seed sample on the Analyze page and save a full-page screenshot."""
    page.goto(url, wait_until="domcontentloaded")
    page.locator("[data-testid=stSelectbox]").first.click(timeout=120_000)
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
    # Streamlit scrolls inside its main section, so the window is made as tall as the page.
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('section, div')].map(e => e.scrollHeight))")
    page.set_viewport_size({"width": 1400, "height": min(int(height) + 40, 8000)})
    page.wait_for_timeout(3000)
    page.screenshot(path=str(out), full_page=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot_analyze.png")
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    tmp = Path(tempfile.mkdtemp())
    env = {**os.environ, "NEWSLENS_STORE": str(tmp / "store.sqlite")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.25)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            try:
                shoot(page, url, args.out)
            except Exception:
                page.screenshot(path=str(tmp / "failed.png"), full_page=True)
                print(f"failed; the page as it was: {tmp / 'failed.png'}", file=sys.stderr)
                raise
            finally:
                browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
