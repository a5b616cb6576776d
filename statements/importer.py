"""Turn a statement staff already have (plain text, Markdown or .docx) into a draft page body.

Every format becomes simple HTML first, then one sanitizer walks it and keeps only what the site's
rich text allows (paragraphs, headings, lists, links, bold, italic, quotes): headings become heading
blocks, the rest paragraph blocks. Nothing from the file reaches a page unescaped.
"""

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
import markdown
from bs4 import BeautifulSoup, NavigableString, Tag
from docx.text.hyperlink import Hyperlink

from wagtail.rich_text import RichText

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".docx": "docx"}
MAX_BYTES = 5 * 1024 * 1024


class ImportError_(ValueError):
    """The file cannot be imported (unknown type, too big, unreadable)."""


@dataclass
class Imported:
    """What an import produced: a title (may be empty), StreamField blocks and a summary."""

    title: str = ""
    blocks: list = field(default_factory=list)
    summary: str = ""


# --- Plain text ---------------------------------------------------------------------------------

BULLET = re.compile(r"^\s*(?:[-*•●▪◦‣–]|\d{1,3}[.)])\s+")
ORDERED = re.compile(r"^\s*\d{1,3}[.)]\s+")
URL = re.compile(r"(?P<url>https?://[^\s<>\"')\]]+[^\s<>\"').,;:!?\]])")
MD_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<url>[^\s)]*)\)")
ANGLE_URL = re.compile(r"<(?P<url>(?:https?://|mailto:)[^>\s]+)>")
EMAIL = re.compile(r"(?<![\w.@/])(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
SENTENCE_END = tuple('.!?:;"”’)»…')


def _inline_text(text):
    """Escape plain text, then turn bare URLs, e-mail addresses and [text](url) into links."""
    links = []

    def keep(anchor):
        links.append(anchor)
        return f"\x00{len(links) - 1}\x00"

    text = ANGLE_URL.sub(lambda m: m["url"], text)
    # [text](url): a link when the URL is absolute, else just the text (e.g. "(#)" placeholders).
    text = MD_LINK.sub(lambda m: keep((m["url"], m["text"])) if m["url"].startswith(SAFE_SCHEMES) else m["text"], text)
    text = URL.sub(lambda m: keep((m["url"], m["url"])), text)
    text = EMAIL.sub(lambda m: keep((f"mailto:{m['email']}", m["email"])), text)
    out = html.escape(text, quote=False)
    for number, (url, label) in enumerate(links):
        out = out.replace(f"\x00{number}\x00", f'<a href="{html.escape(url)}">{html.escape(label, quote=False)}</a>')
    return out


def _is_heading_line(line, next_line=None):
    line = line.strip()
    if not line or len(line) > 90 or BULLET.match(line) or line.endswith(SENTENCE_END + (",",)):
        return False
    if line.startswith(("“", '"', "(", "[")) or "http" in line or "@" in line:
        return False
    # A short line followed by a longer one reads as a heading over its paragraph.
    return next_line is None or len(next_line.strip()) > len(line) or line.isupper()


class _TextBuilder:
    """Collects the HTML of plain-text blocks: the paragraph and list being built, and what is done."""

    def __init__(self):
        self.parts, self.paragraph, self.items, self.ordered = [], [], [], False

    def flush_paragraph(self):
        if self.paragraph:
            self.parts.append(f"<p>{_inline_text(' '.join(s.strip() for s in self.paragraph))}</p>")
            self.paragraph = []

    def flush_list(self):
        if self.items:
            tag = "ol" if self.ordered else "ul"
            lis = "".join(f"<li>{_inline_text(' '.join(item))}</li>" for item in self.items)
            self.parts.append(f"<{tag}>{lis}</{tag}>")
            self.items = []

    def block(self, lines):
        width = max(len(line) for line in lines)
        for number, line in enumerate(lines):
            following = lines[number + 1] if number + 1 < len(lines) else None
            if BULLET.match(line):
                self.flush_paragraph()
                if not self.items:
                    self.ordered = bool(ORDERED.match(line))
                self.items.append([BULLET.sub("", line, count=1).strip()])
            elif self.items and not (self.items[-1][-1].endswith(SENTENCE_END) and _is_heading_line(line, following)):
                self.items[-1].append(line.strip())  # continues the item above (wrapped text)
            elif not self.paragraph and _is_heading_line(line, following):
                self.flush_list()
                self.parts.append(f"<h2>{_inline_text(line.strip())}</h2>")
            else:
                self.flush_list()
                self.paragraph.append(line)
                # In hard-wrapped text, a clearly short line ending a sentence ends the paragraph.
                if following is not None and line.strip().endswith(SENTENCE_END) and len(line) < 0.8 * width:
                    self.flush_paragraph()
        self.flush_paragraph()
        self.flush_list()


def _demote_heading_runs(parts, run=3):
    """Three or more headings in a row are lines of text (an address, a list of links), not headings."""
    out, pending = [], []
    for part in [*parts, None]:
        if part is not None and part.startswith("<h2>"):
            pending.append(part)
            continue
        if len(pending) >= run:
            out.append("<p>" + "<br/>".join(h[4:-5] for h in pending) + "</p>")
        else:
            out.extend(pending)
        pending = []
        if part is not None:
            out.append(part)
    return out


def text_to_html(text):
    """Plain text → HTML. Blank lines separate blocks; bullet or numbered lines make lists (a line that
    does not start with a marker continues the item above, as in text copied from a PDF); a short line
    without final punctuation is a heading; hard-wrapped lines are joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    builder = _TextBuilder()
    for block in re.split(r"\n\s*\n", text):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if lines:
            builder.block(lines)
    return "\n".join(_demote_heading_runs(builder.parts))


# --- Markdown --------------------------------------------------------------------------------------


def markdown_to_html(text):
    return markdown.markdown(text.lstrip("\ufeff"), extensions=["sane_lists"], output_format="html")


# --- .docx -----------------------------------------------------------------------------------------

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_list_kind(paragraph, numbering):
    """'ul', 'ol' or None for a paragraph, from its style or its numbering definition."""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style.startswith("List Bullet"):
        return "ul"
    if style.startswith("List Number"):
        return "ol"
    ppr = paragraph._p.pPr
    num_pr = ppr.numPr if ppr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None
    level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return "ul" if numbering.get((num_pr.numId.val, level), "bullet") == "bullet" else "ol"


def _docx_numbering(document):
    """{(numId, level): numFmt} from the document's numbering part (empty when it has none)."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract = {}
    for node in root.findall(f"{W_NS}abstractNum"):
        formats = {}
        for lvl in node.findall(f"{W_NS}lvl"):
            fmt = lvl.find(f"{W_NS}numFmt")
            formats[int(lvl.get(f"{W_NS}ilvl", 0))] = fmt.get(f"{W_NS}val") if fmt is not None else "bullet"
        abstract[node.get(f"{W_NS}abstractNumId")] = formats
    result = {}
    for num in root.findall(f"{W_NS}num"):
        ref = num.find(f"{W_NS}abstractNumId")
        formats = abstract.get(ref.get(f"{W_NS}val") if ref is not None else None, {})
        for level, fmt in formats.items():
            result[(int(num.get(f"{W_NS}numId")), level)] = fmt
    return result


def _docx_runs_html(paragraph):
    out = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            url = item.address or ""
            text = html.escape(item.text, quote=False)
            out.append(f'<a href="{html.escape(url)}">{text}</a>' if url else text)
            continue
        text = html.escape(item.text or "", quote=False)
        if not text:
            continue
        if item.bold:
            text = f"<b>{text}</b>"
        if item.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


def docx_to_html(path):
    document = docx.Document(str(path))
    numbering = _docx_numbering(document)
    parts, list_tag, items = [], None, []

    def flush():
        nonlocal list_tag
        if items:
            parts.append(f"<{list_tag}>{''.join(f'<li>{i}</li>' for i in items)}</{list_tag}>")
            items.clear()
        list_tag = None

    for paragraph in document.paragraphs:
        content = _docx_runs_html(paragraph).strip()
        if not content:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        kind = _docx_list_kind(paragraph, numbering)
        if kind:
            if list_tag and list_tag != kind:
                flush()
            list_tag = kind
            items.append(content)
            continue
        flush()
        if style == "Title":
            parts.append(f"<h1>{content}</h1>")
        elif style.startswith("Heading"):
            # The document's title is the page title (h1): Heading 1 is the body's first level (h2).
            level = min(int(re.sub(r"\D", "", style) or 1) + 1, 4)
            parts.append(f"<h{level}>{content}</h{level}>")
        elif style in ("Quote", "Intense Quote"):
            parts.append(f"<blockquote><p>{content}</p></blockquote>")
        else:
            parts.append(f"<p>{content}</p>")
    flush()
    return "\n".join(parts)


# --- HTML → blocks --------------------------------------------------------------------------------

INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i"}
DROPPED = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "template",
    "noscript",
    "img",
    "svg",
    "math",
    "head",
    "title",
}
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _clean_inline(node):
    """The inline content of `node` as safe rich-text HTML (links, bold, italic, line breaks)."""
    out = []
    for child in node.children:
        if isinstance(child, NavigableString):
            out.append(html.escape(str(child), quote=False))
        elif isinstance(child, Tag):
            if child.name in DROPPED:
                continue
            inner = _clean_inline(child)
            if child.name == "a":
                href = (child.get("href") or "").strip()
                out.append(f'<a href="{html.escape(href)}">{inner}</a>' if href.startswith(SAFE_SCHEMES) else inner)
            elif child.name in INLINE:
                out.append(f"<{INLINE[child.name]}>{inner}</{INLINE[child.name]}>" if inner.strip() else inner)
            elif child.name == "br":
                out.append("<br/>")
            else:
                out.append(inner)
    return "".join(out)


