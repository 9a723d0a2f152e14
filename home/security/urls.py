"""Routes of the second sign-in step, under /admin/signin/ (see cms/urls.py)."""

from django.urls import path

from home.security import views

urlpatterns = [
    path("", views.account, name="security_account"),
    path("verify/", views.verify, name="security_verify"),
    path("enrol/", views.enrol, name="security_enrol"),
    path("recovery-codes/", views.recovery_codes, name="security_recovery_codes"),
    path("new-codes/", views.regenerate_codes, name="security_regenerate_codes"),
    path("disable/", views.disable, name="security_disable"),
]
