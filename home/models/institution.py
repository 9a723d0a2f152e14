"""An institution is a tenant: a Wagtail ``Site`` with its settings, collection and role groups."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Collection, Site

from home.colours import brand_style, validate_brand_colour
from home.tenancy_content import InstitutionSettingsForm
from home.vocabulary import InstitutionType, institution_kind, may_be_parent

TIME_ZONE_CHOICES = [
    ("Asia/Jakarta", _("WIB (Asia/Jakarta)")),
    ("Asia/Makassar", _("WITA (Asia/Makassar)")),
    ("Asia/Jayapura", _("WIT (Asia/Jayapura)")),
]

DEFAULT_OFFICE_HOURS = {
    "mon": ["07:30", "16:00"],
    "tue": ["07:30", "16:00"],
    "wed": ["07:30", "16:00"],
    "thu": ["07:30", "16:00"],
    "fri": ["07:30", "14:30"],
}


def default_office_hours() -> dict[str, list[str]]:
    return {day: list(hours) for day, hours in DEFAULT_OFFICE_HOURS.items()}


def hierarchy_problem(site_id: int | None, institution_type: str, parent_id: int) -> str:
    """Why ``parent_id`` cannot sit above the institution (Indonesian), or '' when it can."""
    if parent_id == site_id:
        return _("An institution cannot be its own parent.")
    parent = InstitutionSettings.objects.filter(site_id=parent_id).first()
    if parent is None:
        return _("The parent must be an institution with a profile.")
    if not may_be_parent(parent.institution_type, institution_type):
        return _("A %(parent)s cannot be above a %(child)s.") % {
            "parent": institution_kind(parent.institution_type).label,
            "child": institution_kind(institution_type).label,
        }
    seen = {site_id}
    while parent is not None and parent.parent_id:
        if parent.parent_id in seen:
            return _("This parent would make a loop in the hierarchy.")
        seen.add(parent.site_id)
        parent = InstitutionSettings.objects.filter(site_id=parent.parent_id).first()
    return ""


@register_setting(icon="home")
class InstitutionSettings(BaseSiteSetting):
    """The profile of one institution, edited by its own administrators."""

    base_form_class = InstitutionSettingsForm  # the logo must be one of its own images

    official_name = models.CharField(_("official name"), max_length=255)
    short_name = models.CharField(
        _("short name"), max_length=80, blank=True, help_text=_("Shown in the site header.")
    )
    institution_type = models.CharField(
        _("institution type"), max_length=20, choices=InstitutionType.choices
    )
    parent = models.ForeignKey(
        Site,
        verbose_name=_("parent institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="child_institutions",
        help_text=_(
            "The institution directly above this one (a kalurahan's kapanewon, a kapanewon's "
            "kabupaten, a dinas's kabupaten). Set by operators."
        ),
    )
    parent_region = models.CharField(
        _("parent region"),
        max_length=255,
        blank=True,
        help_text=_("For example: Kabupaten Bantul, Daerah Istimewa Yogyakarta."),
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    logo = models.ForeignKey(
        "home.InstitutionImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#0B5A8A",
        validators=[validate_brand_colour],
        help_text=_("Header colour, as #RRGGBB; it must keep white text readable."),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=TIME_ZONE_CHOICES, default="Asia/Jakarta"
    )
    office_hours = models.JSONField(
        _("office hours"),
        default=default_office_hours,
        help_text=_(
            'Per weekday, for example {"mon": ["07:30", "16:00"]}; missing days are closed.'
        ),
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    x_url = models.URLField(_("X account"), blank=True)
    collection = models.ForeignKey(
        Collection,
        verbose_name=_("media collection"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("official_name"),
                FieldPanel("short_name"),
                FieldPanel("institution_type"),
                FieldPanel("parent", permission="superuser"),
                FieldPanel("parent_region"),
                FieldPanel("logo"),
                FieldPanel("brand_colour"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("time_zone"),
                FieldPanel("office_hours"),
            ],
            heading=_("Contact and office hours"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("x_url"),
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("institution profile")
        verbose_name_plural = _("institution profiles")

    def __str__(self) -> str:
        return self.official_name

    def clean(self) -> None:
        super().clean()
        if self.parent_id:
            problem = hierarchy_problem(self.site_id, self.institution_type, self.parent_id)
            if problem:
                raise ValidationError({"parent": problem})

    @property
    def display_name(self) -> str:
        return self.short_name or self.official_name

    @property
    def brand_style(self) -> str:
        """The inline stylesheet of the brand colour ('' without one); its CSP hash is sent."""
        return brand_style(self.brand_colour) if self.brand_colour else ""

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("X", self.x_url),
        ]
        return [(label, url) for label, url in links if url]


class InstitutionRole(models.Model):
    """One role of an institution's SOP (e.g. Panewu, Ketua PPID), backed by one auth group."""

    site = models.ForeignKey(
        Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="institution_roles"
    )
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="institution_role"
    )
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=255)
    is_admin = models.BooleanField(
        _("institution administrator"),
        default=False,
        help_text=_("Manages the institution profile and its connected channels."),
    )
    is_leadership = models.BooleanField(
        _("leadership"), default=False, help_text=_("May read the institution's reports.")
    )
    is_oversight = models.BooleanField(
        _("regional oversight"),
        default=False,
        help_text=_(
            "Reads, without editing, the roll-up of every institution below this one (its "
            "published work only, never drafts)."
        ),
    )

    class Meta:
        verbose_name = _("institution role")
        verbose_name_plural = _("institution roles")
        constraints = [
            models.UniqueConstraint(fields=["site", "key"], name="unique_role_key_per_site")
        ]
        ordering = ["site", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.site.hostname})"
