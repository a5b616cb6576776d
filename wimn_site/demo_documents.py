"""Real PDF files for the demo content: a document's own title and text in its language, a few pages long.

`statement_pdf(title, language, date, paragraphs)` returns the bytes of an A4 PDF written with fpdf2: the
network's name, the title, a date line, then the paragraphs (headings in bold), page numbers in the
document's language, and the title and language in the file's metadata. The apps' demo loaders call it
(or `DocumentFactory(..., paragraphs=[...])`), so the library, site search and downloads show what a
visitor would really get.

The text is set in DejaVu Sans, embedded (only the characters used): Debian's `fonts-dejavu-core`, which
`make` installs (scripts/ensure_fonts.sh), so accents, curly quotes, dashes and French narrow spaces come
out as written. A text in Latin letters is set from a copy of the font cut down to them (`latin_fonts`,
made once under var/cache/), which reads in a tenth of the time and sets the same glyphs. Where the font
is missing the file is still written, in the PDF's built-in Helvetica, with the few characters Helvetica
lacks (curly quotes, dashes, "œ", ...) replaced by their plain forms (`plain_latin`), never dropped silently.
"""

import datetime
import hashlib
import html
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from fontTools import subset
from fpdf import FPDF

from django.conf import settings
from django.utils import formats, translation

FONT_DIRECTORY = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
NETWORK = "Women in Migration Network (WIMN)"
PAGE_LABEL = {"en": "Page", "es": "Página", "pt": "Página", "fr": "Page"}

# What Helvetica (Latin-1) cannot show, in its plain form.
PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u0153": "oe",
        "\u0152": "OE",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u200b": "",
        "\u20ac": "EUR",
        "\u2022": "-",
    }
)


def plain_latin(text):
    """`text` with what the built-in fonts cannot show replaced (curly quotes by straight ones, dashes by
    hyphens, "œ" by "oe"); anything else outside Latin-1 becomes "?"."""
    return text.translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def font_available(directory=None):
    directory = FONT_DIRECTORY if directory is None else Path(directory)
    return all((directory / name).is_file() for name in FONT_FILES.values())


# The characters of English, Spanish, Portuguese and French text: Latin-1, Latin Extended-A and -B, general
# punctuation (curly quotes, dashes, narrow spaces), currency signs and a few symbols.
LATIN = frozenset(
    [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2000, 0x2070), *range(0x20A0, 0x20C1), 0x2116, 0x2122, 0x2212]
)


LATIN_FONTS_VERSION = 1  # raise when the way the fonts are cut changes


def latin_fonts(directory):
    """A directory with FONT_FILES cut down to LATIN, made once per checkout (var/cache/), or None if it cannot
    be made (a read-only var/, a font fontTools cannot cut): then the whole font is used. DejaVu Sans has 6,000
    glyphs: reading the whole font was half of a demo file's time. The folder is named after the source fonts,
    the character set and LATIN_FONTS_VERSION, so a change to any of them makes a new cut."""
    source = [directory / name for name in FONT_FILES.values()]
    stamp = hashlib.sha256(
        repr(
            (
                LATIN_FONTS_VERSION,
                sorted(LATIN),
                [(path.name, path.stat().st_size, int(path.stat().st_mtime)) for path in source],
            )
        ).encode()
    ).hexdigest()[:16]
    target = Path(settings.BASE_DIR) / "var" / "cache" / "demo-fonts" / stamp
    if all((target / name).is_file() for name in FONT_FILES.values()):
        return target
    try:
        target.mkdir(parents=True, exist_ok=True)
        for path in source:
            options = subset.Options()
            options.name_IDs = ["*"]
            options.layout_features = ["*"]
            options.notdef_outline = True
            options.drop_tables += ["FFTM"]  # FontForge's timestamps, which the subsetter cannot cut
            font = subset.load_font(str(path), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=LATIN)
            subsetter.subset(font)
            handle, partial = tempfile.mkstemp(dir=target, suffix=".part")
            try:
                with os.fdopen(handle, "wb") as file:
                    subset.save_font(font, file, options)
                os.replace(partial, target / path.name)  # whole or not there, for a process reading it meanwhile
            finally:
                if os.path.exists(partial):
                    os.unlink(partial)
    except Exception:  # noqa: BLE001 - any failure to cut the font falls back to the whole font
        return None
    return target


class _Blocks(HTMLParser):
    """Rich text (as the demo writes it) → [("heading" | "paragraph" | "item", text)]."""

    HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
    BLOCKS = HEADINGS | {"p", "li", "blockquote", "div"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.kind, self.parts = [], "paragraph", []

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.parts)).strip()
        if text:
            self.blocks.append((self.kind, text))
        self.kind, self.parts = "paragraph", []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.flush()
            self.kind = "heading" if tag in self.HEADINGS else "item" if tag == "li" else "paragraph"
        elif tag == "br":
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        self.parts.append(data)


FOOTNOTE_TAG = re.compile(r"<footnote\b[^>]*>.*?</footnote>", re.S)


def _html_blocks(html_text):
    parser = _Blocks()
    parser.feed(FOOTNOTE_TAG.sub("", html_text))
    parser.close()
    parser.flush()
    return parser.blocks


