"""Admin hooks of ``sop_workflow``: its URLs and the dashboard panel of open SOP tasks."""

from django.urls import include, path
from wagtail import hooks

from sop_workflow import views
from sop_workflow.components import SopTasksPanel

app_name = "sop_workflow"
urlpatterns = [
    path("requirements/<int:task_state_id>/", views.requirements, name="requirements"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("sop/", include((urlpatterns, "sop_workflow"), namespace="sop_workflow"))]


@hooks.register("construct_homepage_panels")
def add_sop_tasks_panel(request, panels):
    panels.append(SopTasksPanel())
