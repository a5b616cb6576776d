"""A page's text as an XLIFF 1.2 file for outside translators, and the translated file back as a draft.

`export_page(page, "es")` writes the English of every field registered for translation (and of the page's
inline rows: a pledge's commitments, a campaign's demands) as one trans-unit per text, with the Spanish already
there as its target. `import_translation(page, "es", data, user)` reads the file a translator sends back and
saves the Spanish as a new draft revision for review; it refuses, changing nothing, a file for another page or
language, one whose English changed since the export, and anything that is not a well-formed XLIFF file.

- Unit ids name what they translate: `title`, `summary`, `commitments.0.text`, `body.3.value.text` (a
  StreamField leaf: the stream index, then the path through struct, list and stream blocks).
- Rich text keeps its markup as XLIFF inline codes: `<g id="2" ctype="link">` for an element, `<x id="5"/>`
  for an empty one, numbered in the English HTML. On import each code takes back the English tag with its
  attributes, so a translator moves and keeps links and bold but can neither change an address nor add markup.
- A StreamField is rebuilt from the English structure with the translated leaves; images, documents and page
  links stay as in English. A field (a whole StreamField included) is filled only when all its units are
  translated; the others stay as they were, and the upload says which.
- The file carries the page id, its content type, the target language and the fingerprint of the English
  (`translation_status.fingerprint`) on its `<file>` element (namespace `WIMN_NS`) and in header notes.
- The upload is parsed by translate-toolkit's parser (lxml, no entity resolution, no network) after a scan
  that refuses any DTD, so no entity is ever expanded.
"""

import copy
import html
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.parsers import expat

from lxml import etree
from translate.misc.xml_helpers import valid_chars_only
from translate.storage import xliff as toolkit_xliff

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .translation_status import ENGLISH, fingerprint, translated_fields, translated_relations

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
ACCEPTED_NAMESPACES = {XLIFF_NS, "urn:oasis:names:tc:xliff:document:1.1"}
WIMN_NS = "urn:wimn:xliff"
MEDIA_TYPE = "application/x-xliff+xml"
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
# The note origin of what this site writes into a file.
ORIGIN = "wimn"

# HTML elements that have no content: `<x/>` codes.
VOID_TAGS = {"br", "hr", "img", "embed", "wbr", "input", "col", "area", "source", "track"}
# XLIFF 1.2's own ctype names for the formatting the rich text editor makes; others are `x-html-TAG`.
CTYPES = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underlined", "a": "link", "br": "lb"}
# Attributes that differ between languages for the same element (the editor's block keys): ignored when the
# existing translation's markup is matched to the English.
VOLATILE_ATTRIBUTES = {"data-block-key"}


class XliffError(Exception):
    """A file that cannot be imported; `message` says why, for the upload form."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def max_bytes():
    return getattr(settings, "WIMN_XLIFF_MAX_BYTES", DEFAULT_MAX_BYTES)


def target_languages():
    """(code, name) of the languages a file can be for: every site language but English."""
    return [(code, name) for code, name in settings.LANGUAGES if code != ENGLISH]


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


# --- Rich text: HTML <-> XLIFF inline codes ---------------------------------------------------------------


@dataclass
class _Tag:
    """An element of rich text HTML; `xid` is its inline code's id in the unit."""

    name: str
    attrs: list
    void: bool
    children: list = field(default_factory=list)
    xid: str = ""

    def key(self):
        return self.name, self.void, tuple((k, v) for k, v in self.attrs if k not in VOLATILE_ATTRIBUTES)

    def start(self):
        attrs = "".join(f" {k}" if v is None else f' {k}="{html.escape(v, quote=True)}"' for k, v in self.attrs)
        return f"<{self.name}{attrs}{'/' if self.void else ''}>"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Tag("", [], False)
        self.stack = [self.root]

    def _add(self, node):
        self.stack[-1].children.append(node)

    def handle_starttag(self, tag, attrs):
        node = _Tag(tag, attrs, tag in VOID_TAGS)
        self._add(node)
        if not node.void:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self._add(_Tag(tag, attrs, True))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].name == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def _html_tree(source):
    """Rich text HTML as a tree of _Tag, its elements numbered in document order (1, 2, ...)."""
    builder = _TreeBuilder()
    builder.feed(source or "")
    builder.close()
    tags = {}

    def number(node):
        for child in node.children:
            if isinstance(child, _Tag):
                child.xid = str(len(tags) + 1)
                tags[child.xid] = child
                number(child)

    number(builder.root)
    return builder.root, tags


