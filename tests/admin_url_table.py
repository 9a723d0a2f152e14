"""Every URL pattern the project serves, classified for the tenant-isolation census.

``tests/test_admin_url_census.py`` walks Django's URL resolver over ``cms.urls`` (Wagtail
core's patterns and ours) and fails on any pattern missing here; then it probes each one as
every role of one institution with another institution's object ids.

Kinds:

``OPERATOR``
    Sites, users, groups, workflows, collections, redirects…: institution users are refused
    (403, 404, or a redirect to the dashboard or the login page) and see nothing of another
    institution.
``OBJECT``
    A view of one object named in the URL: ``kwargs`` maps each URL argument to the key of
    the probe's fixture that supplies *another* institution's object (see ``foreign_ids`` in
    the census test); the view must refuse it without showing any of that object.
``LISTING``
    A listing, report, chooser or page of the user's own (dashboard, account): it may answer
    200 but must not show another institution's rows, names, titles or filter choices.
    ``query`` adds parameters: a search term that finds the other institution's rows, never
    the marker itself (a search page shows its term back).
``PUBLIC``
    Public site URLs outside ``/admin/``: covered by the public-site tests, not probed here.

``post`` also sends an empty POST (only on ``OBJECT`` and ``OPERATOR`` URLs, with the other
institution's ids, so it can never change the probing institution's data). ``skip`` says why
a URL is not requested (it would end the probe's session, or it raises on purpose).
``harmless`` says why an object URL may answer without refusing (the body is still checked).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

OPERATOR = "operator"
OBJECT = "object"
LISTING = "listing"
PUBLIC = "public"


@dataclass(frozen=True)
class Url:
    kind: str
    kwargs: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    post: bool = True
    skip: str = ""
    path: str = ""  # for a pattern without a name: the path to request
    harmless: str = ""  # why an answer other than a refusal is right here (body still checked)


def operator(**kwargs: str) -> Url:
    return Url(OPERATOR, kwargs=kwargs)


def obj(**kwargs: str) -> Url:
    return Url(OBJECT, kwargs=kwargs)


def listing(**query: str) -> Url:
    return Url(LISTING, query=query)


THIS_YEAR = datetime.now(ZoneInfo("Asia/Jakarta")).year  # the year agenda numbers carry
PAGE = {"page_id": "page"}
NEWS_TYPE = {"content_type_app_name": "news_app", "content_type_model_name": "news_model"}
TASK_STATE = {"page_id": "page", "action_name": "approve", "task_state_id": "task_state"}
EDITING = {"app_label": "page_app", "model_name": "page_model", "object_id": "page"}

#: route (as the resolver joins it) → classification
ADMIN_URLS: dict[str, Url] = {
    # --- second sign-in step (home.security): the user's own account ---
    "admin/signin/": listing(),
    "admin/signin/verify/": listing(),
    "admin/signin/enrol/": listing(),
    "admin/signin/recovery-codes/": listing(),
    "admin/signin/new-codes/": listing(),
    "admin/signin/disable/": listing(),
    # --- dashboard, account, assets ---
    "admin/": listing(),
    "admin/test404/": Url(LISTING, path="/admin/test404/"),
    "admin/failwhale/": Url(OPERATOR, skip="raises on purpose (Wagtail's error test)"),
    "admin/account/": listing(),
    "admin/logout/": Url(LISTING, skip="ends the probe's session"),
    "admin/dismissibles/": listing(),
    "admin/block-preview/": listing(),
    "admin/sprite/": listing(),
    "admin/jsi18n/": listing(),
    "admin/login/": listing(),
    "admin/password_reset/": listing(),
    "admin/password_reset/done/": listing(),
    "admin/password_reset/confirm/<uidb64>/<token>/": Url(
        LISTING, path="/admin/password_reset/confirm/MQ/bukan-token/"
    ),
    "admin/password_reset/complete/": listing(),
    "admin/^.*/$": Url(LISTING, path="/admin/tidak-ada/"),
    # --- admin API: the explorer's page tree; images and documents list every institution's
    # media and nothing in the admin reads them, so they are the operators' (home.admin_guard)
    "admin/api/main/^pages/": Url(LISTING, query={"child_of": "news_index"}),
    "admin/api/main/^pages/<int:pk>/": obj(pk="page"),
    "admin/api/main/^pages/find/": Url(OBJECT, query={"id": "page"}),
    "admin/api/main/^pages/<int:pk>/action/<str:action_name>/": Url(
        OBJECT, kwargs={"pk": "page", "action_name": "copy"}
    ),
    "admin/api/main/^documents/": operator(),
    "admin/api/main/^documents/<int:pk>/": operator(pk="document"),
    "admin/api/main/^documents/find/": Url(OPERATOR, query={"id": "document"}),
    "admin/api/main/^images/": operator(),
    "admin/api/main/^images/<int:pk>/": operator(pk="image"),
    "admin/api/main/^images/find/": Url(OPERATOR, query={"id": "image"}),
    # --- pages ---
    "admin/pages/": listing(),
    "admin/pages/<int:parent_page_id>/": obj(parent_page_id="news_index"),
    "admin/pages/<int:parent_page_id>/results/": obj(parent_page_id="news_index"),
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": Url(
        OBJECT,
        kwargs={"app_label": "page_app", "model_name": "page_model", "action": "delete"},
        query={"id": "page", "next": "news_index"},
    ),
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
    "<int:parent_page_id>/": obj(
        content_type_app_name="news_app",
        content_type_model_name="news_model",
        parent_page_id="news_index",
    ),
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
    "<int:parent_page_id>/preview/": obj(
        content_type_app_name="news_app",
        content_type_model_name="news_model",
        parent_page_id="news_index",
    ),
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/": Url(
        LISTING, kwargs=NEWS_TYPE
    ),
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/": Url(
        LISTING, kwargs=NEWS_TYPE
    ),
    "admin/pages/create/<slug:app_label>/<slug:model_name>": Url(
        LISTING, kwargs={"app_label": "news_app", "model_name": "news_model"}
    ),
    "admin/pages/<int:page_id>/usage/": obj(**PAGE),
    "admin/pages/<int:page_id>/edit/": obj(**PAGE),
    "admin/pages/<int:page_id>/edit/preview/": obj(**PAGE),
    "admin/pages/<int:page_id>/view_draft/": obj(**PAGE),
    "admin/pages/<int:parent_page_id>/add_subpage/": obj(parent_page_id="news_index"),
    "admin/pages/<int:page_id>/delete/": obj(**PAGE),
    "admin/pages/<int:page_id>/unpublish/": obj(page_id="live_page"),
    "admin/pages/<int:page_id>/convert_alias/": obj(**PAGE),
    "admin/pages/search/": listing(q="rahasia"),
    "admin/pages/search/results/": listing(q="rahasia"),
    "admin/pages/<int:page_to_move_id>/move/": obj(page_to_move_id="page"),
    "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/": obj(
        page_to_move_id="page", destination_id="news_index"
    ),
    "admin/pages/<int:page_to_move_id>/set_position/": obj(page_to_move_id="page"),
    "admin/pages/<int:page_id>/copy/": obj(**PAGE),
    "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/": obj(
        **TASK_STATE
    ),
    "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/"
    "<int:task_state_id>/": obj(**TASK_STATE),
    "admin/pages/workflow/confirm_cancellation/<int:page_id>/": obj(**PAGE),
    "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/": obj(
        page_id="page", task_id="task"
    ),
    "admin/pages/<int:page_id>/privacy/": obj(**PAGE),
    "admin/pages/<int:page_id>/lock/": obj(**PAGE),
    "admin/pages/<int:page_id>/unlock/": obj(**PAGE),
    "admin/pages/<int:page_id>/revisions/": obj(**PAGE),
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/view/": obj(
        page_id="page", revision_id="revision"
    ),
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/": obj(
        page_id="page", revision_id="revision"
    ),
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/": obj(
        page_id="page", revision_id="revision"
    ),
    "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)"
    "\\.\\.\\.(?P<revision_id_b>live|latest|\\d+)/$": obj(
        pk="page", revision_id_a="earliest", revision_id_b="latest"
    ),
    "admin/pages/<int:page_id>/workflow_history/": obj(**PAGE),
    "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/": obj(
        page_id="page", workflow_state_id="workflow_state"
    ),
    "admin/pages/<int:page_id>/history/": obj(**PAGE),
    "admin/pages/<int:page_id>/history/results/": obj(**PAGE),
    # --- page chooser and link choosers ---
    "admin/choose-page/": listing(),
    "admin/choose-page/<int:parent_page_id>/": obj(parent_page_id="news_index"),
    "admin/choose-page/search/": listing(q="rahasia"),
    "admin/choose-page/chosen-multiple/": Url(OBJECT, query={"id": "page"}),
    "admin/choose-external-link/": listing(),
    "admin/choose-email-link/": listing(),
    "admin/choose-phone-link/": listing(),
    "admin/choose-anchor-link/": listing(),
    # --- tags ---
    "admin/tag-autocomplete/": listing(term="zet"),
    "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/": Url(
        LISTING, kwargs={"app_name": "tag_app", "model_name": "tag_model"}, query={"term": "zet"}
    ),
    # --- collections, workflows, tasks: operators ---
    "admin/collections/": operator(),
    "admin/collections/add/": operator(),
    "admin/collections/<int:pk>/": operator(pk="collection"),
    "admin/collections/<int:pk>/delete/": operator(pk="collection"),
    "admin/collections/<int:collection_id>/privacy/": operator(collection_id="collection"),
    "admin/workflows/list/": operator(),
    "admin/workflows/list/results/": operator(),
    "admin/workflows/add/": operator(),
    "admin/workflows/enable/<int:pk>/": operator(pk="workflow"),
    "admin/workflows/disable/<int:pk>/": operator(pk="workflow"),
    "admin/workflows/edit/<int:pk>/": operator(pk="workflow"),
    "admin/workflows/usage/<int:pk>/": operator(pk="workflow"),
    "admin/workflows/usage/<int:pk>/results/": operator(pk="workflow"),
    "admin/workflows/remove/<int:page_pk>/": operator(page_pk="home"),
    "admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/": operator(
        page_pk="home", workflow_pk="workflow"
    ),
    "admin/workflows/tasks/add/<str:app_label>/<str:model_name>/": operator(
        app_label="task_app", model_name="task_model"
    ),
    "admin/workflows/tasks/select_type/": operator(),
    "admin/workflows/tasks/index/": operator(),
    "admin/workflows/tasks/index/results/": operator(),
    "admin/workflows/tasks/edit/<int:pk>/": operator(pk="task"),
    "admin/workflows/tasks/disable/<int:pk>/": operator(pk="task"),
    "admin/workflows/tasks/enable/<int:pk>/": operator(pk="task"),
    "admin/workflows/task_chooser/": operator(),
    "admin/workflows/task_chooser/results/": operator(),
    "admin/workflows/task_chooser/create/": operator(),
    "admin/workflows/task_chooser/<int:task_id>/": operator(task_id="task"),
    # --- Wagtail's reports (page types usage counts every institution: operators') ---
    "admin/reports/locked/": listing(),
    "admin/reports/locked/results/": listing(),
    "admin/reports/workflow/": listing(),
    "admin/reports/workflow/results/": listing(),
    "admin/reports/workflow_tasks/": listing(),
    "admin/reports/workflow_tasks/results/": listing(),
    "admin/reports/site-history/": listing(),
    "admin/reports/site-history/results/": listing(),
    "admin/reports/aging-pages/": listing(),
    "admin/reports/aging-pages/results/": listing(),
    "admin/reports/page-types-usage/": operator(),
    "admin/reports/page-types-usage/results/": operator(),
    # --- editing sessions ---
    "admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/"
    "<int:session_id>/": obj(**EDITING, session_id="editing_session"),
    "admin/editing-sessions/release/<int:session_id>/": Url(
        OBJECT,
        kwargs={"session_id": "editing_session"},
        harmless="deletes only the requesting user's own sessions; answers an empty JSON",
    ),
    # --- SOP (sop_workflow) ---
    "admin/sop/requirements/<int:task_state_id>/": obj(task_state_id="task_state"),
    # the buku agenda of this year (the other institution's entries are of this year too)
    "admin/sop/agenda/<int:year>/": Url(LISTING, path=f"/admin/sop/agenda/{THIS_YEAR}/"),
    "admin/sop/agenda/<int:year>/pdf/": Url(LISTING, path=f"/admin/sop/agenda/{THIS_YEAR}/pdf/"),
    "admin/sop/archive/<int:record_id>/": obj(record_id="archive_record"),
    "admin/sop/archive/<int:record_id>/pdf/": obj(record_id="archive_record"),
    "admin/sop/document/": listing(),
    "admin/sop/document/<int:installed_id>/": obj(installed_id="installed_sop"),
    "admin/sop/document/<int:installed_id>/pdf/": obj(installed_id="installed_sop"),
    "admin/sop/follow-ups/<int:todo_id>/done/": obj(todo_id="follow_up"),
    "admin/sop/actions/<int:task_state_id>/": obj(task_state_id="task_state"),
    "admin/sop/guide/": listing(),
    "admin/sop/guide/pdf/": Url(
        LISTING, skip="the guide above as a PDF (same context; a PDF's text is compressed)"
    ),
    "admin/sop/reports/compliance/": listing(),
    "admin/sop/reports/compliance/results/": listing(),
    "admin/sop/dispositions/": listing(),
    "admin/sop/dispositions/results/": listing(),
    "admin/sop/dispositions/new/": listing(),
    "admin/sop/dispositions/edit/<int:pk>/": obj(pk="disposition"),
    "admin/sop/dispositions/delete/<int:pk>/": obj(pk="disposition"),
    "admin/sop/dispositions/history/<int:pk>/": obj(pk="disposition"),
    "admin/sop/dispositions/history-results/<int:pk>/": obj(pk="disposition"),
    "admin/sop/dispositions/usage/<int:pk>/": obj(pk="disposition"),
    "admin/sop/dispositions/inspect/<int:pk>/": obj(pk="disposition"),
    "admin/sop/dispositions/<int:pk>/draft/": obj(pk="disposition"),
    "admin/sop/dispositions/<int:pk>/link/": obj(pk="disposition"),
    # --- regional roll-up (home.oversight): institutions below the reader's region ---
    "admin/oversight/": listing(),
    "admin/oversight/results/": listing(),
    "admin/oversight/institutions/<int:site_id>/": obj(site_id="site"),
    # --- regional offers (home.regional): a region's article offered to those below it ---
    "admin/regional/offer/<int:page_id>/": obj(page_id="live_page"),
    "admin/regional/offers/<int:offer_id>/<int:site_id>/adopt/": obj(
        offer_id="article_offer", site_id="site"
    ),
    "admin/regional/offers/<int:offer_id>/<int:site_id>/decline/": obj(
        offer_id="article_offer", site_id="site"
    ),
    "admin/sop/intake-register/": listing(),
    "admin/sop/intake-register/results/": listing(),
    "admin/sop/intake-register/new/": listing(),
    "admin/sop/intake-register/edit/<int:pk>/": obj(pk="intake_entry"),
    "admin/sop/intake-register/delete/<int:pk>/": obj(pk="intake_entry"),
    "admin/sop/intake-register/history/<int:pk>/": obj(pk="intake_entry"),
    "admin/sop/intake-register/history-results/<int:pk>/": obj(pk="intake_entry"),
    "admin/sop/intake-register/usage/<int:pk>/": obj(pk="intake_entry"),
    "admin/sop/intake-register/inspect/<int:pk>/": obj(pk="intake_entry"),
    # --- social publishing ---
    "admin/social/messages/<int:page_id>/": obj(**PAGE),
    "admin/social/channels/": listing(),
    "admin/social/channels/results/": listing(),
    "admin/social/channels/new/": listing(),
    "admin/social/channels/edit/<int:pk>/": obj(pk="channel"),
    "admin/social/channels/delete/<int:pk>/": obj(pk="channel"),
    "admin/social/channels/history/<int:pk>/": obj(pk="channel"),
    "admin/social/channels/history-results/<int:pk>/": obj(pk="channel"),
    "admin/social/channels/usage/<int:pk>/": obj(pk="channel"),
    "admin/social/channels/inspect/<int:pk>/": obj(pk="channel"),
    "admin/social/channels/connect/ckan/": listing(),
    "admin/social/channels/connect/sandbox/": listing(),
    "admin/social/channels/connect/<slug:kind>/": Url(LISTING, kwargs={"kind": "channel_kind"}),
    "admin/social/channels/callback/<slug:kind>/": Url(
        LISTING, kwargs={"kind": "channel_kind"}, query={"state": "bukan", "code": "bukan"}
    ),
    "admin/social/channels/<int:pk>/reconnect/": obj(pk="channel"),
    "admin/social/channels/<int:pk>/check/": obj(pk="channel"),
    "admin/social/syndications/": listing(),
    "admin/social/syndications/results/": listing(),
    "admin/social/syndications/inspect/<int:pk>/": obj(pk="syndication"),
    "admin/social/syndications/<int:pk>/retry/": obj(pk="syndication"),
    "admin/social/syndications/page/<int:page_id>/": obj(page_id="live_page"),
    "admin/social/syndications/page/<int:page_id>/share-again/": obj(page_id="live_page"),
    "admin/social/sandbox/": listing(),
    "admin/social/sandbox/results/": listing(),
    "admin/social/sandbox/posts/<int:pk>/": obj(pk="sandbox_post"),
    # --- accessibility ---
    "admin/accessibility/pages/<int:page_id>/language/": obj(**PAGE),
    "admin/accessibility/report/": listing(),
    "admin/accessibility/report/results/": listing(),
    # --- form submissions (wagtail.contrib.forms; no form page type yet) ---
    "admin/forms/": listing(),
    "admin/forms/results/": listing(),
    "admin/forms/submissions/<int:page_id>/": obj(page_id="live_page"),
    "admin/forms/submissions/<int:page_id>/results/": obj(page_id="live_page"),
    "admin/forms/submissions/<int:page_id>/delete/": obj(page_id="live_page"),
    # --- redirects: operators ---
    "admin/redirects/": operator(),
    "admin/redirects/results/": operator(),
    "admin/redirects/add/": operator(),
    "admin/redirects/<int:redirect_id>/": operator(redirect_id="redirect"),
    "admin/redirects/<int:redirect_id>/delete/": operator(redirect_id="redirect"),
    "admin/redirects/import/": operator(),
    "admin/redirects/import/process/": operator(),
    # --- settings: the institution profile ---
    "admin/settings/<slug:app_name>/<slug:model_name>/": Url(
        LISTING, kwargs={"app_name": "settings_app", "model_name": "settings_model"}
    ),
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/": obj(
        app_name="settings_app", model_name="settings_model", pk="site"
    ),
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/": obj(
        app_name="settings_app", model_name="settings_model", pk="site"
    ),
    # --- embeds, snippets ---
    "admin/embeds/chooser/": listing(),
    "admin/embeds/chooser/upload/": listing(),
    "admin/snippets/": listing(),
    # --- documents ---
    "admin/documents/": listing(),
    "admin/documents/results/": listing(),
    "admin/documents/add/": listing(),
    "admin/documents/edit/<int:document_id>/": obj(document_id="document"),
    "admin/documents/delete/<int:document_id>/": obj(document_id="document"),
    "admin/documents/multiple/add/": listing(),
    "admin/documents/multiple/<int:doc_id>/": obj(doc_id="document"),
    "admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/": obj(
        uploaded_file_id="uploaded_document"
    ),
    "admin/documents/multiple/<int:doc_id>/delete/": obj(doc_id="document"),
    "admin/documents/multiple/delete_upload/<int:uploaded_file_id>/": obj(
        uploaded_file_id="uploaded_document"
    ),
    "admin/documents/usage/<int:document_id>/": obj(document_id="document"),
    "admin/documents/chooser/": listing(),
    "admin/documents/chooser/results/": listing(q="dokumen"),
    "admin/documents/chooser/chosen/<str:pk>/": obj(pk="document"),
    "admin/documents/chooser/chosen-multiple/": Url(
        OBJECT, query={"id": "document"}, harmless="returns only the user's choosable documents"
    ),
    "admin/documents/chooser/create/": listing(),
    # --- images ---
    "admin/images/": listing(),
    "admin/images/results/": listing(),
    "admin/images/<int:image_id>/": obj(image_id="image"),
    "admin/images/<int:image_id>/delete/": obj(image_id="image"),
    "admin/images/<int:image_id>/generate_url/": obj(image_id="image"),
    "admin/images/<int:image_id>/generate_url/output/": obj(image_id="image"),
    "admin/images/<int:image_id>/preview/<str:filter_spec>/": obj(
        image_id="image", filter_spec="filter_spec"
    ),
    "admin/images/add/": listing(),
    "admin/images/usage/<int:image_id>/": obj(image_id="image"),
    "admin/images/multiple/add/": listing(),
    "admin/images/multiple/<int:image_id>/": obj(image_id="image"),
    "admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/": obj(
        uploaded_file_id="uploaded_image"
    ),
    "admin/images/multiple/<int:image_id>/delete/": obj(image_id="image"),
    "admin/images/multiple/delete_upload/<int:uploaded_file_id>/": obj(
        uploaded_file_id="uploaded_image"
    ),
    "admin/images/chooser/": listing(),
    "admin/images/chooser/results/": listing(q="foto"),
    "admin/images/chooser/chosen/<str:pk>/": obj(pk="image"),
    "admin/images/chooser/chosen-multiple/": Url(
        OBJECT, query={"id": "image"}, harmless="returns only the user's choosable images"
    ),
    "admin/images/chooser/create/": listing(),
    "admin/images/chooser/<int:image_id>/select_format/": obj(image_id="image"),
    # --- sites, groups: operators ---
    "admin/sites/": operator(),
    "admin/sites/results/": operator(),
    "admin/sites/new/": operator(),
    "admin/sites/edit/<int:pk>/": operator(pk="site"),
    "admin/sites/delete/<int:pk>/": operator(pk="site"),
    "admin/sites/history/<int:pk>/": operator(pk="site"),
    "admin/sites/history-results/<int:pk>/": operator(pk="site"),
    "admin/sites/usage/<int:pk>/": operator(pk="site"),
    "admin/sites/copy/<int:pk>/": operator(pk="site"),
    # users: each institution administrator manages its own staff (home/staff)
    "admin/users/": listing(),
    "admin/users/results/": listing(),
    "admin/users/new/": listing(),
    "admin/users/edit/<int:pk>/": obj(pk="user"),
    "admin/users/delete/<int:pk>/": obj(pk="user"),
    "admin/users/history/<int:pk>/": obj(pk="user"),
    "admin/users/history-results/<int:pk>/": obj(pk="user"),
    "admin/users/usage/<int:pk>/": obj(pk="user"),
    "admin/users/copy/<int:pk>/": obj(pk="user"),
    "admin/staff/invite/": listing(),
    "admin/staff/<int:pk>/leave/": obj(pk="user"),
    "admin/staff/<int:pk>/password-link/": obj(pk="user"),
    "admin/password-link/<str:token>/": Url(LISTING, path="/admin/password-link/bukan-token/"),
    "admin/groups/": operator(),
    "admin/groups/results/": operator(),
    "admin/groups/new/": operator(),
    "admin/groups/edit/<int:pk>/": operator(pk="group"),
    "admin/groups/delete/<int:pk>/": operator(pk="group"),
    "admin/groups/history/<int:pk>/": operator(pk="group"),
    "admin/groups/history-results/<int:pk>/": operator(pk="group"),
    "admin/groups/usage/<int:pk>/": operator(pk="group"),
    # --- public site (not admin; covered by the public-site tests) ---
    "documents/^(\\d+)/(.*)$": Url(PUBLIC),
    "documents/authenticate_with_password/<int:restriction_id>/": Url(PUBLIC),
    "sitemap.xml": Url(PUBLIC),
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": Url(PUBLIC),
    "_util/login/": Url(PUBLIC),
    "alternatif/<int:page_id>/<slug:kind>/<str:filename>": Url(PUBLIC),
    "^((?:[\\w\\-]+/)*)$": Url(PUBLIC),
}
