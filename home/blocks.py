"""StreamField blocks of news and profile pages."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link", "image", "h3", "h4"]

VIDEO_EXTENSIONS = (".mp4", ".webm", ".ogv")
AUDIO_EXTENSIONS = (".mp3", ".ogg", ".opus", ".m4a", ".wav")
NARRATIVE_HELP = _(
    "A short narrative of what it shows: what, who, when, where, why and how (5W+1H)."
)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with Wagtail's own alt text / decorative choice, plus a visible caption."""

    image = ImageBlock(label=_("image"))
    # Wagtail's ImageBlock names its chooser "Image" (from the child's name, no msgid).
    image.child_blocks["image"].label = _("Image")
    caption = blocks.CharBlock(
        label=_("caption"), required=False, max_length=300, help_text=NARRATIVE_HELP
    )
    credit = blocks.CharBlock(label=_("photo credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "home/blocks/gallery.html"


class VideoBlock(blocks.StructBlock):
    """A video uploaded as a document or embedded, with captions and/or a transcript."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    file = DocumentChooserBlock(
        label=_("video file"), required=False, help_text=_("MP4 or WebM uploaded to the library.")
    )
    embed = EmbedBlock(
        label=_("embedded video"), required=False, help_text=_("e.g. a YouTube URL.")
    )
    captions = DocumentChooserBlock(
        label=_("captions (WebVTT)"), required=False, help_text=_("A .vtt subtitle file.")
    )
    caption = blocks.TextBlock(label=_("caption"), required=False, help_text=NARRATIVE_HELP)
    transcript = blocks.TextBlock(label=_("transcript"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "home/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("file")) == bool(value.get("embed")):
            errors["file"] = forms.ValidationError(
                _("Choose either an uploaded video file or an embedded video, not both.")
            )
        video = value.get("file")
        if video and not video.file.name.lower().endswith(VIDEO_EXTENSIONS):
            errors["file"] = forms.ValidationError(_("The video file must be MP4, WebM or OGV."))
        captions = value.get("captions")
        if captions and not captions.file.name.lower().endswith(".vtt"):
            errors["captions"] = forms.ValidationError(_("Captions must be a WebVTT (.vtt) file."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class AudioBlock(blocks.StructBlock):
    """Recorded audio (an interview, a speech, a radio piece) with its transcript for deaf
    readers: coverage material as the SOPs name it (*audio, foto, atau video*)."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    file = DocumentChooserBlock(
        label=_("audio file"), help_text=_("MP3, OGG, Opus, M4A or WAV uploaded to the library.")
    )
    caption = blocks.TextBlock(label=_("caption"), required=False, help_text=NARRATIVE_HELP)
    transcript = blocks.TextBlock(
        label=_("transcript"), help_text=_("What is said, for readers who cannot hear it.")
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "home/blocks/audio.html"

    def clean(self, value):
        value = super().clean(value)
        audio = value.get("file")
        if audio and not audio.file.name.lower().endswith(AUDIO_EXTENSIONS):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "file": forms.ValidationError(
                        _("The audio file must be MP3, OGG, Opus, M4A or WAV.")
                    )
                }
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "home/blocks/document.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="home/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    audio = AudioBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