def _has_text(node):
    return any(child.strip() if isinstance(child, str) else _has_text(child) for child in node.children)


def _append_text(parent, last, text):
    text = valid_chars_only(text)
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _write_inline(parent, children):
    """Append rich text children to an lxml <source>/<target> as text, <g> and <x> codes."""
    last = None
    for child in children:
        if isinstance(child, str):
            _append_text(parent, last, child)
            continue
        code = etree.SubElement(parent, f"{{{XLIFF_NS}}}{'x' if child.void else 'g'}")
        code.set("id", child.xid)
        code.set("ctype", CTYPES.get(child.name, f"x-html-{child.name}"))
        if not child.void:
            _write_inline(code, child.children)
        last = code


def _matched(node, english_by_key, used=None):
    """The existing translation's tree with each element given the id of an English element with the same tag
    and attributes (an unused one first), or None when one has none (markup the codes cannot express)."""
    used = set() if used is None else used
    for child in node.children:
        if isinstance(child, str):
            continue
        candidates = english_by_key.get(child.key())
        if not candidates:
            return None
        child.xid = next((c.xid for c in candidates if c.xid not in used), candidates[0].xid)
        used.add(child.xid)
        if _matched(child, english_by_key, used) is None:
            return None
    return node


def _read_inline(element, namespace, tags, unit_id, as_html):
    """The text of a <target>: HTML rebuilt from the English tags its codes name (`as_html`), or plain text
    (no codes allowed). <mrk> markers that tools add are unwrapped."""
    escape = (lambda text: html.escape(text, quote=False)) if as_html else (lambda text: text)
    out = [escape(element.text or "")]
    for child in element:
        if isinstance(child.tag, str):
            qname = etree.QName(child)
            name = qname.localname if qname.namespace == namespace else qname.text
            node = tags.get(child.get("id"))
            if name == "mrk":
                out.append(_read_inline(child, namespace, tags, unit_id, as_html))
            elif name in ("g", "x") and node is not None and node.void == (name == "x"):
                out.append(node.start())
                if name == "g":
                    out.append(_read_inline(child, namespace, tags, unit_id, as_html))
                    out.append(f"</{node.name}>")
            elif name in ("g", "x"):
                raise XliffError(
                    _('Unit “%(unit)s”: the code <%(code)s id="%(id)s"> is not in the English text.')
                    % {"unit": unit_id, "code": name, "id": child.get("id", "")}
                )
            else:
                raise XliffError(
                    _("Unit “%(unit)s”: <%(element)s> is not allowed in a translation.")
                    % {"unit": unit_id, "element": name}
                )
        out.append(escape(child.tail or ""))
    return "".join(out)


# --- What a page has to translate ---------------------------------------------------------------------------


@dataclass
class Unit:
    """One text to translate: its English, the target language's text (None when empty) and where it goes."""

    id: str
    label: str
    rich: bool
    source: str
    target: str | None
    path: tuple = ()  # inside a StreamField's raw data; () for a whole field


@dataclass
class Field:
    """A translated field of the page or of one of its rows, and its units."""

    key: str  # `summary`, `body`, `commitments.0.text`
    obj: object
    name: str
    label: str
    stream_block: object = None
    english_raw: list = None
    units: list = field(default_factory=list)


def _stream_leaves(block, value, existing, path, label):
    """(path, label, block, English value, existing value) of each text-bearing leaf below `block`."""
    if isinstance(block, blocks.StreamBlock):
        existing = existing if isinstance(existing, list) else []
        for index, item in enumerate(value or []):
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is None:
                continue
            other = existing[index] if index < len(existing) else None
            other = other.get("value") if isinstance(other, dict) and other.get("type") == item["type"] else None
            yield from _stream_leaves(child, item.get("value"), other, (*path, index, "value"), [*label, child.label])
    elif isinstance(block, blocks.ListBlock):
        existing = existing if isinstance(existing, list) else []
        for index, item in enumerate(value or []):
            other = existing[index] if index < len(existing) else None
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                other = other.get("value") if isinstance(other, dict) else None
                item_value, item_path = item["value"], (*path, index, "value")
            else:
                item_value, item_path = item, (*path, index)
            yield from _stream_leaves(block.child_block, item_value, other, item_path, [*label, str(index + 1)])
    elif isinstance(block, blocks.StructBlock):
        existing = existing if isinstance(existing, dict) else {}
        for name, child in block.child_blocks.items():
            if isinstance(value, dict) and name in value:
                yield from _stream_leaves(child, value[name], existing.get(name), (*path, name), [*label, child.label])
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)):
        if isinstance(value, str):
            yield path, label, block, value, existing if isinstance(existing, str) else None


