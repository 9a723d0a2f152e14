"""Spreadsheet exports that cannot run formulas: the one helper every CSV/XLSX export uses.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
spreadsheet programs skip before looking for one) is read as a formula when the file is opened:
a page titled ``=HYPERLINK("http://…")`` becomes a live link in the leadership's report. Such
text is written with a leading apostrophe, as spreadsheet programs themselves do for text that
must stay text. Numbers, dates and empty values are left alone.

Every export of the admin — Wagtail's reports and listings and the project's own (compliance,
accessibility) — is a ``SpreadsheetExportMixin``, whose cells pass through this helper
(patch 6 of :mod:`home.wagtail_patches`).
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: Any) -> Any:
    """``value``, with text that a spreadsheet would run as a formula made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
