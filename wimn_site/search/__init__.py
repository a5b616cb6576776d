"""Site search per language on PostgreSQL full text (see wimn_site.models.search.SearchEntry).

`indexing` turns live pages and public documents into one entry per language, `query` searches one
language with its stemmer, `views` serves /<lang>/search/.
"""