def _filled(text, rich):
    if not text:
        return False
    return _has_text(_html_tree(text)[0]) if rich else bool(text.strip())


def _unit(unit_id, label, rich, source, target, path=()):
    return Unit(unit_id, label, rich, source, target if _filled(target, rich) else None, path)


def _field(obj, name, language, key, label):
    english = obj._meta.get_field(build_localized_fieldname(name, ENGLISH))
    found = Field(key=key, obj=obj, name=name, label=label)
    if isinstance(english, StreamField):
        found.stream_block = english.stream_block
        found.english_raw = english.stream_block.get_prep_value(english.value_from_object(obj)) or []
        other = obj._meta.get_field(build_localized_fieldname(name, language))
        existing = other.stream_block.get_prep_value(other.value_from_object(obj)) or []
        leaves = _stream_leaves(english.stream_block, found.english_raw, existing, (), [label])
        for path, labels, block, value, target in leaves:
            rich = isinstance(block, blocks.RichTextBlock)
            if _filled(value, rich):
                unit_id = ".".join(str(part) for part in (key, *path))
                found.units.append(_unit(unit_id, " › ".join(str(p) for p in labels), rich, value, target, path))
    else:
        value = english.value_from_object(obj)
        if value is not None and not isinstance(value, str):
            return found
        rich = isinstance(english, RichTextField)
        if _filled(value, rich):
            target = getattr(obj, build_localized_fieldname(name, language), None)
            found.units.append(_unit(key, label, rich, value, target if isinstance(target, str) else None))
    return found


def _in_form_order(model):
    """The model's translated field names in the order of its fields (title first), not alphabetical."""
    order = {f.name: index for index, f in enumerate(model._meta.get_fields())}
    return sorted(translated_fields(model), key=lambda name: order.get(name, len(order)))


def fields(obj, language):
    """The translated fields of `obj` (a page as of its latest revision) and of its inline rows, with the
    units each has to translate into `language`; the rows' keys are `relation.index.field`."""
    found = []
    for name in _in_form_order(type(obj)):
        found.append(_field(obj, name, language, name, str(capfirst(obj._meta.get_field(name).verbose_name))))
    for relation, model in translated_relations(type(obj)):
        row_label = str(capfirst(model._meta.verbose_name))
        for index, row in enumerate(getattr(obj, relation).all()):
            for name in _in_form_order(model):
                label = f"{row_label} {index + 1} › {capfirst(model._meta.get_field(name).verbose_name)}"
                found.append(_field(row, name, language, f"{relation}.{index}.{name}", label))
    return [f for f in found if f.units]


def units(obj, language):
    return [unit for f in fields(obj, language) for unit in f.units]


# --- The file -----------------------------------------------------------------------------------------------


class _Unit(toolkit_xliff.Xliff1Unit):
    namespace = XLIFF_NS


