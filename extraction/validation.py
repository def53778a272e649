"""Text fit for analysis: file bytes decoded, article text refused with a reason or made
ready for the tokenizer.

``decode_bytes`` reads UTF-8, UTF-16 with a byte order mark or Windows-1252 and refuses
binary data; ``validate_text`` refuses what cannot be analysed (empty, too long, binary,
another language) and returns the text to analyse: invisible characters removed
(``normalize_invisible``), very long runs broken (``break_long_runs``);
``original_offsets`` maps offsets into that text back to the text as given.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import NewslensError
from .language import check_english
from .limits import MAX_CHARS


def validate_text(
    text: object, *, name: str = "The article", warnings: list[str] | None = None
) -> str:
    """Return ``text`` ready for analysis, or raise a ``NewslensError`` that says why not.

    Refuses non-strings, empty and whitespace-only text, text over ``MAX_CHARS``, text that
    is mostly control characters (a binary file read as text) and text positively
    identified as another language (``identify_language``). The text returned is the one
    to analyse: invisible characters are removed (``normalize_invisible``) and very long
    runs broken. ``original_offsets`` maps offsets into it back to the text as given, and
    the ``Article`` keeps the text as given with offsets into it.

    Args:
        text: the article text.
        name: how the message names the text.
        warnings: when given, a warning is appended for English text with little prose
            (a table, a list, a dateline), which is analysed all the same.
    """
    if isinstance(text, bytes | bytearray):
        raise NewslensError(f"{name} was given as bytes; decode it first (see read_bytes).")
    if not isinstance(text, str):
        raise NewslensError(f"{name} must be text, not {type(text).__name__}.")
    if not text.strip():
        raise NewslensError(f"{name} is empty: paste or upload the text of a news article.")
    if len(text) > MAX_CHARS:
        raise NewslensError(
            f"{name} has {len(text):,} characters; newslens analyses at most {MAX_CHARS:,} "
            "in one piece. Split it into separate articles."
        )
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise NewslensError(f"{name} looks like binary data, not text.")
    text = normalize_invisible(text)
    if not text.strip():
        raise NewslensError(f"{name} is empty: paste or upload the text of a news article.")
    check_english(text, name, warnings)
    return break_long_runs(text)


# Characters with no glyph that web pages put inside words: the soft hyphen, zero-width
# space and joiners, the word joiner, invisible operators and a byte order mark. Bidi
# controls are format characters too; they are removed as well, since a name written with
# them is the same name.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u206f\ufeff]")
# Spaces that are not U+0020 (no-break, narrow no-break, figure, thin...): one space each.
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def original_offsets(original: str, normal: str) -> list[int]:
    """For each offset into ``normal`` (``validate_text(original)``) and its end, the offset
    into ``original`` it stands for.

    The normalisation only removes invisible characters, writes odd spaces as a space and
    inserts spaces into very long runs, so one left-to-right walk aligns the two: a removed
    character is skipped, an inserted space maps to the character it was put before. Linear
    in the length of the text.
    """
    out = [0] * (len(normal) + 1)
    i = 0
    for j, ch in enumerate(normal):
        while i < len(original) and original[i] != ch and _INVISIBLE.match(original[i]) and \
                not (ch == " " and _ODD_SPACE.match(original[i])):
            i += 1
        out[j] = i
        if i < len(original) and (original[i] == ch or ch == " " and
                                  _ODD_SPACE.match(original[i])):
            i += 1
    out[len(normal)] = len(original)
    return out


def normalize_invisible(text: str) -> str:
    """Return ``text`` without invisible format characters (a soft hyphen inside
    "Shehbaz Sha\u00adrif" splits the name for the tokenizer) and with every kind of space
    written as an ordinary space. Visible text is unchanged."""
    return _ODD_SPACE.sub(" ", _INVISIBLE.sub("", text))


#: The longest run of characters without a space that reaches the tokenizer; longer runs
#: get a space every ``MAX_RUN`` characters (spaCy's tokenizer is quadratic in the length of
#: a run of punctuation: 10,000 "=" take 40 s, 156 runs of 64 take 5 ms).
MAX_RUN = 64
#: A web address up to this long is kept whole (the tokenizer matches it in one step).
MAX_URL = 512
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_URL_START = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)


def break_long_runs(text: str) -> str:
    """Return ``text`` with every run of more than ``MAX_RUN`` non-space characters broken
    by spaces (web addresses up to ``MAX_URL`` characters are kept), so the tokenizer's cost
    grows linearly with the length of any input. Ordinary prose comes back unchanged."""
    if not _LONG_RUN.search(text):
        return text

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        if len(run) <= MAX_URL and _URL_START.match(run):
            return run
        return " ".join(run[i:i + MAX_RUN] for i in range(0, len(run), MAX_RUN))

    return _LONG_RUN.sub(split, text)


def _control_ratio(text: str) -> float:
    sample = text[:20_000]
    controls = sum(
        1
        for ch in sample
        if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t\f"
    )
    return controls / max(1, len(sample))


def decode_bytes(data: bytes, *, name: str = "The file") -> str:
    """Decode file bytes as UTF-8 (or UTF-16 with a byte order mark, or Windows-1252).

    Raises:
        NewslensError: the bytes are binary or in no encoding newslens reads.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise NewslensError(f"{name} claims to be UTF-16 but cannot be decoded.") from None
    if b"\x00" in data[:8192]:
        raise NewslensError(f"{name} is a binary file, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise NewslensError(
            f"{name} is not valid UTF-8 text; save it as UTF-8 and try again."
        ) from None
    if _control_ratio(text) > 0.01:
        raise NewslensError(f"{name} is not valid UTF-8 text; save it as UTF-8 and try again.")
    return text
