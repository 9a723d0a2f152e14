"""Staff pages: the administrator's (under /admin/staff/, registered by ``home.wagtail_hooks``)
and the public password link (``public_urlpatterns``, before Wagtail's admin in cms/urls.py)."""

from django.urls import path

from home.staff import views

urlpatterns = [
    path("invite/", views.invite, name="staff_invite"),
    path("<int:pk>/password-link/", views.password_link, name="staff_password_link"),
    path("<int:pk>/leave/", views.leave, name="staff_leave"),
]

public_urlpatterns = [
    path("<str:token>/", views.set_password, name="staff_set_password"),
]
