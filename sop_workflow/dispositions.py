"""Old job path, kept for queued django-q2 jobs only: releases before the ``records/`` grouping
queued ``sop_workflow.dispositions.notify_assignees``. New code queues
``sop_workflow.tasks.notify_disposition_assignees``; remove this module one release later.
"""

from sop_workflow.tasks import notify_disposition_assignees as notify_assignees

__all__ = ["notify_assignees"]
