"""Public URLs of ``accessibility`` (mounted under ``/alternatif/`` in ``cms/urls.py``)."""

from django.urls import path

from accessibility.views.versions import serve_version

urlpatterns = [
    path(
        "<int:page_id>/<slug:kind>/<str:filename>",
        serve_version,
        name="accessibility_version_file",
    ),
]
