"""The text of an uploaded PDF, read once when the file is saved, so a reader on a slow phone can read a
document on a page of the site (`/<lang>/documents/<id>/text/`) instead of downloading it.

Bounded: files above `MAX_BYTES` are not read, at most `MAX_PAGES` pages and `MAX_CHARS` characters are
kept, and no page is started after `MAX_SECONDS`. One page cannot run long either: a page whose content
(its drawing operators, decompressed) is over `MAX_PAGE_CONTENT_BYTES` is skipped, pypdf's layout mode
(which writes a character grid as large as the page's spread of positions) only reads pages up to
`LAYOUT_MAX_CONTENT_BYTES` and the plain mode the others, and pypdf's own limits on decompression, parsing
and form objects are lowered (`PYPDF_LIMITS`). A hostile 14 kB file once took 17 s and 2.4 GB this way.

A file pypdf cannot read (broken, encrypted, not a PDF at all) gives no text and no error: the document is
saved as it would be without this, and its library entry offers the download only.
"""

import io
import logging
import re
import time

from pypdf import PdfReader, apply_configuration

logger = logging.getLogger(__name__)

MAX_BYTES = 30 * 1024 * 1024
MAX_PAGES = 60
MAX_CHARS = 150_000
MAX_SECONDS = 15  # a file whose pages take longer keeps what was read by then (the upload must not time out)
MAX_PAGE_CONTENT_BYTES = 1_000_000  # a text page's operators take some kB; 1 MB reads in about 1.5 s (plain)
LAYOUT_MAX_CONTENT_BYTES = 64_000
PYPDF_LIMITS = {
    "zlib_maximum_output_length": 8_000_000,
    "lzw_maximum_output_length": 8_000_000,
    "run_length_maximum_output_length": 8_000_000,
    "array_based_stream_maximum_output_length": 8_000_000,
    "stream_decoding_work_maximum_length": 32_000_000,
    "stream_parsing_work_maximum_count": 500_000,
    "xform_maximum_invocations_per_extraction": 100,
}

_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


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
        parts = [lines[0]]  # joined once at the end: a page can hold thousands of lines
        for line in lines[1:]:
            previous = parts[-1]
            if len(previous) >= 2 and previous.endswith("-") and (previous[-2].isalnum() or previous[-2] == "_"):
                parts[-1] = previous[:-1]  # a word hyphenated at the end of the line
                parts.append(line)
            else:
                parts.append(" ")
                parts.append(line)
        out.append("".join(parts))
    return out


_PAGE_NUMBER = re.compile(
    r"^(?:.*\s)?(?:page|página|pág\.?)\s*\d+\s*(?:/|of|de|sur)\s*\d+$|^(?:page|página|pág\.?)?\s*\d{1,3}$", re.I
)


def _shape(paragraph):
    return re.sub(r"\d+", "#", paragraph)


def _without_running_lines(pages):
    """The paragraphs of every page, without running headers and footers: a short paragraph at the top or
    bottom of most pages (its numbers aside), and a lone page number ("Page 2/5", "Página 3", "7")."""
    counts = {}
    for paragraphs in pages:
        edges = [paragraph for paragraph in paragraphs[:2] + paragraphs[-2:] if len(paragraph) <= 200]
        for shape in {_shape(paragraph) for paragraph in edges}:
            counts[shape] = counts.get(shape, 0) + 1
    running = {shape for shape, count in counts.items() if len(pages) >= 3 and count > len(pages) // 2}
    kept = []
    for paragraphs in pages:
        last = len(paragraphs) - 1
        for number, paragraph in enumerate(paragraphs):
            at_edge = (number < 2 or number >= last - 1) and len(paragraph) <= 200
            if _PAGE_NUMBER.match(paragraph) or (at_edge and _shape(paragraph) in running):
                continue
            kept.append(paragraph)
    return kept


def extract_text(data, *, max_pages=MAX_PAGES, max_chars=MAX_CHARS, max_bytes=MAX_BYTES, max_seconds=MAX_SECONDS):
    """The text of the PDF `data` (bytes), paragraphs separated by a blank line; "" when it has none or
    cannot be read. Never raises."""
    if not data or len(data) > max_bytes or not data.lstrip()[:5].startswith(b"%PDF"):
        return ""
    try:
        with apply_configuration(**PYPDF_LIMITS):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                return ""
            pages, size, started = [], 0, time.monotonic()
            for number, page in enumerate(reader.pages):
                if number >= max_pages or size >= max_chars or time.monotonic() - started > max_seconds:
                    break
                pages.append(_paragraphs(_page_text(page)))
                size += sum(len(paragraph) + 2 for paragraph in pages[-1])
    except Exception:  # pypdf raises many kinds of errors on broken files; none may stop an upload
        logger.info("No text read from an uploaded PDF", exc_info=True)
        return ""
    text = "\n\n".join(_without_running_lines(pages))
    if len(text) > max_chars:
        text = text[:max_chars].rsplit(" ", 1)[0] + " …"
    return text


def _page_text(page):
    """One page's text: "" for a page too heavy to read (see the module's docstring) or that fails."""
    try:
        contents = page.get_contents()
        length = len(contents.get_data()) if contents is not None else 0
        if length > MAX_PAGE_CONTENT_BYTES:
            logger.info("A PDF page's content (%s bytes) is too large to read its text", length)
            return ""
        if length <= LAYOUT_MAX_CONTENT_BYTES:
            try:
                return page.extract_text(extraction_mode="layout") or ""
            except Exception:  # some pages of some files defeat the layout mode; the plain mode may read them
                logger.info("PDF page read in plain mode", exc_info=True)
        return page.extract_text() or ""
    except Exception:
        logger.info("No text read from a PDF page", exc_info=True)
        return ""


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
