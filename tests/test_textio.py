"""Reading what users hand over: files, HTML, PDF, encodings, front matter, limits."""

import datetime as dt

import pytest

from extraction import NewslensError
from extraction.limits import MAX_FILE_BYTES
from extraction.textio import (
    decode_bytes,
    html_to_text,
    parse_date,
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
