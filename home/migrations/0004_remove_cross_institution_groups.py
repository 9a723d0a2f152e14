"""Wagtail's default *Editors* and *Moderators* groups span every institution.

They hold add/change/publish on the tree's root page (every institution's pages) and on the
root collection (every institution's media), and the user forms offer them beside the
institution roles: one wrong tick gives a kelurahan clerk every institution's pages.

An empty group is deleted. A group somebody is still in keeps its name and members but loses
every permission: deleting it would silently drop those memberships, while an empty-handed
group shows operators whom to move to an institution role (and the system check
``home.E002`` no longer finds it).
"""

from django.db import migrations

DEFAULT_GROUPS = ("Editors", "Moderators")


def remove_cross_institution_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for group in Group.objects.filter(name__in=DEFAULT_GROUPS, institution_role__isnull=True):
        if group.user_set.exists():
            GroupPagePermission.objects.filter(group=group).delete()
            GroupCollectionPermission.objects.filter(group=group).delete()
            group.permissions.clear()
        else:
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_brand_colour"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(remove_cross_institution_groups, migrations.RunPython.noop),
    ]
