"""Event and stance extraction rules: pure functions over a parsed ``Doc``.

- ``lexicon``: the trigger lexicon (``resources/event_lexicon.tsv``) and trigger matching.
- ``arguments``: who is the actor and who the target of a trigger, from the dependency
  parse, with the country and stance holder of each argument.
- ``extract``: events of a document (negation, modality, control verbs, reported speech,
  dates) as ``Event.to_dict()`` dicts.
- ``stance``: events aggregated per (holder, target) into ``Stance.to_dict()`` dicts.

The spaCy components in ``extraction.components.events`` and ``.stance`` only wire these.
"""
