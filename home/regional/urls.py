"""Admin URLs of regional offers (mounted under ``/admin/regional/``)."""

from django.urls import path

from home.regional import views

app_name = "regional"
urlpatterns = [
    path("offer/<int:page_id>/", views.offer_article, name="offer"),
    path("offers/<int:offer_id>/<int:site_id>/adopt/", views.adopt_offer, name="adopt"),
    path("offers/<int:offer_id>/<int:site_id>/decline/", views.decline_offer, name="decline"),
]
