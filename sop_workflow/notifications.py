"""Old job path, kept for queued django-q2 jobs only: releases before the ``moderation/``
grouping queued ``sop_workflow.notifications.send_task_submitted_email``. New code queues
``sop_workflow.tasks.send_task_submitted_email``; remove this module one release later.
"""

from sop_workflow.tasks import send_task_submitted_email

__all__ = ["send_task_submitted_email"]
