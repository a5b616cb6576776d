"""Whether a file's content is what its extension says: the first bytes of each allowed document type.

The extension allow-list (WAGTAILDOCS_EXTENSIONS) trusts the name, so an HTML page, a script or a
program renamed `statement.pdf` would otherwise be stored and offered to visitors as the network's
statement. Each extension is checked against the format it names:

* pdf: `%PDF-`; doc: the OLE compound-file header; rtf: `{\\rtf`;
* docx, xlsx, pptx: a zip holding `[Content_Types].xml` and the main folder of that Office format;
* odt, ods, odp: a zip whose `mimetype` entry names that OpenDocument format;
* txt, csv: text, in any 8-bit encoding or UTF-16 with its byte-order mark: no NUL or other control
  character than tab, line and page breaks in the first 8 KB.

Only the head of the file and a zip's directory are read, never a whole file.
"""

import os
import re
import zipfile

HEAD_BYTES = 8192
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
CHECKED_EXTENSIONS = {"pdf", "doc", "rtf", "txt", "csv", *OOXML_FOLDERS, *OPENDOCUMENT_TYPES}


def extension_of(name):
    return os.path.splitext(name or "")[1].lstrip(".").lower()


def _is_text(head):
    if head.startswith(UTF16_MARKS):
        data = head[: len(head) // 2 * 2]
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return False
        return not BINARY_BYTES.search(text.encode("utf-8"))
    return not BINARY_BYTES.search(head)


def _zip_matches(file, extension):
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if extension in OOXML_FOLDERS:
                folder = OOXML_FOLDERS[extension]
                return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)
            if "mimetype" not in names:
                return False
            with archive.open("mimetype") as entry:
                return entry.read(100).strip() == OPENDOCUMENT_TYPES[extension]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        return False  # not a zip, or one Python cannot read (encrypted, unknown compression)


def content_matches(file, extension):
    """True when the open, seekable `file` holds the format that `extension` names (or an unchecked one)."""
    file.seek(0)
    try:
        head = file.read(HEAD_BYTES)
        if extension == "pdf":
            return head.startswith(b"%PDF-")
        if extension == "doc":
            return head.startswith(OLE)
        if extension == "rtf":
            return head.startswith(b"{\\rtf")
        if extension in ("txt", "csv"):
            return _is_text(head)
        if extension in OOXML_FOLDERS or extension in OPENDOCUMENT_TYPES:
            if not head.startswith(b"PK\x03\x04"):
                return False
            file.seek(0)
            return _zip_matches(file, extension)
        return True  # an extension this module does not know: the allow-list decides alone
    finally:
        file.seek(0)
