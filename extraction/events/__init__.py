"""Event and stance extraction rules: pure functions over a parsed ``Doc``.

- ``lexicon``: the trigger lexicon (``resources/event_lexicon.tsv``) and trigger matching.
- ``arguments``: who a noun phrase refers to, with its country and stance holder
  (``build_index``, ``holder_key``, ``ARGUMENT_RULES``), over ``docindex`` (``Arg``,
  ``DocIndex``), ``references``, ``resolve`` (``resolve_one``) and ``groups``.
- ``extract``: events of a document as ``Event.to_dict()`` dicts (``extract_events``,
  ``RULES``), over ``syntax``, ``frame``, ``targets``, ``places``, ``dates``, ``parties``,
  ``judgements``, ``acts`` and ``frames``.
- ``stance``: events aggregated per (holder, target) into ``Stance.to_dict()`` dicts, over
  ``rulebook`` (the stance rules' registry, inputs and shared helpers), ``sides`` (who a
  target is to its holder) and ``implied`` (rules for what a sentence implies).

The spaCy components in ``extraction.components.events`` and ``.stance`` only wire these.
"""
