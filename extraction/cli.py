"""The ``newslens`` command: analyze files, ingest collections, export the store, serve the app."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import NewslensError
from .ingest import register_commands as register_ingest_commands
from .model import Article
from .textio import parse_date, read_path, terminal_safe


def _table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(out)


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_table(article: Article, name: str) -> str:
    """Render an article's analysis as plain-text tables for the terminal."""
    published = article.published.isoformat() if article.published else "unknown"
    if article.published and article.published_inferred:
        published += " (inferred)"
    parts = [f"== {name}", f"title: {article.title or '-'}", f"published: {published}", ""]
    ents = sorted(article.entities, key=lambda e: (-len(e.mentions), e.canonical))
    parts.append(
        _table(
            [[e.canonical, e.label, e.country or "-", e.role or "-", str(len(e.mentions))]
             for e in ents],
            ["entity", "type", "country", "role", "mentions"],
        )
        if ents
        else "no entities found"
    )
    parts.append("")
    if article.time_expressions:
        parts.append(
            _table(
                [[t.text, t.type, t.value, t.anchor or "-"] for t in article.time_expressions],
                ["time expression", "type", "value", "anchor"],
            )
        )
        parts.append("")
    if article.events:
        def who(entity_id: str | None, text: str | None, country: str | None) -> str:
            ent = article.entity(entity_id)
            label = ent.canonical if ent else (text or "-")
            return f"{label} [{country}]" if country else label

        parts.append(
            _table(
                [
                    [
                        ev.date or "-",
                        who(ev.actor, ev.actor_text, ev.actor_country),
                        ("not " if ev.negated else "") + ev.type
                        + ("" if ev.modality == "happened" else f" ({ev.modality})"),
                        who(ev.target, ev.target_text, ev.target_country),
                        f"{ev.polarity:+.1f}",
                        _short(ev.trigger.text, 24),
                    ]
                    for ev in article.events
                ],
                ["date", "actor", "event", "target", "polarity", "trigger"],
            )
        )
        parts.append("")
    if article.stances:
        parts.append(
            _table(
                [
                    [s.holder, s.target, s.polarity + ("" if s.current else " (background)"),
                     f"{s.score:+.2f}", str(len(s.evidence))]
                    for s in article.stances
                ],
                ["holder", "target", "stance", "score", "evidence"],
            )
        )
        parts.append("")
    return terminal_safe("\n".join(parts))


def cmd_analyze(args: argparse.Namespace) -> int:
    from . import analyze

    given = parse_date(args.published)
    failures = 0
    results = []
    for name in args.files:
        try:
            source = read_path(name)
            article = analyze(
                source.text, published=given or source.published, title=source.title
            )
        except NewslensError as err:
            print(f"newslens: {terminal_safe(str(err))}", file=sys.stderr)
            failures += 1
            continue
        if args.format == "json":
            results.append(article.to_dict())
        else:
            print(format_table(article, Path(name).name))
    if args.format == "json" and results:
        json.dump(results if len(results) > 1 else results[0], sys.stdout, ensure_ascii=False,
                  indent=2)
        print()
    return 1 if failures else 0


_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def check_port(port: int) -> int:
    """Return ``port`` when it is a TCP port number (1-65535).

    Raises:
        NewslensError: it is not.
    """
    if not 1 <= port <= 65535:
        raise NewslensError(f"--port {port} is not a port number; give one from 1 to 65535, "
                            "e.g. 8501.")
    return port


def check_address(address: str) -> str:
    """Return the address to listen on: an IP address or a host name, without a port.

    Raises:
        NewslensError: it is empty, holds a port or a scheme, or has spaces.
    """
    import ipaddress

    text = address.strip().strip("[]")
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        pass
    if not text or not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})", text):
        raise NewslensError(f"--address '{address}' is not an address to listen on; give an IP "
                            "address such as 127.0.0.1 (this machine only) or 0.0.0.0 (every "
                            "interface).")
    return text


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    from .limits import MAX_FILE_BYTES

    port = check_port(args.port)
    address = check_address(args.address)

    root = Path(__file__).resolve().parent.parent
    app = root / "dashboard" / "app.py"
    if not app.is_file():
        raise NewslensError(f"The dashboard is not installed here ({app} is missing).")
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.port", str(port),
        "--server.address", address,
        "--server.headless", "true",
        "--server.maxUploadSize", str(max(1, MAX_FILE_BYTES // 1_048_576)),
        "--browser.gatherUsageStats", "false",
        "--client.showErrorDetails", "none",
        # A named address keeps Streamlit from asking a web service for the external IP.
        "--browser.serverAddress", "localhost" if address in _LOOPBACK else address,
    ]
    shown = "localhost" if address in _LOOPBACK else address
    if address not in _LOOPBACK:
        # The dashboard has no login: anyone who can reach the address can use it.
        print(f"newslens: warning: listening on {address}: the dashboard has no "
              "authentication, so anyone who can reach this machine on port "
              f"{port} can read the corpus and run analyses.", file=sys.stderr, flush=True)
    print(f"newslens dashboard: http://{shown}:{port}", flush=True)
    # Streamlit reads .streamlit/config.toml from the working folder; exec hands signals
    # (Ctrl+C, SIGTERM) straight to the server instead of leaving an orphan behind.
    os.chdir(root)
    os.execv(sys.executable, command)
    return 0  # not reached: execv replaces this process


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslens",
        description="Entities, timelines and stance per country from international news.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse article files and print the result")
    p.add_argument("files", nargs="+", metavar="FILE", help=".txt, .md, .html or .pdf files")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date (default: front matter, dateline or inferred)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("serve", help="start the dashboard")
    p.add_argument("--port", type=int, default=8501, help="TCP port (default 8501)")
    p.add_argument("--address", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only; "
                   "0.0.0.0 exposes the dashboard, which has no login, to the network)")
    p.set_defaults(func=cmd_serve)

    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


#: Functions that add further subcommands (ingest, export) to the parser.
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []
EXTRA_COMMANDS.append(register_ingest_commands)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newslens`` command; return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except NewslensError as err:
        print(f"newslens: {terminal_safe(str(err))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newslens: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
