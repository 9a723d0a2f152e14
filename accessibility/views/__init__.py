"""Admin views of the accessibility app."""

from .language import language_advice
from .reports import AccessibilityReportView

__all__ = ["AccessibilityReportView", "language_advice"]
