"""Admin URLs of ``accessibility`` (mounted under ``/admin/accessibility/``)."""

from django.urls import path

from accessibility import views

app_name = "accessibility"
urlpatterns = [
    path("pages/<int:page_id>/language/", views.language_advice, name="language"),
    path("report/", views.AccessibilityReportView.as_view(), name="report"),
    path(
        "report/results/",
        views.AccessibilityReportView.as_view(results_only=True),
        name="report_results",
    ),
]
