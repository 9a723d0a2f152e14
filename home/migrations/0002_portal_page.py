"""Replace Wagtail's 'Welcome' page with the operator's portal page on the default site."""

from django.db import migrations


def create_portal(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    PortalPage = apps.get_model("home.PortalPage")

    welcome = Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore")
    if not welcome.exists():
        return
    path = welcome.get().path
    welcome.delete()
    content_type, _ = ContentType.objects.get_or_create(model="portalpage", app_label="home")
    portal = PortalPage.objects.create(
        title="Portal Publikasi Instansi",
        draft_title="Portal Publikasi Instansi",
        slug="portal",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/portal/",
        locale=Locale.objects.first(),
        live=True,
        intro="Situs web instansi pemerintah yang dikelola pada platform ini.",
    )
    Site.objects.create(
        hostname="localhost", port=80, root_page=portal, is_default_site=True,
        site_name="Portal Publikasi Instansi",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_portal, migrations.RunPython.noop)]
