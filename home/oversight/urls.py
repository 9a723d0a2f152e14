"""Admin URLs of the regional roll-up (mounted under ``/admin/oversight/``)."""

from django.urls import path

from home.oversight import views

app_name = "oversight"
urlpatterns = [
    path("", views.RollupView.as_view(), name="rollup"),
    path("results/", views.RollupView.as_view(results_only=True), name="rollup_results"),
    path("institutions/<int:site_id>/", views.institution_overview, name="institution"),
]
