"""Analyze page: paste, upload or pick an article, analyse it, see what was found, export it."""

from __future__ import annotations

import datetime as dt
import json
import time

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.uploaded_file_manager import UploadedFile

from dashboard import correcting, frames, panels, review, state
from extraction.corrections import Correction, apply_corrections, event_key, review_marks
from extraction.errors import NewslensError
from extraction.limits import MAX_CHARS, MAX_FILE_BYTES
from extraction.model import Article
from extraction.textio import SourceText, read_bytes

UPLOAD_TYPES = [".txt", ".md", ".html", ".htm", ".pdf"]
# No type filter in the browser: a file of another type would only get a red mark there, with
# the reason on hover. Let through, it reaches read_bytes and gets a message in words.
UPLOADER_ACCEPT = None
LOADED_KEY = "analyze_loaded"
UPLOAD_LOADED_KEY = "analyze_upload_loaded"
CURRENT_KEY = "analyze_current"
UPLOADS_KEY = "analyze_upload_results"
TIMING_KEY = "analyze_seconds"
SCROLL_KEY = "analyze_scroll"
RESULT_ANCHOR = "analysis-result"
# Brings the result (its heading) into view once, after Analyze, so at 1024 px the reader
# does not have to look for it. Our own constant script, run in the page (an iframe would
# log feature-policy warnings); it carries nothing from the article.
_SCROLL_SCRIPT = """<script>
const doc = document;
const find = () => doc.getElementById("ANCHOR");
let tries = 0;
const go = () => {
  const el = find();
  if (el) { el.scrollIntoView({behavior: "smooth", block: "start"}); }
  else if (tries++ < 50) { setTimeout(go, 100); }
};
go();
// Once more when the elements above have settled (a spinner gone, a note added).
setTimeout(go, 800);
</script>""".replace("ANCHOR", RESULT_ANCHOR)


def load_into_editor(text: str, title: str | None, published: dt.date | None, mark: str) -> None:
    """Put an article into the text, title and date fields (before they are drawn)."""
    st.session_state["analyze_text"] = text
    st.session_state["analyze_title"] = title or ""
    st.session_state["analyze_date"] = published
    st.session_state[LOADED_KEY] = mark


def on_sample_change() -> None:
    name = st.session_state.get("analyze_sample")
    for sample in state.samples():
        if sample.name == name:
            load_into_editor(sample.text, sample.title, sample.published, f"sample:{name}")


def read_uploads(files: list[UploadedFile]) -> list[tuple[str, str, SourceText | str]]:
    """Read each uploaded file once: (file id, name, ``SourceText`` or error message)."""
    cache: dict[str, tuple[str, str, SourceText | str]] = st.session_state.setdefault(
        UPLOADS_KEY, {})
    current = {upload.file_id for upload in files}
    for gone in [fid for fid in cache if fid not in current]:
        # Files removed from the uploader are forgotten, text and all.
        del cache[gone]
    results = []
    for upload in files:
        if upload.file_id not in cache:
            try:
                if upload.size > MAX_FILE_BYTES:
                    # Checked before reading, so an oversized upload is never held twice.
                    raise NewslensError(
                        f"'{upload.name}' is {upload.size / 1_048_576:.1f} MB; the limit is "
                        f"{MAX_FILE_BYTES // 1_048_576} MB per file."
                    )
                cache[upload.file_id] = (upload.file_id, upload.name,
                                         read_bytes(upload.getvalue(), upload.name))
            except NewslensError as err:
                cache[upload.file_id] = (upload.file_id, upload.name, str(err))
        results.append(cache[upload.file_id])
    return results


def analyse_and_keep(text: str, published: dt.date | None, title: str | None,
                     source: str | None) -> Article | None:
    """Analyse, remember and store one article; show any problem and return None."""
    try:
        started = time.perf_counter()
        article = state.analyse(text, published, title)
        st.session_state[TIMING_KEY] = time.perf_counter() - started
    except NewslensError as err:
        panels.error(err)
        return None
    problem = state.remember(article, source=source)
    if problem:
        st.warning(panels.md_escape(problem))
    return article


def show(article: Article) -> None:
    """Make a fresh analysis the one shown (the result picker is drawn after this)."""
    st.session_state[CURRENT_KEY] = article.id
    st.session_state["analyze_result"] = article.id


