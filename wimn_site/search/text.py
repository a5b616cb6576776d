"""Plain-text helpers shared by indexing and searching."""

import re
import unicodedata

MAX_QUERY_CHARS = 200
MAX_TEXT_CHARS = 200_000  # a tsvector holds at most 1 MB; no page of this site comes near
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]")
SPACES = re.compile(r"\s+")


def clean(text, limit=None):
    """Text without NULs, control characters or our highlight markers, spaces collapsed, optionally cut."""
    text = SPACES.sub(" ", CONTROL.sub(" ", str(text or ""))).strip()
    return text[:limit] if limit else text


def clean_query(raw):
    """A visitor's query made safe to hand to websearch_to_tsquery: cleaned and capped in length."""
    return clean(raw, MAX_QUERY_CHARS)


def fold(text):
    """The text without accents ("migração" → "migracao"), for stemmers that keep them."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
