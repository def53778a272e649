"""The dashboard served on a free local port and Debian's Chromium launched to look at it.

One place for what the browser tests, ``python -m dashboard.timing --browser`` and
``docs/make_screenshot.py`` share: Chromium's launch options, finding the executable,
starting ``streamlit run dashboard/app.py`` and waiting until it answers. Playwright is
imported by the callers, not here, so importing this module needs no browser.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
#: Headless, and nothing Chromium would fetch for itself (updates, sync, first-run pages).
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
)
#: Hosts a page of the local dashboard may request from; anything else left the machine.
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})


def chromium_executable() -> str | None:
    """Debian's ``chromium`` on the PATH, or None when it is not installed."""
    return shutil.which("chromium")


def launch(playwright: Any, executable: str | None = None) -> Any:
    """Launch headless Chromium with the project's options through a Playwright instance.

    Args:
        playwright: what ``sync_playwright()`` yields.
        executable: the Chromium binary; ``chromium_executable()`` when None.

    Raises:
        RuntimeError: when no Chromium is installed.
    """
    path = executable or chromium_executable()
    if path is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    """Wait until Streamlit at ``url`` answers its health check.

    Raises:
        RuntimeError: the server process ended first.
        TimeoutError: no answer within ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise TimeoutError(f"streamlit did not answer {url}/_stcore/health in {timeout:.0f} s")


@contextlib.contextmanager
def serve(env: Mapping[str, str] | None = None, *, log: IO[Any] | None = None,
          timeout: float = 60.0) -> Iterator[str]:
    """Run ``streamlit run dashboard/app.py`` on a free local port; yield its URL.

    Args:
        env: variables added to this process's environment (``NEWSLENS_STORE``, ...).
        log: where the server's output goes; discarded when None.
        timeout: seconds to wait for the server to answer.

    The server is stopped when the block ends.
    """
    port = free_port()
    out = log if log is not None else subprocess.DEVNULL
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, timeout)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def settle(page: Any, timeout: float = 60_000) -> None:
    """Wait until the app has finished the run the last input started (a Playwright page)."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText"
        ".includes('Running')", timeout=timeout)


def is_local(url: str) -> bool:
    """Whether a page request stays on this machine (a local host, or a data/blob URL)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    host = parts.hostname or ""
    return host in LOCAL_HOSTS or f"[{host}]" in LOCAL_HOSTS