# Draws the Analyze inputs in page order (sample, uploads, editor, title and date, buttons) and runs
# what the buttons ask; the uploads read at the top feed the file picker and 'Analyze all' at the
# bottom.
def input_section() -> DeltaGenerator:  # noqa: C901
    """Draw the inputs and run the analyses asked for; return the slot under the date field."""
    samples = state.samples()
    st.selectbox(
        "Sample article", [s.name for s in samples], index=None, key="analyze_sample",
        placeholder="pick a sample article…", on_change=on_sample_change,
        format_func=lambda n: next((s.title or n for s in samples if s.name == n), n),
    )
    uploads = st.file_uploader(
        "Or upload articles", type=UPLOADER_ACCEPT, accept_multiple_files=True,
        key="analyze_upload",
        help=f"Plain text, Markdown, HTML or PDF with a text layer; up to "
             f"{MAX_FILE_BYTES // 1_048_576} MB per file. HTML is reduced to its text.",
    )
    results = read_uploads(list(uploads or []))
    good = [(fid, name, src) for fid, name, src in results if not isinstance(src, str)]
    for _, _name, outcome in results:
        if isinstance(outcome, str):
            panels.error(outcome)
    if good:
        names = {fid: name for fid, name, _ in good}
        picked = good[0][0]
        if len(good) > 1:
            if st.session_state.get("analyze_upload_pick") not in names:
                st.session_state["analyze_upload_pick"] = picked
            picked = st.selectbox(
                f"{len(good)} files read; file in the editor", list(names),
                key="analyze_upload_pick", format_func=names.get,
            )
        source = next(src for fid, _, src in good if fid == picked)
        # Loaded when a new file is picked only: a sample chosen afterwards, or edits in
        # the editor, are not overwritten on the next rerun.
        if st.session_state.get(UPLOAD_LOADED_KEY) != picked:
            load_into_editor(source.text, source.title, source.published, f"upload:{picked}")
            st.session_state[UPLOAD_LOADED_KEY] = picked

    st.text_area(
        "Article text", key="analyze_text", height=220,
        placeholder="Paste the text of a news article. A front matter block with title: and "
                    "published: lines is read too.",
        help=f"English news text, at most {MAX_CHARS:,} characters. It is shown as plain "
             "text: HTML and Markdown in it stay inert.",
    )
    left, right = st.columns([3, 1])
    left.text_input("Title", key="analyze_title")
    right.date_input(
        "Published", value=None, key="analyze_date", format="YYYY-MM-DD",
        min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31),
        help="Relative dates ('Thursday', 'a year ago') are resolved against it. Left "
             "empty, it is taken from the text or inferred.",
    )
    date_note = right.empty()

    cols = st.columns([1, 2, 3])
    run = cols[0].button("Analyze", type="primary", key="analyze_run")
    run_all = len(good) > 1 and cols[1].button(f"Analyze all {len(good)} files",
                                               key="analyze_all")
    st.caption(f"Files: {', '.join(UPLOAD_TYPES)}, at most {MAX_FILE_BYTES // 1_048_576} MB "
               "each. A file that cannot be read is named below with the reason.")
    if run:
        body, meta = state.split_pasted(st.session_state.get("analyze_text") or "")
        title = (st.session_state.get("analyze_title") or "").strip() or meta.get("title")
        published = st.session_state.get("analyze_date") or meta.get("published")
        source = "upload" if str(st.session_state.get(LOADED_KEY, "")).startswith("upload:") \
            else "pasted"
        with st.spinner("Analysing…"):
            article = analyse_and_keep(body, published, title, source)
        if article is not None:
            show(article)
            st.session_state[SCROLL_KEY] = True
    if run_all:
        bar = st.progress(0.0, text="Analysing the uploaded files…")
        for index, (_, name, src) in enumerate(good):
            bar.progress(index / len(good), text=f"Analysing {panels.md_escape(name)}")
            article = analyse_and_keep(src.text, src.published, src.title, "upload")
            if article is not None:
                show(article)
                st.session_state[SCROLL_KEY] = True
        bar.progress(1.0, text=f"{len(good)} files analysed")
    return date_note


