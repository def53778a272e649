"""Temporal expressions for news: finding them (``grammar``), anchoring them (``resolve``) and
the publication date (``publication``). Pure functions over text and dates; the spaCy
component in ``extraction.components.time`` wires them to the parse."""
