"""Spreadsheet exports that cannot run formulas: the one helper every CSV/XLSX export uses.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
spreadsheet programs skip before looking for one) is read as a formula when the file is opened:
a page titled ``=HYPERLINK("http://…")`` becomes a live link in the leadership's report. Such
text is written with a leading apostrophe, as spreadsheet programs themselves do for text that
must stay text. Numbers, dates and empty values are left alone.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: Any) -> Any:
    """``value``, with text that a spreadsheet would run as a formula made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """Put in front of Wagtail's ``SpreadsheetExportMixin`` (``ReportView``, ``IndexView``):
    every exported cell, CSV and XLSX alike, goes through :func:`neutralise_formula`."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))
