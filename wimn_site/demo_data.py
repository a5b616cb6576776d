"""The demo content as data: one YAML file per app, read here and built by the app's own builder.

An app registers under the ``wimn_demo`` hook (wimn_site.registry) a `DemoData(order, file, build)`: the path
of its YAML file (relative to the repository) and the dotted path of `build(home, data, examples)`, which
creates its pages and snippets with the app's factories from `data` (a `Node`). The core imports no app.

A `Node` wraps a value read from the file with the key path that leads to it, so any bad value raises a
`DemoDataError` naming the file and the key: ``events/demo.yaml: events[3].starts: 'next tuesday' is not a
date``. Translated texts sit side by side (``title: {en: ..., es: ..., pt: ..., fr: ...}``); a date is
``"2022-05-17 13:15"`` or relative to the day of loading, ``"+12 days 15:00"``, in the item's time zone.

Items the network's record (shared/seeds) does not hold carry ``example: true``; `load_demo --no-examples`
leaves them out, and the apps label them "Example" in the admin.

A value the seeds do not state inside an item they do hold (an op-ed's date and address, a pledge's statuses) is
listed by its key under the item's ``examples``; the builder reads it with `item.field(key, examples)`, which
with examples off gives the item's ``without_examples`` value for that key (a fallback the seeds support) or
nothing (the field stays blank)::

    - slug: op-ed-climate-migrants
      date: 2022-05-17
      url: https://www.opendemocracy.net/en/what-should-the-world-do-about-climate-migrants/
      examples: [date, url]
      without_examples: {date: 2022-05-20, url: "https://www.opendemocracy.net/"}
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

import yaml

from django.conf import settings
from django.utils import timezone

from .factories import rich

LANGUAGES = ("en", "es", "pt", "fr")
RELATIVE = re.compile(r"^\+(\d+) days? (\d{1,2}):(\d{2})$")
ABSOLUTE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?: (\d{1,2}):(\d{2}))?$")


class DemoDataError(ValueError):
    """A value of a demo data file that cannot be used, with the file and the key path it sits at."""


@dataclass(frozen=True)
class DemoData:
    """What an app registers: when it loads, its data file, and the function that builds it."""

    order: int
    file: str
    build: str  # dotted path of build(home, data: Node, examples: bool)


class Node:
    """A value of a demo data file, with the file and key path it was read from."""

    def __init__(self, value, file, path=""):
        self.value = value
        self.file = file
        self.path = path

    def error(self, what):
        return DemoDataError(f"{self.file}: {self.path or '(top)'}: {self.value!r} is not {what}")

    def _child(self, key):
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def __getitem__(self, key):
        if isinstance(key, int):
            if not isinstance(self.value, list):
                raise self.error("a list")
            if not -len(self.value) <= key < len(self.value):
                raise DemoDataError(f"{self.file}: {self._child(key)}: missing")
            return Node(self.value[key], self.file, self._child(key))
        if not isinstance(self.value, dict):
            raise self.error("a mapping")
        if key not in self.value:
            raise DemoDataError(f"{self.file}: {self._child(key)}: missing")
        return Node(self.value[key], self.file, self._child(key))

    def get(self, key, default=None):
        if not isinstance(self.value, dict):
            raise self.error("a mapping")
        return Node(self.value.get(key, default), self.file, self._child(key))

    def __contains__(self, key):
        return isinstance(self.value, dict) and key in self.value

    def items(self):
        """The entries of a list, each a Node."""
        if self.value is None:
            return []
        if not isinstance(self.value, list):
            raise self.error("a list")
        return [Node(value, self.file, self._child(i)) for i, value in enumerate(self.value)]

    def text(self, blank=True):
        if self.value is None and blank:
            return ""
        if not isinstance(self.value, str) or (not blank and not self.value.strip()):
            raise self.error("a text")
        return self.value

    def flag(self):
        if self.value is None:
            return False
        if not isinstance(self.value, bool):
            raise self.error("true or false")
        return self.value

    def translated(self, required=("en",)):
        """{en: ..., es: ..., pt: ..., fr: ...} (a plain text counts as English only); missing languages are ''."""
        value = {"en": self.value} if isinstance(self.value, str) else self.value
        if value is None:
            value = {}
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self.error("a text per language")
        unknown = set(value) - set(LANGUAGES)
        if unknown:
            raise self.error(f"a text per language ({', '.join(LANGUAGES)}; not {', '.join(sorted(unknown))})")
        for code in required:
            if not value.get(code, "").strip():
                raise DemoDataError(f"{self.file}: {self._child(code)}: missing")
        return {code: value.get(code, "") for code in LANGUAGES}

    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.text(blank=False))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise self.error("a time zone") from None

    def datetime(self, zone, today=None):
        """An aware datetime in `zone`: "2022-05-17 13:15", or "+12 days 15:00" from `today` (the zone's today)."""
        if isinstance(self.value, datetime.datetime):
            return self.value if timezone.is_aware(self.value) else self.value.replace(tzinfo=zone)
        expected = 'a date ("2022-05-17 13:15", or "+12 days 15:00" from today)'
        if not isinstance(self.value, str):
            raise self.error(expected)
        text = self.value.strip()
        relative = RELATIVE.match(text)
        try:
            if relative:
                days, hour, minute = (int(part) for part in relative.groups())
                if today is None:
                    today = timezone.now().astimezone(zone).date()
                day = today + datetime.timedelta(days=days)
                return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
            absolute = ABSOLUTE.match(text)
            if absolute:
                year, month, day, hour, minute = (int(part or 0) for part in absolute.groups())
                return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)
        except ValueError:
            pass
        raise self.error(expected)

    def date(self, blank=True):
        """A date, "2022-05-17" (or nothing, when `blank` allows it)."""
        if self.value is None and blank:
            return None
        if isinstance(self.value, datetime.date) and not isinstance(self.value, datetime.datetime):
            return self.value
        try:
            return datetime.date.fromisoformat(self.value)
        except (TypeError, ValueError):
            raise self.error('a date ("2022-05-17")') from None

    def number(self, blank=True):
        if self.value is None and blank:
            return None
        if not isinstance(self.value, int) or isinstance(self.value, bool):
            raise self.error("a number")
        return self.value

    def example_fields(self):
        """The keys this item lists under ``examples``: its values the seeds do not state."""
        if not isinstance(self.value, dict):
            return set()
        names = set()
        for name in self.get("examples").items():
            key = name.text(blank=False)
            if key not in self.value:
                raise name.error("a key of the item")
            names.add(key)
        return names

    def field(self, key, examples=True):
        """The item's `key`; with `examples` off, a key listed under ``examples`` gives its ``without_examples``
        value, or nothing (None, read as blank)."""
        if examples or key not in self.example_fields():
            return self.get(key)
        fallbacks = self.get("without_examples", {})
        if not isinstance(fallbacks.value, dict):
            raise fallbacks.error("a mapping")
        if key in fallbacks:
            return fallbacks[key]
        return Node(None, self.file, self._child(key))

    def is_example(self):
        return (
            isinstance(self.value, dict) and Node(self.value.get("example"), self.file, self._child("example")).flag()
        )


def read(file, base=None):
    """The root Node of the YAML file `file` (a path relative to the repository, or absolute)."""
    path = Path(base or settings.BASE_DIR) / file
    try:
        with open(path, encoding="utf-8") as handle:
            value = yaml.safe_load(handle)
    except yaml.YAMLError as error:
        raise DemoDataError(f"{file}: not readable YAML: {error}") from None
    return Node(value, file)


def bodies(node):
    """A rich-text body per language from ``{en: [paragraph, ...], es: [...]}`` (nothing: no body)."""
    if node.value is None:
        return {}
    if not isinstance(node.value, dict):
        raise node.error("paragraphs per language")
    return {code: rich(*(p.text(blank=False) for p in node[code].items())) for code in node.value}


def included(items, examples):
    """The entries of a list node, without those marked `example: true` when `examples` is False."""
    return [item for item in items.items() if examples or not item.is_example()]
