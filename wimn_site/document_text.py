"""The text of an uploaded PDF, read once when the file is saved, so a reader on a slow phone can read a
document on a page of the site (`/<lang>/documents/<id>/text/`) instead of downloading it.

Bounded: files above `MAX_BYTES` are not read, at most `MAX_PAGES` pages and `MAX_CHARS` characters are
kept. A file pypdf cannot read (broken, encrypted, not a PDF at all) gives no text and no error: the
document is saved as it would be without this, and its library entry offers the download only.
"""

import io
import logging
import re

logger = logging.getLogger(__name__)

MAX_BYTES = 30 * 1024 * 1024
MAX_PAGES = 60
MAX_CHARS = 150_000

_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
_HYPHENATED = re.compile(r"(\w)-$")


def _paragraphs(page_text):
    """pypdf's layout text of one page → paragraphs: lines joined, runs of spaces (justified text) collapsed;
    a blank line (the vertical gap between paragraphs) starts a new one."""
    paragraphs, lines = [], []
    for raw in page_text.splitlines():
        line = _SPACES.sub(" ", raw).strip()
        if line:
            lines.append(line)
        elif lines:
            paragraphs.append(lines)
            lines = []
    if lines:
        paragraphs.append(lines)
    out = []
    for lines in paragraphs:
        text = lines[0]
        for line in lines[1:]:
            text = _HYPHENATED.sub(r"\1", text) + line if _HYPHENATED.search(text) else f"{text} {line}"
        out.append(text)
    return out


def extract_text(data, *, max_pages=MAX_PAGES, max_chars=MAX_CHARS, max_bytes=MAX_BYTES):
    """The text of the PDF `data` (bytes), paragraphs separated by a blank line; "" when it has none or
    cannot be read. Never raises."""
    if not data or len(data) > max_bytes or not data.lstrip()[:5].startswith(b"%PDF"):
        return ""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return ""
        paragraphs, size = [], 0
        for number, page in enumerate(reader.pages):
            if number >= max_pages or size >= max_chars:
                break
            try:
                page_text = page.extract_text(extraction_mode="layout")
            except Exception:  # some pages of some files defeat the layout mode; the plain mode may read them
                page_text = page.extract_text()
            for paragraph in _paragraphs(page_text or ""):
                paragraphs.append(paragraph)
                size += len(paragraph) + 2
    except Exception:  # pypdf raises many kinds of errors on broken files; none may stop an upload
        logger.info("No text read from an uploaded PDF", exc_info=True)
        return ""
    text = "\n\n".join(paragraphs)
    if len(text) > max_chars:
        text = text[:max_chars].rsplit(" ", 1)[0] + " …"
    return text


def read_upload(file, max_bytes=MAX_BYTES):
    """The bytes of an uploaded file (a Django File), or b"" when it is larger than `max_bytes`."""
    try:
        size = file.size
    except Exception:
        size = None
    if size is not None and size > max_bytes:
        return b""
    try:
        file.seek(0)
        data = file.read(max_bytes + 1)
        file.seek(0)
    except Exception:
        return b""
    return data if len(data) <= max_bytes else b""