class XliffFile(toolkit_xliff.Xliff1File):
    """translate-toolkit's XLIFF store, writing version 1.2 with this site's namespace declared."""

    UnitClass = _Unit
    namespace = XLIFF_NS
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version="1.2" xmlns="{XLIFF_NS}" xmlns:wimn="{WIMN_NS}">
<file original="NoName" source-language="en" datatype="plaintext">
<body>
</body>
</file>
</xliff>"""


def _language_node(purpose, content, rich):
    """A <source> or <target>: plain text, or a rich text tree (None: empty)."""
    node = etree.Element(f"{{{XLIFF_NS}}}{purpose}")
    if rich and content is not None:
        _write_inline(node, content.children)
    elif content:
        node.text = valid_chars_only(content)
    return node


def _add_unit(store, unit):
    trans_unit = _Unit("")
    trans_unit.setid(unit.id)
    trans_unit.xmlelement.set("resname", unit.id)
    trans_unit.xmlelement.set("datatype", "html" if unit.rich else "plaintext")
    if unit.rich:
        english, tags = _html_tree(unit.source)
        by_key = {}
        for tag in tags.values():
            by_key.setdefault(tag.key(), []).append(tag)
        existing = _matched(_html_tree(unit.target)[0], by_key) if unit.target else None
        source = english
    else:
        source, existing = unit.source, unit.target
    trans_unit.source_dom = _language_node("source", source, unit.rich)
    target = _language_node("target", existing, unit.rich)
    target.set("state", "translated" if existing is not None else "needs-translation")
    trans_unit.xmlelement.append(target)
    if unit.target and existing is None:
        # The current translation's markup differs from the English: offer its text as a suggestion.
        trans_unit.addalttrans(_plain(unit.target), origin="wimn-current")
    trans_unit.addnote(unit.label, origin=ORIGIN)
    if unit.rich:
        links = [f"{tag.xid} = {_link_target(tag)}" for tag in tags.values() if tag.name == "a"]
        if links:
            trans_unit.addnote(f"Links (code = where it leads): {'; '.join(links)}", origin=ORIGIN)
    store.addunit(trans_unit)


def _link_target(tag):
    attrs = dict(tag.attrs)
    if attrs.get("href"):
        return attrs["href"]
    return f"{attrs.get('linktype', 'link')} {attrs.get('id', '')}".strip()


def _plain(rich_html):
    def text(node):
        return "".join(child if isinstance(child, str) else text(child) for child in node.children)

    return text(_html_tree(rich_html)[0])


def export_page(page, language, now=None):
    """The XLIFF file (bytes) of `page`'s English as of its latest revision, for translation into `language`."""
    obj = page.get_latest_revision_as_object()
    now = now or timezone.now()
    source_fingerprint = fingerprint(obj, ENGLISH)
    store = XliffFile(sourcelanguage=ENGLISH, targetlanguage=language)
    file_node = next(store.document.getroot().iterchildren(f"{{{XLIFF_NS}}}file"))
    file_node.set("original", f"wimn-page-{obj.pk}")
    file_node.set("datatype", "x-wagtail-page")
    file_node.set("date", now.isoformat(timespec="seconds"))
    file_node.set("tool-id", ORIGIN)
    file_node.set(f"{{{WIMN_NS}}}page-id", str(obj.pk))
    file_node.set(f"{{{WIMN_NS}}}content-type", obj._meta.label_lower)
    file_node.set(f"{{{WIMN_NS}}}source-fingerprint", source_fingerprint)
    header = etree.Element(f"{{{XLIFF_NS}}}header")
    file_node.insert(0, header)
    etree.SubElement(header, f"{{{XLIFF_NS}}}tool", {"tool-id": ORIGIN, "tool-name": "WIMN website"})
    for text in (
        f"Page: {obj.title} (id {obj.pk}, {obj._meta.label_lower})",
        f"Translate from English into {language_name(language)} ({language}).",
        f"English source fingerprint: {source_fingerprint}",
        "Keep the inline codes (<g>, <x>): they are the links and formatting of the English.",
    ):
        note = etree.SubElement(header, f"{{{XLIFF_NS}}}note", {"from": ORIGIN})
        note.text = valid_chars_only(text)
    for unit in units(obj, language):
        _add_unit(store, unit)
    return bytes(store)


def filename(page, language):
    return f"{slugify(page.slug or page.title)[:60] or 'page'}-{page.pk}-{language}.xlf"


# --- Reading a file back ------------------------------------------------------------------------------------


class _Doctype(Exception):
    pass


class _Root(Exception):
    pass


