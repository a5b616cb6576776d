"""Spreadsheet exports that are safe to open: no cell becomes a formula in the program that opens it.

Wagtail's SpreadsheetExportMixin writes CSV cells as they are, and in XLSX only keeps a value starting
with "=" from being stored as a formula. A visitor's name such as `=HYPERLINK("http://...")`, `@SUM(...)`
or one starting with +, -, a tab or a carriage return still runs as a formula when the CSV is opened in
Excel or LibreOffice, or when staff edit that XLSX cell or save the sheet as CSV. So every text cell that
starts with one of them gets a leading apostrophe (OWASP's advice for CSV injection), in both formats. XLSX
text also loses the control characters openpyxl refuses, which would otherwise break the whole export.
"""

import csv
import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.mixins import Echo

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A spreadsheet set to split on ";" (Spanish, Portuguese and French Excel) or on tabs starts a new cell
# after one, wherever it stands in the text.
CELL_BREAK = re.compile(r"[,;\t\r\n]\s*[=+\-@]")


def neutralise(value):
    """A text value that cannot start a formula, in this cell or in one a separator inside it opens."""
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS) or CELL_BREAK.search(value)):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """For views with Wagtail's SpreadsheetExportMixin: every exported cell, of every field and format, goes
    through `preprocess_field_value`, so this is the one place to make them safe."""

    def stream_csv(self, queryset):
        """Every CSV cell in quotes, so no separator inside a value ever splits it, whatever the spreadsheet's
        list separator is."""
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, quoting=csv.QUOTE_ALL)
        yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and export_format == self.FORMAT_XLSX:
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return neutralise(value)


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing of a ModelViewSet whose CSV and XLSX exports hold what visitors typed."""
