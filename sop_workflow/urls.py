"""Admin URLs of ``sop_workflow`` (mounted under ``/admin/sop/`` by ``wagtail_hooks``)."""

from django.urls import path

from sop_workflow import views

app_name = "sop_workflow"
urlpatterns = [
    path("requirements/<int:task_state_id>/", views.requirements, name="requirements"),
    path("actions/<int:task_state_id>/", views.action_result, name="action_result"),
    path("agenda/<int:year>/", views.agenda_print, name="agenda_print"),
    path("agenda/<int:year>/pdf/", views.agenda_pdf, name="agenda_pdf"),
    path("archive/<int:record_id>/", views.archive_print, name="archive_print"),
    path("archive/<int:record_id>/pdf/", views.archive_pdf, name="archive_pdf"),
    path("document/", views.sop_index, name="sop_index"),
    path("document/<int:installed_id>/", views.sop_print, name="sop_print"),
    path("document/<int:installed_id>/pdf/", views.sop_pdf, name="sop_pdf"),
    path("follow-ups/<int:todo_id>/done/", views.follow_up_done, name="follow_up_done"),
    path("guide/", views.my_guide, name="my_guide"),
    path("guide/pdf/", views.my_guide_pdf, name="my_guide_pdf"),
    path(
        "reports/compliance/",
        views.ComplianceReportView.as_view(),
        name="compliance_report",
    ),
    path(
        "reports/compliance/results/",
        views.ComplianceReportView.as_view(results_only=True),
        name="compliance_report_results",
    ),
]
