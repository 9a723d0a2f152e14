"""The page editor's form of every institution page type."""

from __future__ import annotations

from django.db import transaction
from wagtail.admin.forms import WagtailAdminPageForm

# Publication state is changed by publishing and unpublishing a revision, never by the edit form.
PUBLICATION_FIELDS = ("live", "live_revision_id", "first_published_at", "last_published_at")


class InstitutionPageForm(WagtailAdminPageForm):
    """The page editor's form: a draft save never changes whether the page is live.

    Wagtail 8 autosaves the editor every half second. For a page that is not live yet its
    save writes the whole page row from the copy it loaded, so an autosave still in flight when
    the editor presses "Publish" would write ``live=False`` back over the publication that just
    committed: the editor is told "published" and the public never sees the page. The form's
    own save therefore takes the publication fields from the database row, locked inside the
    save's transaction.

    Fields with a callable default (the news date) lose Django's hidden initial value: Wagtail's
    panels never render that input, so such a field always looked changed, and approving from
    the editor saved a new revision under the approver's name.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.show_hidden_initial = False

    def save(self, commit=True):
        if commit and self.instance.pk:
            rows = type(self.instance)._default_manager.filter(pk=self.instance.pk)
            if not transaction.get_autocommit():  # inside a transaction: lock the row
                rows = rows.select_for_update()
            current = rows.values(*PUBLICATION_FIELDS).first()
            for field, value in (current or {}).items():
                setattr(self.instance, field, value)
        return super().save(commit=commit)
