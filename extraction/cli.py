"""The ``newslens`` command: analyze files, ingest collections, export, search and prune the
store, list and undo corrections, serve the app."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import NewslensError
from .ingest import register_commands as register_ingest_commands
from .model import Article
from .textio import parse_date, read_path, terminal_safe

if TYPE_CHECKING:
    from .store import Store


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


def _open_existing_store(name: str | None) -> Store:
    """The store named by ``--store`` (or the default), which must exist already."""
    from .store import Store, default_store_path

    path = Path(name) if name else default_store_path()
    # Opening a missing file would create an empty store; say that nothing is there instead.
    if not path.is_file():
        raise NewslensError(f"There is no store at '{path}'; run newslens ingest first.")
    return Store(path)


def _resolve_ids(store: Store, given: Sequence[str]) -> list[str]:
    """Full article ids for ids or unique prefixes of at least 6 characters.

    Raises:
        NewslensError: a prefix is too short, matches nothing, or matches several articles.
    """
    ids = []
    for raw in given:
        if store.has(raw):
            ids.append(raw)
            continue
        if len(raw) < 6:
            raise NewslensError(f"No stored article has the id '{raw}'; give a full id or at "
                                "least its first 6 characters (newslens search lists them).")
        found = store.resolve(raw)
        if not found:
            raise NewslensError(f"No stored article has an id starting with '{raw}'.")
        if len(found) > 1:
            raise NewslensError(f"'{raw}' starts {len(found)} article ids "
                                f"({', '.join(found[:5])}); give more characters.")
        ids.append(found[0])
    return ids


def cmd_delete(args: argparse.Namespace) -> int:
    if not (args.ids or args.source or args.duplicates):
        raise NewslensError("Say what to delete: article ids, --source NAME or --duplicates.")
    with _open_existing_store(args.store) as store:
        ids = _resolve_ids(store, args.ids)
        if args.source:
            found = store.article_ids(source=args.source)
            if not found:
                raise NewslensError(f"No stored article has the source '{args.source}' "
                                    f"(sources: {', '.join(store.sources()) or 'none'}).")
            ids += found
        if args.duplicates:
            ids += store.duplicates()
        ids = list(dict.fromkeys(ids))
        summaries = {s.id: s for s in store.summaries()} if args.dry_run or ids else {}
        for article in ids:
            head = summaries.get(article)
            title = (head.title if head else None) or "untitled"
            print(terminal_safe(f"{article}  {_short(title, 60)}"))
        if args.dry_run:
            print(f"Would delete {len(ids):,} articles from {store.path} (dry run).",
                  file=sys.stderr)
            return 0
        removed = store.delete_many(ids)
        print(f"Deleted {removed:,} articles, with their analyses and corrections, from "
              f"{store.path}.", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.words) or None
    if not (query or args.entity or args.country):
        raise NewslensError("Give words to search for, --entity NAME or --country ISO3.")
    with _open_existing_store(args.store) as store:
        hits = store.summaries(query=query, entity=args.entity, country=args.country,
                               limit=args.limit)
    rows = [[h.id, h.published.isoformat() if h.published else "-", _short(h.title or "-", 50),
             _short(h.snippet or "", 70)] for h in hits]
    if rows:
        print(terminal_safe(_table(rows, ["id", "published", "title", "where"])))
    print(f"{len(hits):,} article{'s' if len(hits) != 1 else ''} found.", file=sys.stderr)
    return 0 if hits else 1


def cmd_corrections(args: argparse.Namespace) -> int:
    with _open_existing_store(args.store) as store:
        if args.undo is not None:
            undone = store.undo_correction(args.undo)
            print(terminal_safe(f"Undone correction {undone.id}: {undone.describe()}"))
            return 0
        article = _resolve_ids(store, [args.article])[0] if args.article else None
        found = store.corrections(article_id=article, active_only=not args.all)
    rows = [[str(c.id), c.made_at[:19].replace("T", " "), c.article_id or "-",
             _short(c.describe(), 70), "undone " + c.undone_at[:10] if c.undone_at else ""]
            for c in found]
    if rows:
        print(terminal_safe(_table(rows, ["id", "made (UTC)", "article", "correction",
                                          "state"])))
    print(f"{len(found):,} correction{'s' if len(found) != 1 else ''}"
          f"{'' if args.all else ' in force (--all lists undone ones too)'}.", file=sys.stderr)
    return 0


def register_store_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``delete``, ``search`` and ``corrections`` (working on the store) to the parser."""
    store_help = "the store file (default: $NEWSLENS_STORE or the user data folder)"
    p = sub.add_parser(
        "delete", help="delete articles (their analyses and corrections) from the store",
        description="Delete stored articles by id (or a unique prefix of 6 or more "
        "characters), by source, or every later copy of a text stored twice.",
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="article ids or unique prefixes")
    p.add_argument("--source", metavar="NAME", help="every article from this source")
    p.add_argument("--duplicates", action="store_true",
                   help="every copy of a text stored earlier (however spaced or capitalised)")
    p.add_argument("--dry-run", action="store_true", help="list what would go; delete nothing")
    p.add_argument("--store", metavar="FILE", help=store_help)
    p.set_defaults(func=cmd_delete)

    p = sub.add_parser("search", help="find stored articles by words, entity or country")
    p.add_argument("words", nargs="*", metavar="WORD",
                   help='words that must all occur in the title or text; "a phrase"; word*')
    p.add_argument("--entity", metavar="NAME", help="an entity whose name contains NAME")
    p.add_argument("--country", metavar="ISO3", help="a country code such as VEN")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N (default 20)")
    p.add_argument("--store", metavar="FILE", help=store_help)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("corrections", help="list analysts' corrections, or undo one",
                       description="Corrections are made in the dashboard; here they are "
                       "listed and undone.")
    p.add_argument("--article", metavar="ID", help="only this article's (id or prefix)")
    p.add_argument("--all", action="store_true", help="undone corrections too")
    p.add_argument("--undo", type=int, metavar="N", help="undo correction N")
    p.add_argument("--store", metavar="FILE", help=store_help)
    p.set_defaults(func=cmd_corrections)


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
EXTRA_COMMANDS.append(register_store_commands)


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
