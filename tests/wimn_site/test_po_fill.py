"""scripts/po_fill.py, the helper that writes translations into the .po files."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "po_fill.py"
spec = importlib.util.spec_from_file_location("po_fill", SCRIPT)
po_fill = importlib.util.module_from_spec(spec)
spec.loader.exec_module(po_fill)

PO = """msgid ""
msgstr ""

#: a.py:1
msgid "Dates – from “start” to \\\\"end\\\\""
msgstr ""

#: a.py:2
#, fuzzy
msgid "Line\\\\none"
msgstr "Old"

#: a.py:3
msgid "Kept"
msgstr "Ya traducido"
"""


def test_fills_empty_entries_whatever_characters_the_msgid_holds(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(PO.replace("\\\\", "\\"), encoding="utf-8")
    mapping = {
        'Dates – from “start” to "end"': {"es": 'Fechas – de «inicio» a "fin"'},
        "Line\none": {"es": "Línea\nuno"},
        "Kept": {"es": "Otro"},
    }
    assert po_fill.fill(po, "es", mapping) == 1
    text = po.read_text(encoding="utf-8")
    assert 'msgstr "Fechas – de «inicio» a \\"fin\\""' in text
    assert 'msgstr "Old"' in text and 'msgstr "Ya traducido"' in text  # translated entries stay without --force

    assert po_fill.fill(po, "es", mapping, force=True) == 3
    text = po.read_text(encoding="utf-8")
    assert 'msgstr "Línea\\nuno"' in text and "fuzzy" not in text
