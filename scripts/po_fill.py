"""Fill empty msgstr entries of LOCALE_DIR/{es,pt,fr}/LC_MESSAGES/django.po from a JSON mapping on stdin.

    {"Page not found": {"es": "Página no encontrada", "pt": "...", "fr": "..."}, ...}

Entries already translated are left alone unless --force. Expects files made with makemessages --no-wrap.
"""

import json
import re
import sys
from pathlib import Path


def escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


PO_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def unescape(text):
    """The msgid as written in the .po file (UTF-8, C escapes) back to its text; any character may appear."""
    return re.sub(r"\\(.)", lambda m: PO_ESCAPES.get(m.group(1), m.group(0)), text)


def fill(po_path, language, mapping, force=False):
    lines = po_path.read_text(encoding="utf-8").splitlines()
    out, i, filled = [], 0, 0
    while i < len(lines):
        line = lines[i]
        match = re.match(r'^msgid "(.*)"$', line)
        if match and i + 1 < len(lines) and lines[i + 1].startswith("msgstr "):
            msgid = unescape(match.group(1))
            out.append(line)
            current = lines[i + 1]
            wanted = mapping.get(msgid, {}).get(language)
            if wanted and (force or current == 'msgstr ""'):
                out.append(f'msgstr "{escape(wanted)}"')
                filled += 1
                # drop a stale "fuzzy" flag just above this entry
                for back in range(len(out) - 3, max(len(out) - 6, -1), -1):
                    if out[back].startswith("#,") and "fuzzy" in out[back]:
                        flags = [f.strip() for f in out[back][2:].split(",") if f.strip() != "fuzzy"]
                        out[back] = "#, " + ", ".join(flags) if flags else "#"
            else:
                out.append(current)
            i += 2
            continue
        out.append(line)
        i += 1
    po_path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return filled


def main():
    locale_dir = Path(sys.argv[1])
    force = "--force" in sys.argv
    mapping = json.load(sys.stdin)
    for language in ("es", "pt", "fr"):
        po = locale_dir / language / "LC_MESSAGES" / "django.po"
        print(po, fill(po, language, mapping, force))


if __name__ == "__main__":
    main()
