"""Signals other apps may listen to (e.g. ``sop_workflow`` records the SOP step times)."""

from django.dispatch import Signal

#: A page's share round has ended and its link report went out: ``report``, ``page``.
#: ``report.created_at`` ends the upload step, ``report.sent_at`` the report step.
link_report_sent = Signal()