def _clean_list(node):
    items = []
    for li in node.find_all("li", recursive=False):
        nested = [c for c in li.children if isinstance(c, Tag) and c.name in ("ul", "ol")]
        for sub in nested:
            sub.extract()
        text = _clean_inline(li).strip()
        nested_html = "".join(_clean_list(sub) for sub in nested)
        if text or nested_html:
            items.append(f"<li>{text}{nested_html}</li>")
    return f"<{node.name}>{''.join(items)}</{node.name}>" if items else ""


def html_to_imported(source_html):
    """Sanitized StreamField blocks from HTML; the first h1 (if any) is the title, other h1s become h2."""
    soup = BeautifulSoup(source_html, "html.parser")
    result = Imported()
    pending = []

    def flush():
        if pending:
            result.blocks.append(("paragraph", RichText("".join(pending))))
            pending.clear()

    for node in soup.children:
        if isinstance(node, NavigableString):
            text = str(node).strip()
            if text:
                pending.append(f"<p>{html.escape(text, quote=False)}</p>")
            continue
        if not isinstance(node, Tag) or node.name in DROPPED:
            continue
        name = node.name
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = node.get_text(" ", strip=True)
            if not text:
                continue
            if name == "h1" and not result.title and not result.blocks and not pending:
                result.title = text
                continue
            flush()
            level = {"h1": "h2", "h2": "h2", "h3": "h3"}.get(name, "h4")
            result.blocks.append(("heading", {"text": text[:200], "level": level}))
        elif name in ("ul", "ol"):
            cleaned = _clean_list(node)
            if cleaned:
                pending.append(cleaned)
        elif name == "blockquote":
            inner = "".join(_clean_inline(p) for p in (node.find_all("p") or [node])).strip()
            if inner:
                pending.append(f"<blockquote>{inner}</blockquote>")
        elif name == "hr":
            continue
        else:
            inner = _clean_inline(node).strip()
            if inner:
                pending.append(f"<p>{inner}</p>")
    flush()
    result.summary = _summary_of(result.blocks)
    return result


