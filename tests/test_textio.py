"""Reading what users hand over: files, HTML, PDF, encodings, front matter, limits."""

import datetime as dt

import pytest

from extraction import NewslensError
from extraction.limits import MAX_FILE_BYTES
from extraction.textio import (
    decode_bytes,
    html_to_text,
    parse_date,
    pdf_to_text,
    read_bytes,
    read_path,
    split_front_matter,
)

BODY = (
    "The foreign minister said on Monday that the talks with the neighbouring government "
    "would resume next week, and that both sides had agreed to exchange prisoners before "
    "the end of the month. The opposition criticised the deal."
)


def test_textio_html_is_reduced_to_visible_text_and_title():
    html = (
        "<html><head><title>Talks resume</title><script>alert(1)</script>"
        "<style>p{color:red}</style></head><body><h1>Talks</h1><p>First &amp; second.</p>"
        "<script>window.x=1</script><p>Third<br>line</p></body></html>"
    )
    text, title = html_to_text(html)
    assert title == "Talks resume"
    assert "alert" not in text and "window.x" not in text and "color" not in text
    assert "First & second." in text
    assert "Third\nline" in text


def test_textio_html_file_keeps_no_markup(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(f"<p onclick='x()'>{BODY}</p><img src=x onerror='alert(1)'>", "utf-8")
    source = read_path(path)
    assert "<" not in source.text and "onerror" not in source.text
    assert source.text.startswith("The foreign minister")


def test_textio_front_matter_gives_title_and_date():
    meta, body = split_front_matter(f"---\ntitle: Talks\npublished: 2020-05-01\n---\n{BODY}")
    assert meta == {"title": "Talks", "published": "2020-05-01"}
    assert body == BODY
    source = read_bytes(f"---\ntitle: Talks\npublished: 2020-05-01\n---\n{BODY}".encode(), "a.md")
    assert source.title == "Talks" and source.published == dt.date(2020, 5, 1)


@pytest.mark.parametrize(
    ("data", "name", "fragment"),
    [
        (b"", "a.txt", "empty"),
        (b"   \n  ", "a.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.txt", "binary"),
        (b"%PDF-1.4 something", "a.txt", "PDF"),
        (b"hello", "a.docx", "newslens reads"),
        (b"hello", "noext", "newslens reads"),
        (b"x" * (MAX_FILE_BYTES + 1), "big.txt", "limit"),
        (b"not a pdf at all", "a.pdf", "not a readable PDF"),
        (b"\x81\x8d\x8f\x90\x9d" * 50, "a.txt", "UTF-8"),
    ],
)
def test_textio_bad_files_get_clear_messages(data, name, fragment):
    with pytest.raises(NewslensError, match=fragment):
        read_bytes(data, name)


def test_textio_decodes_utf8_bom_utf16_and_cp1252():
    assert decode_bytes("\ufeffCafé".encode()) == "Café"
    assert decode_bytes("Café talks".encode("utf-16")) == "Café talks"
    assert decode_bytes("Caf\xe9 \x93quoted\x94".encode("latin-1")) == "Café “quoted”"


def test_textio_missing_file_is_reported(tmp_path):
    with pytest.raises(NewslensError, match="not a file"):
        read_path(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("2019-03-14", dt.date(2019, 3, 14)),
        ("2019-03-14T10:00:00Z", dt.date(2019, 3, 14)),
        (dt.datetime(2019, 3, 14, 8), dt.date(2019, 3, 14)),
    ],
)
def test_textio_parse_date_accepts_iso(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("flood", ["=", "&", "<", '"', "*", ")", "&amp;", "-.", "ab"])
def test_textio_long_runs_are_broken_for_the_tokenizer(flood):
    from extraction.textio import MAX_RUN, break_long_runs

    text = "The council met on Monday. " + flood * 20_000 + " It adjourned on Tuesday."
    out = break_long_runs(text)
    assert max(len(run) for run in out.split()) <= MAX_RUN
    assert out.replace(" ", "") == text.replace(" ", "")
    assert out.startswith("The council met on Monday. ")


def test_textio_ordinary_prose_and_addresses_are_unchanged():
    from extraction.textio import validate_text

    text = ("Officials in Nairobi said on Monday that talks would resume, according to a "
            "statement at https://example.org/news/2024/05/08/talks-to-resume-after-a-long-"
            "pause-in-the-regional-border-negotiations-between-the-two-neighbours.html today.")
    assert validate_text(text) == text


def test_textio_punctuation_flood_is_analysed(nlp):
    from extraction import analyze

    article = analyze("Kenya and Ghana signed a trade deal. " + "=" * 5_000, nlp=nlp)
    assert article.text.startswith("Kenya and Ghana signed a trade deal.")
    assert any(e.country == "KEN" for e in article.entities)


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file made of the given objects, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer + b">>\n"
    return bytes(out + b"startxref\n%d\n%%%%EOF\n" % xref)


def _page_pdf(content: bytes, *, flate: bool = False, encrypt: bytes | None = None) -> bytes:
    extra = b"/Filter /FlateDecode " if flate else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d " % len(content) + extra + b">>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    trailer = b""
    if encrypt is not None:
        objects.append(encrypt)
        trailer = b"/Encrypt 6 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] "
    return _pdf(objects, trailer)


_TEXT_OPS = b"BT /F1 12 Tf 72 700 Td (The council met on Monday.) Tj ET"
_AES_128 = (b"<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /AuthEvent /DocOpen "
            b"/CFM /AESV2 /Length 16 >> >> /StmF /StdCF /StrF /StdCF /O <" + b"11" * 32
            + b"> /U <" + b"22" * 32 + b"> /P -4 >>")
_AES_256 = (b"<< /Filter /Standard /V 5 /R 6 /Length 256 /CF << /StdCF << /AuthEvent /DocOpen "
            b"/CFM /AESV3 /Length 32 >> >> /StmF /StdCF /StrF /StdCF /O <" + b"11" * 48
            + b"> /U <" + b"22" * 48 + b"> /OE <" + b"44" * 32 + b"> /UE <" + b"55" * 32
            + b"> /Perms <" + b"66" * 16 + b"> /P -4 >>")


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        # A decompression bomb: 80 MB of zeros in 80 KB (pypdf's LimitReachedError).
        (lambda: _page_pdf(__import__("zlib").compress(bytes(80_000_000), 9), flate=True),
         "not a readable PDF"),
        (lambda: _page_pdf(_TEXT_OPS, encrypt=_AES_128), "encrypted"),
        # AES-256 without the cryptography package: pypdf's DependencyError.
        (lambda: _page_pdf(_TEXT_OPS, encrypt=_AES_256), "encrypted"),
        (lambda: _page_pdf(_TEXT_OPS)[:200], "not a readable PDF|no text layer"),
    ],
    ids=["bomb", "aes128", "aes256", "truncated"],
)
def test_textio_crafted_pdf_gets_one_message_naming_the_file(make, fragment):
    import logging

    with pytest.raises(NewslensError, match=fragment) as caught:
        read_bytes(make(), "crafted.pdf")
    assert "crafted.pdf" in str(caught.value)
    # pypdf's warnings about the file's flaws do not flood the terminal.
    assert logging.getLogger("pypdf").getEffectiveLevel() >= logging.CRITICAL


