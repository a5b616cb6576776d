"""Every interface string of the campaigns app is translated into Spanish, Portuguese and French."""

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "campaigns" / "locale"


def untranslated(po_path):
    """msgids whose msgstr (or one of whose plural forms) is empty, or that are marked fuzzy."""
    text = po_path.read_text(encoding="utf-8")
    missing = []
    for entry in text.split("\n\n")[1:]:  # the first block is the header
        msgid = re.search(r'^msgid "(.*)"$', entry, re.M)
        if not msgid:
            continue
        strings = re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', entry, re.M)
        if "#, fuzzy" in entry or any(s == "" for s in strings):
            missing.append(msgid.group(1))
    return missing


@pytest.mark.parametrize("language", ["es", "pt", "fr"])
def test_every_campaigns_string_is_translated(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    assert untranslated(po) == []