def _summary_of(blocks, limit=300):
    """The first paragraph of text, shortened at a word: a starting point for the page's summary."""
    for block_type, value in blocks:
        if block_type == "paragraph":
            first = BeautifulSoup(value.source, "html.parser").find("p")
            if first is not None and first.get_text(strip=True):
                return _shorten(first.get_text(" ", strip=True), limit)
    return ""


def _shorten(text, limit):
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def read_file(path):
    """Parse `path` by its extension into an Imported (title, blocks, summary)."""
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ImportError_(f"Unsupported file type {path.suffix or '(none)'}: use .txt, .md or .docx.")
    if not path.is_file():
        raise ImportError_(f"No such file: {path}")
    if path.stat().st_size > MAX_BYTES:
        raise ImportError_(f"{path.name} is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    if kind == "docx":
        try:
            source_html = docx_to_html(path)
        except Exception as exc:  # python-docx raises several types for a broken or fake .docx
            raise ImportError_(f"{path.name} is not a readable .docx file ({exc.__class__.__name__}).") from exc
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            text = path.read_text(encoding="latin-1")
        source_html = markdown_to_html(text) if kind == "markdown" else text_to_html(text)
    imported = html_to_imported(source_html)
    if not imported.title and imported.blocks:
        kind, value = imported.blocks[0]
        if kind == "heading":
            imported.title = imported.blocks.pop(0)[1]["text"]
        else:  # a short first paragraph without final punctuation reads as the title
            soup = BeautifulSoup(value.source, "html.parser")
            first = soup.find(True)
            text = first.get_text(" ", strip=True) if first is not None and first.name == "p" else ""
            if text and len(text) <= 150 and not text.endswith(SENTENCE_END):
                imported.title = text
                first.decompose()
                remaining = str(soup).strip()
                if remaining:
                    imported.blocks[0] = ("paragraph", RichText(remaining))
                else:
                    imported.blocks.pop(0)
                imported.summary = _summary_of(imported.blocks)
    return imported