def blocks_of(paragraphs):
    """Normalise `paragraphs` → [(kind, text)], kind "heading", "paragraph" or "item". Accepted, in any mix:
    plain strings; strings of rich-text HTML (<h2>, <p>, <li>); ("heading", text) pairs; {"heading": text}
    dicts; and a page body as the demo builds it (`rich(...)`'s ("paragraph", RichText) pairs, a StreamValue
    with heading, paragraph and quote blocks). Other blocks (images, documents, buttons) are left out."""
    out = []
    for item in paragraphs:
        if hasattr(item, "block_type"):  # a StreamValue's child
            kind, value = item.block_type, item.value
        elif isinstance(item, dict):
            ((kind, value),) = item.items()
        elif isinstance(item, (tuple, list)):
            kind, value = item
        else:
            kind, value = "paragraph", item
        value = getattr(value, "source", value)  # RichText
        if hasattr(value, "get") and not isinstance(value, str):  # a heading or quote block's StructValue
            value = " — ".join(str(value.get(key)) for key in ("text", "attribution") if value.get(key))
        if not isinstance(value, str) or not value.strip():
            continue
        if "<" in value:
            found = _html_blocks(value)
            if kind == "heading":
                found = [("heading", text) for _kind, text in found]
            out.extend(found)
        else:
            kind = kind if kind in ("heading", "item") else "paragraph"
            out.append((kind, html.unescape(value)))
    return out


def date_line(date, language):
    """A date (a `datetime.date`, shown the way the language writes dates) or a line given as text."""
    if isinstance(date, (datetime.date, datetime.datetime)):
        with translation.override(language):
            return formats.date_format(date, "DATE_FORMAT")
    return str(date or "")


_KEPT = {}


def statement_pdf(title, language, date, paragraphs, *, author=NETWORK, font_directory=None):
    """An A4 PDF of `title` and `paragraphs` (see `blocks_of`) in `language`, dated by `date`: bytes.

    Same input, same bytes (the creation date is the document's date), so demo files are reproducible; a
    process that loads the demo again (a test run does, several times) gets the bytes it made the first time
    instead of setting the type again (reading the fonts alone is a tenth of a second per file).
    """
    key = (
        title,
        language,
        date,
        tuple(blocks_of(paragraphs)),
        author,
        font_directory,
        font_available(FONT_DIRECTORY if font_directory is None else Path(font_directory)),
    )
    if key not in _KEPT:
        if len(_KEPT) >= 256:
            _KEPT.clear()
        _KEPT[key] = render_statement_pdf(
            title, language, date, paragraphs, author=author, font_directory=font_directory
        )
    return _KEPT[key]


def _latin_only(title, author, label, line, paragraphs):
    texts = [title, author, label, line, "•\u00a00123456789/", *(value for _kind, value in blocks_of(paragraphs))]
    return all(ord(character) in LATIN for text in texts for character in text)


def render_statement_pdf(title, language, date, paragraphs, *, author=NETWORK, font_directory=None):
    """`statement_pdf` set anew each time."""
    directory = FONT_DIRECTORY if font_directory is None else Path(font_directory)
    embedded = font_available(directory)
    text = (lambda value: value) if embedded else plain_latin
    page_label = PAGE_LABEL.get(language, "Page")

    class Document(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font(family, "", 8)
            self.set_text_color(90)
            self.cell(0, 10, text(f"{title} · {page_label} {self.page_no()}/{{nb}}"), align="C")

    pdf = Document(format="A4")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=22)
    if embedded:
        family = "DejaVu"
        if font_directory is None and _latin_only(title, author, page_label, date_line(date, language), paragraphs):
            directory = latin_fonts(directory) or directory
        for style, name in FONT_FILES.items():
            pdf.add_font(family, style, str(directory / name))
    else:
        family = "Helvetica"
    pdf.set_title(text(title))
    pdf.set_lang(language)
    pdf.set_author(text(author))
    pdf.set_subject(text(title))
    pdf.set_creator("WIMN demo content")
    pdf.set_producer("fpdf2")
    moment = date if isinstance(date, datetime.datetime) else None
    if moment is None and isinstance(date, datetime.date):
        moment = datetime.datetime(date.year, date.month, date.day, 12, tzinfo=datetime.UTC)
    pdf.set_creation_date(moment or datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))

    pdf.add_page()
    pdf.set_font(family, "B", 10)
    pdf.set_text_color(120, 40, 90)
    pdf.multi_cell(0, 6, text(author), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_text_color(0)
    pdf.set_font(family, "B", 17)
    pdf.multi_cell(0, 8, text(title), align="L", new_x="LMARGIN", new_y="NEXT")
    line = date_line(date, language)
    if line:
        pdf.ln(2)
        pdf.set_font(family, "", 10)
        pdf.set_text_color(90)
        pdf.multi_cell(0, 6, text(line), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
    pdf.ln(6)
    for kind, value in blocks_of(paragraphs):
        if kind == "heading":
            pdf.ln(3)
            pdf.set_font(family, "B", 12.5)
            pdf.multi_cell(0, 7, text(value), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
            continue
        pdf.set_font(family, "", 11)
        if kind == "item":
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(0, 5.8, text(f"•\u00a0{value}" if embedded else f"- {value}"), align="L")
        else:
            pdf.multi_cell(0, 5.8, text(value), align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(pdf.l_margin)
        pdf.ln(3)
    return bytes(pdf.output())