def test_textio_plain_pdf_is_read():
    assert pdf_to_text(_page_pdf(_TEXT_OPS)) == "The council met on Monday."


_HEADLINE_OPS = (b"BT /F1 16 Tf 72 720 Td (Kenya and Ghana sign a trade pact) Tj ET "
                 b"BT /F1 12 Tf 72 690 Td (The two governments signed the pact in Accra on "
                 b"Monday.) Tj ET")


def _titled_pdf(title: bytes) -> bytes:
    """A one-page PDF whose Info dictionary holds ``title``."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(_HEADLINE_OPS) + _HEADLINE_OPS + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (" + title + b") >>",
    ]
    return _pdf(objects, b"/Info 6 0 R ")


@pytest.mark.parametrize(("title", "expected"), [
    # The metadata title, when it is one.
    (b"Trade pact signed in Accra", "Trade pact signed in Accra"),
    # Titles software makes up give way to the headline, the short first line.
    (b"Microsoft Word - draft3.docx", "Kenya and Ghana sign a trade pact"),
    (b"untitled", "Kenya and Ghana sign a trade pact"),
])
def test_textio_pdf_title_from_metadata_or_headline(title, expected, tmp_path):
    from extraction.textio import pdf_text_and_title, read_path

    text, found = pdf_text_and_title(_titled_pdf(title))
    assert found == expected and text.startswith("Kenya and Ghana sign a trade pact")
    path = tmp_path / "story.pdf"
    path.write_bytes(_titled_pdf(title))
    assert read_path(path).title == expected


def test_textio_pdf_without_a_headline_has_no_title():
    from extraction.textio import pdf_text_and_title

    assert pdf_text_and_title(_page_pdf(_TEXT_OPS)) == ("The council met on Monday.", None)


@pytest.mark.parametrize(
    "flood", ["<a ", "<a b='", "</a ", "<![", "<!--", "<?", "<", "&amp;", "<div>", "<p "]
)
def test_textio_malformed_html_floods_parse_quickly(flood):
    # html.parser took 12.7 s on 50 KB of "<a " (quadratic), and raised on "<![".
    html = f"<html><body><p>{BODY}</p>" + flood * 60_000
    text, _ = html_to_text(html)
    assert text.startswith("The foreign minister")


@pytest.mark.parametrize(
    "html",
    [
        # HTML5 lets </head> (and <body>) be left out.
        f"<!doctype html><html><head><meta charset=utf-8><title>Talks</title><p>{BODY}",
        f"<title>Talks</title><p>{BODY}</p>",
        # An unclosed <title> would swallow the page.
        f"<html><head><title>Talks\n<body><p>{BODY}</p></body></html>",
        f"<title>Talks<p>{BODY}",
    ],
    ids=["no-head-end", "no-html", "unclosed-title-newline", "unclosed-title"],
)
def test_textio_html5_optional_tags_are_read(html):
    source = read_bytes(html.encode(), "page.html")
    assert source.text == BODY
    assert source.title == "Talks"


def test_textio_html_scripts_stay_inert_after_unclosed_tags():
    html = f"<p>{BODY}</p><script>alert('x')</script><style>p{{}}</style><a href='x"
    text, _ = html_to_text(html)
    assert "alert" not in text and "p{}" not in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Talks resume", "Talks resume"),
        ("\x1b[2J\x1b]0;owned\x07Talks\x1b[0m", "Talks"),
        ("Talks\x00 resume", "Talks resume"),
        ("\u202eemuser sklaT\u202c", "emuser sklaT"),
        ("Talks\nresume\r\n", "Talks resume"),
        ("x" * 5000, "x" * 299 + "…"),
        ("\x1b[31m", None),
        (None, None),
    ],
    ids=["plain", "escapes", "nul", "bidi", "newlines", "long", "only-escape", "none"],
)
def test_textio_titles_are_made_safe_to_show(raw, expected):
    from extraction.textio import clean_title

    assert clean_title(raw) == expected


@pytest.mark.parametrize(
    "value", ["2019-03-14junk", "2019-03-14 and more", "2019-03-1", "14/03/2019"]
)
def test_textio_parse_date_refuses_trailing_junk(value):
    with pytest.raises(NewslensError, match="YYYY-MM-DD"):
        parse_date(value)


def test_textio_bad_front_matter_date_names_the_file():
    data = f"---\ntitle: Talks\npublished: 2019-13-45\n---\n{BODY}".encode()
    with pytest.raises(NewslensError, match="'story.md'.*front matter date"):
        read_bytes(data, "story.md")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder"])
def test_textio_read_path_takes_only_regular_files(tmp_path, kind):
    import os

    path = tmp_path / "a.txt"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    with pytest.raises(NewslensError, match="not a file"):
        read_path(path)


NEWS_PAGE = (
    "<html><head><title>Kenya and Ghana sign a trade pact - Daily Courier</title></head>"
    "<body><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a>"
    " <a href='/login'>Sign in to your account</a></nav>"
    "<header><p>Daily Courier: subscribe today for unlimited access</p></header>"
    "<main><article><h1>Kenya and Ghana sign a trade pact</h1>"
    + "".join(f"<p>{sentence}</p>" for sentence in (
        "Kenya and Ghana signed a trade pact in Accra on Monday, cutting tariffs on tea, "
        "cocoa and machinery over the next five years.",
        "The Kenyan trade minister said the deal would double trade between the two "
        "countries, and that talks on a shipping route would begin in March.",
        "Ghana's president thanked Nairobi for its patience during two years of talks, and "
        "said other members of the African Union were welcome to join the pact.",
        "Business groups in both countries welcomed the agreement, though farmers in western "
        "Kenya asked for help to meet the new standards for exported tea.",
    ))
    + "</article></main><aside><p>Most read: a celebrity wedding, the weather, football "
    "results</p></aside><footer><p>Copyright Daily Courier. All rights reserved. Privacy "
    "policy. Cookie settings.</p></footer></body></html>")


def test_textio_html_page_is_reduced_to_its_article():
    text, title = html_to_text(NEWS_PAGE)
    assert title == "Kenya and Ghana sign a trade pact - Daily Courier"
    assert text.startswith("Kenya and Ghana sign a trade pact")
    assert "tariffs on tea" in text and "African Union" in text
    for boilerplate in ("Sign in", "subscribe today", "celebrity wedding", "Cookie settings"):
        assert boilerplate not in text


def test_textio_short_html_keeps_all_its_visible_text():
    html = ("<html><body><nav>Home</nav><p>The council met on Monday.</p>"
            "<footer>Contact</footer></body></html>")
    text, _ = html_to_text(html)
    assert "The council met on Monday." in text and "Home" in text
