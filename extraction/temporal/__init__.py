"""Temporal expressions for news: finding them (``grammar``, over the rules in
``calendar_rules``, ``relative_rules`` and ``duration_rules``), anchoring them (``resolve``),
the tense that decides past or future (``tense``), the publication date (``publication``)
and a whole text's expressions resolved in order (``anchor``: ``tag_times``). Pure
functions over text, dates and the parse; the spaCy component in
``extraction.components.time`` wires them up. Its word lists are
``extraction/resources/time_words.tsv`` (read by ``words``)."""
