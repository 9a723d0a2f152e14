"""Point the stored ``publish_scheduled`` schedule at ``cms.tasks.publish_scheduled``.

django-q2 keeps each schedule's function path in its ``Schedule`` row; ``ensure_schedules``
rewrites the rows after every ``migrate`` as well, this migration makes the change part of the
migration history (and reversible).
"""

from django.db import migrations

OLD = ("django.core.management.call_command", "'publish_scheduled'")
NEW = ("cms.tasks.publish_scheduled", "")


def _repoint(apps, old: tuple[str, str], new: tuple[str, str]) -> None:
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name="publish_scheduled", func=old[0], args=old[1]).update(
        func=new[0], args=new[1]
    )


def forwards(apps, schema_editor) -> None:
    _repoint(apps, OLD, NEW)


def backwards(apps, schema_editor) -> None:
    _repoint(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more")]

    operations = [migrations.RunPython(forwards, backwards)]
