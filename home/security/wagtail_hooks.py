"""The account page entry and the admin script that replaces Wagtail's inline widget scripts."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_step_verification_item(request) -> dict:
    return {
        "url": reverse("security_account"),
        "label": _("Two-step verification"),
        "help_text": _(
            "Sign in with a code from an authenticator app as well as your password, with "
            "recovery codes for when the phone is not at hand."
        ),
    }


@hooks.register("insert_global_admin_js")
def widget_initialiser() -> str:
    return format_html('<script src="{}"></script>', static("security/admin-widgets.js"))