def export_section(article: Article, corrections: list[Correction]) -> None:
    stem = f"newslens_{article.id}"
    cols = st.columns(4)
    # The analysis as corrected, with the corrections themselves (undone ones too);
    # Article.from_dict reads it and leaves the extra key aside.
    document = {**article.to_dict(), "corrections": [c.to_dict() for c in corrections]}
    cols[0].download_button(
        "Analysis (JSON)", json.dumps(document, ensure_ascii=False, indent=2),
        file_name=f"{stem}.json", mime="application/json", key="analyze_dl_json",
    )
    tables = {
        "entities": frames.entities_frame(article),
        "events": frames.events_frame(article),
        "stances": frames.stances_frame(article),
    }
    for col, (name, frame) in zip(cols[1:], tables.items(), strict=True):
        col.download_button(
            f"{name.capitalize()} (CSV)", frames.csv_text(frame), file_name=f"{stem}_{name}.csv",
            mime="text/csv", key=f"analyze_dl_{name}",
        )


def result_section(article: Article, corrections: list[Correction]) -> None:
    st.divider()
    st.subheader(panels.md_escape(article.title or "Untitled article"), anchor=RESULT_ANCHOR)
    if st.session_state.pop(SCROLL_KEY, False):
        st.html(_SCROLL_SCRIPT, unsafe_allow_javascript=True)
    if article.published:
        published = article.published.isoformat()
        if article.published_inferred:
            published += " (inferred from the text)"
    else:
        published = "unknown (give it in the Published field to resolve relative dates)"
    seconds = st.session_state.get(TIMING_KEY)
    # A repeated analysis comes from the cache, so this is the time to the result.
    timing = f" · ready in {seconds:.2f} s" if seconds is not None else ""
    st.text(f"Published: {published} · {len(article.text.split()):,} words{timing}")
    stored = correcting.stored_as(article)
    if stored:
        st.info(f"This text is in the corpus already (article {stored}), so it was not stored "
                "twice; the Corpus page counts it once. Corrections made here apply to both.")
    for warning in article.warnings:
        # Plain text: a warning never carries markup from the article.
        st.warning(panels.md_escape(warning))
    metrics = st.columns(4)
    metrics[0].metric("Entities", len(article.entities))
    metrics[1].metric("Time expressions", len(article.time_expressions))
    metrics[2].metric("Events", len(article.events))
    metrics[3].metric("Stances", len(article.stances))

    st.subheader("Text")
    panels.text_section(article, "analyze")
    st.subheader("Entities")
    panels.entities_section(frames.entities_frame(article))
    st.subheader("Timeline")
    events = frames.events_frame(article)
    checked = review_marks(article, corrections)
    if checked:
        by_id = {e.id: checked.get(event_key(article, e)) for e in article.events}
        events = events.assign(checked=events["event_id"].map(by_id))
    panels.timeline_section(events, "analyze", frames.time_frame(article))
    st.subheader("Stance")
    panels.stance_section([article], frames.stances_frame(article), "analyze",
                          checked=checked)
    st.subheader("Export")
    export_section(article, corrections)


st.title("Analyze an article")
st.caption("Paste a news article, upload files or pick a sample; newslens marks who is "
           "mentioned, dates what happened and shows which country stands for or against whom.")
state.restore_view("analyze")
date_note = input_section()

analysed = state.session_articles()
if len(analysed) > 1:
    ids = list(reversed(analysed))
    if st.session_state.get("analyze_result") not in ids:
        current_id = st.session_state.get(CURRENT_KEY)
        st.session_state["analyze_result"] = current_id if current_id in ids else ids[0]
    shown = st.selectbox(
        "Analysed in this session", ids, key="analyze_result",
        format_func=lambda i: analysed[i].title or f"article {i[:8]}",
    )
    st.session_state[CURRENT_KEY] = shown
extracted = analysed.get(st.session_state.get(CURRENT_KEY, ""))
corrections = correcting.corrections_for(extracted) if extracted is not None else []
# Shown, charted and exported as the analysts corrected it.
current = apply_corrections(extracted, corrections) if extracted is not None else None
if current is None:
    st.info("Nothing analysed yet: paste an article, upload files or pick a sample, then "
            "press Analyze.")
else:
    if current.published and not st.session_state.get("analyze_date"):
        how = "inferred from the text" if current.published_inferred else "found in the text"
        date_note.caption(f"{current.published.isoformat()}: {how}")
    # Two containers made first: what the result draws (a scroll script once, a chart
    # more or less after a correction) cannot move the corrections, whose tabs Streamlit
    # would otherwise take for new ones and reset to the first.
    result_box, corrections_box = st.container(), st.container()
    with result_box:
        result_section(current, corrections)
    with corrections_box:
        st.subheader("Corrections")
        review.corrections_section(current, corrections)
state.publish_view("analyze")
