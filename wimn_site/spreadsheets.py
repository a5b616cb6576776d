"""Spreadsheet exports that are safe to open: no cell becomes a formula in the program that opens it.

Wagtail's SpreadsheetExportMixin writes CSV cells as they are, and in XLSX only keeps a value starting
with "=" from being stored as a formula. A visitor's name such as `=HYPERLINK("http://...")`, `@SUM(...)`
or one starting with +, -, a tab or a carriage return still runs as a formula when the CSV is opened in
Excel or LibreOffice, or when staff edit that XLSX cell or save the sheet as CSV. So every text cell that
starts with one of them gets a leading apostrophe (OWASP's advice for CSV injection), in both formats. XLSX
text also loses the control characters openpyxl refuses, which would otherwise break the whole export.
"""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from wagtail.admin.views.generic import IndexView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text value that cannot start a formula; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """For views with Wagtail's SpreadsheetExportMixin: every exported cell, of every field and format, goes
    through `preprocess_field_value`, so this is the one place to make them safe."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and export_format == self.FORMAT_XLSX:
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return neutralise(value)


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing of a ModelViewSet whose CSV and XLSX exports hold what visitors typed."""
