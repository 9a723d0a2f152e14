from django.db import migrations, models


def create_the_row(apps, schema_editor):
    apps.get_model("home", "SiteListVersion").objects.get_or_create(pk=1, defaults={"stamp": 1})


class Migration(migrations.Migration):
    dependencies = [("home", "0005_institution_hierarchy")]

    operations = [
        migrations.CreateModel(
            name="SiteListVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("stamp", models.BigIntegerField(default=0, verbose_name="stamp")),
                ("changed_at", models.DateTimeField(auto_now=True, verbose_name="changed at")),
            ],
            options={
                "verbose_name": "site list version",
                "verbose_name_plural": "site list versions",
            },
        ),
        migrations.RunPython(create_the_row, migrations.RunPython.noop),
    ]