def _refuse_dtd(data):
    """Stop at the first DTD or entity declaration, before any parser could expand one (billion laughs, XXE)."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def doctype(*args):
        raise _Doctype

    def root(*args):
        raise _Root

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        parser.Parse(data, True)
    except _Doctype:
        raise XliffError(
            _("The file declares a DTD or entities, which an XLIFF file never needs: it is refused.")
        ) from None
    except _Root:
        return
    except expat.ExpatError as error:
        raise XliffError(_("The file is not well-formed XML (%(error)s).") % {"error": error}) from error
    raise XliffError(_("The file is empty or not XML."))


def _parse(data):
    if len(data) > max_bytes():
        raise XliffError(_("The file is larger than %(limit)s.") % {"limit": filesizeformat(max_bytes())})
    _refuse_dtd(data)
    try:
        store = XliffFile.parsestring(data)
    except etree.XMLSyntaxError as error:
        raise XliffError(_("The file is not well-formed XML (%(error)s).") % {"error": error}) from error
    except (ValueError, AssertionError, StopIteration, TypeError):
        store = None
    root = store.document.getroot() if store is not None else None
    if root is None or etree.QName(root).namespace not in ACCEPTED_NAMESPACES or etree.QName(root).localname != "xliff":
        raise XliffError(_("The file is not an XLIFF 1.2 file."))
    files = list(root.iterchildren(f"{{{store.namespace}}}file"))
    if len(files) != 1:
        raise XliffError(
            _("The file should describe one page: it has %(count)s <file> elements.") % {"count": len(files)}
        )
    return store, files[0]


def _check_header(file_node, obj, language):
    page_id = file_node.get(f"{{{WIMN_NS}}}page-id")
    if page_id is None:
        raise XliffError(_("This file was not exported from this site (it names no page)."))
    if page_id != str(obj.pk):
        raise XliffError(_("This file is for another page (page %(id)s), not this one.") % {"id": page_id})
    content_type = file_node.get(f"{{{WIMN_NS}}}content-type")
    if content_type != obj._meta.label_lower:
        raise XliffError(
            _("This file is for a page of another type (%(type)s), not a %(expected)s.")
            % {"type": content_type, "expected": obj._meta.verbose_name}
        )
    file_language = file_node.get("target-language") or ""
    if file_language.lower().replace("_", "-").split("-")[0] != language:
        raise XliffError(
            _("This file is a translation into %(file_language)s, not %(language)s.")
            % {"file_language": language_name(file_language) or "?", "language": language_name(language)}
        )
    if file_node.get(f"{{{WIMN_NS}}}source-fingerprint") != fingerprint(obj, ENGLISH):
        raise XliffError(
            _(
                "The English of this page changed after this file was exported (%(date)s). Export a new file, "
                "bring your translations over (a translation memory does it) and upload that one."
            )
            % {"date": file_node.get("date") or "?"}
        )


def _translations(store, expected):
    """{unit id: translated text} of the units with a non-empty target (HTML for rich text units)."""
    seen, found, strangers = set(), {}, []
    for trans_unit in store.units:
        unit_id = trans_unit.xmlelement.get("id") or ""
        if unit_id in seen:
            raise XliffError(_("The file has the unit “%(unit)s” twice.") % {"unit": unit_id})
        seen.add(unit_id)
        unit = expected.get(unit_id)
        if unit is None:
            strangers.append(unit_id)
            continue
        target = trans_unit.get_target_dom()
        if target is None:
            continue
        tags = _html_tree(unit.source)[1] if unit.rich else {}
        text = _read_inline(target, store.namespace, tags, unit_id, unit.rich)
        if _filled(text, unit.rich):
            found[unit_id] = text
    if strangers:
        raise XliffError(
            _("The file has units that do not belong to this page: %(units)s.")
            % {"units": ", ".join(f"“{s}”" for s in strangers[:5]) + (" …" if len(strangers) > 5 else "")}
        )
    return found


def _set_path(raw, path, value):
    container = raw
    for part in path[:-1]:
        container = container[part]
    container[path[-1]] = value


@dataclass
class ImportResult:
    revision: object
    translated: list  # labels of the fields filled
    untranslated: list  # labels of the fields left as they were (some unit without translation)


@transaction.atomic
def import_translation(page, language, data, user):
    """Fill `language` from an XLIFF file as a new draft revision of `page` (never published); XliffError, with
    nothing changed, when the file does not fit. A field is filled only when all its units are translated."""
    if language not in dict(target_languages()):
        raise XliffError(_("Choose the language of the translation."))
    store, file_node = _parse(data)
    # One import at a time per page: the second reads the draft the first saved.
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    obj = page.get_latest_revision_as_object()
    for relation, _model in translated_relations(type(obj)):
        # Hold the rows in memory, so that what is changed on them is what the revision serialises.
        getattr(obj, relation).get_object_list()
    _check_header(file_node, obj, language)
    page_fields = fields(obj, language)
    expected = {unit.id: unit for f in page_fields for unit in f.units}
    found = _translations(store, expected)
    if not found:
        raise XliffError(_("The file has no translated units."))
    translated, untranslated = [], []
    for f in page_fields:
        if not all(unit.id in found for unit in f.units):
            untranslated.append(f.label)
            continue
        localized = build_localized_fieldname(f.name, language)
        if f.stream_block is not None:
            raw = copy.deepcopy(f.english_raw)
            for unit in f.units:
                _set_path(raw, unit.path, found[unit.id])
            setattr(f.obj, localized, f.stream_block.to_python(raw))
        else:
            setattr(f.obj, localized, found[f.units[0].id])
        translated.append(f.label)
    if not translated:
        raise XliffError(
            _("No field is translated in full, so nothing was saved. Not translated: %(fields)s.")
            % {"fields": ", ".join(untranslated)}
        )
    try:
        revision = obj.save_revision(user=user, log_action=True)
    except ValidationError as error:
        raise XliffError(
            _("The translation could not be saved: %(errors)s") % {"errors": " ".join(error.messages)}
        ) from error
    return ImportResult(revision, translated, untranslated)
