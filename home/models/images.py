"""The image model: alt text comes from the description, never from a file name."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class InstitutionImage(AbstractImage):
    """An image in an institution's collection.

    Wagtail falls back to the image *title* (often a camera file name such as ``IMG_2024``) as
    alt text. Here the default alt text is the editor-written description or nothing, so a
    missing description stays visible as missing instead of being papered over.
    """

    admin_form_fields = (*Image.admin_form_fields,)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    @property
    def default_alt_text(self) -> str:
        return (self.description or "").strip()


class InstitutionRendition(AbstractRendition):
    image = models.ForeignKey(InstitutionImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
