"""Admin forms: image uploads that reject corrupt files with a clear message."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class DecodableImageField(WagtailImageField):
    """Wagtail's image field, plus a full decode of the upload.

    Wagtail recognises an image by its header only: a file that starts like a PNG but is
    damaged passes that check and then crashes the upload with a server error. Decoding the
    pixels here turns that into the ordinary "not a valid image" form error.
    """

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
            f.image.get_pillow_image().load()
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - any decoder failure means a broken file
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc
        finally:
            if hasattr(f, "seek"):
                f.seek(0)


class InstitutionImageForm(BaseImageForm):
    """Base of the image add/edit forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``).

    The description is required: it is the image's default alt text (see
    ``InstitutionImage.default_alt_text``), offered wherever the image is placed and editable
    there. The one exception is the first step of a drag-and-drop multiple upload, which posts
    only the file, title and collection; the form for each uploaded image then asks for it.
    """

    file = DecodableImageField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields.get("description")
        if description is None or (self.is_bound and "description" not in self.data):
            return
        description.required = True
        description.help_text = _(
            "Describe what the image shows, in Indonesian, for blind readers. It is offered as "
            "the alt text wherever the image is used."
        )


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, with a translatable password label (Wagtail leaves it English)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
