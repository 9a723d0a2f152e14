"""django-q2 runs the platform's jobs in a real `qcluster` worker, on the configured broker."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_q.models import Schedule
from django_q.tasks import async_task

from cms.schedules import SCHEDULES
from home.models import NewsPage
from tests.worker import wait_until


@pytest.mark.django_db
def test_scheduled_publishing_is_a_django_q_schedule():
    schedule = Schedule.objects.get(name="publish_scheduled")

    assert (schedule.func, schedule.args) == SCHEDULES["publish_scheduled"][:2]
    assert schedule.schedule_type == Schedule.MINUTES
    assert schedule.repeats == -1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_worker_publishes_a_page_whose_go_live_time_has_come(qcluster, bantul):  # noqa: F811
    page = bantul.news("Pengumuman jadwal pelayanan KTP", publish=False)
    revision = page.save_revision()
    page.go_live_at = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = page.go_live_at.isoformat()
    revision.approved_go_live_at = page.go_live_at
    revision.save()

    async_task(SCHEDULES["publish_scheduled"][0])

    assert wait_until(lambda: NewsPage.objects.get(pk=page.pk).live, timeout=60)


@pytest.mark.django_db
def test_jobs_queued_by_earlier_releases_still_find_their_function():
    import pydoc

    from sop_workflow import tasks

    # How a django-q2 worker finds the function a queued job names.
    assert pydoc.locate("sop_workflow.dispositions.notify_assignees") is (
        tasks.notify_disposition_assignees
    )
    assert pydoc.locate("sop_workflow.notifications.send_task_submitted_email") is (
        tasks.send_task_submitted_email
    )
